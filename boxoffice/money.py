"""Money in integer minor units with a currency.

Amounts are never floats: a float cannot hold 0.10 exactly, and a box office
must balance to the cent. ``Money`` refuses floats outright, parses decimal
strings exactly, and only adds or compares amounts of the same currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from boxoffice.errors import ValidationError

#: ISO 4217 minor-unit exponents for the currencies we know.
CURRENCY_EXPONENTS: dict[str, int] = {
    "CNY": 2,
    "EUR": 2,
    "USD": 2,
    "GBP": 2,
    "CHF": 2,
    "HKD": 2,
    "TWD": 2,
    "AUD": 2,
    "CAD": 2,
    "SEK": 2,
    "NOK": 2,
    "DKK": 2,
    "PLN": 2,
    "CZK": 2,
    "JPY": 0,
    "KRW": 0,
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "CNY": "¥",
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "JPY": "¥",
}


def exponent(currency: str) -> int:
    """Minor-unit exponent of ``currency``; unknown codes are an error, not a guess."""
    try:
        return CURRENCY_EXPONENTS[currency]
    except KeyError:
        raise ValidationError("currency_unknown", currency=currency) from None


@dataclass(frozen=True, slots=True, order=False)
class Money:
    """An exact amount: ``minor`` units (cents, fen) of ``currency``."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError(
                f"Money needs an integer number of minor units, not {type(self.minor).__name__}"
            )
        exponent(self.currency)

    # -- construction -------------------------------------------------------
    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str) -> Money:
        """Money from major units (``"12.50"``, ``Decimal("12.5")``, ``12``).

        Floats are refused; so is more precision than the currency has.
        """
        if isinstance(amount, float):
            raise TypeError("Money refuses float amounts; pass a str or Decimal")
        if isinstance(amount, bool):
            raise TypeError("Money refuses booleans")
        try:
            value = Decimal(amount.strip() if isinstance(amount, str) else amount)
        except (InvalidOperation, ValueError):
            raise ValidationError("amount_invalid", amount=str(amount)) from None
        if not value.is_finite():
            raise ValidationError("amount_invalid", amount=str(amount))
        exp = exponent(currency)
        scaled = value.scaleb(exp)
        if scaled != scaled.to_integral_value():
            raise ValidationError(
                "amount_too_precise", amount=str(amount), currency=currency, places=exp
            )
        return cls(int(scaled), currency)

    # -- arithmetic ---------------------------------------------------------
    def _same(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise ValidationError("currency_mismatch", first=self.currency, second=other.currency)
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.minor + self._same(other).minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.minor - self._same(other).minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            raise TypeError("Money can only be multiplied by an integer quantity")
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        return self.minor < self._same(other).minor

    def __le__(self, other: Money) -> bool:
        return self.minor <= self._same(other).minor

    def __gt__(self, other: Money) -> bool:
        return self.minor > self._same(other).minor

    def __ge__(self, other: Money) -> bool:
        return self.minor >= self._same(other).minor

    def __bool__(self) -> bool:
        return self.minor != 0

    def percent(self, rate: Decimal) -> Money:
        """``rate`` percent of this amount, rounded half-up to the minor unit."""
        if isinstance(rate, float):
            raise TypeError("rates are Decimal, never float")
        part = (Decimal(self.minor) * Decimal(rate) / 100).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
        return Money(int(part), self.currency)

    def tax_included(self, rate: Decimal) -> Money:
        """The tax contained in this tax-inclusive amount at ``rate`` percent."""
        if isinstance(rate, float):
            raise TypeError("rates are Decimal, never float")
        rate = Decimal(rate)
        tax = (Decimal(self.minor) * rate / (100 + rate)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
        return Money(int(tax), self.currency)

    # -- presentation -------------------------------------------------------
    @property
    def amount(self) -> Decimal:
        """The amount in major units, exactly."""
        return Decimal(self.minor).scaleb(-exponent(self.currency))

    def format(self, symbol: bool = True) -> str:
        exp = exponent(self.currency)
        text = f"{abs(self.amount):,.{exp}f}"
        sign = "-" if self.minor < 0 else ""
        if symbol and self.currency in CURRENCY_SYMBOLS:
            return f"{sign}{CURRENCY_SYMBOLS[self.currency]}{text}"
        return f"{sign}{text} {self.currency}"

    def __str__(self) -> str:
        return f"{self.amount:.{exponent(self.currency)}f} {self.currency}"


def parse_tax_rate(text: str | Decimal | int) -> Decimal:
    """A tax rate in percent (``"13"``, ``"5.5"``) checked to 0 ≤ rate < 100, two places."""
    if isinstance(text, float):
        raise TypeError("tax rates are Decimal, never float")
    try:
        rate = Decimal(str(text).strip().rstrip("%"))
    except InvalidOperation:
        raise ValidationError("tax_rate_invalid", rate=str(text)) from None
    if not rate.is_finite() or rate < 0 or rate >= 100:
        raise ValidationError("tax_rate_out_of_range", rate=str(text))
    if rate != rate.quantize(Decimal("0.01")):
        raise ValidationError("tax_rate_too_precise", rate=str(text))
    return rate.quantize(Decimal("0.01"))
