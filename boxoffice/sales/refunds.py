"""Refunds of some or all tickets of a paid order.

The fee depends on how long before the performance the refund is made
(``RefundFeeRule``: the nearest rule at or beyond the time left applies; the
performance's own rules replace the house defaults). Refunds go back to the
original tenders by default; cash comes out of the drawer. Refunded tickets
are revoked so their barcodes no longer admit.

Card shares are given back on the card terminal before the booking; that
device work and its transactions are the refund op's (``ops.aftersale``),
which passes the terminal's answers here as ``card_results``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales import tender_reversal, tickets
from boxoffice.sales.payment_terminal import CardResult
from boxoffice.store import outbox
from boxoffice.store.models import (
    Order,
    OrderStatus,
    Override,
    Payment,
    Performance,
    RefundFeeRule,
    Ticket,
    TicketStatus,
)


@dataclass(frozen=True)
class TicketRefund:
    ticket: Ticket
    fee: Money
    net: Money
    rule: str


@dataclass(frozen=True)
class RefundPlan:
    order: Order
    lines: tuple[TicketRefund, ...]
    allocations: tuple[tender_reversal.Allocation, ...]

    @property
    def gross(self) -> Money:
        return sum(
            (Money(t.ticket.price_minor, self.order.currency) for t in self.lines),
            Money.zero(self.order.currency),
        )

    @property
    def fee(self) -> Money:
        return sum((t.fee for t in self.lines), Money.zero(self.order.currency))

    @property
    def net(self) -> Money:
        return self.gross - self.fee


def fee_rules(session: Session, performance_id: int) -> list[RefundFeeRule]:
    own = list(
        session.scalars(select(RefundFeeRule).where(RefundFeeRule.performance_id == performance_id))
    )
    if own:
        return own
    return list(
        session.scalars(select(RefundFeeRule).where(RefundFeeRule.performance_id.is_(None)))
    )


def ticket_fee(session: Session, ticket: Ticket, now: datetime) -> tuple[Money, str]:
    """The fee kept on refunding ``ticket`` now, and the rule's label."""
    performance = session.get(Performance, ticket.performance_id)
    assert performance is not None
    currency = performance.currency
    hours_left = (performance.starts_at - now).total_seconds() / 3600
    if hours_left <= 0:
        raise ValidationError("refund_performance_started", ticket=ticket.serial)
    rules = [r for r in fee_rules(session, ticket.performance_id) if r.hours_before >= hours_left]
    if not rules:
        return Money.zero(currency), "free refund"
    rule = min(rules, key=lambda r: r.hours_before)
    percent = Money(ticket.price_minor, currency).percent(Decimal(rule.fee_bp) / 100)
    fee = min(percent.minor + rule.fee_minor, ticket.price_minor)
    label = rule.label or f"within {rule.hours_before} h of the start"
    return Money(fee, currency), label


def plan_refund(
    session: Session,
    order: Order,
    ticket_ids: Sequence[int] | None = None,
    *,
    now: datetime | None = None,
    waive_fee: bool = False,
    to_cash: bool = False,
) -> RefundPlan:
    """What refunding these tickets (all valid ones if ``None``) would give back, and how."""
    now = now or utc_now()
    if order.status != OrderStatus.PAID:
        raise ValidationError(
            "refund_order_not_paid", order=order.number, status=order.status.value
        )
    valid = {t.id: t for t in order.tickets if t.status == TicketStatus.VALID}
    if ticket_ids is None:
        chosen = list(valid.values())
    else:
        unknown = [i for i in ticket_ids if i not in valid]
        if unknown:
            serials = {t.id: t.serial for t in order.tickets}
            shown = [str(serials.get(i, i)) for i in unknown]
            raise ValidationError(
                "refund_tickets_not_refundable", order=order.number, tickets=shown
            )
        chosen = [valid[i] for i in dict.fromkeys(ticket_ids)]
    if not chosen:
        raise ValidationError("refund_nothing_left", order=order.number)
    lines = []
    for t in chosen:
        fee, rule = ticket_fee(session, t, now)
        if waive_fee:
            fee, rule = Money.zero(order.currency), "fee waived"
        lines.append(TicketRefund(t, fee, Money(t.price_minor, order.currency) - fee, rule))
    net = sum((x.net for x in lines), Money.zero(order.currency))
    allocations = tender_reversal.allocate_refund(session, order, net, to_cash=to_cash)
    return RefundPlan(order, tuple(lines), tuple(allocations))


def refund(
    session: Session,
    actor: Actor,
    order: Order,
    ticket_ids: Sequence[int] | None = None,
    *,
    reason: str,
    card_results: Mapping[int, CardResult] | None = None,
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
    waive_fee: bool = False,
    to_cash: bool = False,
) -> tuple[RefundPlan, list[Payment]]:
    """Refund in one transaction: tickets, negative payments, cash out, revocations, audit."""
    now = now or utc_now()
    if not reason.strip():
        raise ValidationError("refund_needs_reason")
    subject = f"order:{order.number}"
    require(session, actor, Permission.REFUND, subject=subject, overrides=overrides, now=now)
    if waive_fee:
        require(
            session,
            actor,
            Permission.PRICE_OVERRIDE,
            subject=subject,
            overrides=overrides,
            now=now,
        )
    plan = plan_refund(session, order, ticket_ids, now=now, waive_fee=waive_fee, to_cash=to_cash)
    booked = tender_reversal.give_back(
        session,
        actor,
        order,
        plan.allocations,
        card_results=card_results or {},
        reason=reason,
        now=now,
    )
    for line in plan.lines:
        line.ticket.status = TicketStatus.REFUNDED
        line.ticket.refund_fee_minor = line.fee.minor
        line.ticket.closed_at = now
        tickets.revoke(session, line.ticket, "refunded", now)
    session.flush()
    details = {
        "tickets": [x.ticket.serial for x in plan.lines],
        "gross": plan.gross.minor,
        "fee": plan.fee.minor,
        "net": plan.net.minor,
        "reason": reason,
        "tenders": [(a.kind.value, a.amount.minor) for a in plan.allocations],
    }
    audit.record(session, actor, "refund", subject, details, at=now)
    outbox.enqueue(
        session,
        "refund",
        {"order": order.uuid, **details, "ticket_ids": [x.ticket.id for x in plan.lines]},
        now=now,
    )
    return plan, booked
