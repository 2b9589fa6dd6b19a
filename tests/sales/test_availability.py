"""Availability: each seat's state, standing places left, offline allocations, alerts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from boxoffice.actor import Actor, system_actor
from boxoffice.catalogue import house_holds
from boxoffice.errors import PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.sales.availability import (
    SeatState,
    ga_availability,
    low_availability,
    seat_states,
    set_threshold,
)
from boxoffice.sales.cart import Cart, CartItem, CustomerDetails
from boxoffice.sales.checkout import Cash, place_order, sell
from boxoffice.sales.holds import hold_ga, hold_seats
from boxoffice.store.models import (
    Allocation,
    HoldKind,
    Performance,
    PriceZone,
    Seat,
)
from tests.sales.conftest import World

W2 = "Window 2"


def window2(world: World) -> Actor:
    return Actor(world.supervisor.user_id, world.supervisor.username, W2)


def cart(world: World, *guids: str, ga: int = 0) -> Cart:
    items = [CartItem(world.performance, "adult", seat_id=world.seats[g]) for g in guids]
    items += [CartItem(world.performance, "adult", ga_area_id=world.standing)] * ga
    return Cart(items)


def cash(amount: str) -> Cash:
    return Cash(Money.of(amount, "EUR"))


def house_size(world: World) -> int:
    with world.store.read() as s:
        performance = s.get(Performance, world.performance)
        assert performance is not None
        return int(
            s.scalar(
                select(func.count())
                .select_from(Seat)
                .where(Seat.seat_map_id == performance.seat_map_id)
            )
            or 0
        )


def zone_size(world: World, zone: str) -> int:
    with world.store.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(Seat)
                .join(PriceZone, Seat.price_zone_id == PriceZone.id)
                .where(PriceZone.name == zone)
            )
            or 0
        )


def test_every_state_from_this_window_and_the_next(world: World) -> None:
    g = world.seats
    with world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, [g["S-B-1"]], "here", now=world.now)
        hold_seats(s, window2(world), world.performance, [g["S-B-2"]], "there", now=world.now)
        place_order(
            s,
            world.clerk,
            cart(world, "S-B-3"),
            now=world.now,
            reserve_until=world.now + timedelta(days=2),
            customer=CustomerDetails(name="Ada Byrne", phone="+353 87 555 0101"),
        )
        place_order(s, world.clerk, cart(world, "S-B-4"), now=world.now)  # being paid
        sell(s, world.clerk, cart(world, "S-B-5"), [cash("100")], world.signer, now=world.now)
        house_holds.place(
            s, world.supervisor, s.get(Performance, world.performance), ["S-B-6"], HoldKind.KILL
        )
        here = seat_states(s, world.performance, world.clerk.terminal, now=world.now)
        there = seat_states(s, world.performance, W2, now=world.now)

    expected = {
        "S-B-1": SeatState.HELD_HERE,
        "S-B-2": SeatState.HELD_ELSEWHERE,
        "S-B-3": SeatState.RESERVED,
        "S-B-4": SeatState.RESERVED,
        "S-B-5": SeatState.SOLD,
        "S-B-6": SeatState.KILLED,
        "S-B-7": SeatState.AVAILABLE,
    }
    assert {guid: here.state(g[guid]) for guid in expected} == expected
    # The same two cart holds, seen from the other window, swap sides.
    assert there.state(g["S-B-1"]) == SeatState.HELD_ELSEWHERE
    assert there.state(g["S-B-2"]) == SeatState.HELD_HERE
    assert there.state(g["S-B-5"]) == SeatState.SOLD

    total = house_size(world)
    assert here.total == total == 1030
    counts = here.counts()
    assert sum(counts.values()) == total
    assert counts[SeatState.AVAILABLE] == total - 6
    assert counts[SeatState.RESERVED] == 2
    assert here.unavailable() == {g[f"S-B-{n}"] for n in range(1, 7)}
    # The other performance is untouched by all of it.
    with world.store.read() as s:
        other = seat_states(s, world.other_performance, world.clerk.terminal, now=world.now)
    assert other.counts()[SeatState.AVAILABLE] == total


def test_expired_holds_show_as_available(world: World) -> None:
    g = world.seats
    with world.store.write() as s:
        hold_seats(s, window2(world), world.performance, [g["S-C-1"]], "x", now=world.now)
    with world.store.read() as s:
        later = seat_states(
            s, world.performance, world.clerk.terminal, now=world.now + timedelta(minutes=10)
        )
    assert later.state(g["S-C-1"]) == SeatState.AVAILABLE
    assert later.counts()[SeatState.AVAILABLE] == later.total


def test_standing_places_left_after_sales_and_holds(world: World) -> None:
    with world.store.read() as s:
        assert ga_availability(s, world.performance, world.now) == {world.standing: 20}
    with world.store.write() as s:
        sell(s, world.clerk, cart(world, ga=3), [cash("200")], world.signer, now=world.now)
        hold_ga(s, window2(world), world.performance, world.standing, 5, "w2", now=world.now)
    with world.store.read() as s:
        assert ga_availability(s, world.performance, world.now) == {world.standing: 12}
        # The hold lapses, the sale does not.
        later = world.now + timedelta(minutes=11)
        assert ga_availability(s, world.performance, later) == {world.standing: 17}
        assert ga_availability(s, world.other_performance, world.now) == {world.standing: 20}


def test_offline_only_this_terminals_allocation_is_sellable(world: World) -> None:
    g = world.seats
    day = timedelta(days=1)

    def allocate(
        guid: str, terminal: str, expires: timedelta = day, released: bool = False
    ) -> None:
        s.add(
            Allocation(
                performance_id=world.performance,
                terminal=terminal,
                seat_id=g[guid],
                expires_at=world.now + expires,
                released_at=world.now if released else None,
            )
        )

    with world.store.write() as s:
        for guid in ("S-D-1", "S-D-2", "S-D-3"):
            allocate(guid, world.clerk.terminal)
        allocate("S-D-4", W2)  # another terminal's block
        allocate("S-D-5", world.clerk.terminal, expires=-timedelta(minutes=1))
        allocate("S-D-6", world.clerk.terminal, released=True)
        s.flush()
        sell(s, world.clerk, cart(world, "S-D-3"), [cash("100")], world.signer, now=world.now)
        offline = seat_states(
            s, world.performance, world.clerk.terminal, now=world.now, offline=True
        )
        online = seat_states(s, world.performance, world.clerk.terminal, now=world.now)

    assert offline.state(g["S-D-1"]) == SeatState.ALLOCATED_HERE
    assert offline.state(g["S-D-2"]) == SeatState.ALLOCATED_HERE
    assert offline.state(g["S-D-3"]) == SeatState.SOLD
    for guid in ("S-D-4", "S-D-5", "S-D-6", "S-D-7", "S-A-14"):
        assert offline.state(g[guid]) == SeatState.NOT_SELLABLE_OFFLINE, guid
    counts = offline.counts()
    assert counts[SeatState.ALLOCATED_HERE] == 2
    assert counts[SeatState.AVAILABLE] == 0
    assert counts[SeatState.NOT_SELLABLE_OFFLINE] == offline.total - 3
    assert sum(counts.values()) == offline.total
    assert offline.unavailable() == set(g.values()) - {g["S-D-1"], g["S-D-2"]}
    # Online, the allocation does not matter.
    assert online.state(g["S-D-4"]) == SeatState.AVAILABLE
    assert online.state(g["S-D-1"]) == SeatState.AVAILABLE


def test_whole_house_alert_appears_when_crossing_the_threshold_and_not_before(
    world: World,
) -> None:
    total = house_size(world)
    g = world.seats
    with world.store.write() as s:
        assert low_availability(s, world.performance, world.clerk.terminal, world.now) == []
        set_threshold(s, system_actor(), world.performance, None, total - 3)
        hold_seats(s, world.clerk, world.performance, [g["S-E-1"], g["S-E-2"]], "a", now=world.now)
        assert low_availability(s, world.performance, world.clerk.terminal, world.now) == []
    with world.store.write() as s:
        sell(s, world.clerk, cart(world, "S-E-3"), [cash("100")], world.signer, now=world.now)
        alerts = low_availability(s, world.performance, world.clerk.terminal, world.now)
        assert low_availability(s, world.other_performance, world.clerk.terminal, world.now) == []
    assert len(alerts) == 1
    alert = alerts[0]
    assert (alert.zone, alert.remaining, alert.threshold) == (None, total - 3, total - 3)
    assert str(alert) == f"only {total - 3} left in the house (alert at {total - 3})"
    # When the holds lapse the house is above the threshold again.
    with world.store.read() as s:
        later = world.now + timedelta(minutes=10)
        assert low_availability(s, world.performance, world.clerk.terminal, later) == []


def test_zone_alert_counts_only_that_zone(world: World) -> None:
    premium = zone_size(world, "Premium")
    assert premium > 100
    g = world.seats
    with world.store.write() as s:
        set_threshold(s, system_actor(), world.performance, "Premium", premium - 2)
        # Standard seats (row A ends) and one Premium seat: still above the line.
        sell(
            s,
            world.clerk,
            cart(world, "S-A-1", "S-A-2", "S-A-3", "S-A-14"),
            [cash("300")],
            world.signer,
            now=world.now,
        )
        assert low_availability(s, world.performance, world.clerk.terminal, world.now) == []
        hold_seats(s, window2(world), world.performance, [g["S-A-15"]], "b", now=world.now)
        alerts = low_availability(s, world.performance, world.clerk.terminal, world.now)
    assert [(a.zone, a.remaining, a.threshold) for a in alerts] == [
        ("Premium", premium - 2, premium - 2)
    ]
    assert "zone Premium" in str(alerts[0])


def test_threshold_needs_catalogue_permission_and_a_sane_number(world: World) -> None:
    with pytest.raises(PermissionDenied), world.store.write() as s:
        set_threshold(s, world.supervisor, world.performance, None, 10)
    with pytest.raises(ValidationError, match="≥ 0"), world.store.write() as s:
        set_threshold(s, system_actor(), world.performance, None, -1)
    with world.store.write() as s:
        set_threshold(s, system_actor(), world.performance, None, 5)
        set_threshold(s, system_actor(), world.performance, None, 2000)  # updates, not a 2nd row
        alerts = low_availability(s, world.performance, world.clerk.terminal, world.now)
    assert [(a.zone, a.threshold) for a in alerts] == [(None, 2000)]
