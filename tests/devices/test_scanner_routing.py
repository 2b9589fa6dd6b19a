"""Scans go to the active screen, wallet payment codes to the payment that waits for one."""

from __future__ import annotations

import pytest

from boxoffice.devices.base import Scan
from boxoffice.devices.scanners.codes import ScanKind, ScannedCode, classify
from boxoffice.devices.scanners.router import ScanRouter
from boxoffice.errors import ValidationError
from boxoffice.sales import barcodes
from tests.sales import conftest as sales_fixtures
from tests.sales.conftest import World

# Fixtures shared with other test packages, bound here by name.
_template = sales_fixtures._template
world = sales_fixtures.world


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("134567890123456789", ScanKind.WECHAT_PAY),  # 18 digits, 13…
        ("104567890123456789", ScanKind.WECHAT_PAY),
        ("154567890123456789", ScanKind.WECHAT_PAY),  # Hong Kong users
        ("164567890123456789", ScanKind.OTHER),  # 16 is not a WeChat prefix
        ("13456789012345678", ScanKind.OTHER),  # 17 digits
        ("2812345678901234", ScanKind.ALIPAY),  # 16 digits
        ("281234567890123456", ScanKind.ALIPAY),
        ("301234567890123456789012", ScanKind.ALIPAY),  # 24 digits
        ("3012345678901234567890123", ScanKind.OTHER),  # 25 digits
        ("241234567890123456", ScanKind.OTHER),  # 24… is not Alipay
        ("311234567890123456", ScanKind.OTHER),
        ("w1-000123", ScanKind.ORDER),
        ("W1-T0000042", ScanKind.TICKET_SERIAL),
        ("4006381333931", ScanKind.OTHER),  # an EAN-13
        ("GIFT-ABCD-1234\r\n", ScanKind.OTHER),
    ],
)
def test_classify(text: str, kind: ScanKind) -> None:
    assert classify(text).kind == kind


def test_a_real_ticket_barcode_is_a_ticket(world: World) -> None:
    from boxoffice.sales import checkout
    from boxoffice.sales.checkout import Cash
    from tests.sales.helpers import cart, eur

    with world.store.write() as s:
        sale = checkout.sell(
            s, world.clerk, cart(world, "S-A-14"), [Cash(eur("100"))], world.signer, now=world.now
        )
        code = sale.order.tickets[0].barcode
    assert classify(code).kind == ScanKind.TICKET
    assert classify(code.lower()).kind == ScanKind.TICKET  # caps lock on
    assert barcodes  # the module that signs them


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("\r\n", "empty"),
        ("W1-0\x1b00123", r"U\+001B"),
        ("9" * 600, "600 characters"),
    ],
)
def test_garbled_scans_are_refused_by_name(raw: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        classify(raw)


def test_wallet_codes_are_masked_for_display() -> None:
    assert classify("134567890123456789").masked() == "13…6789"
    assert classify("W1-000123").masked() == "W1-000123"


class Recorder:
    def __init__(self) -> None:
        self.codes: list[ScannedCode] = []
        self.rejected: list[tuple[str, str]] = []

    def take(self, code: ScannedCode) -> None:
        self.codes.append(code)

    def reject(self, scan: Scan, reason: str) -> None:
        self.rejected.append((scan.text, reason))


def test_router_sends_scans_to_the_screen_in_front() -> None:
    redeem, lookup, log = Recorder(), Recorder(), Recorder()
    router = ScanRouter(on_rejected=log.reject)
    router.activate("redeem", redeem.take)
    assert router.dispatch(Scan("W1-T0000001", "Gate 1"))
    router.activate("lookup", lookup.take)
    assert router.dispatch(Scan("W1-000123", "keyboard"))
    assert [c.text for c in redeem.codes] == ["W1-T0000001"]
    assert [(c.text, c.kind) for c in lookup.codes] == [("W1-000123", ScanKind.ORDER)]
    router.deactivate("lookup")
    assert not router.dispatch(Scan("W1-000124", "keyboard"))
    assert log.rejected == [("W1-000124", "no screen takes scans right now")]


def test_wallet_codes_go_to_payment_never_to_a_screen() -> None:
    sell, payment, log = Recorder(), Recorder(), Recorder()
    router = ScanRouter(on_rejected=log.reject)
    router.activate("sell", sell.take)

    assert not router.dispatch(Scan("281234567890123456", "keyboard"))
    assert sell.codes == []
    assert log.rejected == [
        ("28…3456", "an Alipay payment code was scanned, but no payment is waiting for it")
    ]

    router.await_payment(payment.take)
    assert router.dispatch(Scan("134567890123456789", "keyboard"))
    assert router.dispatch(Scan("W1-T0000001", "keyboard"))  # a ticket still goes to the screen
    assert [c.kind for c in payment.codes] == [ScanKind.WECHAT_PAY]
    assert [c.text for c in sell.codes] == ["W1-T0000001"]
    router.await_payment(None)
    assert not router.dispatch(Scan("134567890123456789", "keyboard"))


def test_a_garbled_scan_reaches_no_one() -> None:
    sell, log = Recorder(), Recorder()
    router = ScanRouter(on_rejected=log.reject)
    router.activate("sell", sell.take)
    assert not router.dispatch(Scan("W1-\x00", "Gate 1"))
    assert sell.codes == []
    assert "U+0000" in log.rejected[0][1]
