"""Doors offline: revocations and other doors' admissions arrive through the change feed.

Each door is a separate store file (a copy of the box office's store taken
while it was online), so nothing is shared except what the feed items carry.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from boxoffice.actor import system_actor
from boxoffice.checkin import policy, stats
from boxoffice.checkin.door import Door
from boxoffice.checkin.verdicts import Outcome
from boxoffice.errors import ValidationError
from boxoffice.sales import barcodes, checkout, refunds, signing_keys
from boxoffice.store import Store, open_store
from boxoffice.store import door_feed as remote
from boxoffice.store.door_feed import Applied
from boxoffice.store.migrate import backup
from boxoffice.store.models import (
    Admission,
    AdmissionConflict,
    BarcodeRevocation,
    OutboxEntry,
    Ticket,
    TicketKey,
    TicketStatus,
)
from tests.checkin.conftest import DoorWorld


@pytest.fixture
def copy_store(dw: DoorWorld) -> Iterator[Callable[[], Store]]:
    """A door's own store: a consistent copy of the box office's store, taken now."""
    opened: list[Store] = []

    def _copy() -> Store:
        path = backup(dw.world.store, f"door{len(opened)}")
        assert path is not None
        store = open_store(Path(path))
        opened.append(store)
        return store

    yield _copy
    for store in opened:
        store.dispose()


def _door(dw: DoorWorld, store: Store, name: str) -> Door:
    return Door(store, dw.doorman, [dw.world.performance], name)


def _admission_bodies(store: Store) -> list[dict[str, Any]]:
    with store.read() as s:
        return [
            json.loads(e.body)
            for e in s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "admission"))
        ]


def _revocation_items(store: Store) -> list[dict[str, Any]]:
    """What the server relays of the box office's revocations (its ``revocation`` events)."""
    with store.read() as s:
        return [
            {
                "serial": r.serial,
                "key_id": s.get(Ticket, r.ticket_id).key_id,  # type: ignore[union-attr]
                "ticket_id": r.ticket_id,
                "terminal_id": 1,
                "up_to_reissue": r.up_to_reissue,
                "reason": r.reason,
            }
            for r in s.scalars(select(BarcodeRevocation))
        ]


def test_refund_on_another_terminal_reaches_the_offline_door_through_the_feed(
    dw: DoorWorld, copy_store: Callable[[], Store]
) -> None:
    w = dw.world
    refunded, kept = dw.sell("S-A-1", "S-A-2")
    door_store = copy_store()
    with w.store.write() as s:  # the box office refunds one ticket after the door synced
        order = checkout.get_order(s, refunded.order_id)
        refunds.refund(s, w.supervisor, order, [refunded.id], reason="ill", to_cash=True)
    items = _revocation_items(w.store)
    assert [i["reason"] for i in items] == ["refunded"]
    with door_store.read() as s:  # the door's own copy still thinks it is valid
        assert s.get(Ticket, refunded.id).status is TicketStatus.VALID  # type: ignore[union-attr]
    with door_store.write() as s:
        assert remote.apply_remote_revocation(s, items[0], w.now) is Applied.NEW
        assert remote.apply_remote_revocation(s, items[0], w.now) is Applied.DUPLICATE
        assert s.scalar(select(func.count()).select_from(BarcodeRevocation)) == 1
    door = _door(dw, door_store, "Main door")  # network gone from here on
    verdict = door.scan(refunded.barcode, now=dw.at_door)
    assert verdict.outcome is Outcome.REVOKED and verdict.revoked_because == "refunded"
    assert door.scan(kept.barcode, now=dw.at_door).outcome is Outcome.ADMITTED


def test_with_reentry_an_exit_at_one_door_reaches_the_others(
    dw: DoorWorld, copy_store: Callable[[], Store]
) -> None:
    w = dw.world
    (ticket,) = dw.sell("S-A-1")
    with w.store.write() as s:
        policy.set_policy(s, system_actor(), w.performance, reentry=True)
    north_store, south_store = copy_store(), copy_store()
    north = _door(dw, north_store, "North")
    assert north.scan(ticket.barcode, now=dw.at_door).outcome is Outcome.ADMITTED
    went_out = north.scan(ticket.barcode, now=dw.at_door + timedelta(minutes=30))
    assert went_out.outcome is Outcome.EXITED
    bodies = _admission_bodies(north_store)
    assert [b["kind"] for b in bodies] == ["entry", "exit"]  # both go to the server
    with south_store.write() as s:  # South's feed brings both movements
        for body in bodies:
            assert remote.apply_remote_admission(s, body, w.now) is Applied.NEW
    south = _door(dw, south_store, "South")
    back = south.scan(ticket.barcode, now=dw.at_door + timedelta(minutes=45))
    assert back.outcome is Outcome.READMITTED, "the holder went out at North, so comes back in"


