"""Finding an order and reading it: the queries the orders screen stands on.

``find_orders`` looks an order up the way a customer at the window names
it: the order number, a ticket's serial, the customer's name, phone (or its
last digits) or email. ``view_order`` returns one order as plain data — its
tickets with event, time and place, its tenders, its customer — and which
after-sale actions its state allows (the services still decide; this only
tells the screen which buttons make sense). Read-only: no change-set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.context import TerminalContext
from boxoffice.errors import NotFound
from boxoffice.money import Money
from boxoffice.sales.checkout import remaining
from boxoffice.sales.customers import search_orders
from boxoffice.store.models import (
    Event,
    GAArea,
    Order,
    OrderStatus,
    Performance,
    PriceType,
    Row,
    Seat,
    Section,
    Ticket,
    TicketStatus,
)


@dataclass(frozen=True)
class OrderSummary:
    """One line of a search result."""

    number: str
    status: str
    total: Money
    customer: str
    created_at: datetime
    tickets: int


@dataclass(frozen=True)
class TicketLine:
    id: int
    serial: str
    status: str
    event: str
    performance: int
    starts_at: datetime
    #: "Stalls, row A, seat 14" as parts; standing tickets name their area instead.
    section: str
    row: str
    seat: str
    area: str
    price_type: str
    price: Money
    printed: bool
    reissue: int


@dataclass(frozen=True)
class PaymentLine:
    kind: str
    amount: Money
    status: str
    card_last4: str


@dataclass(frozen=True)
class OrderView:
    number: str
    uuid: str
    status: str
    terminal: str
    clerk: str
    created_at: datetime
    paid_at: datetime | None
    reserved_until: datetime | None
    total: Money
    remaining: Money
    customer: str
    phone: str
    email: str
    tickets: tuple[TicketLine, ...]
    payments: tuple[PaymentLine, ...]
    #: Which after-sale actions the order's state allows (permissions are checked when done).
    can_refund: bool
    can_exchange: bool
    can_void: bool
    can_pay: bool
    can_release: bool


def _summary(order: Order) -> OrderSummary:
    return OrderSummary(
        number=order.number,
        status=order.status.value,
        total=Money(order.total_minor, order.currency),
        customer=order.customer.name if order.customer is not None else "",
        created_at=order.created_at,
        tickets=len(order.tickets),
    )


def find_orders(ctx: TerminalContext, text: str, limit: int = 50) -> list[OrderSummary]:
    """Orders by number, ticket serial, customer name, phone or email; newest first."""
    with ctx.store.read() as session:
        by_serial = session.scalar(
            select(Ticket.order_id).where(Ticket.serial == text.strip().upper())
        )
        found = [session.get(Order, by_serial)] if by_serial is not None else []
        found += [o for o in search_orders(session, text, limit) if o.id != by_serial]
        return [_summary(o) for o in found if o is not None][:limit]


def _ticket(session: Session, ticket: Ticket) -> TicketLine:
    performance = session.get(Performance, ticket.performance_id)
    assert performance is not None
    event = session.get(Event, performance.event_id)
    price_type = session.get(PriceType, ticket.price_type_id)
    section = row_name = seat_number = area = ""
    if ticket.seat_id is not None:
        seat = session.get(Seat, ticket.seat_id)
        row = session.get(Row, seat.row_id) if seat is not None else None
        sect = session.get(Section, row.section_id) if row is not None else None
        seat_number = seat.number if seat is not None else ""
        row_name = row.name if row is not None else ""
        section = sect.name if sect is not None else ""
    elif ticket.ga_area_id is not None:
        ga = session.get(GAArea, ticket.ga_area_id)
        area = ga.name if ga is not None else ""
    return TicketLine(
        id=ticket.id,
        serial=ticket.serial or "",
        status=ticket.status.value,
        event=event.name if event is not None else "",
        performance=performance.id,
        starts_at=performance.starts_at,
        section=section,
        row=row_name,
        seat=seat_number,
        area=area,
        price_type=price_type.name if price_type is not None else "",
        price=Money(ticket.price_minor, performance.currency),
        printed=ticket.printed_at is not None,
        reissue=ticket.reissue,
    )


def view_order(ctx: TerminalContext, number: str) -> OrderView:
    """One order as the orders screen shows it."""
    with ctx.store.read() as session:
        order = session.scalar(select(Order).where(Order.number == number.strip().upper()))
        if order is None:
            raise NotFound("order_lookup_not_found", order=number)
        valid = any(t.status == TicketStatus.VALID for t in order.tickets)
        paid = order.status == OrderStatus.PAID
        open_ = order.status in (OrderStatus.PENDING, OrderStatus.RESERVED)
        customer = order.customer
        return OrderView(
            number=order.number,
            uuid=order.uuid,
            status=order.status.value,
            terminal=order.terminal,
            clerk=order.username,
            created_at=order.created_at,
            paid_at=order.paid_at,
            reserved_until=order.reserved_until,
            total=Money(order.total_minor, order.currency),
            remaining=remaining(session, order) if open_ else Money.zero(order.currency),
            customer=customer.name if customer is not None else "",
            phone=customer.phone if customer is not None else "",
            email=customer.email if customer is not None else "",
            tickets=tuple(_ticket(session, t) for t in order.tickets),
            payments=tuple(
                PaymentLine(
                    p.kind.value,
                    Money(p.amount_minor, p.currency),
                    p.status.value,
                    p.card_last4 or "",
                )
                for p in order.payments
            ),
            can_refund=paid and valid,
            can_exchange=paid and valid,
            can_void=paid
            and order.terminal == ctx.terminal
            and all(t.status == TicketStatus.VALID for t in order.tickets),
            can_pay=open_,
            can_release=open_,
        )
