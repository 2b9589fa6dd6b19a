"""Money is exact: integer minor units, no floats, one currency at a time."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boxoffice.errors import ValidationError
from boxoffice.money import Money, parse_tax_rate


def test_parses_decimal_strings_exactly() -> None:
    assert Money.of("12.50", "EUR") == Money(1250, "EUR")
    assert Money.of("0.10", "CNY").minor == 10
    assert Money.of(Decimal("1999"), "JPY") == Money(1999, "JPY")
    assert Money.of(" 7 ", "USD").minor == 700


@pytest.mark.parametrize("bad", [0.1, 12.5, float("nan"), 1e3])
def test_refuses_floats_everywhere(bad: float) -> None:
    with pytest.raises(TypeError):
        Money.of(bad, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(bad, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100, "EUR") * bad  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(100, "EUR").percent(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_tax_rate(bad)  # type: ignore[arg-type]


def test_refuses_bool_and_precision_beyond_currency() -> None:
    with pytest.raises(TypeError):
        Money(True, "EUR")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="more decimal places"):
        Money.of("1.005", "EUR")
    with pytest.raises(ValidationError, match="more decimal places"):
        Money.of("1.5", "JPY")
    with pytest.raises(ValidationError, match="not an amount"):
        Money.of("twelve", "EUR")
    with pytest.raises(ValidationError, match="not an amount"):
        Money.of("Infinity", "EUR")


def test_unknown_currency_and_mixing_currencies() -> None:
    with pytest.raises(ValidationError, match="unknown currency"):
        Money(1, "XXX")
    with pytest.raises(ValidationError, match="cannot combine EUR with CNY"):
        Money(1, "EUR") + Money(1, "CNY")
    with pytest.raises(ValidationError):
        _ = Money(1, "EUR") < Money(2, "USD")


def test_format_and_tax_part() -> None:
    assert Money(123456, "CNY").format() == "¥1,234.56"
    assert Money(-500, "EUR").format() == "-€5.00"
    assert Money(500, "CHF").format() == "5.00 CHF"
    # 107.00 incl. 7 % contains 7.00 tax
    assert Money.of("107.00", "EUR").tax_included(Decimal("7")) == Money(700, "EUR")
    # 59.00 incl. 5 %: 2.8095… → 2.81
    assert Money.of("59.00", "EUR").tax_included(Decimal("5")) == Money(281, "EUR")


def test_tax_rate_rules() -> None:
    assert parse_tax_rate("5.5") == Decimal("5.50")
    assert parse_tax_rate("13%") == Decimal("13.00")
    for bad in ("-1", "100", "abc", "5.555"):
        with pytest.raises(ValidationError):
            parse_tax_rate(bad)


@given(st.lists(st.integers(min_value=-(10**9), max_value=10**9), max_size=50))
def test_sum_of_parts_is_exact(parts: list[int]) -> None:
    total = Money.zero("EUR")
    for p in parts:
        total += Money(p, "EUR")
    assert total.minor == sum(parts)
    assert Money.of(str(total.amount), "EUR") == total
