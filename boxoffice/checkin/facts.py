"""What the door knows about a ticket, and why it may not pass.

Read with prebuilt Core statements: this is the scan's hot path. A ticket
is named by the key that signed its barcode and its id (ids are unique per
issuing terminal only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from boxoffice.checkin.context import DoorContext
from boxoffice.checkin.verdicts import Outcome, Reason, Verdict
from boxoffice.sales import barcodes
from boxoffice.store.models import BarcodeRevocation, Order, Performance, Ticket, TicketStatus

_STATUS_REVOKED = {
    TicketStatus.REFUNDED: "refunded",
    TicketStatus.VOIDED: "voided",
    TicketStatus.EXCHANGED: "exchanged",
    TicketStatus.CANCELLED: "cancelled",
}
#: Revocation reasons with their own words (``checkin_revoked``'s ``because`` term).
REVOKED_BECAUSE = frozenset({"refunded", "voided", "exchanged", "cancelled", "reprinted"})


class _Row(NamedTuple):
    """The columns of a stored ticket the door needs (read with Core: the hot path)."""

    id: int
    order_id: int
    serial: str | None
    performance_id: int
    seat_id: int | None
    ga_area_id: int | None
    price_type_id: int
    status: TicketStatus
    reissue: int
    key_id: str | None


_ROW_COLUMNS = (
    Ticket.id,
    Ticket.order_id,
    Ticket.serial,
    Ticket.performance_id,
    Ticket.seat_id,
    Ticket.ga_area_id,
    Ticket.price_type_id,
    Ticket.status,
    Ticket.reissue,
    Ticket.key_id,
)


# Statements of the hot path, built once: a scan only binds its values.
_ROW_BY_ID = select(*_ROW_COLUMNS).where(Ticket.id == bindparam("ticket_id"))
ROW_BY_SERIAL = select(*_ROW_COLUMNS).where(Ticket.serial == bindparam("serial"))
_REVOCATIONS = select(BarcodeRevocation.reason).where(
    BarcodeRevocation.ticket_id == bindparam("ticket_id"),
    BarcodeRevocation.up_to_reissue >= bindparam("reissue"),
    # A revocation that does not name its key may be for this ticket: refuse.
    or_(BarcodeRevocation.key_id == bindparam("key_id"), BarcodeRevocation.key_id.is_(None)),
)
_ORDER_NUMBER = select(Order.number).where(Order.id == bindparam("order_id"))


def run(session: Session, statement: Any, **params: Any) -> Any:
    """A prebuilt Core statement on the session's connection (no ORM, no autoflush)."""
    return session.connection().execute(statement, params)


def read_row(session: Session, statement: Any, **params: Any) -> _Row | None:
    found = run(session, statement, **params).first()
    return None if found is None else _Row(*found)


def row_of(ticket: Ticket) -> _Row:
    return _Row(*(getattr(ticket, c.key) for c in _ROW_COLUMNS))


@dataclass(frozen=True)
class Facts:
    """What is known about the ticket being judged, from its code and the store."""

    key_id: str
    ticket_id: int
    reissue: int
    performance_id: int
    event_id: int | None
    seat_id: int | None
    ga_area_id: int | None
    price_type_id: int
    row: _Row | None

    @property
    def serial(self) -> str:
        return (self.row.serial or "") if self.row is not None else ""

    @property
    def label(self) -> str:
        """How the door names the ticket: its serial, else its id."""
        return self.serial or str(self.ticket_id)

    def verdict(
        self, outcome: Outcome, code: str, /, *, kw: dict | None = None, **params: object
    ) -> Verdict:
        """A verdict about this ticket: ``code`` with ``ticket`` and ``params``."""
        return Verdict(
            outcome,
            Reason(code, {"ticket": self.label, **params}),
            ticket_id=self.ticket_id,
            serial=self.serial,
            performance_id=self.performance_id,
            **(kw or {}),
        )


