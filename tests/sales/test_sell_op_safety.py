"""The sell and after-sale ops never leave money taken without its sale, nor a sale on a
closed shift, and ask for a supervisor before a card is charged (review findings)."""

from __future__ import annotations

import pytest

from boxoffice.errors import BoxOfficeError, NeedsOverride
from boxoffice.money import Money
from boxoffice.ops import aftersale
from boxoffice.ops.sell import CardPayment, sell
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.checkout import get_order
from boxoffice.sales.payment_terminal import CardResult, SimulatedTerminal
from boxoffice.store.models import Order
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import World
from tests.sales.helpers import cart, close_shift_of, eur, terminal_context
from tests.sales.test_aftersale_ops import sell as sell_for_cash


def _orders(world: World) -> int:
    with world.store.read() as s:
        return len(s.query(Order).all())


def test_a_shift_closed_while_the_card_is_read_gets_no_sale_and_the_card_back(
    world: World,
) -> None:
    class SupervisorClosesMeanwhile(SimulatedTerminal):
        def authorise(self, amount: Money, reference: str) -> CardResult:
            answer = super().authorise(amount, reference)
            close_shift_of(world, "ann", at=world.now)  # its Z report is taken now
            return answer

    terminal = SupervisorClosesMeanwhile()
    before = _orders(world)
    with pytest.raises(BoxOfficeError) as refused:
        sell(
            terminal_context(world),
            world.clerk,
            cart(world, "S-A-3"),
            [CardPayment(terminal=terminal)],
        )
    assert refused.value.code == "sale_failed_card_reversed"
    assert refused.value.params["error"].code == "shift_not_open"
    assert _orders(world) == before
    assert [kind for kind, *_ in terminal.journal][-1] == "reversal"


def test_a_card_sale_that_needs_a_supervisor_asks_before_the_card_is_charged(
    world: World,
) -> None:
    overridden = Cart(
        [
            CartItem(
                world.performance,
                "adult",
                seat_id=world.seats["S-A-5"],
                override_price=eur("40.00"),
                override_reason="regular customer",
            )
        ]
    )
    terminal = SimulatedTerminal()
    with pytest.raises(NeedsOverride) as refused:
        sell(terminal_context(world), world.clerk, overridden, [CardPayment(terminal=terminal)])
    assert refused.value.permission == "price_override"
    assert terminal.journal == []  # nothing charged, nothing to reverse


def test_an_exchange_whose_card_charge_cannot_be_reversed_says_so(world: World) -> None:
    number = sell_for_cash(world, ["S-A-14"])
    with world.store.read() as s:
        (old,) = [t.id for t in get_order(s, number).tickets]

    class SeatGoneAndNoReversal(SimulatedTerminal):
        def authorise(self, amount: Money, reference: str) -> CardResult:
            answer = super().authorise(amount, reference)
            sell_for_cash(world, ["S-A-2"])  # another window sells a seat meanwhile
            self.decline_next = True  # and the terminal then refuses the reversal
            return answer

    terminal = SeatGoneAndNoReversal()
    with pytest.raises(BoxOfficeError) as refused:
        aftersale.exchange(
            ctx_of(world),
            world.supervisor,
            number,
            [old],
            cart(world, "S-A-1", "S-A-2"),
            card_terminal=terminal,
        )
    assert refused.value.code == "card_reversal_failed"
    assert "call a supervisor" in str(refused.value)
    assert "主管" in refused.value.message("zh_CN")
