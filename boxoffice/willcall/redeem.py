"""Redeeming a voucher or gift card by typing its code, when its barcode will not scan.

Keyed-in codes are how vouchers get abused, so each redemption needs the
``voucher_redeem_manual`` permission and a reason, names the customer (the
daily limit is per customer), and is audited and sent to the server. A
voucher is a code-bearing discount: it must be active, inside its validity
window and have uses left. A gift card must be active, unexpired and hold
the amount.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.sales.checkout import get_order
from boxoffice.store import outbox
from boxoffice.store.models import (
    Customer,
    Discount,
    GiftCard,
    GiftCardMovement,
    ManualRedemption,
)

#: Setting: manual redemptions one customer may have per day (the venue's day).
DAILY_LIMIT_KEY = "redemption.daily_limit_per_customer"
DEFAULT_DAILY_LIMIT = 3
MAX_REASON = 200


def daily_limit(session: Session) -> int:
    value = settings.find(session, DAILY_LIMIT_KEY)
    if value is None:
        return DEFAULT_DAILY_LIMIT
    try:
        limit = int(value)
    except ValueError:
        raise ValidationError(f"setting {DAILY_LIMIT_KEY} must be a whole number") from None
    return max(limit, 0)


def _customer_id(
    session: Session, customer_id: int | None, order_ref: int | str | None
) -> tuple[int, int | None]:
    """The customer the redemption counts against, and the order if one was named."""
    order_id = None
    if order_ref is not None:
        order = get_order(session, order_ref)
        order_id = order.id
        if customer_id is None:
            customer_id = order.customer_id
    if customer_id is None:
        raise ValidationError(
            "name the customer (or their order): the daily redemption limit is per customer"
        )
    if session.get(Customer, customer_id) is None:
        raise NotFound(f"no customer {customer_id}")
    return customer_id, order_id


def _check_daily_limit(session: Session, customer_id: int, now: datetime) -> None:
    """Counted over the venue's day (the reports' business day), not the UTC one."""
    from boxoffice.reports.model import business_day, report_timezone

    day = business_day(session, now.astimezone(report_timezone(session)).date())
    used = session.scalar(
        select(func.count())
        .select_from(ManualRedemption)
        .where(
            ManualRedemption.customer_id == customer_id,
            ManualRedemption.redeemed_at >= day.start,
            ManualRedemption.redeemed_at < day.end,
        )
    )
    limit = daily_limit(session)
    if (used or 0) >= limit:
        raise ValidationError(
            f"this customer has already had {used} manual redemptions today "
            f"(limit {limit} a day); a supervisor must deal with it"
        )


def _reason(reason: str) -> str:
    text = reason.strip() if isinstance(reason, str) else ""
    if not text:
        raise ValidationError("a manual redemption needs a reason (e.g. 'barcode torn')")
    if len(text) > MAX_REASON:
        raise ValidationError(f"the reason is longer than {MAX_REASON} characters")
    return text


def _record(
    session: Session,
    actor: Actor,
    kind: str,
    code: str,
    customer_id: int,
    order_id: int | None,
    amount: int,
    currency: str,
    reason: str,
    now: datetime,
) -> ManualRedemption:
    row = ManualRedemption(
        kind=kind,
        code=code,
        customer_id=customer_id,
        order_id=order_id,
        amount_minor=amount,
        currency=currency,
        reason=reason,
        user_id=actor.user_id,
        username=actor.username,
        terminal=actor.terminal,
        redeemed_at=now,
    )
    session.add(row)
    session.flush()
    details = {
        "customer": customer_id,
        "order": order_id,
        "amount": amount,
        "currency": currency,
        "reason": reason,
    }
    audit.record(session, actor, f"redeem.{kind}", f"{kind}:{code}", details, at=now)
    outbox.enqueue(
        session,
        "manual_redemption",
        {"kind": kind, "code": code, "at": now.isoformat(), **details},
        now=now,
    )
    return row


def redeem_voucher(
    session: Session,
    actor: Actor,
    code: str,
    *,
    reason: str,
    customer_id: int | None = None,
    order_ref: int | str | None = None,
    now: datetime | None = None,
) -> ManualRedemption:
    """Use one use of a voucher code (a code-bearing discount) by hand."""
    now = now or utc_now()
    wanted = code.strip().upper() if isinstance(code, str) else ""
    require(session, actor, Permission.VOUCHER_REDEEM_MANUAL, subject=f"voucher:{wanted}", now=now)
    why = _reason(reason)
    if not wanted:
        raise ValidationError("type the voucher code")
    voucher = session.scalar(select(Discount).where(func.upper(Discount.code) == wanted))
    if voucher is None or not voucher.active:
        raise NotFound(f"no active voucher {wanted}")
    if voucher.valid_from is not None and now < voucher.valid_from:
        raise ValidationError(
            f"voucher {wanted} is valid from {voucher.valid_from:%Y-%m-%d %H:%M} UTC"
        )
    if voucher.valid_to is not None and now > voucher.valid_to:
        raise ValidationError(f"voucher {wanted} expired on {voucher.valid_to:%Y-%m-%d}")
    customer, order_id = _customer_id(session, customer_id, order_ref)
    _check_daily_limit(session, customer, now)
    table = Discount.__table__
    condition = table.c.id == voucher.id
    if voucher.usage_limit is not None:
        condition = condition & (table.c.times_used < voucher.usage_limit)
    done = session.execute(
        update(table).where(condition).values(times_used=table.c.times_used + 1)
    ).rowcount
    if not done:
        raise ValidationError(
            f"voucher {wanted} has been used up ({voucher.usage_limit} of {voucher.usage_limit})"
        )
    session.refresh(voucher)
    return _record(
        session, actor, "voucher", wanted, customer, order_id, 0, voucher.currency or "", why, now
    )


def redeem_gift_card(
    session: Session,
    actor: Actor,
    code: str,
    amount: Money,
    *,
    reason: str,
    customer_id: int | None = None,
    order_ref: int | str | None = None,
    now: datetime | None = None,
) -> ManualRedemption:
    """Take ``amount`` off a gift card by hand; the balance never goes below zero."""
    now = now or utc_now()
    wanted = code.strip().upper() if isinstance(code, str) else ""
    require(
        session, actor, Permission.VOUCHER_REDEEM_MANUAL, subject=f"gift_card:{wanted}", now=now
    )
    why = _reason(reason)
    card = session.scalar(select(GiftCard).where(func.upper(GiftCard.code) == wanted))
    if card is None or not card.active:
        raise NotFound(f"no active gift card {wanted or '(empty code)'}")
    if card.valid_to is not None and now > card.valid_to:
        raise ValidationError(f"gift card {wanted} expired on {card.valid_to:%Y-%m-%d}")
    if amount.currency != card.currency:
        raise ValidationError(f"gift card {wanted} is in {card.currency}, not {amount.currency}")
    if amount.minor <= 0:
        raise ValidationError("the amount to redeem must be positive")
    customer, order_id = _customer_id(session, customer_id, order_ref)
    _check_daily_limit(session, customer, now)
    done = session.execute(
        update(GiftCard)
        .where(GiftCard.id == card.id, GiftCard.balance_minor >= amount.minor)
        .values(balance_minor=GiftCard.balance_minor - amount.minor)
    ).rowcount
    if not done:
        raise ValidationError(
            f"gift card {wanted} holds only {Money(card.balance_minor, card.currency).format()}"
        )
    session.add(
        GiftCardMovement(
            gift_card_id=card.id, amount_minor=-amount.minor, order_id=order_id, created_at=now
        )
    )
    session.refresh(card)
    return _record(
        session,
        actor,
        "gift_card",
        wanted,
        customer,
        order_id,
        amount.minor,
        amount.currency,
        why,
        now,
    )