def test_double_admission_by_two_offline_doors_keeps_the_earlier_and_shows_a_conflict(
    dw: DoorWorld, copy_store: Callable[[], Store]
) -> None:
    (ticket,) = dw.sell("S-A-1")
    north_store = copy_store()
    south_store = copy_store()
    north, south = _door(dw, north_store, "North"), _door(dw, south_store, "South")
    # Both offline: the same ticket (a photocopy) gets in at both doors.
    assert south.scan(ticket.barcode, now=dw.at_door).admit
    assert north.scan(ticket.barcode, now=dw.at_door + timedelta(minutes=2)).admit
    (south_body,) = _admission_bodies(south_store)
    (north_body,) = _admission_bodies(north_store)
    # Back online: each door's feed brings the other's admission.
    with north_store.write() as s:
        assert remote.apply_remote_admission(s, south_body) is Applied.CONFLICT
        assert remote.apply_remote_admission(s, south_body) is Applied.DUPLICATE
    with south_store.write() as s:
        assert remote.apply_remote_admission(s, north_body) is Applied.CONFLICT
    for store in (north_store, south_store):
        with store.read() as s:
            report = stats.performance_stats(s, dw.world.performance)
            conflicts = list(s.scalars(select(AdmissionConflict)))
        assert report.admitted == 1  # one person's ticket, counted once
        assert len(conflicts) == 1 and len(report.conflicts) == 1
        c = report.conflicts[0]
        assert (c.kept_door, c.lost_door, c.serial) == ("South", "North", ticket.serial)
        assert conflicts[0].kept_uuid == south_body["uuid"]
        assert conflicts[0].lost_uuid == north_body["uuid"]
    # The North door now knows who really came in first.
    again = north.scan(ticket.barcode, now=dw.at_door + timedelta(minutes=5))
    assert again.outcome is Outcome.ALREADY_ADMITTED and again.previous is not None
    assert again.previous.door == "South"


def test_other_doors_movements_update_presence_and_inside_count(dw: DoorWorld) -> None:
    a, b, c = dw.sell("S-A-14", "S-A-15", "S-A-16")
    w = dw.world
    with w.store.write() as s:
        policy.set_policy(s, system_actor(), w.performance, reentry=True)
    door = dw.door()
    t = dw.at_door
    base = {
        "key_id": a.key_id,
        "ticket_id": a.id,
        "serial": a.serial,
        "performance_id": w.performance,
        "door": "South",
        "terminal": "Door 2",
        "user": "sam",
        "order_uuid": "",
    }

    def remote_move(uid: str, kind: str, minutes: int) -> None:
        at = t + timedelta(minutes=minutes)
        body = {**base, "uuid": uid, "kind": kind, "scanned_at": at.isoformat()}
        with w.store.write() as s:
            assert remote.apply_remote_admission(s, body) is Applied.NEW

    remote_move("00000000-0000-4000-8000-000000000001", "entry", 0)
    assert door.scan(b.barcode, now=t + timedelta(minutes=1)).inside == 2
    remote_move("00000000-0000-4000-8000-000000000002", "exit", 5)
    assert door.scan(c.barcode, now=t + timedelta(minutes=6)).inside == 2  # b and c
    with w.store.read() as s:
        report = stats.performance_stats(s, w.performance)
    assert (report.admitted, report.inside) == (3, 2)
    assert [(d.door, d.admitted) for d in report.doors] == [("Main door", 2), ("South", 1)]


