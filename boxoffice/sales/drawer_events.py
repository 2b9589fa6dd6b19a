""" "Open the drawer" as an event that fires when the booking commits.

A tender paid on its own (``checkout.pay``: a reservation, an exchange)
and the no-sale service call ``request_open`` inside their transaction (a
sale through the sell op does not: the op opens the terminal's drawer
itself, through its context's devices, after its commit); the listeners
(the cash drawer device) are told right after the commit, before any ticket
is printed, and never when the transaction rolls back. Listeners must
return at once (the drawer queues its pulse on its own thread), because they
run on the thread that committed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

_KEY = "drawer_open_requests"


@dataclass(frozen=True)
class DrawerOpen:
    reason: str  # "cash" (a cash tender) or "no_sale"
    terminal: str
    subject: str  # "order:W1-000123" or "no_sale"


Listener = Callable[[DrawerOpen], None]
_listeners: list[Listener] = []
_lock = threading.Lock()


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call ``listener`` after each commit that opens the drawer; returns an unsubscribe."""
    with _lock:
        _listeners.append(listener)

    def unsubscribe() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return unsubscribe


def request_open(session: Session, request: DrawerOpen) -> None:
    """Open the drawer once this session's transaction commits."""
    session.info.setdefault(_KEY, []).append(request)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    requests = session.info.pop(_KEY, None)
    if not requests:
        return
    with _lock:
        listeners = list(_listeners)
    for request in dict.fromkeys(requests):  # two cash tenders in one sale: one opening
        for listener in listeners:
            try:
                listener(request)
            except Exception:  # the sale is booked; a drawer problem must not undo it
                log.exception("drawer listener failed")


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction: object) -> None:
    session.info.pop(_KEY, None)
