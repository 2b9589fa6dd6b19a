"""Best available on a live performance: sold, held and killed seats are skipped."""

from __future__ import annotations

from datetime import timedelta

from boxoffice.catalogue import house_holds, performances
from boxoffice.money import Money
from boxoffice.sales import checkout, holds
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.seat_search import best_available
from boxoffice.store.models import Allocation, HoldKind
from tests.sales.conftest import World


def test_best_seats_move_on_as_seats_go(world: World) -> None:
    with world.store.write() as s:
        first = best_available(s, world.performance, 2, "Window 1", zone="Premium", now=world.now)
        assert first.found and not first.split
        cart = Cart([CartItem(world.performance, "adult", seat_id=i) for i in first.seat_ids])
        checkout.sell(
            s,
            world.clerk,
            cart,
            [checkout.Cash(Money.of("500", "EUR"))],
            world.signer,
            now=world.now,
        )
        second = best_available(s, world.performance, 2, "Window 1", zone="Premium", now=world.now)
        assert second.found and set(second.seat_ids).isdisjoint(first.seat_ids)
        # A cart hold at another window and a house hold also take seats out.
        holds.hold_seats(
            s,
            world.clerk.__class__(world.clerk.user_id, "ann", "Window 2"),
            world.performance,
            second.seat_ids,
            "other-cart",
            now=world.now,
        )
        p = performances.get_performance(s, world.performance)
        third = best_available(s, world.performance, 2, "Window 1", zone="Premium", now=world.now)
        house_holds.place(
            s,
            world.supervisor.__class__(None, "system", "x"),
            p,
            [g for g, i in world.seats.items() if i in third.seat_ids],
            HoldKind.HOUSE,
        )
        fourth = best_available(s, world.performance, 2, "Window 1", zone="Premium", now=world.now)
    taken = set(first.seat_ids) | set(second.seat_ids) | set(third.seat_ids)
    assert set(fourth.seat_ids).isdisjoint(taken)


def test_offline_search_stays_inside_the_allocation(world: World) -> None:
    allocated = [world.seats[f"C-J-{n}"] for n in range(1, 7)]
    with world.store.write() as s:
        for seat_id in allocated:
            s.add(
                Allocation(
                    performance_id=world.performance,
                    terminal="Window 1",
                    seat_id=seat_id,
                    expires_at=world.now + timedelta(days=1),
                )
            )
        s.flush()
        result = best_available(s, world.performance, 3, "Window 1", now=world.now, offline=True)
        assert result.found and set(result.seat_ids) <= set(allocated)
        none = best_available(
            s, world.performance, 7, "Window 1", now=world.now, offline=True, allow_split=False
        )
        assert not none.found
