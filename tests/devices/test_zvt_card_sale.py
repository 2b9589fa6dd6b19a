"""Card sales end to end on the ZVT simulator: charged once, or given back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from boxoffice.devices.card_terminal.card_sale import CardReversed, sell_by_card
from boxoffice.devices.card_terminal.journal import CardJournal
from boxoffice.devices.card_terminal.zvt_simulator import ZvtSimulator
from boxoffice.devices.card_terminal.zvt_terminal import ZvtTerminal
from boxoffice.errors import ValidationError
from boxoffice.sales import checkout
from boxoffice.sales.checkout import Cash
from boxoffice.store.models import Order
from tests.sales import conftest as sales_fixtures
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur

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
    sale = sell_by_card(
        world.store, world.clerk, cart(world, "S-A-14"), _terminal(sim, tmp_path), world.signer,
        now=world.now,
    )  # fmt: skip
    assert sale.order.payments[0].card_last4 == "0434"
    assert sim.charged_minor == sale.order.total_minor
    assert _orders(world) == 1


def test_a_seat_sold_meanwhile_gives_the_money_back(
    world: World, sim: ZvtSimulator, tmp_path: Path
) -> None:
    c = cart(world, "S-A-14")
    with world.store.write() as s:  # another window sells the seat first
        checkout.sell(s, world.supervisor, cart(world, "S-A-14"), [Cash(eur("100"))],
                      world.signer, now=world.now)  # fmt: skip
    with pytest.raises(CardReversed, match="the card payment was reversed"):
        sell_by_card(world.store, world.clerk, c, _terminal(sim, tmp_path), world.signer,
                     now=world.now)  # fmt: skip
    assert sim.received == ["06 01", "06 30"]
    assert sim.charged_minor == 0
    assert _orders(world) == 1  # only the other window's


def test_a_declined_card_books_nothing(world: World, sim: ZvtSimulator, tmp_path: Path) -> None:
    sim.script("decline")
    with pytest.raises(ValidationError, match="card not approved: declined by the card issuer"):
        sell_by_card(world.store, world.clerk, cart(world, "S-A-14"), _terminal(sim, tmp_path),
                     world.signer, now=world.now)  # fmt: skip
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
    sale = sell_by_card(world.store, world.clerk, c, restarted, world.signer, now=world.now)
    assert sim.received == ["06 01"]  # asked once
    assert sim.charged_minor == sale.order.total_minor
