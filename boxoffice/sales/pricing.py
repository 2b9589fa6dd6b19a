"""What a cart costs: sale windows, overrides, discounts, tax and cash rounding.

Every pricing rule lives here, as pure functions over frozen dataclasses, so
checkout, the UI's running total, the server and the tests price a cart the
same way, and each rule can be pinned by a test without a database or Qt.
What makes a single discount valid on its own is the catalogue's
(``catalogue.rules.Discount``, re-exported here), so the catalogue checks a
discount before storing it without depending on sales.

Refusals are ``PricingError`` with a code and parameters
(``boxoffice/messages/pricing.py`` words them in English and Chinese).

Amounts are ``Money`` (integer minor units); percentages and tax rates are
``Decimal``; nothing here touches a float (DESIGN invariant 5). Permissions
are *reported* in ``PricedCart.needs_permissions``, never checked here: the
caller checks them with the guard where the sale is performed (invariant 7).

The rules, in words:

* A price type sells only inside its sale window (start inclusive, end
  exclusive) and only when the cart holds at least ``min_quantity`` lines of
  it. Complimentary price types cost nothing and need ``sell_complimentary``.
* A manual override replaces the list price of a line, needs a reason and
  ``price_override``, and is final: discounts do not apply on top of it.
* Discounts apply to eligible lines only (not complimentary, not overridden,
  within the discount's price types and zones). Stackable discounts combine
  with each other; a non-stackable one is never combined with anything. The
  engine compares each non-stackable discount alone with all stackable ones
  together and takes whichever saves the customer most.
* Inside a combination: per-ticket before per-order, percent before fixed
  (the order that gives the customer more), compounding, never below zero.
  Per-order amounts are spread over eligible lines in proportion to their
  price, the leftover cents by largest remainder, so lines add up exactly.
* The order total is exact. Only a cash payment is rounded (``round_cash``),
  and the difference is reported so the Z report can account for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, Literal

from boxoffice.auth.permissions import Permission
from boxoffice.catalogue.rules import (
    Discount,
    PricingError,
    check_aware,
    check_count,
    check_rate,
    moment,
    names,
    validity_problem,
)
from boxoffice.messages import Notice
from boxoffice.money import Money, exponent

__all__ = [
    "CASH_ROUNDING_CONVENTIONS",
    "CartLine",
    "CashRounding",
    "Discount",
    "PriceTypeRule",
    "PricedCart",
    "PricedLine",
    "PricingError",
    "allocate",
    "apply_voucher_code",
    "price_cart",
    "round_cash",
]

RoundingMode = Literal["half_up", "half_even"]

_DECIMAL_MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN}


# -- inputs -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PriceTypeRule:
    """When and how a price type may be sold (a plain copy of the stored PriceType)."""

    code: str
    name: str
    sale_starts_at: datetime | None = None
    sale_ends_at: datetime | None = None
    min_quantity: int = 1
    complimentary: bool = False

    def __post_init__(self) -> None:
        check_aware(self.sale_starts_at, f"the sale start of {self.name}")
        check_aware(self.sale_ends_at, f"the sale end of {self.name}")
        if (
            self.sale_starts_at is not None
            and self.sale_ends_at is not None
            and self.sale_ends_at <= self.sale_starts_at
        ):
            raise PricingError("price_type_window_reversed", price_type=self.name)
        check_count(self.min_quantity, "min_quantity")
        if self.min_quantity < 1:
            raise PricingError("price_type_min_quantity_below_one", price_type=self.name)

    @classmethod
    def from_record(cls, record: Any) -> PriceTypeRule:
        """Copy the fields of a stored ``PriceType`` (or anything with the same attributes)."""
        return cls(
            code=record.code,
            name=record.name,
            sale_starts_at=record.sale_starts_at,
            sale_ends_at=record.sale_ends_at,
            min_quantity=record.min_quantity or 1,
            complimentary=bool(record.complimentary),
        )

    def check_on_sale(self, now: datetime) -> None:
        """Raise unless ``now`` is inside the sale window (start inclusive, end exclusive)."""
        start, end = self.sale_starts_at, self.sale_ends_at
        if start is not None and now < start:
            if end is not None:
                raise PricingError(
                    "price_type_not_on_sale_yet_window",
                    price_type=self.name,
                    start=moment(start),
                    end=moment(end),
                )
            raise PricingError(
                "price_type_not_on_sale_yet", price_type=self.name, start=moment(start)
            )
        if end is not None and now >= end:
            if start is not None:
                raise PricingError(
                    "price_type_sale_ended_window",
                    price_type=self.name,
                    start=moment(start),
                    end=moment(end),
                )
            raise PricingError("price_type_sale_ended", price_type=self.name, end=moment(end))


@dataclass(frozen=True, slots=True)
class CartLine:
    """One ticket in the cart, with its list price and tax rate (percent, tax-inclusive)."""

    key: str
    zone: str
    price_type: str
    list_price: Money
    tax_rate: Decimal
    override_price: Money | None = None
    override_reason: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key:
            raise PricingError("cart_line_needs_key")
        if not isinstance(self.list_price, Money):
            raise TypeError(f"line {self.key}: list_price must be Money")
        if self.list_price.minor < 0:
            raise PricingError("cart_line_price_negative", line=self.key)
        rate = check_rate(self.tax_rate, f"line {self.key}: tax rate")
        if rate < 0 or rate >= 100:
            raise PricingError("cart_line_tax_rate_out_of_range", line=self.key)
        object.__setattr__(self, "tax_rate", rate)
        if self.override_price is not None:
            if not isinstance(self.override_price, Money):
                raise TypeError(f"line {self.key}: override_price must be Money")
            if self.override_price.currency != self.list_price.currency:
                raise PricingError(
                    "cart_line_override_currency",
                    line=self.key,
                    currency=self.override_price.currency,
                    price_currency=self.list_price.currency,
                )
            if self.override_price.minor < 0:
                raise PricingError("cart_line_override_negative", line=self.key)

    @property
    def base_price(self) -> Money:
        """What the line costs before discounts: the override if there is one."""
        return self.override_price if self.override_price is not None else self.list_price


# -- cash rounding ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CashRounding:
    """How cash is rounded in one currency: to a multiple of ``step_minor`` minor units.

    ``half_up`` rounds halves away from zero, so a refund of −12.35 rounds to
    −12.40 just as a sale of 12.35 rounds to 12.40.
    """

    step_minor: int
    mode: RoundingMode = "half_up"

    def __post_init__(self) -> None:
        check_count(self.step_minor, "step_minor")
        if self.step_minor < 1:
            raise PricingError("cash_rounding_step_too_small")
        if self.mode not in _DECIMAL_MODES:
            raise PricingError("cash_rounding_mode_unknown", modes=names(_DECIMAL_MODES))


#: Where the law or custom rounds cash payments; a venue's settings decide
#: (e.g. CNY to 0.1 only if configured; EUR not at all by default).
CASH_ROUNDING_CONVENTIONS: Mapping[str, CashRounding] = {
    "CHF": CashRounding(5),
    "AUD": CashRounding(5),
    "CAD": CashRounding(5),
    "DKK": CashRounding(50),
    "SEK": CashRounding(100),
    "NOK": CashRounding(100),
    "CZK": CashRounding(100),
}


def round_cash(amount: Money, rounding: CashRounding | None) -> Money:
    """``amount`` rounded for payment in cash; unchanged when there is no rule."""
    if not isinstance(amount, Money):
        raise TypeError("round_cash needs Money")
    if rounding is None or rounding.step_minor == 1:
        return amount
    steps = (Decimal(amount.minor) / rounding.step_minor).quantize(
        Decimal(1), rounding=_DECIMAL_MODES[rounding.mode]
    )
    return Money(int(steps) * rounding.step_minor, amount.currency)


# -- outputs ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PricedLine:
    """A priced ticket: ``base_price − discount == price``; ``tax`` is contained in ``price``."""

    key: str
    list_price: Money
    discount: Money
    price: Money
    tax: Money
    tax_rate: Decimal
    applied: tuple[str, ...]
    needs_override: bool
    override_price: Money | None = None

    @property
    def base_price(self) -> Money:
        return self.override_price if self.override_price is not None else self.list_price


@dataclass(frozen=True, slots=True)
class PricedCart:
    """What the cart costs, line by line, with everything checkout and reports need."""

    currency: str
    lines: tuple[PricedLine, ...]
    subtotal: Money
    discount_total: Money
    total: Money
    tax_total: Money
    tax_by_rate: dict[Decimal, Money]
    #: Labels (code, else name) of discounts that reduced something, to count their use.
    applied_discounts: tuple[str, ...]
    #: How much each applied discount took off, for reports.
    discount_by_label: dict[str, Money]
    needs_permissions: frozenset[str]
    rounding: Money
    payable_cash: Money
    #: Why a voucher the clerk entered was not used (it lost to a better offer, or
    #: took nothing off): ``pricing_voucher_not_combined`` / ``..._takes_nothing``.
    not_applied: tuple[Notice, ...] = field(default=())


# -- allocation ---------------------------------------------------------------


def _allocate(amount: int, weights: Sequence[int]) -> list[int]:
    total = sum(weights)
    if amount == 0:
        return [0] * len(weights)
    if total <= 0:
        raise PricingError("allocate_over_nothing")
    shares: list[int] = []
    remainders: list[int] = []
    for weight in weights:
        share, remainder = divmod(amount * weight, total)
        shares.append(share)
        remainders.append(remainder)
    left = amount - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    return shares


def allocate(amount: Money, weights: Sequence[Money]) -> list[Money]:
    """Split ``amount`` over ``weights`` in proportion, to the cent, with nothing lost.

    Each part is rounded down and the leftover minor units go one each to the
    largest remainders (ties to the earlier weight), so the parts always add
    up to ``amount`` and a part never exceeds its weight when amount ≤ sum.
    """
    if amount.minor < 0 or any(w.minor < 0 for w in weights):
        raise PricingError("allocate_negative")
    for weight in weights:
        if weight.currency != amount.currency:
            raise PricingError(
                "allocate_currency_mismatch", currency=amount.currency, other=weight.currency
            )
    return [
        Money(part, amount.currency) for part in _allocate(amount.minor, [w.minor for w in weights])
    ]


# -- the engine ---------------------------------------------------------------


def _restriction_problem(discount: Discount) -> PricingError:
    """Why a restricted discount applies to nothing in this cart."""
    if discount.price_types is not None and discount.zones is not None:
        return PricingError(
            "discount_only_price_types_in_zones",
            **discount.subject,
            price_types=sorted(discount.price_types),
            zones=sorted(discount.zones),
        )
    if discount.price_types is not None:
        return PricingError(
            "discount_only_price_types",
            **discount.subject,
            price_types=sorted(discount.price_types),
        )
    return PricingError(
        "discount_only_zones", **discount.subject, zones=sorted(discount.zones or ())
    )


def _availability_problem(discount: Discount, now: datetime) -> PricingError | None:
    """Why ``discount`` cannot be used at ``now`` at all (window, usage), or None."""
    window = validity_problem(discount.subject, discount.valid_from, discount.valid_to, now)
    if window is not None:
        return window
    if discount.usage_limit is not None and discount.times_used >= discount.usage_limit:
        return PricingError(
            "discount_used_up",
            **discount.subject,
            used=discount.times_used,
            limit=discount.usage_limit,
        )
    return None


def _min_spend_problem(discount: Discount, subtotal: Money) -> PricingError | None:
    if discount.min_spend is not None and subtotal < discount.min_spend:
        return PricingError(
            "discount_min_spend",
            **discount.subject,
            min_spend=discount.min_spend,
            subtotal=subtotal,
        )
    return None


def _check_currency(discount: Discount, currency: str) -> None:
    if isinstance(discount.value, Money) and discount.value.currency != currency:
        raise PricingError(
            "discount_currency_mismatch",
            **discount.subject,
            amount=discount.value,
            currency=currency,
        )
    if discount.min_spend is not None and discount.min_spend.currency != currency:
        raise PricingError(
            "discount_min_spend_currency_mismatch",
            **discount.subject,
            min_spend_currency=discount.min_spend.currency,
            currency=currency,
        )


def apply_voucher_code(
    code: str,
    discounts: Sequence[Discount],
    *,
    now: datetime,
    subtotal: Money | None = None,
) -> Discount:
    """The voucher a clerk typed (case-insensitive), or a clear reason it cannot be used.

    Checks the validity window and the usage limit at ``now``, and the minimum
    spend when the cart's ``subtotal`` is given. The caller adds the returned
    discount to those it passes to ``price_cart``.
    """
    check_aware(now, "now")
    typed = (code or "").strip()
    if not typed:
        raise PricingError("pricing_voucher_missing")
    wanted = typed.casefold()
    found = [d for d in discounts if d.code is not None and d.code.casefold() == wanted]
    if not found:
        raise PricingError("pricing_voucher_not_found", code=typed)
    if len(found) > 1:
        raise PricingError("pricing_voucher_ambiguous", code=typed, count=len(found))
    voucher = found[0]
    problem = _availability_problem(voucher, now)
    if problem is None and subtotal is not None:
        _check_currency(voucher, subtotal.currency)
        problem = _min_spend_problem(voucher, subtotal)
    if problem is not None:
        raise problem
    return voucher


_CLASS_ORDER = {
    ("ticket", "percent"): 0,
    ("ticket", "fixed"): 1,
    ("order", "percent"): 2,
    ("order", "fixed"): 3,
}


def _application_order(discount: Discount) -> tuple[int, str]:
    """Per ticket before per order, percent before fixed: the order kinder to the customer."""
    return (_CLASS_ORDER[(discount.scope, discount.kind)], discount.label.casefold())


@dataclass(slots=True)
class _Outcome:
    prices: list[int]
    per_line: list[dict[str, int]]
    by_label: dict[str, int]
    used: tuple[Discount, ...]
    reduction: int


def _run(
    combination: Sequence[Discount],
    bases: Sequence[int],
    eligible: Mapping[str, Sequence[int]],
    currency: str,
) -> _Outcome:
    """Apply ``combination`` to the line prices in the fixed application order."""
    prices = list(bases)
    per_line: list[dict[str, int]] = [{} for _ in bases]
    by_label: dict[str, int] = {}
    for discount in sorted(combination, key=_application_order):
        indexes = eligible[discount.label]
        cuts: list[int]
        if discount.scope == "ticket":
            if isinstance(discount.value, Money):
                cuts = [min(discount.value.minor, prices[i]) for i in indexes]
            else:
                cuts = [Money(prices[i], currency).percent(discount.value).minor for i in indexes]
        else:
            pool = sum(prices[i] for i in indexes)
            if isinstance(discount.value, Money):
                amount = min(discount.value.minor, pool)
            else:
                amount = Money(pool, currency).percent(discount.value).minor
            cuts = _allocate(amount, [prices[i] for i in indexes])
        for index, cut in zip(indexes, cuts, strict=True):
            if cut:
                prices[index] -= cut
                per_line[index][discount.label] = cut
                by_label[discount.label] = by_label.get(discount.label, 0) + cut
    used = tuple(
        d for d in sorted(combination, key=_application_order) if by_label.get(d.label, 0) > 0
    )
    return _Outcome(prices, per_line, by_label, used, sum(bases) - sum(prices))


def _preference(outcome: _Outcome) -> tuple[int, int, int, tuple[str, ...]]:
    """Most saved first; on a tie, burn fewer vouchers, use fewer discounts, then by label."""
    return (
        -outcome.reduction,
        sum(1 for d in outcome.used if d.is_voucher),
        len(outcome.used),
        tuple(sorted(d.label.casefold() for d in outcome.used)),
    )


def _left_out(voucher: Discount, chosen: Sequence[Discount], used: Sequence[Discount]) -> Notice:
    """Why ``voucher`` is not in the cart's price: a better offer, or nothing to take off."""
    if used and voucher not in chosen:
        return Notice(
            "pricing_voucher_not_combined",
            {**voucher.subject, "better": [Notice("discount_named", d.subject) for d in used]},
        )
    return Notice("pricing_voucher_takes_nothing", voucher.subject)


