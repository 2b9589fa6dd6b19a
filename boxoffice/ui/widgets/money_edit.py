"""An amount typed in major units ("12.50", "12,50") and read back as exact ``Money``.

Nothing is rounded or clamped: text that is not an amount in the currency's
precision is an error with a message, so a typo never becomes a different
amount. Whether the amount is allowed (more than zero, under a limit) is the
service's decision, not this field's.
"""

from __future__ import annotations

from boxoffice.errors import ValidationError
from boxoffice.money import CURRENCY_SYMBOLS, Money, exponent
from boxoffice.ui.qt import QLineEdit, Qt, QWidget


class MoneyEdit(QLineEdit):
    """A line edit for one currency's amounts."""

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moneyEdit")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMaxLength(16)
        self.currency = ""
        self.set_currency(currency)

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        places = exponent(currency)
        example = "0" if places == 0 else "0." + "0" * places
        self.setPlaceholderText(f"{example} {currency}")

    def money(self) -> Money:
        """The typed amount; ValidationError (with a message for the clerk) if it is none."""
        text = self.text().strip()
        for symbol in (CURRENCY_SYMBOLS.get(self.currency, ""), self.currency):
            if symbol:
                text = text.replace(symbol, "").strip()
        if not text:
            raise ValidationError("amount_missing")
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # a decimal comma
        try:
            return Money.of(text, self.currency)
        except (ValidationError, TypeError):
            raise ValidationError(
                "amount_not_in_currency", text=self.text().strip(), currency=self.currency
            ) from None
