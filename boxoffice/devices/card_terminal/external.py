"""Stand-alone card terminals: the clerk keys in what the terminal approved.

Many box offices run a bank's own card terminal beside the box-office
terminal. The clerk types the amount, picks the scheme and keys the last four
digits and the authorisation code from the card terminal's slip. Each field
is checked, and a full card number is refused outright (invariant 9: it must
never be typed into the box-office terminal, let alone stored).
"""

from __future__ import annotations

import re
from concurrent.futures import Future
from decimal import InvalidOperation

from boxoffice.devices.base import Device, DeviceError, DeviceKind, DeviceState
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry, register_driver
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales.payment_terminal import CardResult

SCHEMES = (
    "VISA",
    "MASTERCARD",
    "MAESTRO",
    "AMEX",
    "GIROCARD",
    "VPAY",
    "UNIONPAY",
    "JCB",
    "DINERS",
    "DISCOVER",
    "OTHER",
)
_AUTH = re.compile(r"[A-Z0-9]{2,8}")
_TERMINAL_ID = re.compile(r"[A-Za-z0-9-]{0,16}")
_PAN_LIKE = re.compile(r"\d{12,19}")


def keyed_result(
    amount: Money | str,
    scheme: str,
    last4: str,
    auth_code: str,
    *,
    currency: str = "EUR",
    terminal_id: str = "",
) -> CardResult:
    """A ``CardResult`` from what the clerk keyed in; a ValidationError names the bad field."""
    if isinstance(amount, str):
        try:
            amount = Money.of(amount.strip().replace(",", "."), currency)
        except (InvalidOperation, ValueError, ArithmeticError):
            raise ValidationError("card_amount_invalid", amount=amount.strip()) from None
    if amount.minor <= 0:
        raise ValidationError("card_approved_amount_not_positive")
    scheme = scheme.strip().upper()
    if scheme not in SCHEMES:
        raise ValidationError("card_scheme_unknown", schemes=list(SCHEMES))
    digits = re.sub(r"[\s-]", "", last4)
    if _PAN_LIKE.fullmatch(digits):
        raise ValidationError("card_whole_number_typed")
    if len(digits) != 4 or not digits.isdigit():
        raise ValidationError("card_last4_invalid")
    auth = auth_code.strip().upper()
    if not _AUTH.fullmatch(auth):
        raise ValidationError("card_auth_code_invalid")
    terminal_id = terminal_id.strip()
    if not _TERMINAL_ID.fullmatch(terminal_id):
        raise ValidationError("card_terminal_id_invalid")
    return CardResult(
        True,
        amount,
        scheme,
        digits,
        auth,
        f"EXT:{terminal_id}" if terminal_id else "EXT",
        "approved on a stand-alone terminal (keyed)",
    )


class ExternalTerminal(Device):
    """A stand-alone terminal: nothing to talk to; approvals are keyed (``record``)."""

    kind = DeviceKind.PAYMENT_TERMINAL

    def __init__(self, name: str, terminal_id: str = "", currency: str = "EUR") -> None:
        super().__init__(name)
        self.terminal_id, self.currency = terminal_id, currency
        self.set_status_code(DeviceState.READY, "card_terminal_stand_alone")

    def describe(self) -> str:
        return "stand-alone terminal"

    def record(self, amount: Money | str, scheme: str, last4: str, auth_code: str) -> CardResult:
        return keyed_result(
            amount,
            scheme,
            last4,
            auth_code,
            currency=self.currency,
            terminal_id=self.terminal_id,
        )

    def _refuse(self, *args: object) -> Future[CardResult]:
        future: Future[CardResult] = Future()
        future.set_exception(DeviceError("card_terminal_stand_alone_refuses"))
        return future

    authorise_async = refund_async = reverse_async = end_of_day_async = _refuse


def _factory(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    return ExternalTerminal(
        config.name,
        str(config.option("terminal_id", "")),
        str(config.option("currency", "EUR")),
    )


register_driver(
    DeviceKind.PAYMENT_TERMINAL,
    "external",
    _factory,
    "stand-alone terminal; the clerk keys amount, scheme, last four and auth code",
)
