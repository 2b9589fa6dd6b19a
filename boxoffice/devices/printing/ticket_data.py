"""What a printed ticket says, read once from the store into plain values.

Drivers never touch the database: the print queue renders in its worker
thread from these snapshots, so a redirected job can be rendered again for a
different printer without a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.catalogue import venues
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.pdf_fonts import has_cjk
from boxoffice.store.models import (
    Event,
    GAArea,
    Performance,
    PriceType,
    Row,
    Seat,
    Section,
    Ticket,
    TicketStatus,
)

DEFAULT_TERMS = {
    "en": "Valid for one admission. No re-entry. Resale void. Keep this ticket dry and flat.",
    "zh": "本票一人一次有效，离场不得再入。请妥善保管，遗失不补。",
}
#: Ticket states that may be printed: a refunded or voided ticket must not leave the printer.
PRINTABLE = (TicketStatus.VALID,)


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketData:
    """Everything the template can show, already formatted where it is not money."""

    ticket_id: int
    serial: str
    barcode: str
    event: str
    starts_at: datetime  # in the venue's time zone
    venue: str
    section: str = ""
    row: str = ""
    seat: str = ""
    area: str = ""
    price_type: str
    price: Money
    tax: Money
    tax_rate: Decimal
    holder: str = ""
    order_number: str = ""
    reissue: int = 0
    terms: str = ""
    language: str = "en"

    @property
    def is_ga(self) -> bool:
        return bool(self.area)


def load(session: Session, ticket_id: int, *, language: str | None = None) -> TicketData:
    """The printable snapshot of one issued, valid ticket."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("print_ticket_not_found", ticket=ticket_id)
    if ticket.status not in PRINTABLE or not ticket.serial or not ticket.barcode:
        raise ValidationError(
            "print_ticket_not_printable",
            ticket=ticket.serial or ticket_id,
            status=ticket.status.value,
        )
    performance = session.get(Performance, ticket.performance_id)
    assert performance is not None
    event = session.get(Event, performance.event_id)
    assert event is not None
    venue = venues.of_performance(session, performance)
    price_type = session.get(PriceType, ticket.price_type_id)
    assert price_type is not None
    try:
        tz = ZoneInfo(venue.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "print_venue_timezone_unknown", venue=venue.name, timezone=venue.timezone
        ) from None
    place: dict[str, str] = {}
    if ticket.seat_id is not None:
        seat = session.get(Seat, ticket.seat_id)
        assert seat is not None
        row = session.get(Row, seat.row_id)
        assert row is not None
        section = session.get(Section, row.section_id)
        assert section is not None
        place = {"section": section.name, "row": row.name, "seat": seat.number}
    else:
        area = session.get(GAArea, ticket.ga_area_id)
        assert area is not None
        place = {"area": area.name}
    order = ticket.order
    lang = language or ("zh" if has_cjk(event.name) else "en")
    terms = settings.find(session, f"tickets.terms.{lang}") or DEFAULT_TERMS.get(lang, "")
    return TicketData(
        ticket_id=ticket.id,
        serial=ticket.serial,
        barcode=ticket.barcode,
        event=event.name,
        starts_at=performance.starts_at.astimezone(tz),
        venue=venue.name,
        price_type=price_type.name,
        price=Money(ticket.price_minor, performance.currency),
        tax=Money(ticket.tax_minor, performance.currency),
        tax_rate=Decimal(ticket.tax_rate_bp) / 100,
        holder=order.customer.name if order.customer is not None else "",
        order_number=order.number,
        reissue=ticket.reissue,
        terms=terms,
        language=lang,
        **place,
    )
