"""Card sales end to end on the ZVT simulator, through the sell op: charged once, or given back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from boxoffice.devices.card_terminal.journal import CardJournal
from boxoffice.devices.card_terminal.zvt_simulator import ZvtSimulator
from boxoffice.devices.card_terminal.zvt_terminal import ZvtTerminal
from boxoffice.errors import ValidationError
from boxoffice.ops.sell import CardPayment, PaymentGivenBack, sell
from boxoffice.sales import checkout
from boxoffice.sales.checkout import Cash
from boxoffice.store.models import Order
from tests.sales import conftest as sales_fixtures
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur, terminal_context

_template = sales_fixtures._template
world = sales_fixtures.world


@pytest.fixture
def sim():  # type: ignore[no-untyped-def]
    s = ZvtSimulator()
    yield s
    s.close()


def _terminal(sim: ZvtSimulator, tmp_path: Path) -> ZvtTerminal:
    return ZvtTerminal("Card", "127.0.0.1", CardJournal(tmp_path / "zvt.json"), port=sim.port)


def _orders(world: World) -> int:
    with world.store.read() as s:
        return len(s.scalars(select(Order)).all())


def test_a_card_sale_charges_once_and_books_it(
    world: World, sim: ZvtSimulator, tmp_path: Path
) -> None:
    done = sell(
        terminal_context(world), world.clerk, cart(world, "S-A-14"),
        [CardPayment(terminal=_terminal(sim, tmp_path))],
    ).value  # fmt: skip
    assert done.payments[0].last4 == "0434" and done.payments[0].kind == "card"
    assert sim.charged_minor == done.total.minor
    assert _orders(world) == 1


def test_a_seat_sold_meanwhile_gives_the_money_back(
    world: World, sim: ZvtSimulator, tmp_path: Path
) -> None:
    c = cart(world, "S-A-14")
    with world.store.write() as s:  # another window sells the seat first
        checkout.sell(s, world.supervisor, cart(world, "S-A-14"), [Cash(eur("100"))],
                      world.signer, now=world.now)  # fmt: skip
    with pytest.raises(PaymentGivenBack, match="the card payment was reversed") as refused:
        sell(
            terminal_context(world),
            world.clerk,
            c,
            [CardPayment(terminal=_terminal(sim, tmp_path))],
        )
    assert refused.value.code == "sale_failed_card_reversed"
    assert refused.value.error.code == "seats_unavailable"
    assert sim.received == ["06 01", "06 30"]
    assert sim.charged_minor == 0
    assert _orders(world) == 1  # only the other window's


def test_a_declined_card_books_nothing(world: World, sim: ZvtSimulator, tmp_path: Path) -> None:
    sim.script("decline")
    with pytest.raises(
        ValidationError, match="card not approved: declined by the card issuer"
    ) as e:
        sell(terminal_context(world), world.clerk, cart(world, "S-A-14"),
             [CardPayment(terminal=_terminal(sim, tmp_path))])  # fmt: skip
    assert e.value.code == "card_declined"
    assert e.value.params == {"reason": "declined by the card issuer"}
    assert _orders(world) == 0


def test_retry_after_a_crash_before_booking_reuses_the_approval(
    world: World, sim: ZvtSimulator, tmp_path: Path
) -> None:
    c = cart(world, "S-A-14")
    terminal = _terminal(sim, tmp_path)
    with world.store.read() as s:
        due = checkout.quote(s, c, now=world.now).priced.total
    terminal.authorise(due, f"cart:{c.cart_id}/1")  # approved; then the till crashed
    restarted = _terminal(sim, tmp_path)  # same journal file
    done = sell(terminal_context(world), world.clerk, c, [CardPayment(terminal=restarted)]).value
    assert sim.received == ["06 01"]  # asked once
    assert sim.charged_minor == done.total.minor


def test_a_card_sale_uses_the_terminals_configured_card_terminal(
    world: World, sim: ZvtSimulator, tmp_path: Path
) -> None:
    from boxoffice.devices.base import DeviceKind
    from boxoffice.devices.registry import DeviceConfig, DeviceRegistry

    config = DeviceConfig(
        "Card", DeviceKind.PAYMENT_TERMINAL, "zvt",
        {"host": "127.0.0.1", "port": sim.port, "journal": str(tmp_path / "j.json")},
    )  # fmt: skip
    registry = DeviceRegistry([config])
    try:
        ctx = terminal_context(world, devices=registry)
        done = sell(ctx, world.clerk, cart(world, "S-A-14"), [CardPayment()]).value
    finally:
        registry.close()
    assert sim.charged_minor == done.total.minor
