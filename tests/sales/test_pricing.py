"""The pricing rules engine: every rule pinned, plus properties over random carts."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales.pricing import (
    CASH_ROUNDING_CONVENTIONS,
    CartLine,
    CashRounding,
    Discount,
    PricedCart,
    PriceTypeRule,
    PricingError,
    allocate,
    apply_voucher_code,
    price_cart,
    round_cash,
)

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)

RULES: dict[str, PriceTypeRule] = {
    "adult": PriceTypeRule("adult", "Adult"),
    "child": PriceTypeRule("child", "Child"),
    "group": PriceTypeRule("group", "Group (10+)", min_quantity=10),
    "comp": PriceTypeRule("comp", "Complimentary", complimentary=True),
    "vip_presale": PriceTypeRule(
        "vip_presale",
        "VIP presale",
        sale_starts_at=datetime(2026, 6, 1, 10, 0, tzinfo=UTC),
        sale_ends_at=datetime(2026, 6, 8, 10, 0, tzinfo=UTC),
    ),
}


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def line(
    key: str,
    price: str,
    *,
    price_type: str = "adult",
    zone: str = "Stalls",
    rate: str = "0",
    override: str | None = None,
    reason: str = "",
    currency: str = "EUR",
) -> CartLine:
    return CartLine(
        key,
        zone,
        price_type,
        Money.of(price, currency),
        Decimal(rate),
        Money.of(override, currency) if override is not None else None,
        reason,
    )


def promo(
    name: str,
    kind: str,
    value: str,
    scope: str = "ticket",
    *,
    code: str | None = None,
    **kw: object,
) -> Discount:
    amount: Decimal | Money = Decimal(value) if kind == "percent" else eur(value)
    return Discount(code, name, kind, amount, scope, **kw)  # type: ignore[arg-type]


def price(lines: list[CartLine], discounts: list[Discount] = (), **kw: object) -> PricedCart:  # type: ignore[assignment]
    options: dict[str, object] = {"price_types": RULES, "now": NOW, "currency": "EUR"}
    options.update(kw)
    return price_cart(lines, discounts=discounts, **options)  # type: ignore[arg-type]


def prices(cart: PricedCart) -> list[str]:
    return [str(p.price.amount) for p in cart.lines]


# -- sale windows -------------------------------------------------------------


def test_sale_window_before_during_after() -> None:
    vip = [line("a", "80.00", price_type="vip_presale")]
    with pytest.raises(PricingError) as before:
        price(vip, now=datetime(2026, 5, 31, 9, 0, tzinfo=UTC))
    assert str(before.value) == (
        "VIP presale is not on sale yet: it is on sale from "
        "2026-06-01 10:00 UTC to 2026-06-08 10:00 UTC"
    )
    assert price(vip, now=datetime(2026, 6, 3, tzinfo=UTC)).total == eur("80.00")
    with pytest.raises(PricingError, match="VIP presale is no longer on sale: it was on sale from"):
        price(vip, now=datetime(2026, 6, 9, tzinfo=UTC))


def test_sale_window_start_inclusive_end_exclusive_and_zones_compare_as_instants() -> None:
    vip = [line("a", "80.00", price_type="vip_presale")]
    assert price(vip, now=datetime(2026, 6, 1, 10, 0, tzinfo=UTC)).total == eur("80.00")
    with pytest.raises(PricingError, match="no longer on sale"):
        price(vip, now=datetime(2026, 6, 8, 10, 0, tzinfo=UTC))
    # 11:59 in UTC+2 is 09:59 UTC: one minute before the presale opens.
    plus_two = timezone(timedelta(hours=2))
    with pytest.raises(PricingError, match="not on sale yet"):
        price(vip, now=datetime(2026, 6, 1, 11, 59, tzinfo=plus_two))


def test_open_ended_sale_windows_say_which_end() -> None:
    rules = {
        "early": PriceTypeRule("early", "Early bird", sale_ends_at=NOW),
        "late": PriceTypeRule("late", "Door price", sale_starts_at=NOW + timedelta(hours=1)),
    }
    with pytest.raises(PricingError, match="Early bird is no longer on sale: sales ended at"):
        price([line("a", "10", price_type="early")], price_types=rules)
    with pytest.raises(PricingError, match="Door price is not on sale yet: it goes on sale at"):
        price([line("a", "10", price_type="late")], price_types=rules)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(PricingError, match="now needs a time zone"):
        price([line("a", "10")], now=datetime(2026, 6, 15, 12, 0))
    with pytest.raises(PricingError, match="needs a time zone"):
        PriceTypeRule("x", "X", sale_starts_at=datetime(2026, 1, 1))
    with pytest.raises(PricingError, match="needs a time zone"):
        promo("naive", "percent", "10", valid_to=datetime(2026, 1, 1))
    with pytest.raises(PricingError, match="ends before it starts"):
        PriceTypeRule("x", "X", sale_starts_at=NOW, sale_ends_at=NOW)


# -- group minimum, comps, overrides -------------------------------------------


def test_group_minimum_counts_lines_of_that_price_type() -> None:
    nine = [line(f"g{i}", "20.00", price_type="group") for i in range(9)]
    with pytest.raises(PricingError) as err:
        price([*nine, line("a", "30.00")])
    assert str(err.value) == "Group (10+) needs at least 10 tickets in one order; the cart has 9"
    ten = [*nine, line("g9", "20.00", price_type="group")]
    assert price(ten).total == eur("200.00")


def test_complimentary_needs_permission_is_free_and_takes_no_discount() -> None:
    cart = price(
        [line("c", "0", price_type="comp"), line("a", "30.00")],
        [promo("half", "percent", "50", "order")],
    )
    assert cart.needs_permissions == {"sell_complimentary"}
    assert cart.lines[0].price == eur("0") and cart.lines[0].applied == ()
    assert cart.total == eur("15.00")
    with pytest.raises(PricingError, match="Complimentary tickets are free, but the line lists"):
        price([line("c", "5.00", price_type="comp")])
    with pytest.raises(PricingError, match="cannot be overridden"):
        price([line("c", "0", price_type="comp", override="1.00", reason="x")])


def test_override_needs_permission_and_reason_and_is_final() -> None:
    with pytest.raises(PricingError, match="line a: a price override needs a reason"):
        price([line("a", "50.00", override="40.00", reason="  ")])
    cart = price(
        [line("a", "50.00", override="40.00", reason="restricted view"), line("b", "50.00")],
        [promo("tenner", "fixed", "10.00", "ticket")],
    )
    assert cart.needs_permissions == {"price_override"}
    first, second = cart.lines
    assert first.needs_override and first.override_price == eur("40.00")
    assert first.list_price == eur("50.00") and first.base_price == eur("40.00")
    assert first.discount == eur("0") and first.price == eur("40.00")  # no promo on top
    assert not second.needs_override and second.price == eur("40.00")
    assert cart.subtotal == eur("90.00") and cart.total == eur("80.00")


def test_plain_cart_needs_no_permission() -> None:
    assert price([line("a", "10")]).needs_permissions == frozenset()


# -- tax ----------------------------------------------------------------------


def test_tax_is_computed_per_line_and_summed_by_rate() -> None:
    # Three 0.10 lines at 19 %: 0.016 each rounds to 0.02, so 0.06 in all;
    # the tax of the 0.30 total would have been 0.05. Per line is the rule.
    cart = price(
        [line(k, "0.10", rate="19") for k in "abc"] + [line("d", "107.00", rate="7")],
    )
    assert [str(p.tax.amount) for p in cart.lines] == ["0.02", "0.02", "0.02", "7.00"]
    assert cart.tax_total == eur("7.06")
    assert cart.tax_by_rate == {Decimal("7"): eur("7.00"), Decimal("19"): eur("0.06")}
    assert list(cart.tax_by_rate) == [Decimal("7"), Decimal("19")]


def test_tax_is_on_the_discounted_price() -> None:
    cart = price([line("a", "119.00", rate="19")], [promo("half", "percent", "50")])
    assert cart.lines[0].price == eur("59.50")
    assert cart.lines[0].tax == eur("9.50")


# -- discounts ------------------------------------------------------------------


def test_percent_per_ticket_rounds_each_line_half_up() -> None:
    cart = price([line("a", "33.33"), line("b", "0.05")], [promo("ten", "percent", "10")])
    # 3.333 → 3.33 off; 0.005 → 0.01 off
    assert prices(cart) == ["30.00", "0.04"]
    assert [p.applied for p in cart.lines] == [("ten",), ("ten",)]
    assert cart.discount_total == eur("3.34")


def test_fixed_per_ticket_never_below_zero() -> None:
    cart = price([line("a", "30.00"), line("b", "3.00")], [promo("fiver", "fixed", "5.00")])
    assert prices(cart) == ["25.00", "0.00"]
    assert cart.discount_by_label == {"fiver": eur("8.00")}


def test_percent_per_order_is_taken_from_the_total_and_spread() -> None:
    lines = [line("a", "10.01"), line("b", "10.01"), line("c", "10.01")]
    cart = price(lines, [promo("ten", "percent", "10", "order")])
    # 10 % of 30.03 is 3.003 → 3.00, spread 1.00 each
    assert cart.total == eur("27.03")
    assert prices(cart) == ["9.01", "9.01", "9.01"]


def test_fixed_per_order_spreads_by_price_with_largest_remainder() -> None:
    cart = price(
        [line("a", "10.00"), line("b", "10.00"), line("c", "10.00")],
        [promo("one", "fixed", "1.00", "order")],
    )
    # 100 cents / 3: 33 each, the leftover cent to the first of the tied lines.
    assert [p.discount.minor for p in cart.lines] == [34, 33, 33]
    cart = price(
        [line("a", "10.00"), line("b", "30.00"), line("c", "20.01")],
        [promo("seven", "fixed", "7.00", "order")],
    )
    # exact shares 116.6..., 349.9..., 233.4... → 116, 349, 233 (+2 to largest remainders)
    assert [p.discount.minor for p in cart.lines] == [117, 350, 233]
    assert sum(p.price.minor for p in cart.lines) == cart.total.minor == 6001 - 700


def test_fixed_per_order_larger_than_the_cart_makes_it_free() -> None:
    cart = price([line("a", "3.00"), line("b", "4.00")], [promo("big", "fixed", "50.00", "order")])
    assert cart.total == eur("0") and prices(cart) == ["0.00", "0.00"]
    assert cart.discount_by_label == {"big": eur("7.00")}


def test_min_spend_is_on_the_subtotal_before_discounts() -> None:
    spend = {"min_spend": eur("50.00")}
    spend50 = promo("spend50", "fixed", "5.00", "order", stackable=True, **spend)
    assert price([line("a", "49.99")], [spend50]).applied_discounts == ()
    assert price([line("a", "50.00")], [spend50]).total == eur("45.00")
    # 50.00 qualifies although the 10 % taken first brings the cart to 45.00.
    ten = promo("ten", "percent", "10", stackable=True)
    cart = price([line("a", "50.00")], [spend50, ten])
    assert cart.applied_discounts == ("ten", "spend50") and cart.total == eur("40.00")
    voucher = promo("Spend more", "fixed", "5.00", "order", code="SPEND50", **spend)
    with pytest.raises(PricingError) as err:
        price([line("a", "42.00")], [voucher])
    assert str(err.value) == (
        "voucher SPEND50 needs a minimum spend of €50.00 (the cart comes to €42.00)"
    )


def test_usage_limit() -> None:
    used_up = promo("Christmas", "percent", "10", code="XMAS10", usage_limit=100, times_used=100)
    with pytest.raises(PricingError, match="voucher XMAS10 has been used 100 of 100 times"):
        price([line("a", "10.00")], [used_up])
    auto = dataclasses.replace(used_up, code=None)
    assert price([line("a", "10.00")], [auto]).applied_discounts == ()
    one_left = dataclasses.replace(used_up, times_used=99)
    assert price([line("a", "10.00")], [one_left]).applied_discounts == ("XMAS10",)
    assert price([line("a", "10.00")], [dataclasses.replace(auto, usage_limit=None)]).total == eur(
        "9.00"
    )


def test_validity_window() -> None:
    start = datetime(2026, 12, 1, tzinfo=UTC)
    end = datetime(2026, 12, 25, tzinfo=UTC)
    xmas = promo("Christmas", "percent", "10", code="XMAS10", valid_from=start, valid_to=end)
    with pytest.raises(PricingError, match="voucher XMAS10 is valid from 2026-12-01 00:00 UTC"):
        price([line("a", "10.00")], [xmas], now=start - timedelta(seconds=1))
    assert price([line("a", "10.00")], [xmas], now=start).total == eur("9.00")
    with pytest.raises(PricingError) as err:
        price([line("a", "10.00")], [xmas], now=end)
    assert str(err.value) == "voucher XMAS10 expired on 2026-12-24"
    evening = dataclasses.replace(xmas, valid_to=datetime(2026, 12, 24, 18, 0, tzinfo=UTC))
    with pytest.raises(PricingError, match="expired on 2026-12-24 18:00 UTC"):
        price([line("a", "10.00")], [evening], now=end)
    auto = dataclasses.replace(xmas, code=None)
    assert price([line("a", "10.00")], [auto], now=end).total == eur("10.00")


def test_restriction_to_price_types_and_zones() -> None:
    kids = promo("Kids", "percent", "50", price_types=frozenset({"child"}))
    stalls = promo("Stalls", "fixed", "1.00", zones=frozenset({"Stalls"}), stackable=True)
    both = dataclasses.replace(kids, stackable=True)
    cart = price(
        [
            line("a", "20.00", zone="Stalls"),
            line("k", "20.00", price_type="child", zone="Balcony"),
            line("s", "20.00", price_type="child", zone="Stalls"),
        ],
        [both, stalls],
    )
    assert prices(cart) == ["19.00", "10.00", "9.00"]
    assert [p.applied for p in cart.lines] == [("Stalls",), ("Kids",), ("Kids", "Stalls")]
    only_balcony = promo("Gods", "fixed", "2.00", code="GODS", zones={"Balcony"})
    with pytest.raises(PricingError, match="voucher GODS applies only to zones Balcony; none"):
        price([line("a", "20.00")], [only_balcony])
    assert price([line("a", "20.00")], [kids]).applied_discounts == ()
    anything = promo("Any", "fixed", "1.00", code="ANY1")
    with pytest.raises(PricingError, match="does not apply to complimentary or overridden"):
        price([line("a", "20.00", override="15.00", reason="damaged seat")], [anything])


def test_order_discount_spreads_over_eligible_lines_only() -> None:
    kids = promo("Kids", "fixed", "3.00", "order", price_types=frozenset({"child"}))
    lines = [
        line("a", "20.00"),
        line("k", "10.00", price_type="child"),
        line("j", "20.00", price_type="child"),
    ]
    cart = price(lines, [kids])
    assert [p.discount.minor for p in cart.lines] == [0, 100, 200]


# -- stacking -------------------------------------------------------------------


def test_two_non_stackable_discounts_the_better_one_wins() -> None:
    lines = [line("a", "40.00"), line("b", "40.00")]
    ten_pct = promo("Ten percent", "percent", "10", "order")
    five_off = promo("Five off", "fixed", "5.00", "ticket")
    cart = price(lines, [ten_pct, five_off])
    assert cart.applied_discounts == ("Five off",) and cart.total == eur("70.00")
    assert price(lines, [five_off, ten_pct]) == cart


def test_non_stackable_against_the_sum_of_stackables() -> None:
    lines = [line("a", "100.00")]
    exclusive = promo("Members", "percent", "25", "ticket")
    small = [
        promo("Tuesday", "percent", "10", stackable=True),
        promo("Newsletter", "fixed", "10.00", stackable=True),
    ]
    # Together the small ones give 100 → 90 → 80; 25 % alone gives 75.00, so it wins.
    cart = price(lines, [exclusive, *small])
    assert cart.applied_discounts == ("Members",) and cart.total == eur("75.00")
    bigger = dataclasses.replace(small[1], value=eur("20.00"))
    cart = price(lines, [exclusive, small[0], bigger])
    # 100 → 90 (percent first) → 70: better for the customer than 75.
    assert cart.applied_discounts == ("Tuesday", "Newsletter") and cart.total == eur("70.00")
    assert cart.lines[0].applied == ("Tuesday", "Newsletter")


def test_stackables_compound_percent_first() -> None:
    cart = price(
        [line("a", "100.00")],
        [
            promo("Five off", "fixed", "5.00", stackable=True),
            promo("Ten", "percent", "10", stackable=True),
            promo("Twenty", "percent", "20", stackable=True),
        ],
    )
    # 100 × 0.9 × 0.8 = 72, then 5 off: 67 (never 30 % additive, never fixed first).
    assert cart.total == eur("67.00")
    assert cart.applied_discounts == ("Ten", "Twenty", "Five off")


def test_a_tie_keeps_the_voucher_for_another_day_and_says_so() -> None:
    auto = promo("Summer", "percent", "10")
    voucher = promo("Friends", "percent", "10", code="FRIEND10")
    cart = price([line("a", "30.00")], [voucher, auto])
    assert cart.applied_discounts == ("Summer",)
    (left_out,) = cart.not_applied
    assert left_out.code == "pricing_voucher_not_combined"
    assert str(left_out) == (
        "voucher FRIEND10 was not applied: it cannot be combined with promotion 'Summer', "
        "which saves the customer at least as much"
    )
    assert left_out.message("zh_CN") == (
        "兑换券FRIEND10未使用：它不能与促销'Summer'同时使用，而后者为顾客节省的金额不少于它"
    )


def test_losing_voucher_is_reported_not_charged() -> None:
    auto = promo("Big", "percent", "50")
    voucher = promo("Small", "fixed", "1.00", code="small1")
    cart = price([line("a", "30.00")], [auto, voucher])
    assert cart.applied_discounts == ("Big",) and cart.total == eur("15.00")
    assert "voucher small1 was not applied" in str(cart.not_applied[0])


def test_same_discount_twice_is_refused() -> None:
    v = promo("V", "percent", "10", code="ABC")
    with pytest.raises(PricingError, match="voucher abc is in the cart twice"):
        price([line("a", "10")], [v, dataclasses.replace(v, code="abc")])


# -- currencies and bad input -------------------------------------------------


def test_currency_mismatch_is_an_error() -> None:
    usd = Discount(None, "Dollar off", "fixed", Money.of("1.00", "USD"), "ticket")
    with pytest.raises(PricingError, match=re.escape("takes off $1.00, but this sale is in EUR")):
        price([line("a", "10.00")], [usd])
    spend = promo("Spend", "percent", "5", min_spend=Money.of("50", "USD"))
    with pytest.raises(PricingError, match="minimum spend in USD"):
        price([line("a", "10.00")], [spend])
    with pytest.raises(PricingError, match="line a is priced in USD, but this sale is in EUR"):
        price([line("a", "10.00", currency="USD")])
    with pytest.raises(PricingError, match="override in USD"):
        CartLine("a", "z", "adult", eur("1"), Decimal(0), Money.of("1", "USD"), "why")


def test_bad_lines_and_discounts_are_refused() -> None:
    with pytest.raises(PricingError, match="line a is in the cart twice"):
        price([line("a", "1"), line("a", "2")])
    with pytest.raises(PricingError, match="no price type 'senior'"):
        price([line("a", "1", price_type="senior")])
    with pytest.raises(TypeError):
        CartLine("a", "z", "adult", eur("1"), 0.07)  # type: ignore[arg-type]
    with pytest.raises(PricingError, match="negative"):
        CartLine("a", "z", "adult", eur("-1"), Decimal(0))
    with pytest.raises(TypeError):
        Discount(None, "f", "percent", 10.0, "ticket")  # type: ignore[arg-type]
    with pytest.raises(PricingError, match="at most 100"):
        promo("too much", "percent", "100.01")
    with pytest.raises(TypeError):
        Discount(None, "f", "fixed", Decimal(5), "ticket")
    with pytest.raises(PricingError, match="scope"):
        Discount(None, "f", "fixed", eur("5"), "basket")  # type: ignore[arg-type]
    assert issubclass(PricingError, ValidationError)


def test_empty_cart_costs_nothing() -> None:
    cart = price([])
    assert cart.total == cart.subtotal == cart.tax_total == eur("0")
    assert cart.lines == () and cart.tax_by_rate == {}


# -- vouchers by code -----------------------------------------------------------


def test_apply_voucher_code_finds_codes_case_insensitively() -> None:
    xmas = promo(
        "Christmas",
        "percent",
        "10",
        code="XMAS10",
        valid_to=datetime(2026, 12, 25, tzinfo=UTC),
        usage_limit=100,
        times_used=3,
        min_spend=eur("50.00"),
    )
    known = [promo("Auto", "percent", "5"), xmas]
    assert apply_voucher_code(" xmas10 ", known, now=NOW) is xmas
    with pytest.raises(PricingError, match="there is no voucher XMAS11"):
        apply_voucher_code("XMAS11", known, now=NOW)
    with pytest.raises(PricingError, match="enter a voucher code"):
        apply_voucher_code("  ", known, now=NOW)
    with pytest.raises(PricingError) as err:
        apply_voucher_code("Xmas10", known, now=datetime(2027, 1, 2, tzinfo=UTC))
    assert str(err.value) == "voucher XMAS10 expired on 2026-12-24"
    with pytest.raises(PricingError, match="has been used 100 of 100 times"):
        apply_voucher_code("xmas10", [dataclasses.replace(xmas, times_used=100)], now=NOW)
    with pytest.raises(PricingError, match=re.escape("needs a minimum spend of €50.00")):
        apply_voucher_code("XMAS10", known, now=NOW, subtotal=eur("49.99"))
    assert apply_voucher_code("XMAS10", known, now=NOW, subtotal=eur("50.00")) is xmas


# -- cash rounding --------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        ("12.34", "12.30"),
        ("12.35", "12.40"),
        ("12.36", "12.40"),
        ("12.30", "12.30"),
        ("-12.34", "-12.30"),
        ("-12.35", "-12.40"),
        ("0.04", "0.00"),
        ("-0.05", "-0.10"),
    ],
)
def test_cny_cash_rounds_to_a_jiao_half_up_symmetrically(amount: str, rounded: str) -> None:
    assert round_cash(Money.of(amount, "CNY"), CashRounding(10)) == Money.of(rounded, "CNY")


def test_other_rounding_rules() -> None:
    assert round_cash(eur("12.34"), None) == eur("12.34")
    chf = CASH_ROUNDING_CONVENTIONS["CHF"]
    assert "EUR" not in CASH_ROUNDING_CONVENTIONS and "CNY" not in CASH_ROUNDING_CONVENTIONS
    assert round_cash(Money.of("12.32", "CHF"), chf) == Money.of("12.30", "CHF")
    assert round_cash(Money.of("12.33", "CHF"), chf) == Money.of("12.35", "CHF")
    even = CashRounding(10, "half_even")
    assert round_cash(Money.of("12.25", "CNY"), even) == Money.of("12.20", "CNY")
    assert round_cash(Money.of("12.35", "CNY"), even) == Money.of("12.40", "CNY")
    with pytest.raises(PricingError):
        CashRounding(0)
    with pytest.raises(PricingError):
        CashRounding(5, "up")  # type: ignore[arg-type]


def test_cart_total_stays_exact_and_cash_rounding_is_reported() -> None:
    lines = [
        CartLine("a", "Stalls", "adult", Money.of("6.17", "CNY"), Decimal(13)),
        CartLine("b", "Stalls", "adult", Money.of("6.17", "CNY"), Decimal(13)),
    ]
    cart = price(lines, currency="CNY", cash_rounding=CashRounding(10))
    assert cart.total == Money.of("12.34", "CNY")
    assert cart.payable_cash == Money.of("12.30", "CNY")
    assert cart.rounding == Money.of("-0.04", "CNY")
    plain = price([line("a", "12.34")])
    assert plain.payable_cash == plain.total and plain.rounding == eur("0")


# -- allocation and adapters ----------------------------------------------------


def test_allocate_adds_up_and_refuses_nonsense() -> None:
    parts = allocate(eur("1.00"), [eur("1.00"), eur("1.00"), eur("1.00")])
    assert [p.minor for p in parts] == [34, 33, 33]
    assert allocate(eur("0"), []) == []
    with pytest.raises(PricingError):
        allocate(eur("1.00"), [eur("0")])
    with pytest.raises(PricingError, match="cannot spread EUR over USD"):
        allocate(eur("1.00"), [Money(5, "USD")])


def test_from_record_copies_stored_rows() -> None:
    rule = PriceTypeRule.from_record(
        SimpleNamespace(
            code="group",
            name="Group",
            sale_starts_at=None,
            sale_ends_at=None,
            min_quantity=10,
            complimentary=False,
        )
    )
    assert rule.min_quantity == 10
    row = SimpleNamespace(
        code="KIDS",
        name="Kids",
        kind="percent",
        value=1250,
        currency=None,
        scope="ticket",
        valid_from=None,
        valid_to=None,
        usage_limit=None,
        times_used=0,
        min_spend_minor=2000,
        stackable=True,
        price_types='["child"]',
        zones=None,
    )
    d = Discount.from_record(row, "EUR")
    assert d.value == Decimal("12.5") and d.min_spend == eur("20.00")
    assert d.price_types == frozenset({"child"}) and d.zones is None and d.stackable
    anywhere = Discount.from_record(SimpleNamespace(**{**vars(row), "zones": "[]"}), "EUR")
    assert anywhere.zones is None


# -- properties -----------------------------------------------------------------


def _no_floats(value: object) -> None:
    """Walk a result and fail on any float, or any Money that is not int-backed."""
    assert not isinstance(value, float), value
    if isinstance(value, Money):
        assert type(value.minor) is int
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _no_floats(getattr(value, f.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_floats(k)
            _no_floats(v)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            _no_floats(item)


@st.composite
def carts(draw: st.DrawFn) -> tuple[str, list[CartLine], list[Discount]]:
    currency = draw(st.sampled_from(["EUR", "JPY"]))
    count = draw(st.integers(1, 8))
    lines = []
    for i in range(count):
        kind = "adult" if i == 0 else draw(st.sampled_from(["adult", "child", "comp"]))
        amount = 0 if kind == "comp" else draw(st.integers(0, 50_000))
        override = None
        if i > 0 and kind != "comp" and draw(st.booleans()):
            override = Money(draw(st.integers(0, 50_000)), currency)
        lines.append(
            CartLine(
                f"L{i}",
                draw(st.sampled_from(["A", "B"])),
                kind,
                Money(amount, currency),
                draw(st.sampled_from([Decimal(0), Decimal(7), Decimal("5.5"), Decimal(19)])),
                override,
                "manager said so" if override is not None else "",
            )
        )
    discounts = []
    for i in range(draw(st.integers(0, 5))):
        voucher = draw(st.booleans())
        kind = draw(st.sampled_from(["percent", "fixed"]))
        value: Decimal | Money
        if kind == "percent":
            value = Decimal(draw(st.integers(1, 10_000))) / 100
        else:
            value = Money(draw(st.integers(1, 20_000)), currency)
        restricted = not voucher and draw(st.booleans())
        discounts.append(
            Discount(
                f"V{i}" if voucher else None,
                f"D{i}",
                kind,
                value,
                draw(st.sampled_from(["ticket", "order"])),
                stackable=draw(st.booleans()),
                min_spend=(
                    Money(draw(st.integers(0, 100_000)), currency)
                    if not voucher and draw(st.booleans())
                    else None
                ),
                price_types=frozenset({"child"}) if restricted and draw(st.booleans()) else None,
                zones=frozenset({"B"}) if restricted and draw(st.booleans()) else None,
            )
        )
    return currency, lines, discounts


@settings(max_examples=200, deadline=None)
@given(carts())
def test_priced_carts_always_add_up_exactly(cart_input: tuple) -> None:
    currency, lines, discounts = cart_input
    rounding = CashRounding(10) if currency == "EUR" else None
    cart = price(lines, discounts, currency=currency, cash_rounding=rounding)
    zero = Money.zero(currency)
    assert sum((p.price for p in cart.lines), zero) == cart.total
    assert all(p.price.minor >= 0 for p in cart.lines)
    assert all(p.base_price - p.discount == p.price for p in cart.lines)
    assert cart.subtotal == sum((line.base_price for line in lines), zero)
    assert cart.total <= cart.subtotal
    assert cart.discount_total == cart.subtotal - cart.total
    assert sum(cart.discount_by_label.values(), zero) == cart.discount_total
    assert all(p.tax == p.price.tax_included(p.tax_rate) for p in cart.lines)
    assert cart.tax_total == sum((p.tax for p in cart.lines), zero)
    assert sum(cart.tax_by_rate.values(), zero) == cart.tax_total
    assert cart.payable_cash == round_cash(cart.total, rounding)
    assert cart.payable_cash - cart.total == cart.rounding
    _no_floats(cart)

    # Deterministic: the order the discounts come in changes nothing.
    assert price(lines, discounts[::-1], currency=currency, cash_rounding=rounding) == cart

    # Best for the customer: no allowed alternative is cheaper.
    alternatives = [[d] for d in discounts if not d.stackable]
    alternatives.append([d for d in discounts if d.stackable])
    for option in alternatives:
        assert cart.total <= price(lines, option, currency=currency).total
    if any(not d.stackable for d in discounts if d.label in cart.applied_discounts):
        assert len(cart.applied_discounts) == 1
    assert set(cart.applied_discounts) <= {d.label for d in discounts}


# -- refusals by code -------------------------------------------------------------


def test_refusals_carry_a_code_and_read_in_chinese() -> None:
    """The clerk sees the refusal in the terminal's language; the code and params stay stable."""
    xmas = promo(
        "Christmas", "percent", "10", code="XMAS10", valid_to=datetime(2026, 12, 25, tzinfo=UTC)
    )
    with pytest.raises(PricingError) as err:
        apply_voucher_code("XMAS10", [xmas], now=datetime(2027, 1, 2, tzinfo=UTC))
    assert err.value.code == "discount_expired"
    assert err.value.params == {"kind": "voucher", "discount": "XMAS10", "day": "2026-12-24"}
    assert err.value.message("zh_CN") == "兑换券XMAS10已于2026-12-24过期"

    with pytest.raises(PricingError) as err:
        apply_voucher_code("SPRING", [xmas], now=NOW)
    assert (err.value.code, err.value.params) == ("pricing_voucher_not_found", {"code": "SPRING"})
    assert err.value.message("zh_CN") == "没有兑换券SPRING"

    gods = promo("Gods", "fixed", "2.00", zones={"Balcony", "Gallery"})
    with pytest.raises(PricingError) as err:
        price([line("a", "20.00")], [dataclasses.replace(gods, code="GODS")])
    assert err.value.code == "discount_only_zones"
    assert str(err.value) == "voucher GODS applies only to zones Balcony, Gallery; none in the cart"
    assert err.value.message("zh_CN") == "兑换券GODS仅适用于票区Balcony、Gallery；购物车中没有"

    with pytest.raises(PricingError) as err:
        price([line("a", "10.00"), line("b", "10.00")], [gods, gods])
    assert err.value.code == "discount_twice"
    assert str(err.value) == "promotion 'Gods' is in the cart twice"
    assert err.value.message("zh_CN") == "促销'Gods'在购物车中出现了两次"

    with pytest.raises(PricingError) as err:
        price([line("a", "10.00", override="5.00", reason=" ")])
    assert (err.value.code, err.value.params) == ("price_override_needs_reason", {"line": "a"})
    assert err.value.message("zh_CN") == "第a行：修改票价需要填写原因"
