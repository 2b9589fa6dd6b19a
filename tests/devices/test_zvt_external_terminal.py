"""Stand-alone terminals: the keyed approval is checked field by field, never a full PAN."""

from __future__ import annotations

import pytest

from boxoffice.devices.base import DeviceError, DeviceKind
from boxoffice.devices.card_terminal.external import keyed_result
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.errors import ValidationError
from boxoffice.money import Money


def test_a_keyed_approval_becomes_a_card_result() -> None:
    result = keyed_result("89,00", "visa", " 42 42 ", "a1b2c3", terminal_id="T-7")
    assert result.approved
    assert (result.amount, result.scheme, result.last4, result.auth_code) == (
        Money(8900, "EUR"),
        "VISA",
        "4242",
        "A1B2C3",
    )
    assert result.terminal_ref == "EXT:T-7"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (("0", "VISA", "4242", "A1B2"), "more than zero"),
        (("ten", "VISA", "4242", "A1B2"), "'ten' is not a sum of money"),
        (("9", "BITCOIN", "4242", "A1B2"), "choose the card scheme"),
        (("9", "VISA", "4111111111111111", "A1B2"), "never the whole card number"),
        (("9", "VISA", "4111 1111 1111 1111", "A1B2"), "never the whole card number"),
        (("9", "VISA", "424", "A1B2"), "exactly 4 digits"),
        (("9", "VISA", "42a2", "A1B2"), "exactly 4 digits"),
        (("9", "VISA", "4242", "A"), "authorisation code is 2-8"),
        (("9", "VISA", "4242", "A1B2!"), "authorisation code is 2-8"),
    ],
)
def test_each_bad_field_is_named(fields: tuple[str, str, str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        keyed_result(*fields)
    assert "4111" not in str(info.value)


def test_the_stand_alone_terminal_device_asks_for_keyed_approvals() -> None:
    registry = DeviceRegistry(
        [DeviceConfig("Bank", DeviceKind.PAYMENT_TERMINAL, "external", {"terminal_id": "B1"})]
    )
    terminal = registry.for_kind(DeviceKind.PAYMENT_TERMINAL)
    with pytest.raises(DeviceError, match="key in the approval"):
        terminal.authorise_async(Money(100, "EUR"), "r").result(timeout=1)  # type: ignore[attr-defined]
    result = terminal.record("1.00", "GIROCARD", "1234", "778899")  # type: ignore[attr-defined]
    assert result.terminal_ref == "EXT:B1"