def facts_from_claim(session: Session, claim: barcodes.TicketClaim) -> Facts:
    row = read_row(session, _ROW_BY_ID, ticket_id=claim.ticket_id)
    if row is not None and row.key_id != claim.key_id:
        # Same number, another issuer: ticket ids are unique per terminal only,
        # so this store's ticket with that id is a different ticket.
        row = None
    return Facts(
        key_id=claim.key_id,
        ticket_id=claim.ticket_id,
        reissue=claim.reissue,
        performance_id=claim.performance_id,
        event_id=claim.event_id,
        seat_id=claim.seat_id,
        ga_area_id=claim.ga_area_id,
        price_type_id=claim.price_type_id,
        row=row,
    )


def facts_from_row(row: _Row) -> Facts:
    return Facts(
        key_id=row.key_id or "",
        ticket_id=row.id,
        reissue=row.reissue,
        performance_id=row.performance_id,
        event_id=None,
        seat_id=row.seat_id,
        ga_area_id=row.ga_area_id,
        price_type_id=row.price_type_id,
        row=row,
    )


def label(facts: Facts) -> str:
    return f"ticket {facts.serial}" if facts.serial else f"ticket {facts.ticket_id}"


def refusal(session: Session, ctx: DoorContext, facts: Facts, now: datetime) -> Verdict | None:
    """Why this ticket may not pass this door now, or ``None`` if it may."""
    reasons = list(
        run(
            session,
            _REVOCATIONS,
            ticket_id=facts.ticket_id,
            reissue=facts.reissue,
            key_id=facts.key_id,
        ).scalars()
    )
    # A refund outranks "reprinted": the door should say the ticket is dead, not old.
    reason = next((r for r in reasons if r != "reprinted"), reasons[0] if reasons else None)
    row = facts.row
    if reason is None and row is not None:
        if row.status in _STATUS_REVOKED:
            reason = _STATUS_REVOKED[row.status]
        elif row.reissue > facts.reissue:
            reason = "reprinted"
    if reason is not None:
        code = "checkin_revoked" if reason in REVOKED_BECAUSE else "checkin_revoked_other"
        return facts.verdict(Outcome.REVOKED, code, because=reason, kw={"revoked_because": reason})
    if row is not None:
        same = (
            row.performance_id == facts.performance_id
            and row.seat_id == facts.seat_id
            and row.ga_area_id == facts.ga_area_id
            and row.price_type_id == facts.price_type_id
        )
        if not same:
            return facts.verdict(Outcome.FORGED, "checkin_barcode_mismatch")
        if row.status in (TicketStatus.PENDING, TicketStatus.RESERVED):
            number = run(session, _ORDER_NUMBER, order_id=row.order_id).scalar()
            return facts.verdict(Outcome.UNPAID, "checkin_ticket_unpaid", order=number)
    door_window = ctx.windows.get(facts.performance_id)
    if door_window is None:
        performance = session.get(Performance, facts.performance_id)
        event_id = facts.event_id or (performance.event_id if performance else None)
        where = (
            Reason(
                "checkin_performance_at",
                {"event": performance.event.name, "at": f"{performance.starts_at:%Y-%m-%d %H:%M}"},
            )
            if performance is not None
            else Reason("checkin_performance_id", {"performance": facts.performance_id})
        )
        same_show = event_id is not None and event_id in ctx.event_ids
        return facts.verdict(
            Outcome.WRONG_PERFORMANCE if same_show else Outcome.WRONG_EVENT,
            "checkin_wrong_performance" if same_show else "checkin_wrong_event",
            where=where,
            admits=ctx.describe(),
        )
    problem = door_window.problem(now)
    if problem is not None:
        kind, why = problem
        outcome = Outcome.NOT_YET_OPEN if kind == "not_yet_open" else Outcome.EXPIRED
        return facts.verdict(outcome, "checkin_outside_window", why=why)
    return None
