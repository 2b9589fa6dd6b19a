"""The card payment terminal as the sales engine sees it.

The devices layer fills this interface with real terminals (ZVT, ...). The
engine only ever receives what a receipt may show — scheme, last four
digits, authorisation code, terminal reference — never a PAN or CVV
(invariant 9). ``SimulatedTerminal`` speaks the same interface for the demo
and tests: it approves unless told to decline.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Protocol

from boxoffice.errors import ValidationError
from boxoffice.money import Money


@dataclass(frozen=True)
class CardResult:
    approved: bool
    amount: Money
    scheme: str = ""
    last4: str = ""
    auth_code: str = ""
    terminal_ref: str = ""
    message: str = ""
    #: The terminal's slip text (card number masked), for the customer's receipt.
    receipt: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.last4 and (len(self.last4) != 4 or not self.last4.isdigit()):
            raise ValidationError("card_result_last4_only")


class PaymentTerminal(Protocol):
    def authorise(self, amount: Money, reference: str) -> CardResult:
        """Take ``amount`` from the customer's card; blocks until the terminal answers."""

    def refund(self, amount: Money, reference: str, original: CardResult) -> CardResult:
        """Give ``amount`` back to the card of an earlier payment."""

    def reverse(self, original: CardResult) -> CardResult:
        """Cancel an authorisation of this business day in full."""


@dataclass
class SimulatedTerminal:
    """Approves everything unless ``decline_next`` is set; remembers what it did."""

    scheme: str = "VISA"
    last4: str = "4242"
    decline_next: bool = False
    journal: list[tuple[str, Money, str]] = field(default_factory=list)
    _refs: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def _result(self, amount: Money, kind: str, reference: str) -> CardResult:
        if self.decline_next:
            self.decline_next = False
            self.journal.append((f"{kind}-declined", amount, reference))
            return CardResult(False, amount, self.scheme, self.last4, message="declined by bank")
        n = next(self._refs)
        self.journal.append((kind, amount, reference))
        return CardResult(
            True,
            amount,
            self.scheme,
            self.last4,
            auth_code=f"A{n:05d}",
            terminal_ref=f"SIM-{n:06d}",
            message="approved",
        )

    def authorise(self, amount: Money, reference: str) -> CardResult:
        return self._result(amount, "sale", reference)

    def refund(self, amount: Money, reference: str, original: CardResult) -> CardResult:
        return self._result(amount, "refund", reference)

    def reverse(self, original: CardResult) -> CardResult:
        return self._result(original.amount, "reversal", original.terminal_ref)
