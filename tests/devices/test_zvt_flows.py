"""The ZVT driver against a simulator speaking ZVT bytes over TCP.

approve / decline / cancel / timeout (charged, then reversed or confirmed) /
hang (nothing charged) / unreachable; retries that must not charge twice;
reversal, refund, registration and end of day; and nothing card-like in the
logs or on disk.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from boxoffice.devices.base import DeviceState, DeviceUnavailable
from boxoffice.devices.card_terminal.journal import CardJournal
from boxoffice.devices.card_terminal.zvt_simulator import ZvtSimulator
from boxoffice.devices.card_terminal.zvt_terminal import ZvtTerminal
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from tests.sales import conftest as sales_fixtures

# Fixtures shared with other test packages, bound here by name.
_template = sales_fixtures._template
world = sales_fixtures.world

PAN = "5413330089010434"


def eur(text: str) -> Money:
    return Money.of(text, "EUR")


@pytest.fixture
def sim() -> Iterator[ZvtSimulator]:
    s = ZvtSimulator(pan=PAN)
    yield s
    s.close()


def _terminal(sim: ZvtSimulator, tmp_path: Path, **kw: object) -> ZvtTerminal:
    displays: list[str] = []
    t = ZvtTerminal(
        "Card 1",
        "127.0.0.1",
        CardJournal(tmp_path / "zvt.json"),
        port=sim.port,
        ack_timeout=2,
        answer_timeout=kw.pop("answer_timeout", 2),  # type: ignore[arg-type]
        on_display=displays.append,
        **kw,  # type: ignore[arg-type]
    )
    t.displays = displays  # type: ignore[attr-defined]
    return t


def test_approve(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path)
    result = terminal.authorise_async(eur("89.00"), "W1-000001/1").result(timeout=10)
    assert result.approved
    assert (result.scheme, result.last4) == ("MASTERCARD", "0434")
    assert result.auth_code == "000042"
    assert result.terminal_ref == "ZVT:52500038:0042"
    assert "Zahlung erfolgt" in result.receipt
    assert "Karte ############0434" in result.receipt
    assert terminal.displays == ["Insert, tap or swipe card"]  # type: ignore[attr-defined]
    assert sim.charged_minor == 8900
    assert sim.received == ["06 01"]
    assert sim.protocol_errors == []
    assert terminal.status().state == DeviceState.READY
    terminal.close()


def test_decline_and_cancel_charge_nothing(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path)
    sim.script("decline", "cancel")
    declined = terminal.authorise(eur("20.00"), "W1-000002/1")
    cancelled = terminal.authorise(eur("20.00"), "W1-000002/2")
    assert not declined.approved and declined.message == "declined by the card issuer"
    assert "Karte abgelehnt" in declined.receipt
    assert not cancelled.approved
    assert cancelled.message == "cancelled (abort key or timeout on the terminal)"
    assert sim.charged_minor == 0
    states = {a.reference: a.state for a in terminal.journal.all()}
    assert states == {"W1-000002/1": "declined", "W1-000002/2": "cancelled"}


def test_the_clerk_cancels_while_the_terminal_waits_for_a_card(
    sim: ZvtSimulator, tmp_path: Path
) -> None:
    terminal = _terminal(sim, tmp_path, answer_timeout=10)
    sim.script("wait_card")
    pending = terminal.authorise_async(eur("30.00"), "W1-000020/1")
    deadline = time.monotonic() + 5
    while terminal.status().message != "Insert, tap or swipe card":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert not pending.done()
    terminal.cancel()
    result = pending.result(timeout=5)
    assert not result.approved
    assert result.message == "cancelled (abort key or timeout on the terminal)"
    assert sim.received == ["06 01", "06 B0"]
    assert sim.charged_minor == 0
    assert terminal.journal.get("W1-000020/1").state == "cancelled"  # type: ignore[union-attr]
    assert terminal.authorise(eur("30.00"), "W1-000020/2").approved  # the flag is spent


def test_retry_of_an_approved_payment_does_not_charge_again(
    sim: ZvtSimulator, tmp_path: Path
) -> None:
    terminal = _terminal(sim, tmp_path)
    first = terminal.authorise(eur("10.00"), "W1-000003/1")
    again = terminal.authorise(eur("10.00"), "W1-000003/1")
    # A new driver on the same journal (the app restarted) remembers too.
    restarted = _terminal(sim, tmp_path).authorise(eur("10.00"), "W1-000003/1")
    assert first.approved and again.approved and restarted.approved
    assert again.terminal_ref == first.terminal_ref == restarted.terminal_ref
    assert sim.received == ["06 01"]
    assert sim.charged_minor == 1000
    with pytest.raises(ValidationError, match=r"was used for another sale of €10\.00"):
        terminal.authorise(eur("12.00"), "W1-000003/1")


def test_timeout_after_charging_is_reversed(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path, answer_timeout=0.5)
    sim.script("timeout")
    started = time.monotonic()
    result = terminal.authorise(eur("45.50"), "W1-000004/1")
    assert time.monotonic() - started < 5
    assert not result.approved
    assert result.message == "the terminal did not answer in time; the payment was reversed"
    assert sim.received == ["06 01", "06 20", "06 30"]
    assert sim.charged_minor == 0
    assert terminal.journal.get("W1-000004/1").state == "reversed"  # type: ignore[union-attr]
    # The clerk tries again: one new charge, not two.
    retry = terminal.authorise(eur("45.50"), "W1-000004/1")
    assert retry.approved and sim.charged_minor == 4550


def test_after_end_of_day_a_repeated_receipt_number_is_still_recognised(
    sim: ZvtSimulator, tmp_path: Path
) -> None:
    terminal = _terminal(sim, tmp_path, answer_timeout=0.5)
    yesterday = terminal.authorise(eur("45.50"), "W1-000030/1")
    terminal.end_of_day()
    sim.script("timeout")  # today's first receipt has yesterday's number again
    result = terminal.authorise(eur("45.50"), "W1-000031/1")
    assert result.terminal_ref == "" and yesterday.terminal_ref.endswith(":0042")
    assert result.message == "the terminal did not answer in time; the payment was reversed"
    assert sim.received[-3:] == ["06 01", "06 20", "06 30"]
    assert sim.charged_minor == 4550


def test_timeout_can_be_confirmed_instead(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path, answer_timeout=0.5, timeout_policy="confirm")
    sim.script("timeout")
    result = terminal.authorise(eur("45.50"), "W1-000005/1")
    assert result.approved and result.last4 == "0434"
    assert sim.received == ["06 01", "06 20"]
    assert sim.charged_minor == 4550
    assert terminal.authorise(eur("45.50"), "W1-000005/1").approved
    assert sim.received == ["06 01", "06 20"]  # the retry asked nothing


def test_a_hang_before_charging_ends_as_not_charged(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path, answer_timeout=0.5)
    terminal.authorise(eur("5.00"), "W1-000006/1")  # an earlier, known receipt
    sim.script("hang")
    result = terminal.authorise(eur("5.00"), "W1-000006/2")
    assert not result.approved
    assert result.message == "the terminal did not answer in time; nothing was charged"
    assert sim.received == ["06 01", "06 01", "06 20"]  # no reversal of the earlier sale
    assert sim.charged_minor == 500


def test_unknown_outcome_blocks_until_settled(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path, answer_timeout=0.5)
    sim.script("vanish")  # charges, falls silent, and is unplugged before we can ask
    with pytest.raises(DeviceUnavailable, match="is not known yet"):
        terminal.authorise(eur("30.00"), "W1-000008/1")
    journal = CardJournal(tmp_path / "zvt.json")
    assert journal.get("W1-000008/1").state == "unknown"  # type: ignore[union-attr]
    assert sim.charged_minor == 3000  # the customer's card was charged
    with pytest.raises(DeviceUnavailable, match="not reachable"):
        terminal.authorise(eur("12.00"), "W1-000009/1")  # still unplugged: nothing new
    sim.plug_in()
    # Next payment (any reference): the unknown one is settled first (reversed).
    result = terminal.authorise(eur("12.00"), "W1-000009/1")
    assert result.approved
    assert sim.received == ["06 01", "06 20", "06 30", "06 01"]
    assert sim.charged_minor == 1200


def test_unreachable_terminal_is_offline_quickly(tmp_path: Path) -> None:
    sim = ZvtSimulator()
    port = sim.port
    sim.close()
    terminal = ZvtTerminal(
        "Card 1", "127.0.0.1", CardJournal(tmp_path / "j.json"), port=port, connect_timeout=1
    )
    with pytest.raises(DeviceUnavailable, match="Card 1 is not reachable"):
        terminal.authorise_async(eur("1.00"), "r1").result(timeout=5)
    assert terminal.status().state == DeviceState.OFFLINE
    assert terminal.journal.get("r1").state == "not_charged"  # type: ignore[union-attr]


def test_reversal_refund_registration_end_of_day(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path)
    assert terminal.register() == "52500038"
    sale = terminal.authorise(eur("60.00"), "W1-000010/1")
    other = terminal.authorise(eur("25.00"), "W1-000011/1")
    reversed_ = terminal.reverse_async(sale).result(timeout=10)
    assert reversed_.approved and "STORNO" in reversed_.receipt
    assert terminal.journal.get("W1-000010/1").state == "reversed"  # type: ignore[union-attr]
    again = terminal.reverse(sale)
    assert again.message == "already reversed"
    refund = terminal.refund_async(eur("5.00"), "W1-000011/R1", other).result(timeout=10)
    assert refund.approved
    assert terminal.refund(eur("5.00"), "W1-000011/R1", other).approved  # retried: once
    assert sim.charged_minor == 2000
    day = terminal.end_of_day_async().result(timeout=10)
    assert day.total == eur("20.00")
    assert "KASSENSCHNITT" in day.receipt
    assert sim.received == ["06 00", "06 01", "06 01", "06 30", "06 31", "06 50"]
    assert sim.protocol_errors == []


def test_bad_amounts_and_settings_are_refused(sim: ZvtSimulator, tmp_path: Path) -> None:
    terminal = _terminal(sim, tmp_path)
    with pytest.raises(ValidationError, match="more than zero"):
        terminal.authorise(eur("0"), "x")
    with pytest.raises(ValidationError, match="needs a reference"):
        terminal.authorise(eur("1.00"), "")
    with pytest.raises(ValidationError, match="six digits"):
        ZvtTerminal("T", "127.0.0.1", terminal.journal, password="12")
    assert sim.received == []


def test_no_card_number_in_logs_or_on_disk(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sim = ZvtSimulator(pan=PAN, mask_pan=False)  # a terminal that sends the full number
    terminal = _terminal(sim, tmp_path)
    with caplog.at_level(logging.DEBUG):
        result = terminal.authorise(eur("9.99"), "W1-000012/1")
    sim.close()
    assert result.approved and result.last4 == "0434"
    everything = caplog.text + (tmp_path / "zvt.json").read_text() + repr(result)
    assert PAN not in everything and PAN[:12] not in everything
    assert "2812" not in (tmp_path / "zvt.json").read_text()  # the expiry date


def test_a_zvt_payment_books_only_receipt_data(tmp_path: Path, world) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.sales import checkout
    from boxoffice.sales.checkout import Card
    from tests.sales.helpers import cart

    sim = ZvtSimulator(pan=PAN, mask_pan=False)
    terminal = _terminal(sim, tmp_path)
    with world.store.read() as s:
        due = checkout.quote(s, cart(world, "S-A-14"), now=world.now).priced.total
    result = terminal.authorise_async(due, "cart-1/1").result(timeout=10)  # before the write
    with world.store.write() as s:
        sale = checkout.sell(
            s, world.clerk, cart(world, "S-A-14"), [Card(result)], world.signer, now=world.now
        )
        payment = sale.order.payments[0]
        booked = (payment.card_scheme, payment.card_last4, payment.auth_code, payment.terminal_ref)
    sim.close()
    assert booked == ("MASTERCARD", "0434", "000042", "ZVT:52500038:0042")
    db = Path(world.store.write_engine.url.database).read_bytes()  # type: ignore[arg-type]
    assert PAN.encode() not in db


def test_a_damaged_journal_blocks_the_terminal_with_a_reason(tmp_path: Path) -> None:
    from boxoffice.devices.base import DeviceKind, DeviceState
    from boxoffice.devices.registry import DeviceConfig, DeviceRegistry

    journal = tmp_path / "zvt.json"
    journal.write_text('[{"reference": "x"')
    registry = DeviceRegistry(
        [
            DeviceConfig(
                "Card",
                DeviceKind.PAYMENT_TERMINAL,
                "zvt",
                {"host": "127.0.0.1", "journal": str(journal)},
            )
        ]
    )
    status = registry.get("Card").status()
    assert status.state == DeviceState.NOT_CONFIGURED
    assert "card journal" in status.message and "damaged" in status.message
