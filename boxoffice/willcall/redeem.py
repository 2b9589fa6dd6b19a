"""Redeeming a voucher or gift card by typing its code, when its barcode will not scan.

Keyed-in codes are how vouchers get abused, so each redemption needs the
``voucher_redeem_manual`` permission and a reason, names the customer (the
daily limit is per customer), and is audited and sent to the server. A
voucher is a code-bearing discount: it must be active, inside its validity
window and have uses left (checked here: ``sales.pricing.apply_voucher_code``
checks a priced ``Discount`` at the terminal, with other words and an earlier
expiry instant, so it does not fit without changing this behaviour). A gift
card is charged through ``sales.gift_cards.charge``, the terminal's own rules.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.catalogue.rules import validity_problem
from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.sales import gift_cards
from boxoffice.sales.checkout import get_order
from boxoffice.store import outbox
from boxoffice.store.models import (
    Customer,
    Discount,
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
        raise ValidationError("redeem_limit_setting_invalid", key=DAILY_LIMIT_KEY) from None
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
        raise ValidationError("redeem_needs_customer")
    if session.get(Customer, customer_id) is None:
        raise NotFound("redeem_no_customer", customer=customer_id)
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
        raise ValidationError("redeem_daily_limit", used=used, limit=limit)


def _reason(reason: str) -> str:
    text = reason.strip() if isinstance(reason, str) else ""
    if not text:
        raise ValidationError("redeem_needs_reason")
    if len(text) > MAX_REASON:
        raise ValidationError("redeem_reason_too_long", limit=MAX_REASON)
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
        raise ValidationError("redeem_voucher_code_missing")
    voucher = session.scalar(select(Discount).where(func.upper(Discount.code) == wanted))
    if voucher is None or not voucher.active:
        raise NotFound("redeem_voucher_not_found", code=wanted)
    window = validity_problem(
        {"kind": "voucher", "discount": wanted}, voucher.valid_from, voucher.valid_to, now
    )
    if window is not None:  # the same window as at the terminal (sales.pricing)
        raise window
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
        raise ValidationError("redeem_voucher_used_up", code=wanted, limit=voucher.usage_limit)
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
    customer, order_id = _customer_id(session, customer_id, order_ref)
    _check_daily_limit(session, customer, now)
    charged = gift_cards.charge(
        session, wanted, amount, currency=amount.currency, now=now, order_id=order_id
    )
    return _record(
        session,
        actor,
        "gift_card",
        wanted,
        customer,
        order_id,
        charged.amount.minor,
        charged.amount.currency,
        why,
        now,
    )
