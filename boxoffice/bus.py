"""The event bus: one Qt-free channel that carries change-sets to whoever listens.

An op returns what it changed as a ``ChangeSet`` and publishes it here after
its commit; the sync feed (another terminal's sale, a revocation), the print
queue (a job printed or stopped) and the sync worker (online/offline, queue
length) publish theirs too. Views never poll: the UI's one adapter
(``boxoffice.ui.common.bus_adapter``) re-emits each change-set on the UI
thread, and each view decides from it whether to redraw, and what.

The bus is part of the terminal context (``boxoffice.context``), never a
module global; publishing is thread-safe and a failing listener cannot stop
the others (it is logged).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

log = logging.getLogger(__name__)


def _ids(values: Iterable[object] | None) -> frozenset:
    return frozenset(values or ())


@dataclass(frozen=True)
class ChangeSet:
    """What one action (or one feed batch, one printer event) changed.

    Every field is a set of ids (or a flag); ``a | b`` merges two. An empty
    change-set is falsy.
    """

    #: Performances whose seats or standing places changed (sold, held, released, allocated).
    performances: frozenset[int] = field(default_factory=frozenset)
    #: Seats that changed, as (performance id, seat id): a view may repaint just these.
    seats: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    #: Orders (by uuid) created or changed: sold, refunded, voided, reprinted, collected.
    orders: frozenset[str] = field(default_factory=frozenset)
    #: Tickets (by serial) whose state changed (issued, revoked, admitted).
    tickets: frozenset[str] = field(default_factory=frozenset)
    #: Shifts (by id) whose cash or state changed.
    shifts: frozenset[int] = field(default_factory=frozenset)
    #: Print jobs (by their uuid string, ``PrintJob.id``) queued, printed or stopped.
    print_jobs: frozenset[str] = field(default_factory=frozenset)
    #: Printers/devices (by name) whose state changed (paper out, offline, back).
    devices: frozenset[str] = field(default_factory=frozenset)
    #: The sync state changed (online/offline, operations waiting, conflicts, last contact).
    sync: bool = False
    #: The catalogue changed (events, performances, prices, users, seat maps, settings).
    catalogue: bool = False
    #: Check-ins recorded (by performance id).
    checkins: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, **changes: object) -> ChangeSet:
        """``ChangeSet.of(orders=["u1"], performances=[3], sync=True)``."""
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name in changes:
                value = changes.pop(f.name)
                values[f.name] = bool(value) if f.type == "bool" else _ids(value)  # type: ignore[arg-type]
        if changes:
            raise TypeError(f"unknown change-set fields: {', '.join(sorted(changes))}")
        return cls(**values)  # type: ignore[arg-type]

    def __or__(self, other: ChangeSet) -> ChangeSet:
        values: dict[str, object] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = (a or b) if isinstance(a, bool) else (a | b)
        return ChangeSet(**values)  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = ChangeSet()

Listener = Callable[[ChangeSet], None]


class EventBus:
    """Publish change-sets to subscribers; thread-safe, Qt-free."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changes)`` for every published change-set; returns an unsubscriber."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: ChangeSet) -> None:
        """Hand ``changes`` to every listener (on the caller's thread); empty ones are dropped."""
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # one broken view must not stop the others
                log.exception("change-set listener %r failed", listener)