def _good_admission(dw: DoorWorld) -> dict[str, Any]:
    return {
        "uuid": "00000000-0000-4000-8000-00000000000a",
        "key_id": "0123abcd",
        "ticket_id": 1,
        "serial": "W1-T0000001",
        "performance_id": dw.world.performance,
        "kind": "entry",
        "door": "South",
        "terminal": "Door 2",
        "user": "sam",
        "scanned_at": dw.at_door.isoformat(),
        "order_uuid": "",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ticket_id": "1"}, "ticket_id"),
        ({"ticket_id": True}, "ticket_id"),
        ({"ticket_id": -4}, "ticket_id"),
        ({"kind": "teleport"}, "kind"),
        ({"scanned_at": "2030-06-11T11:30:00"}, "time zone"),
        ({"scanned_at": "yesterday"}, "scanned_at"),
        ({"door": "   "}, "door"),
        ({"door": "x" * 81}, "door"),
        ({"user": 7}, "user"),
        ({"uuid": "0000"}, "uuid"),
        ({"key_id": None}, "key_id"),
        ({"key_id": "ABCDEF12"}, "key_id"),
        ({"terminal_id": "7"}, "terminal_id"),
        ({"performance_id": 0}, "performance_id"),
    ],
)
def test_corrupt_admission_items_are_refused_and_change_nothing(
    dw: DoorWorld, change: dict[str, object], message: str
) -> None:
    body = {**_good_admission(dw), **change}
    with dw.world.store.write() as s:
        with pytest.raises(ValidationError, match=message):
            remote.apply_remote_admission(s, body)
        assert s.scalar(select(func.count()).select_from(Admission)) == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[]", "JSON object"),
        ({"ticket_id": 1, "up_to_reissue": 0, "reason": "lost", "revoked_at": "x"}, "reason"),
        ({"ticket_id": 1, "up_to_reissue": -1, "reason": "refunded"}, "up_to_reissue"),
        ({"ticket_id": 1, "up_to_reissue": 0, "reason": "refunded"}, "revoked_at"),
        (
            {"ticket_id": 1, "up_to_reissue": 0, "reason": "refunded", "key_id": "zz"},
            "key_id",
        ),
        ({"up_to_reissue": 0, "reason": "refunded", "revoked_at": "x"}, "ticket_id"),
    ],
)
def test_corrupt_revocation_items_are_refused_and_change_nothing(
    dw: DoorWorld, body: object, message: str
) -> None:
    with dw.world.store.write() as s:
        with pytest.raises(ValidationError, match=message):
            remote.apply_remote_revocation(s, body)
        assert s.execute(text("select count(*) from barcode_revocations")).scalar() == 0


def test_door_statistics_per_performance_and_per_door(dw: DoorWorld) -> None:
    w = dw.world
    tickets = dw.sell("S-A-1", "S-A-2", "S-A-3", "S-A-4")
    dw.sell("S-A-1", performance=w.other_performance)
    main, side = dw.door(), dw.door(name="Side door")
    main.scan(tickets[0].barcode, now=dw.at_door)
    main.scan(tickets[1].barcode, now=dw.at_door)
    side.scan(tickets[2].barcode, now=dw.at_door)
    side.scan(tickets[2].barcode, now=dw.at_door)  # refused: already admitted
    side.scan("rubbish", now=dw.at_door)  # refused: malformed
    with w.store.read() as s:
        first, second = stats.door_report(s, [w.performance, w.other_performance])
    assert (first.expected, first.admitted, first.inside, first.missing) == (4, 3, 3, 1)
    assert first.refused == 2
    assert [(d.door, d.admitted, d.refused) for d in first.doors] == [
        ("Main door", 2, 0),
        ("Side door", 1, 2),
    ]
    assert (second.expected, second.admitted, second.doors) == (1, 0, [])
    assert first.to_dict()["doors"][1] == {"door": "Side door", "admitted": 1, "refused": 2}


def test_expected_includes_seats_other_terminals_sold(dw: DoorWorld) -> None:
    """A door terminal sells nothing itself: what it expects comes from the change feed."""
    from boxoffice.protocol import FeedEvent
    from boxoffice.sync import feed

    w = dw.world
    dw.sell("S-A-1")

    def sold(seq: int, guid: str, state: str) -> FeedEvent:
        data = {
            "performance_id": w.performance,
            "seat_id": w.seats[guid],
            "state": state,
            "terminal_id": 2,
        }
        return FeedEvent(seq=seq, kind="seat_state", at=w.now, data=data)

    with w.store.write() as s:
        feed.apply(
            s, [sold(1, "S-B-1", "sold"), sold(2, "S-B-2", "sold")], terminal_id=1, now=w.now
        )
    with w.store.read() as s:
        assert stats.performance_stats(s, w.performance).expected == 3
    with w.store.write() as s:  # refunded elsewhere: the seat is free again
        feed.apply(s, [sold(3, "S-B-2", "free")], terminal_id=1, now=w.now)
    with w.store.read() as s:
        assert stats.performance_stats(s, w.performance).expected == 2


