"""Notes and coins per currency, in minor units, largest first.

Data, not logic: a venue in another country adds its currency here. A count
names each denomination it saw; anything not listed for the currency is a
typing mistake and is refused rather than silently added.
"""

from __future__ import annotations

from collections.abc import Mapping

from boxoffice.errors import ValidationError
from boxoffice.money import Money

DENOMINATIONS: dict[str, tuple[int, ...]] = {
    # Renminbi: 100, 50, 20, 10, 5, 1 yuan notes; 1 yuan, 5 and 1 jiao coins.
    "CNY": (10000, 5000, 2000, 1000, 500, 100, 50, 10),
    # Euro: 500 to 5 euro notes; 2 euro to 1 cent coins.
    "EUR": (50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    # US dollar: 100 to 1 dollar notes; quarter, dime, nickel, penny.
    "USD": (10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1),
    # Pound sterling: 50 to 5 pound notes; 2 pound to 1 penny coins.
    "GBP": (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "CHF": (100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5),
    "JPY": (10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1),
}

#: A count: currency → {denomination in minor units → how many}.
Count = Mapping[str, Mapping[int, int]]


#: More of one note or coin than this in one count is a typing mistake (a safe bag of
#: coins holds a few thousand); the screen's field allows less.
MAX_QUANTITY = 100_000


def denominations(currency: str) -> tuple[int, ...]:
    try:
        return DENOMINATIONS[currency]
    except KeyError:
        raise ValidationError("no_denominations", currency=currency) from None


def validate(count: Count) -> dict[str, dict[int, int]]:
    """The count with zero lines dropped; a clear error for anything impossible."""
    clean: dict[str, dict[int, int]] = {}
    for currency, lines in count.items():
        allowed = denominations(currency)
        for denomination, quantity in lines.items():
            if isinstance(denomination, bool) or not isinstance(denomination, int):
                raise ValidationError("denomination_not_minor", denomination=denomination)
            if denomination not in allowed:
                raise ValidationError(
                    "denomination_not_of_currency",
                    denomination=Money(denomination, currency),
                    currency=currency,
                )
            if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
                raise ValidationError(
                    "denomination_quantity_invalid",
                    denomination=Money(denomination, currency),
                    quantity=quantity,
                )
            if quantity > MAX_QUANTITY:
                raise ValidationError(
                    "denomination_quantity_too_large",
                    quantity=f"{quantity:,}",
                    denomination=Money(denomination, currency),
                    most=f"{MAX_QUANTITY:,}",
                )
            if quantity:
                clean.setdefault(currency, {})[denomination] = quantity
    return clean


def totals(count: Count) -> dict[str, int]:
    """Minor units per currency."""
    return {cur: sum(d * q for d, q in lines.items()) for cur, lines in count.items()}
