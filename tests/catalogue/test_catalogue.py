"""Catalogue services: rules a box-office manager relies on, checked in the services."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.catalogue import events, house_holds, performances, prices, venues
from boxoffice.errors import Conflict, NotFound, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.seatmaps.plan import RowPlan, SeatMapPlan, SeatPlan, SectionPlan, ZonePlan
from boxoffice.seatmaps.save import save_plan
from boxoffice.store import Store
from boxoffice.store.models import HoldKind, PerformanceStatus, Price

WHEN = datetime(2026, 12, 1, 19, 30, tzinfo=UTC)


def small_plan() -> SeatMapPlan:
    row = RowPlan(
        "A",
        [
            SeatPlan(f"A-{i}", str(i), i * 10.0, 0.0, "Stalls" if i < 5 else "Side")
            for i in range(1, 9)
        ],
    )
    return SeatMapPlan(
        "House",
        100,
        50,
        [ZonePlan("Stalls", "#aa0000"), ZonePlan("Side")],
        [SectionPlan("Stalls", [row])],
    )


@pytest.fixture
def show(store: Store, admin: Actor) -> int:
    with store.write() as session:
        prices.ensure_standard_price_types(session)
        venue = venues.get_or_create(session, admin, "Lyceum", currency="EUR")
        seat_map = save_plan(session, admin, venue, small_plan(), "own")
        event = events.add_event(session, admin, "Hamlet", duration_minutes=170)
        return performances.add_performance(session, admin, event, seat_map, WHEN).id


def test_price_table_round_trip_with_exact_tax(store: Store, admin: Actor, show: int) -> None:
    with store.write() as session:
        p = performances.get_performance(session, show)
        prices.set_price(session, admin, p, "Stalls", "adult", Money.of("59.00", "EUR"), "5")
        prices.set_price(session, admin, p, "Stalls", "adult", Money.of("61.00", "EUR"), "5")
        prices.set_price(session, admin, p, "Side", "comp", Money.zero("EUR"), "5")
    with store.read() as session:
        table = prices.price_table(session, show)
        changes = audit.entries(session, "price.set")
    assert [(r.zone, r.price_type, r.price.minor, r.tax.minor) for r in table] == [
        ("Stalls", "adult", 6100, 290),
        ("Side", "comp", 0, 0),
    ]
    assert '"old":{"amount":5900' in changes[1].details  # the change is audited old → new


@pytest.mark.parametrize(
    ("zone", "code", "amount", "tax", "error"),
    [
        ("Stalls", "adult", Money.of("10", "CNY"), "5", "sells in EUR"),
        ("Stalls", "adult", Money(-100, "EUR"), "5", "negative"),
        ("Stalls", "comp", Money(100, "EUR"), "5", "complimentary"),
        ("Balcony", "adult", Money(100, "EUR"), "5", "no price zone 'Balcony'"),
        ("Stalls", "pensioner", Money(100, "EUR"), "5", "no price type 'pensioner'"),
        ("Stalls", "adult", Money(100, "EUR"), "120", "between 0 and 100"),
    ],
)
def test_bad_prices_are_refused_and_change_nothing(
    store: Store,
    admin: Actor,
    show: int,
    zone: str,
    code: str,
    amount: Money,
    tax: str,
    error: str,
) -> None:
    with pytest.raises((ValidationError, NotFound), match=error), store.write() as session:
        p = performances.get_performance(session, show)
        prices.set_price(session, admin, p, zone, code, amount, tax)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Price)) == 0


def test_clerk_cannot_edit_the_catalogue(store: Store, show: int, make_actor) -> None:
    clerk = make_actor("clerk")
    with pytest.raises(PermissionDenied, match="clerk 'clerk1'"), store.write() as session:
        events.add_event(session, clerk, "Macbeth")
    with pytest.raises(PermissionDenied), store.write() as session:
        p = performances.get_performance(session, show)
        prices.set_price(session, clerk, p, "Stalls", "adult", Money(100, "EUR"), "5")
    with pytest.raises(PermissionDenied), store.write() as session:
        p = performances.get_performance(session, show)
        house_holds.place(session, clerk, p, ["A-1"], HoldKind.HOUSE)


def test_status_life_cycle(store: Store, admin: Actor, show: int) -> None:
    with store.write() as session:
        assert (
            performances.set_status(session, admin, show, PerformanceStatus.ON_SALE).status
            == PerformanceStatus.ON_SALE
        )
        performances.set_status(session, admin, show, PerformanceStatus.CANCELLED)
    with (
        pytest.raises(ValidationError, match="cancelled; it cannot become on_sale") as refused,
        store.write() as session,
    ):
        performances.set_status(session, admin, show, PerformanceStatus.ON_SALE)
    assert refused.value.code == "performance_status_change_refused"
    assert refused.value.params == {
        "performance": show,
        "status": "cancelled",
        "new_status": "on_sale",
    }
    assert refused.value.message("zh_CN") == f"场次{show}当前为已取消，不能改为在售"


def test_performance_times_need_a_zone_and_a_sane_window(
    store: Store, admin: Actor, show: int
) -> None:
    with store.write() as session:
        p = performances.get_performance(session, show)
        event, seat_map = p.event, p.seat_map
        with pytest.raises(ValidationError, match="time zone"):
            performances.add_performance(
                session, admin, event, seat_map, datetime(2026, 12, 2, 19, 30)
            )
        with pytest.raises(ValidationError, match="ends before it starts"):
            performances.add_performance(
                session, admin, event, seat_map, WHEN, sale_starts_at=WHEN, sale_ends_at=WHEN
            )


def test_duplicate_event_and_house_hold_conflicts(store: Store, admin: Actor, show: int) -> None:
    with pytest.raises(Conflict), store.write() as session:
        events.add_event(session, admin, "Hamlet")
    with store.write() as session:
        p = performances.get_performance(session, show)
        house_holds.place(session, admin, p, ["A-1", "A-2"], HoldKind.HOUSE, "producer")
    with pytest.raises(Conflict, match="A-2") as conflict, store.write() as session:
        p = performances.get_performance(session, show)
        house_holds.place(session, admin, p, ["A-2", "A-3"], HoldKind.PRESS)
    assert (conflict.value.code, conflict.value.params) == (
        "hold_seats_already_held",
        {"seats": ["A-2"]},
    )
    assert conflict.value.message("zh_CN") == "已预留：A-2"
    with pytest.raises(NotFound, match="Z-9") as missing, store.write() as session:
        p = performances.get_performance(session, show)
        house_holds.place(session, admin, p, ["Z-9", "Z-8"], HoldKind.KILL)
    assert str(missing.value) == "no such seats on this map: Z-9, Z-8"
    assert missing.value.message("zh_CN") == "座位图上没有这些座位：Z-9、Z-8"
    with store.read() as session:
        held = house_holds.held_seats(session, show)
    assert sorted(held.values()) == [HoldKind.HOUSE, HoldKind.HOUSE]  # A-3 was not held
    with store.write() as session:
        p = performances.get_performance(session, show)
        assert house_holds.release(session, admin, p, ["A-1"]) == 1
    with store.read() as session:
        assert len(house_holds.held_seats(session, show)) == 1
