"""The figures of one shift, computed from the store with a handful of aggregates.

X and Z reports show the same figures: the X report at any moment of an open
shift, the Z report frozen at its close together with the count. Everything
is summed by the database (a busy day holds tens of thousands of rows), in
integer minor units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from boxoffice.store.models import (
    CashKind,
    CashMovement,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    Shift,
    TenderKind,
    Ticket,
)

#: How each tender is named on a report; "voucher" is the gift card.
TENDER_NAMES = {
    TenderKind.CASH: "cash",
    TenderKind.CARD: "card",
    TenderKind.GIFT_CARD: "voucher",
    TenderKind.COMP: "complimentary",
    TenderKind.EXCHANGE: "exchange credit",
}


@dataclass
class CashFigures:
    """The drawer in one currency: expected = the sum of every movement."""

    currency: str
    float: int = 0
    sales: int = 0
    refunds: int = 0  # negative: cash given back
    drops: int = 0  # negative
    pay_ins: int = 0
    pay_outs: int = 0  # negative

    @property
    def expected(self) -> int:
        return self.float + self.sales + self.refunds + self.drops + self.pay_ins + self.pay_outs

    def as_dict(self) -> dict[str, int | str]:
        return {
            "currency": self.currency,
            "float": self.float,
            "sales": self.sales,
            "refunds": self.refunds,
            "drops": self.drops,
            "pay_ins": self.pay_ins,
            "pay_outs": self.pay_outs,
            "expected": self.expected,
        }


_CASH_FIELD = {
    CashKind.FLOAT: "float",
    CashKind.SALE: "sales",
    CashKind.REFUND: "refunds",
    CashKind.DROP: "drops",
    CashKind.PAY_IN: "pay_ins",
    CashKind.PAY_OUT: "pay_outs",
}


@dataclass(frozen=True)
class TenderFigures:
    tender: str  # cash, card, voucher, complimentary, exchange credit
    currency: str
    taken: int
    given_back: int  # negative
    payments: int
    refunds: int

    @property
    def net(self) -> int:
        return self.taken + self.given_back


@dataclass(frozen=True)
class SchemeFigures:
    scheme: str
    currency: str
    net: int
    count: int


@dataclass
class ShiftFigures:
    shift_id: int
    terminal: str
    clerk: str
    opened_at: datetime
    as_of: datetime
    cash: dict[str, CashFigures] = field(default_factory=dict)
    tenders: list[TenderFigures] = field(default_factory=list)
    schemes: list[SchemeFigures] = field(default_factory=list)
    orders: dict[str, int] = field(default_factory=dict)  # status → count
    sales_total: dict[str, int] = field(default_factory=dict)  # currency → paid orders' total
    discounts: dict[str, int] = field(default_factory=dict)  # currency → discount given
    tickets: dict[str, int] = field(default_factory=dict)  # ticket status → count

    def expected(self, tender: str, currency: str) -> int:
        """What the shift should hold of a tender: the drawer for cash, net takings otherwise."""
        if tender == "cash":
            cash = self.cash.get(currency)
            return cash.expected if cash else 0
        return sum(t.net for t in self.tenders if t.tender == tender and t.currency == currency)

    def as_dict(self) -> dict[str, object]:
        return {
            "shift": self.shift_id,
            "terminal": self.terminal,
            "clerk": self.clerk,
            "opened_at": self.opened_at.isoformat(),
            "as_of": self.as_of.isoformat(),
            "cash": [c.as_dict() for _, c in sorted(self.cash.items())],
            "tenders": [
                {
                    "tender": t.tender,
                    "currency": t.currency,
                    "taken": t.taken,
                    "given_back": t.given_back,
                    "net": t.net,
                    "payments": t.payments,
                    "refunds": t.refunds,
                }
                for t in self.tenders
            ],
            "card_schemes": [
                {"scheme": s.scheme, "currency": s.currency, "net": s.net, "count": s.count}
                for s in self.schemes
            ],
            "orders": dict(sorted(self.orders.items())),
            "sales_total": dict(sorted(self.sales_total.items())),
            "discounts": dict(sorted(self.discounts.items())),
            "tickets": dict(sorted(self.tickets.items())),
        }


def compute(session: Session, shift: Shift, as_of: datetime) -> ShiftFigures:
    """The shift's figures as they stand (the caller decides whether that is X or Z)."""
    fig = ShiftFigures(shift.id, shift.terminal, shift.username, shift.opened_at, as_of)
    rows = session.execute(
        select(CashMovement.currency, CashMovement.kind, func.sum(CashMovement.amount_minor))
        .where(CashMovement.shift_id == shift.id)
        .group_by(CashMovement.currency, CashMovement.kind)
    )
    for currency, kind, amount in rows:
        cash = fig.cash.setdefault(currency, CashFigures(currency))
        name = _CASH_FIELD[CashKind(kind)]
        setattr(cash, name, getattr(cash, name) + int(amount or 0))

    positive = Payment.amount_minor > 0
    rows = session.execute(
        select(
            Payment.kind,
            Payment.currency,
            func.sum(case((positive, Payment.amount_minor), else_=0)),
            func.sum(case((positive, 0), else_=Payment.amount_minor)),
            func.sum(case((positive, 1), else_=0)),
            func.sum(case((positive, 0), else_=1)),
        )
        .where(Payment.shift_id == shift.id, Payment.status == PaymentStatus.CAPTURED)
        .group_by(Payment.kind, Payment.currency)
        .order_by(Payment.kind, Payment.currency)
    )
    for kind, currency, taken, back, n_in, n_out in rows:
        fig.tenders.append(
            TenderFigures(
                TENDER_NAMES[TenderKind(kind)],
                currency,
                int(taken or 0),
                int(back or 0),
                int(n_in or 0),
                int(n_out or 0),
            )
        )
    rows = session.execute(
        select(Payment.card_scheme, Payment.currency, func.sum(Payment.amount_minor), func.count())
        .where(
            Payment.shift_id == shift.id,
            Payment.status == PaymentStatus.CAPTURED,
            Payment.kind == TenderKind.CARD,
        )
        .group_by(Payment.card_scheme, Payment.currency)
        .order_by(Payment.card_scheme, Payment.currency)
    )
    fig.schemes = [
        SchemeFigures(scheme or "unknown", cur, int(net or 0), int(n))
        for scheme, cur, net, n in rows
    ]
    rows = session.execute(
        select(
            Order.status,
            Order.currency,
            func.count(),
            func.sum(Order.total_minor),
            func.sum(Order.discount_minor),
        )
        .where(Order.shift_id == shift.id)
        .group_by(Order.status, Order.currency)
    )
    for status, currency, n, total, discount in rows:
        status = OrderStatus(status).value
        fig.orders[status] = fig.orders.get(status, 0) + int(n)
        if status == OrderStatus.PAID.value:
            fig.sales_total[currency] = fig.sales_total.get(currency, 0) + int(total or 0)
            fig.discounts[currency] = fig.discounts.get(currency, 0) + int(discount or 0)
    rows = session.execute(
        select(Ticket.status, func.count())
        .join(Order, Order.id == Ticket.order_id)
        .where(Order.shift_id == shift.id)
        .group_by(Ticket.status)
    )
    fig.tickets = {str(getattr(status, "value", status)): int(n) for status, n in rows}
    return fig