def price_cart(
    lines: Sequence[CartLine],
    *,
    price_types: Mapping[str, PriceTypeRule],
    discounts: Sequence[Discount] = (),
    now: datetime,
    currency: str,
    cash_rounding: CashRounding | None = None,
) -> PricedCart:
    """Price ``lines`` at ``now``: the single place where every pricing rule is applied.

    Raises ``PricingError`` for a cart that cannot be sold as it stands (price
    type off sale, group too small, override without a reason, a voucher that
    does not apply, amounts in another currency). Automatic promotions that do
    not apply are skipped silently; vouchers (discounts with a code) were typed
    by the clerk, so one that does not apply is an error that says why.
    """
    if now is None:
        raise PricingError("pricing_needs_now")
    check_aware(now, "now")
    exponent(currency)
    if cash_rounding is not None and not isinstance(cash_rounding, CashRounding):
        raise TypeError("cash_rounding must be a CashRounding or None")

    # Lines: currency, known price types, comps, overrides.
    seen: set[str] = set()
    needs: set[str] = set()
    counts: dict[str, int] = {}
    for line in lines:
        if line.key in seen:
            raise PricingError("cart_line_twice", line=line.key)
        seen.add(line.key)
        if line.list_price.currency != currency:
            raise PricingError(
                "cart_line_currency_mismatch",
                line=line.key,
                line_currency=line.list_price.currency,
                currency=currency,
            )
        rule = price_types.get(line.price_type)
        if rule is None:
            raise PricingError(
                "cart_line_unknown_price_type",
                line=line.key,
                price_type=repr(line.price_type),
                known=names(price_types),
            )
        counts[line.price_type] = counts.get(line.price_type, 0) + 1
        if rule.complimentary:
            if line.override_price is not None:
                raise PricingError("cart_line_comp_override", line=line.key, price_type=rule.name)
            if line.list_price.minor != 0:
                raise PricingError(
                    "cart_line_comp_priced",
                    line=line.key,
                    price_type=rule.name,
                    price=line.list_price,
                )
            needs.add(Permission.SELL_COMPLIMENTARY.value)
        if line.override_price is not None:
            if not line.override_reason.strip():
                raise PricingError("price_override_needs_reason", line=line.key)
            needs.add(Permission.PRICE_OVERRIDE.value)

    # Price types: sale window and group minimum, in the order they appear.
    for code, count in counts.items():
        rule = price_types[code]
        rule.check_on_sale(now)
        if count < rule.min_quantity:
            raise PricingError(
                "price_type_min_quantity",
                price_type=rule.name,
                minimum=rule.min_quantity,
                count=count,
            )

    bases = [line.base_price.minor for line in lines]
    subtotal = Money(sum(bases), currency)
    discountable = [
        i
        for i, line in enumerate(lines)
        if line.override_price is None and not price_types[line.price_type].complimentary
    ]

    # Discounts: which may apply at all.
    labels: set[str] = set()
    candidates: list[Discount] = []
    eligible: dict[str, list[int]] = {}
    for discount in discounts:
        label = discount.label.casefold()
        if label in labels:
            raise PricingError("discount_twice", **discount.subject)
        labels.add(label)
        _check_currency(discount, currency)
        problem = _availability_problem(discount, now) or _min_spend_problem(discount, subtotal)
        indexes = [
            i
            for i in discountable
            if (discount.price_types is None or lines[i].price_type in discount.price_types)
            and (discount.zones is None or lines[i].zone in discount.zones)
        ]
        if problem is None and not indexes:
            problem = (
                _restriction_problem(discount)
                if discount.price_types is not None or discount.zones is not None
                else PricingError("discount_no_eligible_lines", **discount.subject)
            )
        if problem is not None:
            if discount.is_voucher:
                raise problem
            continue
        candidates.append(discount)
        eligible[discount.label] = indexes

    # Stacking: each non-stackable alone, or every stackable together; best for the customer.
    options: list[list[Discount]] = [[d] for d in candidates if not d.stackable]
    options.append([d for d in candidates if d.stackable])
    chosen, best = min(
        ((option, _run(option, bases, eligible, currency)) for option in options),
        key=lambda pair: _preference(pair[1]),
    )
    not_applied = tuple(
        _left_out(d, chosen, best.used)
        for d in sorted(candidates, key=lambda d: d.label.casefold())
        if d.is_voucher and d not in best.used
    )

    priced: list[PricedLine] = []
    tax_by_rate: dict[Decimal, Money] = {}
    for index, line in enumerate(lines):
        price = Money(best.prices[index], currency)
        tax = price.tax_included(line.tax_rate)
        tax_by_rate[line.tax_rate] = tax_by_rate.get(line.tax_rate, Money.zero(currency)) + tax
        priced.append(
            PricedLine(
                key=line.key,
                list_price=line.list_price,
                discount=Money(bases[index] - best.prices[index], currency),
                price=price,
                tax=tax,
                tax_rate=line.tax_rate,
                applied=tuple(best.per_line[index]),
                needs_override=line.override_price is not None,
                override_price=line.override_price,
            )
        )

    total = Money(sum(best.prices), currency)
    payable_cash = round_cash(total, cash_rounding)
    return PricedCart(
        currency=currency,
        lines=tuple(priced),
        subtotal=subtotal,
        discount_total=subtotal - total,
        total=total,
        tax_total=Money(sum(p.tax.minor for p in priced), currency),
        tax_by_rate=dict(sorted(tax_by_rate.items())),
        applied_discounts=tuple(d.label for d in best.used),
        discount_by_label={d.label: Money(best.by_label[d.label], currency) for d in best.used},
        needs_permissions=frozenset(needs),
        rounding=payable_cash - total,
        payable_cash=payable_cash,
        not_applied=not_applied,
    )