OTHER_TERMINAL_KEY = signing_keys.generate()


def _foreign_code(dw: DoorWorld, ticket_id: int) -> tuple[str, str]:
    """A ticket sold at another terminal (its own key) that carries the same ticket id."""
    w = dw.world
    other = OTHER_TERMINAL_KEY
    with w.store.write() as s:
        if s.get(TicketKey, signing_keys.key_id(other.public_key())) is None:
            s.add(
                TicketKey(
                    key_id=signing_keys.key_id(other.public_key()),
                    public_key=base64.b64encode(signing_keys.public_bytes(other)).decode(),
                    terminal="Window 2",
                    created_at=w.now,
                )
            )
    claim = barcodes.TicketClaim(
        ticket_id=ticket_id,
        performance_id=w.performance,
        seat_id=None,
        ga_area_id=w.standing,
        price_type_id=1,
        issued_at=w.now,
        key_id=signing_keys.key_id(other.public_key()),
        event_id=1,
    )
    return barcodes.sign(claim, other), claim.key_id


def test_the_same_ticket_id_from_two_terminals_is_two_tickets(dw: DoorWorld) -> None:
    (ours,) = dw.sell("S-A-14")
    door = dw.door()
    theirs, their_key = _foreign_code(dw, ours.id)
    assert door.scan(ours.barcode, now=dw.at_door).outcome is Outcome.ADMITTED
    # Window 2's key reached this store after the door opened: the door reloads its keys.
    assert door.scan(theirs, now=dw.at_door).outcome is Outcome.ADMITTED
    # A revocation names its key: only that terminal's ticket is refused.
    (other,) = dw.sell("S-A-15")
    theirs_too, _ = _foreign_code(dw, other.id)
    item = {"ticket_id": other.id, "key_id": their_key, "up_to_reissue": 0, "reason": "refunded"}
    with dw.world.store.write() as s:
        remote.apply_remote_revocation(s, item, dw.world.now)
    assert door.scan(theirs_too, now=dw.at_door).outcome is Outcome.REVOKED
    assert door.scan(other.barcode, now=dw.at_door).outcome is Outcome.ADMITTED


def test_a_revocation_without_key_refuses_every_ticket_with_that_id(dw: DoorWorld) -> None:
    (ours,) = dw.sell("S-A-14")
    theirs, _ = _foreign_code(dw, ours.id)
    door = dw.door()
    item = {"ticket_id": ours.id, "up_to_reissue": 0, "reason": "voided"}
    with dw.world.store.write() as s:
        remote.apply_remote_revocation(s, item, dw.world.now)
    assert door.scan(ours.barcode, now=dw.at_door).outcome is Outcome.REVOKED
    assert door.scan(theirs, now=dw.at_door).outcome is Outcome.REVOKED  # fail closed


def test_feed_redemption_event_from_the_server_and_the_echo_of_our_own(dw: DoorWorld) -> None:
    a, b = dw.sell("S-A-14", "S-A-15")
    door = dw.door()
    assert door.scan(a.barcode, now=dw.at_door).admit
    event = {  # exactly the server's "redemption" event data
        "serial": b.serial,
        "key_id": b.key_id,
        "ticket_id": b.id,
        "reissue": 0,
        "scanned_at": (dw.at_door - timedelta(minutes=4)).isoformat(),
        "terminal_id": 7,
        "gate": "East gate",
    }
    echo = {**event, "serial": a.serial, "ticket_id": a.id, "gate": "Main door"}
    echo["scanned_at"] = dw.at_door.isoformat()
    with dw.world.store.write() as s:
        assert remote.apply_remote_admission(s, event, dw.world.now) is Applied.NEW
        assert remote.apply_remote_admission(s, event, dw.world.now) is Applied.DUPLICATE
        assert remote.apply_remote_admission(s, echo, dw.world.now) is Applied.DUPLICATE
        report = stats.performance_stats(s, dw.world.performance)
    assert report.admitted == 2 and report.conflicts == []
    again = door.scan(b.barcode, now=dw.at_door)
    assert again.outcome is Outcome.ALREADY_ADMITTED
    assert again.previous is not None and again.previous.door == "East gate"
    assert again.previous.terminal == "terminal 7"
