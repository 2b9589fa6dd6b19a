"""Giving money back through the tender it came in by (shared by refund and void).

Card refunds are device I/O: callers obtain them from the payment terminal
before opening the store transaction and pass the results in, keyed by the
id of the original payment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales.checkout import open_shift
from boxoffice.sales.payment_terminal import CardResult
from boxoffice.sales.pricing import CashRounding, allocate, round_cash
from boxoffice.sales.quote import cash_rounding
from boxoffice.store.models import (
    CashKind,
    CashMovement,
    GiftCard,
    GiftCardMovement,
    Order,
    Payment,
    PaymentStatus,
    TenderKind,
)


@dataclass(frozen=True)
class Refundable:
    payment: Payment
    left: Money  # what can still be given back on this tender


@dataclass(frozen=True)
class Allocation:
    payment_id: int
    kind: TenderKind
    amount: Money


def _given_back(session: Session, order: Order) -> dict[int, tuple[int, int]]:
    """Per original payment: (amount, rounding) given back or moved on so far."""
    rows = session.execute(
        select(
            Payment.refund_of_id,
            func.sum(-Payment.amount_minor),
            func.sum(-Payment.rounding_minor),
        )
        .where(Payment.order_id == order.id, Payment.refund_of_id.is_not(None))
        .group_by(Payment.refund_of_id)
    ).all()
    return {pid: (int(amount or 0), int(rounding or 0)) for pid, amount, rounding in rows}


def refundable(session: Session, order: Order) -> list[Refundable]:
    """Captured tenders of the order and how much each can still give back.

    A cash tender settled what it paid plus its cash rounding, so that is
    what it can give back (the cash handed back is rounded again).
    """
    given = _given_back(session, order)
    out = []
    for p in order.payments:
        if p.status != PaymentStatus.CAPTURED or p.amount_minor <= 0:
            continue
        amount, rounding = given.get(p.id, (0, 0))
        left = p.amount_minor + p.rounding_minor - amount - rounding
        if left > 0:
            out.append(Refundable(p, Money(left, p.currency)))
    return out


def allocate_refund(
    session: Session, order: Order, amount: Money, to_cash: bool = False
) -> list[Allocation]:
    """Spread a refund over the order's tenders in proportion to what each paid.

    Complimentary shares give nothing back in money but take their share, so
    a half-comped ticket refunds only the paid half; exchange credit was money
    once and goes back as cash.
    With ``to_cash`` everything that is money goes back as cash.
    """
    if amount.minor <= 0:
        return []
    tenders = refundable(session, order)
    total_left = sum(t.left.minor for t in tenders)
    if amount.minor > total_left:
        raise ValidationError("refund_more_than_left", amount=Money(total_left, order.currency))
    parts = allocate(amount, [t.left for t in tenders])
    out = []
    for t, part in zip(tenders, parts, strict=True):
        if part.minor == 0:
            continue
        kind = t.payment.kind
        if kind == TenderKind.EXCHANGE or (
            to_cash and kind in (TenderKind.CARD, TenderKind.GIFT_CARD)
        ):
            # Credit carried over from an exchange was money once: it goes back as cash.
            kind = TenderKind.CASH
        out.append(Allocation(t.payment.id, kind, part))
    return out


def card_refunds_needed(allocations: Sequence[Allocation]) -> list[Allocation]:
    return [a for a in allocations if a.kind == TenderKind.CARD]


def give_back(
    session: Session,
    actor: Actor,
    order: Order,
    allocations: Sequence[Allocation],
    *,
    card_results: Mapping[int, CardResult],
    reason: str,
    now: datetime,
    shift_id: int | None = None,
) -> list[Payment]:
    """Book each allocation as a negative payment (and cash or gift-card movement).

    The money goes back from ``shift_id``'s drawer, by default the actor's open shift.
    """
    originals = {p.id: p for p in order.payments}
    given = _given_back(session, order)
    shift_id = open_shift(session, actor, shift_id)  # money goes back from a drawer
    rule = cash_rounding(session, order.currency)
    booked = []
    for a in allocations:
        original = originals[a.payment_id]
        refund = Payment(
            order_id=order.id,
            kind=a.kind,
            status=PaymentStatus.CAPTURED,
            amount_minor=-a.amount.minor,
            currency=a.amount.currency,
            refund_of_id=original.id,
            terminal=actor.terminal,
            user_id=actor.user_id,
            shift_id=shift_id,
            created_at=now,
        )
        if a.kind == TenderKind.CARD:
            result = card_results.get(a.payment_id)
            if result is None or not result.approved:
                raise ValidationError("card_refund_first", amount=a.amount)
            if result.amount != a.amount:
                raise ValidationError("card_refund_other_amount")
            refund.card_scheme, refund.card_last4 = result.scheme, result.last4
            refund.auth_code, refund.terminal_ref = result.auth_code, result.terminal_ref
        elif a.kind == TenderKind.GIFT_CARD and original.gift_card_id is not None:
            refund.gift_card_id = original.gift_card_id
            session.execute(
                update(GiftCard)
                .where(GiftCard.id == original.gift_card_id)
                .values(balance_minor=GiftCard.balance_minor + a.amount.minor)
            )
            session.add(
                GiftCardMovement(
                    gift_card_id=original.gift_card_id,
                    amount_minor=a.amount.minor,
                    order_id=order.id,
                    created_at=now,
                )
            )
        elif a.kind == TenderKind.CASH:
            cash = _cash_back(original, a.amount, given.get(original.id, (0, 0)), rule)
            refund.amount_minor = -cash
            refund.rounding_minor = cash - a.amount.minor
        session.add(refund)
        session.flush()
        if a.kind == TenderKind.CASH:
            session.add(
                CashMovement(
                    terminal=actor.terminal,
                    user_id=actor.user_id,
                    kind=CashKind.REFUND,
                    shift_id=shift_id,
                    amount_minor=refund.amount_minor,
                    currency=a.amount.currency,
                    order_id=order.id,
                    payment_id=refund.id,
                    reason=reason,
                    created_at=now,
                )
            )
        booked.append(refund)
    return booked


def _cash_back(
    original: Payment,
    amount: Money,
    given: tuple[int, int],
    rule: CashRounding | None,
) -> int:
    """The cash handed back for ``amount`` of ``original``, rounded like a cash sale.

    When this empties a cash tender, exactly the cash it still holds goes
    back, so a full refund or void returns what came into the drawer.
    """
    taken, rounded = given
    if original.kind == TenderKind.CASH:
        settled_left = original.amount_minor + original.rounding_minor - taken - rounded
        cash_left = original.amount_minor - taken
        if amount.minor >= settled_left:
            return cash_left
        return min(round_cash(amount, rule).minor, cash_left)
    return round_cash(amount, rule).minor


def original_card(payment: Payment) -> CardResult:
    return CardResult(
        True,
        Money(payment.amount_minor, payment.currency),
        payment.card_scheme,
        payment.card_last4,
        payment.auth_code,
        payment.terminal_ref,
    )
