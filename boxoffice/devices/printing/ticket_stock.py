"""Blank ticket stock per printer: loaded, printed, voided, spoiled, and what is left.

Ticket stock is accountable (numbered or security paper at many venues), so
the end-of-day report reconciles it: on hand = loaded − printed − spoiled.
Voided tickets were printed and later destroyed; they are counted for the
report but do not come back as blank stock. Printing is recorded by the print
queue; loading, spoiling and voiding by the clerk, and audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.store.models import StockMovementKind, TicketStockMovement

MAX_LOAD = 100_000


@dataclass(frozen=True)
class StockSummary:
    printer: str
    loaded: int = 0
    printed: int = 0
    voided: int = 0
    spoiled: int = 0

    @property
    def on_hand(self) -> int:
        return self.loaded - self.printed - self.spoiled


def _add(
    session: Session,
    actor: Actor,
    printer: str,
    kind: StockMovementKind,
    quantity: int,
    *,
    now: datetime | None,
    serial: str | None = None,
    note: str = "",
) -> TicketStockMovement:
    if not printer.strip():
        raise ValidationError("stock_printer_missing")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 0 < quantity <= MAX_LOAD:
        raise ValidationError("stock_quantity_invalid", most=MAX_LOAD, quantity=quantity)
    row = TicketStockMovement(
        at=now or utc_now(),
        printer=printer,
        terminal=actor.terminal,
        kind=kind,
        quantity=quantity,
        user_id=actor.user_id,
        username=actor.username,
        ticket_serial=serial,
        note=note[:200],
    )
    session.add(row)
    return row


def load(
    session: Session, actor: Actor, printer: str, quantity: int, *, now: datetime | None = None
) -> TicketStockMovement:
    """Blank stock put into ``printer``."""
    row = _add(session, actor, printer, StockMovementKind.LOADED, quantity, now=now)
    audit.record(session, actor, "ticket_stock.load", f"printer:{printer}", {"quantity": quantity})
    return row


def printed(
    session: Session,
    actor: Actor,
    printer: str,
    quantity: int = 1,
    *,
    serial: str | None = None,
    now: datetime | None = None,
) -> TicketStockMovement:
    """Called by the print queue for each ticket the printer used stock for."""
    return _add(
        session, actor, printer, StockMovementKind.PRINTED, quantity, now=now, serial=serial
    )


def spoil(
    session: Session,
    actor: Actor,
    printer: str,
    quantity: int,
    reason: str,
    *,
    now: datetime | None = None,
) -> TicketStockMovement:
    """Stock lost to a jam, misprint or test; needs a reason and is audited."""
    if not reason.strip():
        raise ValidationError("stock_spoil_reason_missing")
    row = _add(session, actor, printer, StockMovementKind.SPOILED, quantity, now=now, note=reason)
    audit.record(
        session,
        actor,
        "ticket_stock.spoil",
        f"printer:{printer}",
        {"quantity": quantity, "reason": reason},
    )
    return row


def void(
    session: Session,
    actor: Actor,
    printer: str,
    serial: str,
    reason: str,
    *,
    now: datetime | None = None,
) -> TicketStockMovement:
    """A printed ticket taken back and destroyed (e.g. after a reprint); audited."""
    if not serial.strip() or not reason.strip():
        raise ValidationError("stock_void_incomplete")
    row = _add(
        session, actor, printer, StockMovementKind.VOIDED, 1, now=now, serial=serial, note=reason
    )
    audit.record(
        session,
        actor,
        "ticket_stock.void",
        f"ticket:{serial}",
        {"printer": printer, "reason": reason},
    )
    return row


def summary(
    session: Session,
    printer: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> StockSummary:
    """Counts by kind for ``printer`` (between ``since`` inclusive and ``until`` exclusive)."""
    q = (
        select(TicketStockMovement.kind, func.sum(TicketStockMovement.quantity))
        .where(TicketStockMovement.printer == printer)
        .group_by(TicketStockMovement.kind)
    )
    if since is not None:
        q = q.where(TicketStockMovement.at >= since)
    if until is not None:
        q = q.where(TicketStockMovement.at < until)
    counts = {StockMovementKind(k).value: int(n) for k, n in session.execute(q)}
    return StockSummary(printer, **counts)


def printers(session: Session) -> list[str]:
    """Every printer that has stock movements, for the end-of-day report."""
    q = select(TicketStockMovement.printer).distinct().order_by(TicketStockMovement.printer)
    return list(session.scalars(q))
