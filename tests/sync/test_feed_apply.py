"""Well-formed change-feed events land where the rest of the client looks for them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from boxoffice.protocol import FeedEvent
from boxoffice.store.models import (
    Admission,
    Allocation,
    AllocationLink,
    BarcodeRevocation,
    PriceType,
    RemoteSeat,
)
from boxoffice.sync import feed
from boxoffice.sync.errors import BadServerReply
from tests.sales.conftest import World


def _event(seq: int, kind: str, data: dict[str, object], world: World) -> FeedEvent:
    return FeedEvent(seq=seq, kind=kind, at=world.now, data=data)


def test_feed_events_update_seats_revocations_catalogue_and_allocations(world: World) -> None:
    seat = world.seats["S-F-3"]
    until = (world.now + timedelta(minutes=10)).isoformat()
    with world.store.write() as s:
        row = Allocation(
            performance_id=world.performance,
            terminal="Window 1",
            seat_id=world.seats["S-F-9"],
            quantity=1,
            expires_at=world.now + timedelta(hours=3),
        )
        s.add(row)
        s.flush()
        s.add(AllocationLink(allocation_id=row.id, server_allocation_id=41))
        adult = s.scalar(select(PriceType).where(PriceType.code == "adult"))
        assert adult is not None
        adult_row = {c.name: getattr(adult, c.name) for c in PriceType.__table__.columns}
    events = [
        _event(
            1,
            "seat_state",
            {
                "performance_id": world.performance,
                "seat_id": seat,
                "state": "held",
                "terminal_id": 2,
                "expires_at": until,
            },
            world,
        ),
        _event(
            2,
            "seat_state",
            {
                "performance_id": world.performance,
                "seat_id": None,
                "ga_area_id": world.standing,
                "state": "available",
                "quantity": 17,
                "terminal_id": 2,
            },
            world,
        ),
        _event(
            3,
            "seat_state",
            {
                "performance_id": world.performance,
                "seat_id": seat + 1,
                "state": "sold",
                "terminal_id": 1,
            },
            world,
        ),  # our own
        _event(
            4,
            "revocation",
            {
                "serial": "W2-T0000007",
                "key_id": "0a1b2c3d",
                "ticket_id": 7,
                "terminal_id": 2,
                "up_to_reissue": 0,
                "reason": "refunded",
            },
            world,
        ),
        _event(
            5,
            "catalogue",
            {
                "table": "price_types",
                "key": str(adult_row["id"]),
                "row": {**adult_row, "name": "Adult (full price)"},
            },
            world,
        ),
        _event(
            6,
            "allocation",
            {
                "allocation_id": 41,
                "terminal_id": 1,
                "performance_id": world.performance,
                "state": "reclaimed",
            },
            world,
        ),
    ]
    with world.store.write() as s:
        assert feed.apply(s, events, terminal_id=1, now=world.now) == 6
        feed.apply(s, events[:4], terminal_id=1, now=world.now)  # a replayed page
    with world.store.read() as s:
        remote = list(s.scalars(select(RemoteSeat)))
        assert [(r.seat_id, r.state, r.terminal) for r in remote] == [(seat, "held", "2")]
        assert remote[0].expires_at == world.now + timedelta(minutes=10)
        revoked = list(s.scalars(select(BarcodeRevocation)))
        # The issuing key is kept: ticket ids restart on every terminal.
        assert [(r.serial, r.reason, r.key_id) for r in revoked] == [
            ("W2-T0000007", "refunded", "0a1b2c3d")
        ]
        assert s.get(PriceType, adult_row["id"]).name == "Adult (full price)"  # type: ignore[union-attr]
        assert s.get(Allocation, row.id).released_at == world.now  # type: ignore[union-attr]
    free = _event(
        7,
        "seat_state",
        {"performance_id": world.performance, "seat_id": seat, "state": "free", "terminal_id": 2},
        world,
    )
    with world.store.write() as s:
        feed.apply(s, [free], terminal_id=1, now=world.now)
    with world.store.read() as s:
        assert list(s.scalars(select(RemoteSeat))) == []


def test_another_doors_admission_is_recorded_here_once(world: World) -> None:
    data = {
        "serial": "W2-T1",
        "key_id": "0a1b2c3d",
        "ticket_id": 1,
        "reissue": 0,
        "scanned_at": world.now.isoformat(),
        "terminal_id": 2,
        "gate": "A",
    }
    events = [_event(1, "redemption", data, world)]
    with world.store.write() as s:
        feed.apply(s, events, terminal_id=1, now=world.now)
        feed.apply(s, events, terminal_id=1, now=world.now)  # a replayed page
    with world.store.read() as s:
        rows = list(s.scalars(select(Admission)))
    assert [(a.key_id, a.ticket_id, a.kind, a.source) for a in rows] == [
        ("0a1b2c3d", 1, "entry", "remote")
    ]
    assert rows[0].door == "A"


def test_a_garbled_redemption_rolls_back_the_whole_page(world: World) -> None:
    good = {
        "serial": "W2-T0000007",
        "key_id": "0a1b2c3d",
        "ticket_id": 7,
        "up_to_reissue": 0,
        "reason": "refunded",
    }
    bad = {"serial": "W2-T1", "key_id": "0a1b2c3d", "ticket_id": "one", "scanned_at": "soon"}
    events = [_event(1, "revocation", good, world), _event(2, "redemption", bad, world)]
    with pytest.raises(BadServerReply, match=r"event 2 \(redemption\)"), world.store.write() as s:
        feed.apply(s, events, terminal_id=1, now=world.now)
    with world.store.read() as s:
        assert list(s.scalars(select(BarcodeRevocation))) == []
        assert list(s.scalars(select(Admission))) == []


def test_seats_other_terminals_sold_or_hold_show_on_this_terminal(world: World) -> None:
    from boxoffice.sales.availability import SeatState, seat_states

    sold, held, lapsed = world.seats["S-H-1"], world.seats["S-H-2"], world.seats["S-H-3"]
    events = [
        _event(
            1,
            "seat_state",
            {
                "performance_id": world.performance,
                "seat_id": sold,
                "state": "sold",
                "terminal_id": 2,
            },
            world,
        ),
        _event(
            2,
            "seat_state",
            {
                "performance_id": world.performance,
                "seat_id": held,
                "state": "held",
                "terminal_id": 2,
                "expires_at": (world.now + timedelta(minutes=5)).isoformat(),
            },
            world,
        ),
        _event(
            3,
            "seat_state",
            {
                "performance_id": world.performance,
                "seat_id": lapsed,
                "state": "held",
                "terminal_id": 3,
                "expires_at": (world.now - timedelta(minutes=1)).isoformat(),
            },
            world,
        ),
    ]
    with world.store.write() as s:
        feed.apply(s, events, terminal_id=1, now=world.now)
    with world.store.read() as s:
        states = seat_states(s, world.performance, "Window 1", now=world.now)
    assert states.state(sold) == SeatState.SOLD
    assert states.state(held) == SeatState.HELD_ELSEWHERE
    assert states.state(lapsed) == SeatState.AVAILABLE  # the hold ran out by itself
