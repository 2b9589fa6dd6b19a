"""A discount as the price list defines it: one plain value, checked on its own.

The catalogue stores discounts (``catalogue.discounts``) and the pricing
engine (``sales.pricing``) applies them to a cart; both judge a discount by
the same rules, so the rules live here, below both: ``Discount`` refuses a
value that cannot be right whatever the cart (an empty name, a percent above
100, a window that ends before it starts), with a ``PricingError`` that
carries a code. What a discount does to a particular cart is pricing's job.

Amounts are ``Money``; percentages ``Decimal``; never a float.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Literal

from boxoffice.errors import ValidationError
from boxoffice.money import Money

__all__ = [
    "Discount",
    "PricingError",
    "check_aware",
    "check_count",
    "check_rate",
    "last_day",
    "moment",
    "names",
]

Kind = Literal["percent", "fixed"]
Scope = Literal["ticket", "order"]

KINDS = ("percent", "fixed")
SCOPES = ("ticket", "order")


class PricingError(ValidationError):
    """A price list entry or a cart that cannot be priced as it stands; the code says why."""


def check_aware(when: datetime | None, what: str) -> None:
    """Refuse naive datetimes: a sale window without a zone is off by hours somewhere."""
    if when is None:
        return
    if not isinstance(when, datetime):
        raise TypeError(f"{what} must be a datetime, not {type(when).__name__}")
    if when.tzinfo is None or when.utcoffset() is None:
        raise PricingError("pricing_time_without_zone", field=what)


def check_rate(value: object, what: str) -> Decimal:
    """A percentage as a finite ``Decimal`` (an ``int`` is accepted, a float never)."""
    if isinstance(value, float):
        raise TypeError(f"{what} is a Decimal, never a float")
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what} must be a Decimal, not {type(value).__name__}")
    rate = Decimal(value)
    if not rate.is_finite():
        raise PricingError("pricing_rate_not_finite", field=what)
    return rate


def check_count(value: object, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")


def moment(when: datetime) -> str:
    """A time as a clerk reads it, in the zone it was given in."""
    return f"{when:%Y-%m-%d %H:%M} {when.tzname() or when.strftime('%z')}"


def last_day(valid_to: datetime) -> str:
    """The expiry a voucher shows: an end at midnight means the day before was the last."""
    if (valid_to.hour, valid_to.minute, valid_to.second, valid_to.microsecond) == (0, 0, 0, 0):
        return (valid_to - timedelta(days=1)).date().isoformat()
    return moment(valid_to)


def validity_problem(
    subject: Mapping[str, str],
    valid_from: datetime | None,
    valid_to: datetime | None,
    now: datetime,
) -> PricingError | None:
    """Why a discount named by ``subject`` cannot be used at ``now``, or ``None``.

    The one check of a voucher's validity window: the terminal (``sales.pricing``)
    and the door's manual redemption (``willcall.redeem``) both use it. The
    window includes its start and excludes its end: a voucher valid to
    midnight was last valid the day before (``last_day``).
    """
    if valid_from is not None and now < valid_from:
        return PricingError("discount_not_yet_valid", **subject, start=moment(valid_from))
    if valid_to is not None and now >= valid_to:
        return PricingError("discount_expired", **subject, day=last_day(valid_to))
    return None


def names(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


def _strings(values: Iterable[str] | None, what: str) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        raise TypeError(f"{what} must be a collection of strings, not one string")
    out = frozenset(values)
    if not out:
        raise PricingError("pricing_restriction_empty", field=what)
    return out


def _json_set(text: str | None) -> frozenset[str] | None:
    """A stored JSON list as a set; NULL or an empty list means "any"."""
    values = json.loads(text) if text else None
    return frozenset(values) if values else None


@dataclass(frozen=True, slots=True)
class Discount:
    """A promotion (``code=None``, applied automatically) or a voucher code the clerk types.

    ``value`` is a percent (``Decimal``, 0 < value ≤ 100) for ``kind="percent"``
    and ``Money`` for ``kind="fixed"`` (per ticket or per order, by ``scope``).
    The window is ``valid_from <= now < valid_to``.
    """

    code: str | None
    name: str
    kind: Kind
    value: Decimal | Money
    scope: Scope
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    usage_limit: int | None = None
    times_used: int = 0
    min_spend: Money | None = None
    stackable: bool = False
    price_types: frozenset[str] | None = None
    zones: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.code is not None:
            code = self.code.strip() if isinstance(self.code, str) else self.code
            if not isinstance(code, str) or not code:
                raise PricingError("discount_voucher_code_empty")
            object.__setattr__(self, "code", code)
        if not self.name or not self.name.strip():
            raise PricingError("discount_needs_name")
        if self.kind not in KINDS:
            raise PricingError("discount_kind_unknown", discount=self.name)
        if self.scope not in SCOPES:
            raise PricingError("discount_scope_unknown", discount=self.name)
        if self.kind == "percent":
            rate = check_rate(self.value, f"discount {self.name}: percent")
            if rate <= 0 or rate > 100:
                raise PricingError("discount_percent_out_of_range", discount=self.name)
            object.__setattr__(self, "value", rate)
        else:
            if not isinstance(self.value, Money):
                raise TypeError(f"discount {self.name}: a fixed discount's value is Money")
            if self.value.minor <= 0:
                raise PricingError("discount_fixed_not_positive", discount=self.name)
        check_aware(self.valid_from, f"the start of {self.name}")
        check_aware(self.valid_to, f"the end of {self.name}")
        if (
            self.valid_from is not None
            and self.valid_to is not None
            and self.valid_to <= self.valid_from
        ):
            raise PricingError("discount_window_reversed", discount=self.name)
        if self.usage_limit is not None:
            check_count(self.usage_limit, "usage_limit")
            if self.usage_limit < 0:
                raise PricingError("discount_usage_limit_negative", discount=self.name)
        check_count(self.times_used, "times_used")
        if self.times_used < 0:
            raise PricingError("discount_times_used_negative", discount=self.name)
        if self.min_spend is not None and not isinstance(self.min_spend, Money):
            raise TypeError(f"discount {self.name}: min_spend is Money")
        object.__setattr__(self, "price_types", _strings(self.price_types, "price_types"))
        object.__setattr__(self, "zones", _strings(self.zones, "zones"))

    @property
    def label(self) -> str:
        """How the discount is recorded on a line and an order: its code, else its name."""
        return self.code if self.code is not None else self.name

    @property
    def is_voucher(self) -> bool:
        return self.code is not None

    @property
    def subject(self) -> dict[str, str]:
        """The parameters a refusal names this discount by: ``kind`` and ``discount``.

        Rendered ``{kind:discount_kind} {discount}`` ("voucher SPRING",
        "promotion 'Early bird'"; 兑换券SPRING, 促销“Early bird”).
        """
        if self.code is not None:
            return {"kind": "voucher", "discount": self.code}
        return {"kind": "promotion", "discount": repr(self.name)}

    @classmethod
    def from_record(cls, record: Any, currency: str) -> Discount:
        """Copy a stored ``Discount`` row (percent in basis points, JSON lists).

        ``currency`` is the sale's currency, used for a min spend of a percent
        discount, which the row stores without one.
        """
        money_currency = record.currency or currency
        value: Decimal | Money
        if record.kind == "percent":
            value = Decimal(record.value) / 100
        else:
            value = Money(record.value, money_currency)
        return cls(
            code=record.code,
            name=record.name,
            kind=record.kind,
            value=value,
            scope=record.scope,
            valid_from=record.valid_from,
            valid_to=record.valid_to,
            usage_limit=record.usage_limit,
            times_used=record.times_used or 0,
            min_spend=(
                Money(record.min_spend_minor, money_currency)
                if record.min_spend_minor is not None
                else None
            ),
            stackable=bool(record.stackable),
            price_types=_json_set(record.price_types),
            zones=_json_set(record.zones),
        )
