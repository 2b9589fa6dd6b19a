"""Configurable cash limits: large pay-outs and count variances need a supervisor.

Stored as settings in major units (``shifts.payout_limit`` applies to every
currency, ``shifts.payout_limit.CNY`` to one); the defaults below apply
when nothing is set.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.errors import ValidationError
from boxoffice.money import Money

DEFAULTS: dict[str, dict[str, str]] = {
    "shifts.payout_limit": {"*": "100.00", "CNY": "500.00", "JPY": "10000"},
    "shifts.variance_threshold": {"*": "5.00", "CNY": "20.00", "JPY": "500"},
}


def _limit(session: Session, key: str, currency: str) -> Money:
    value = settings.find(session, f"{key}.{currency}") or settings.find(session, key)
    if value is None:
        value = DEFAULTS[key].get(currency, DEFAULTS[key]["*"])
    try:
        amount = Money.of(Decimal(value), currency)
    except (ValidationError, ArithmeticError) as exc:
        raise ValidationError("shift_limit_not_amount", key=key, value=value) from exc
    if amount.minor < 0:
        raise ValidationError("shift_limit_negative", key=key)
    return amount


def payout_limit(session: Session, currency: str) -> Money:
    """Pay-outs above this need ``cash_payout_large``."""
    return _limit(session, "shifts.payout_limit", currency)


def variance_threshold(session: Session, currency: str) -> Money:
    """A count off by more than this (either way) needs ``variance_signoff``."""
    return _limit(session, "shifts.variance_threshold", currency)
