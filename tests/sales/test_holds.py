"""Cart holds: all-or-nothing, with a time to live, released with the cart."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from boxoffice import settings
from boxoffice.actor import Actor, system_actor
from boxoffice.catalogue import house_holds, performances, venues
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.sales import holds
from boxoffice.sales.availability import SeatState, seat_states
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.checkout import Cash, sell
from boxoffice.sales.holds import SeatsUnavailable, hold_ga, hold_seats, release_cart
from boxoffice.seatmaps.plan import (
    GAAreaPlan,
    RowPlan,
    SeatMapPlan,
    SeatPlan,
    SectionPlan,
    ZonePlan,
)
from boxoffice.seatmaps.save import save_plan
from boxoffice.store.models import CartHold, HoldKind, Performance, PerformanceStatus
from tests.sales.conftest import World


def window2(world: World) -> Actor:
    """Sue selling at the next window."""
    return Actor(world.supervisor.user_id, world.supervisor.username, "Window 2")


def ids(world: World, *guids: str) -> list[int]:
    return [world.seats[g] for g in guids]


def state(world: World, guid: str, at: timedelta = timedelta(0), terminal: str = "") -> SeatState:
    with world.store.read() as s:
        states = seat_states(
            s, world.performance, terminal or world.clerk.terminal, now=world.now + at
        )
    return states.state(world.seats[guid])


def test_refusal_is_all_or_nothing_and_names_every_unavailable_seat(world: World) -> None:
    with world.store.write() as s:
        hold_seats(
            s, window2(world), world.performance, ids(world, "S-A-10"), "cart-x", now=world.now
        )
        sold = Cart([CartItem(world.performance, "adult", seat_id=world.seats["S-A-11"])])
        sell(s, world.clerk, sold, [Cash(Money.of("100", "EUR"))], world.signer, now=world.now)
        house_holds.place(
            s, world.supervisor, s.get(Performance, world.performance), ["S-A-12"], HoldKind.HOUSE
        )

    wanted = ids(world, "S-A-9", "S-A-10", "S-A-11", "S-A-12", "S-A-13")
    with pytest.raises(SeatsUnavailable) as refused, world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, wanted, "cart-me", now=world.now)

    assert refused.value.labels == ["Stalls A-10", "Stalls A-11", "Stalls A-12"]
    assert "Stalls A-10, Stalls A-11, Stalls A-12" in str(refused.value)
    # Nothing was held: the free seats around them are still free for anyone.
    with world.store.read() as s:
        assert holds.cart_holds(s, "cart-me", world.now) == []
    assert state(world, "S-A-9") == SeatState.AVAILABLE
    assert state(world, "S-A-13") == SeatState.AVAILABLE
    assert state(world, "S-A-10") == SeatState.HELD_ELSEWHERE


def test_hold_returns_labels_and_the_default_ten_minute_expiry(world: World) -> None:
    with world.store.write() as s:
        held = hold_seats(
            s, world.clerk, world.performance, ids(world, "S-C-3", "S-C-4"), "c", now=world.now
        )
    assert [h.label for h in held] == ["Stalls C-3", "Stalls C-4"]
    assert {h.expires_at for h in held} == {world.now + timedelta(minutes=10)}
    assert state(world, "S-C-3") == SeatState.HELD_HERE


def test_hold_expires_by_itself_and_the_seat_goes_to_another_cart(world: World) -> None:
    seat = ids(world, "S-B-7")
    with world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, seat, "first", now=world.now)

    just_before = world.now + timedelta(minutes=10) - timedelta(seconds=1)
    with pytest.raises(SeatsUnavailable), world.store.write() as s:
        hold_seats(s, window2(world), world.performance, seat, "second", now=just_before)
    assert state(world, "S-B-7", timedelta(minutes=10) - timedelta(seconds=1)) == (
        SeatState.HELD_HERE
    )

    # At the TTL nobody released it, yet the seat shows free and another cart gets it.
    assert state(world, "S-B-7", timedelta(minutes=10)) == SeatState.AVAILABLE
    at_ttl = world.now + timedelta(minutes=10)
    with world.store.write() as s:
        assert holds.cart_holds(s, "first", at_ttl) == []
        hold_seats(s, window2(world), world.performance, seat, "second", now=at_ttl)
    assert state(world, "S-B-7", timedelta(minutes=10)) == SeatState.HELD_ELSEWHERE
    assert state(world, "S-B-7", timedelta(minutes=10), terminal="Window 2") == (
        SeatState.HELD_HERE
    )


def test_same_cart_holding_again_renews_instead_of_refusing(world: World) -> None:
    seat = ids(world, "S-D-5")
    with world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, seat, "mine", now=world.now)
    later = world.now + timedelta(minutes=8)
    with world.store.write() as s:
        renewed = hold_seats(
            s, world.clerk, world.performance, ids(world, "S-D-5", "S-D-6"), "mine", now=later
        )
    assert {h.expires_at for h in renewed} == {later + timedelta(minutes=10)}

    # Past the first expiry the seat is still ours, and still held only once.
    after_first_ttl = world.now + timedelta(minutes=12)
    with pytest.raises(SeatsUnavailable), world.store.write() as s:
        hold_seats(s, window2(world), world.performance, seat, "other", now=after_first_ttl)
    with world.store.read() as s:
        rows = s.scalar(
            select(func.count()).select_from(CartHold).where(CartHold.cart_id == "mine")
        )
    assert rows == 2


def test_release_cart_frees_seats_and_standing_places(world: World) -> None:
    seats = ids(world, "S-E-1", "S-E-2")
    with world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, seats, "cart", now=world.now)
        hold_ga(s, world.clerk, world.performance, world.standing, 4, "cart", now=world.now)
        assert holds.ga_remaining(s, world.performance, world.standing, world.now) == 16
    with world.store.write() as s:
        assert release_cart(s, world.clerk, "cart") == 3
        assert release_cart(s, world.clerk, "cart") == 0
    assert state(world, "S-E-1") == SeatState.AVAILABLE
    with world.store.write() as s:
        assert holds.ga_remaining(s, world.performance, world.standing, world.now) == 20
        hold_seats(s, window2(world), world.performance, seats, "next", now=world.now)


def test_standing_holds_up_to_what_is_left_and_no_more(world: World) -> None:
    with world.store.write() as s:
        hold_ga(s, world.clerk, world.performance, world.standing, 15, "a", now=world.now)
    with pytest.raises(SeatsUnavailable) as refused, world.store.write() as s:
        hold_ga(s, window2(world), world.performance, world.standing, 6, "b", now=world.now)
    assert "only 5 left" in str(refused.value)
    assert "Standing" in str(refused.value)
    with world.store.write() as s:
        hold_ga(s, window2(world), world.performance, world.standing, 5, "b", now=world.now)
        assert holds.ga_remaining(s, world.performance, world.standing, world.now) == 0
        # A cart changing its own quantity does not compete with itself.
        hold_ga(s, world.clerk, world.performance, world.standing, 12, "a", now=world.now)
        assert holds.ga_remaining(s, world.performance, world.standing, world.now) == 3
    with pytest.raises(SeatsUnavailable, match="only 3 left"), world.store.write() as s:
        hold_ga(s, world.clerk, world.performance, world.standing, 4, "c", now=world.now)
    # The other performance has its own 20 places.
    with world.store.write() as s:
        hold_ga(s, world.clerk, world.other_performance, world.standing, 20, "d", now=world.now)


@pytest.mark.parametrize("quantity", [0, -1, True])
def test_standing_quantity_must_be_a_whole_number_of_at_least_one(
    world: World, quantity: int
) -> None:
    with pytest.raises(ValidationError, match="at least 1"), world.store.write() as s:
        hold_ga(s, world.clerk, world.performance, world.standing, quantity, "a", now=world.now)


def test_performance_not_on_sale_is_refused(world: World) -> None:
    with world.store.write() as s:
        performances.set_status(s, system_actor(), world.performance, PerformanceStatus.OFF_SALE)
    with pytest.raises(ValidationError, match="not on sale"), world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, ids(world, "S-A-1"), "a", now=world.now)
    with pytest.raises(ValidationError, match="not on sale"), world.store.write() as s:
        hold_ga(s, world.clerk, world.performance, world.standing, 1, "a", now=world.now)
    with world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(CartHold)) == 0


def test_seat_or_standing_area_of_another_map_is_refused(world: World) -> None:
    admin = system_actor()
    plan = SeatMapPlan(
        "Studio",
        width=100,
        height=100,
        zones=[ZonePlan("Any")],
        sections=[SectionPlan("Studio", [RowPlan("A", [SeatPlan("X-A-1", "1", 10, 10, "Any")])])],
        ga_areas=[GAAreaPlan("Bar", 10, "Any")],
    )
    with world.store.write() as s:
        venue = venues.get_or_create(s, admin, "Studio theatre", currency="EUR")
        studio = save_plan(s, admin, venue, plan, "own")
        foreign_seat = next(
            seat.id for sec in studio.sections for r in sec.rows for seat in r.seats
        )
        foreign_area = studio.ga_areas[0].id
    with pytest.raises(NotFound, match=str(foreign_seat)), world.store.write() as s:
        hold_seats(
            s,
            world.clerk,
            world.performance,
            [world.seats["S-A-1"], foreign_seat],
            "a",
            now=world.now,
        )
    with pytest.raises(NotFound), world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, [999_999], "a", now=world.now)
    with pytest.raises(NotFound), world.store.write() as s:
        hold_ga(s, world.clerk, world.performance, foreign_area, 1, "a", now=world.now)
    assert state(world, "S-A-1") == SeatState.AVAILABLE


def test_ttl_is_configurable_and_must_be_sensible(world: World) -> None:
    with world.store.write() as s:
        settings.put(s, "holds.ttl_seconds", "60")
        held = hold_seats(
            s, world.clerk, world.performance, ids(world, "S-F-9"), "a", now=world.now
        )
        until = hold_ga(s, world.clerk, world.performance, world.standing, 2, "a", now=world.now)
    assert held[0].expires_at == world.now + timedelta(seconds=60)
    assert until == world.now + timedelta(seconds=60)
    assert state(world, "S-F-9", timedelta(seconds=59)) == SeatState.HELD_HERE
    assert state(world, "S-F-9", timedelta(seconds=60)) == SeatState.AVAILABLE
    with world.store.write() as s:
        later = world.now + timedelta(seconds=61)
        assert holds.ga_remaining(s, world.performance, world.standing, later) == 20
        hold_seats(s, window2(world), world.performance, ids(world, "S-F-9"), "b", now=later)

    with world.store.write() as s:
        settings.put(s, "holds.ttl_seconds", "5")
    with pytest.raises(ValidationError, match="at least 30"), world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, ids(world, "S-F-10"), "c", now=world.now)


def test_empty_choice_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="no seats"), world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, [], "a", now=world.now)
