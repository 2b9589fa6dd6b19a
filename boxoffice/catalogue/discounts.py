"""Setting up discounts, vouchers, gift cards and refund fee rules.

Pricing decides what a discount does to a cart (``sales.pricing``); this
module only creates them, checked (by the same rule pricing applies,
``catalogue.rules.Discount``) and audited, so a typo cannot give away the
house.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.catalogue import rules
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, ValidationError
from boxoffice.money import Money
from boxoffice.store.models import Discount, GiftCard, RefundFeeRule


def add_discount(
    session: Session,
    actor: Actor,
    name: str,
    *,
    code: str | None = None,
    percent: Decimal | str | None = None,
    amount: Money | None = None,
    scope: str = "ticket",
    valid_from: datetime | None = None,
    valid_to: datetime | None = None,
    usage_limit: int | None = None,
    min_spend: Money | None = None,
    stackable: bool = False,
    price_types: Iterable[str] | None = None,
    zones: Iterable[str] | None = None,
) -> Discount:
    """A promotion (no code: applied automatically) or a voucher code."""
    require(session, actor, Permission.PRICE_EDIT)
    if (percent is None) == (amount is None):
        raise ValidationError("discount_percent_or_amount")
    if percent is not None:
        if isinstance(percent, float):
            raise TypeError("percentages are Decimal or str, never float")
        rate = Decimal(str(percent))
        if not 0 < rate <= 100 or rate != rate.quantize(Decimal("0.01")):
            raise ValidationError("discount_percent_invalid", percent=str(percent))
        kind, value, currency = "percent", int(rate * 100), None
    else:
        assert amount is not None
        kind, value, currency = "fixed", amount.minor, amount.currency
    code = code.strip().upper() if code else None
    if (
        code is not None
        and session.scalar(select(Discount.id).where(func.upper(Discount.code) == code)) is not None
    ):
        raise Conflict("catalogue_voucher_code_exists", code=code)
    row = Discount(
        code=code,
        name=name.strip(),
        kind=kind,
        value=value,
        currency=currency,
        scope=scope,
        valid_from=valid_from,
        valid_to=valid_to,
        usage_limit=usage_limit,
        min_spend_minor=min_spend.minor if min_spend else None,
        stackable=stackable,
        price_types=json.dumps(sorted(price_types)) if price_types else None,
        zones=json.dumps(sorted(zones)) if zones else None,
    )
    # Let the pricing engine's own checks judge the values before anything is stored.
    rules.Discount.from_record(row, currency or "EUR")
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "discount.add",
        f"discount:{row.id}",
        {
            "name": row.name,
            "code": code,
            "kind": kind,
            "value": value,
            "currency": currency,
            "scope": scope,
            "usage_limit": usage_limit,
        },
    )
    return row


def issue_gift_card(
    session: Session, actor: Actor, code: str, amount: Money, valid_to: datetime | None = None
) -> GiftCard:
    require(session, actor, Permission.PRICE_EDIT)
    code = code.strip().upper()
    if len(code) < 6 or not code.replace("-", "").isalnum():
        raise ValidationError("gift_card_code_too_short")
    if amount.minor <= 0:
        raise ValidationError("gift_card_amount_not_positive")
    if session.scalar(select(GiftCard.id).where(GiftCard.code == code)) is not None:
        raise Conflict("catalogue_gift_card_exists", code=code)
    card = GiftCard(
        code=code,
        currency=amount.currency,
        initial_minor=amount.minor,
        balance_minor=amount.minor,
        valid_to=valid_to,
        created_at=utc_now(),
    )
    session.add(card)
    session.flush()
    audit.record(
        session,
        actor,
        "gift_card.issue",
        f"gift_card:{code}",
        {"amount": amount.minor, "currency": amount.currency},
    )
    return card


def add_refund_rule(
    session: Session,
    actor: Actor,
    hours_before: int,
    *,
    fee_percent: Decimal | str = "0",
    fee: Money | None = None,
    performance_id: int | None = None,
    label: str = "",
) -> RefundFeeRule:
    """From ``hours_before`` the start on, refunds keep this fee (100 % = no refund)."""
    require(session, actor, Permission.PRICE_EDIT)
    if isinstance(fee_percent, float):
        raise TypeError("percentages are Decimal or str, never float")
    rate = Decimal(str(fee_percent))
    if not 0 <= rate <= 100:
        raise ValidationError("refund_fee_percent_out_of_range")
    if hours_before < 0:
        raise ValidationError("refund_fee_hours_negative")
    rule = RefundFeeRule(
        performance_id=performance_id,
        hours_before=hours_before,
        fee_bp=int(rate * 100),
        fee_minor=fee.minor if fee else 0,
        label=label,
    )
    session.add(rule)
    session.flush()
    audit.record(
        session,
        actor,
        "refund_rule.add",
        f"refund_rule:{rule.id}",
        {
            "hours_before": hours_before,
            "fee_bp": rule.fee_bp,
            "fee_minor": rule.fee_minor,
            "performance": performance_id,
        },
    )
    return rule
