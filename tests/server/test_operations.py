"""Operations: exactly once, in order, one live sale per seat, conflicts with both facts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from boxoffice.server import schemas as S
from boxoffice.server.db import ServerStore
from boxoffice.server.models import Receipt, SeatClaim, ServerOrder, ServerPayment, ServerTicket
from tests.server import helpers
from tests.server.conftest import enrol
from tests.server.helpers import push, wait_for_kind


def live_tickets(store: ServerStore, seat: int, performance: int = 1) -> int:
    with store.session() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(ServerTicket)
                .where(
                    ServerTicket.performance_id == performance,
                    ServerTicket.seat_id == seat,
                    ServerTicket.status == "valid",
                )
            )
            or 0
        )


def test_replay_returns_first_result_and_books_once(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    op = seller.op("sale", seller.sale([1, 2]))
    first = push(client, terminal["token"], [op], clock_offset_ms=-250)
    S.PushOut.model_validate(first)  # the reply is what the OpenAPI document says
    assert first["results"][0]["status"] == "applied" and first["last_seq"] == 1
    again = push(client, terminal["token"], [op])
    S.PushOut.model_validate(again)
    r = again["results"][0]
    assert r["status"] == "replayed" and r["first_status"] == "applied"
    assert r["result"] == first["results"][0]["result"]
    with server_store.session() as s:
        assert s.scalar(select(func.count()).select_from(ServerOrder)) == 1
        assert s.scalar(select(func.count()).select_from(ServerPayment)) == 1
        receipt = s.scalar(select(Receipt))
        assert receipt is not None and receipt.clock_offset_ms == -250
        assert (
            receipt.client_time.tzinfo is not None
            and receipt.received_at >= receipt.client_time - timedelta(minutes=1)
        )
    assert live_tickets(server_store, 1) == 1


def test_same_key_different_body_is_422_and_nothing_applied(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    op = seller.op("sale", seller.sale([1]))
    push(client, terminal["token"], [op])
    changed = {**op, "body": {**op["body"], "total": 1}}
    later = seller.op("sale", seller.sale([5]))
    r = client.post(
        "/api/v1/operations",
        json={"operations": [changed, later]},
        headers=helpers.auth(terminal["token"]),
    )
    assert r.status_code == 422
    assert r.json()["error"] == "idempotency_key_reused"
    assert r.json()["idempotency_key"] == op["idempotency_key"]
    assert live_tickets(server_store, 5) == 0


def test_two_terminals_one_seat_one_sale_and_a_conflict_with_facts(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    a, b = helpers.Seller("W1"), helpers.Seller("W2")
    ra = push(client, terminal["token"], [a.op("sale", a.sale([7]))])["results"][0]
    sale_b = b.sale([7, 8])
    rb = push(client, other["token"], [b.op("sale", sale_b)])["results"][0]
    assert ra["status"] == "applied"
    assert rb["status"] == "conflict"
    facts = rb["conflict"]
    assert facts["reason"] == "seat_taken"
    assert facts["server_facts"]["blocked_by"][0]["ticket_serial"] == "W1-T0000001"
    assert facts["client_facts"]["paid"] == sale_b["total"]  # the money taken is on record
    statuses = {t["serial"]: t["status"] for t in rb["result"]["tickets"]}
    assert statuses == {"W2-T0000001": "conflict", "W2-T0000002": "valid"}
    assert live_tickets(server_store, 7) == 1 and live_tickets(server_store, 8) == 1
    with server_store.session() as s:  # payments of the conflicting order are kept
        order = s.scalar(select(ServerOrder).where(ServerOrder.uuid == sale_b["uuid"]))
        assert order is not None and order.status == "conflict"
        assert (
            s.scalar(
                select(func.count())
                .select_from(ServerPayment)
                .where(ServerPayment.order_id == order.id)
            )
            == 1
        )
    admin = helpers.admin_token(server_store)
    reply = client.get("/api/v1/admin/conflicts", headers=helpers.auth(admin)).json()
    listed = S.ConflictsOut.model_validate(reply).model_dump()["conflicts"]
    assert [c["reason"] for c in listed] == ["seat_taken"]
    mine = client.get("/api/v1/conflicts", headers=helpers.auth(other["token"])).json()
    assert len(mine["conflicts"]) == 1
    theirs = client.get("/api/v1/conflicts", headers=helpers.auth(terminal["token"])).json()
    assert theirs["conflicts"] == []
    r = client.post(
        f"/api/v1/admin/conflicts/{listed[0]['id']}/resolve",
        json={"resolution": "refund_customer", "resolved_by": "sue", "note": "refunded at W2"},
        headers=helpers.auth(admin),
    )
    assert r.status_code == 200 and r.json()["state"] == "resolved"
    assert (
        client.get("/api/v1/admin/conflicts", headers=helpers.auth(admin)).json()["conflicts"] == []
    )
    bad = client.post(
        f"/api/v1/admin/conflicts/{listed[0]['id']}/resolve",
        json={"resolution": "shrug", "resolved_by": "sue"},
        headers=helpers.auth(admin),
    )
    assert bad.status_code in (409, 422)


def test_the_database_refuses_a_second_live_claim(server_store: ServerStore) -> None:
    """Invariant 1 does not rest on code: a plain INSERT of a second claim fails."""
    from sqlalchemy.exc import IntegrityError

    now = datetime.now(UTC)
    with server_store.session() as s:
        s.add(SeatClaim(performance_id=1, seat_id=3, kind="sale", created_at=now))
    with pytest.raises(IntegrityError), server_store.session() as s:
        s.add(SeatClaim(performance_id=1, seat_id=3, kind="sale", created_at=now))
        s.flush()


def test_house_seat_and_unknown_performance(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    house = push(client, terminal["token"], [seller.op("sale", seller.sale([helpers.HOUSE_SEAT]))])
    assert house["results"][0]["status"] == "conflict"
    assert house["results"][0]["conflict"]["server_facts"]["blocked_by"][0]["claim"] == "house"
    ghost = push(client, terminal["token"], [seller.op("sale", seller.sale([1], performance=99))])
    r = ghost["results"][0]
    assert r["status"] == "rejected" and r["error"]["error"] == "unknown_performance"
    assert ghost["last_seq"] == 2  # stored: a replay gives the same answer
    assert push(client, terminal["token"], [])["last_seq"] == 2


def test_out_of_order_is_refused_not_reordered(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    early, late = seller.op("sale", seller.sale([1])), seller.op("sale", seller.sale([2]))
    push(client, terminal["token"], [late])
    r = push(client, terminal["token"], [early])["results"][0]
    assert r["status"] == "out_of_order" and r["error"]["last_seq"] == 2
    assert live_tickets(server_store, 1) == 0


def test_refund_frees_seat_revokes_and_second_refund_is_a_conflict(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    sale = seller.sale([4])
    serial = sale["tickets"][0]["serial"]
    refund = {
        "order": sale["uuid"],
        "tickets": [serial],
        "ticket_ids": [1],
        "gross": 2500,
        "fee": 0,
        "net": 2500,
        "reason": "ill",
        "tenders": [["cash", 2500]],
    }
    out = push(client, terminal["token"], [seller.op("sale", sale), seller.op("refund", refund)])
    assert [r["status"] for r in out["results"]] == ["applied", "applied"]
    assert live_tickets(server_store, 4) == 0
    revocations = wait_for_kind(client, terminal["token"], "revocation", 1)
    assert revocations == [
        {
            "serial": serial,
            "key_id": terminal["key_id"],
            "ticket_id": 1,
            "terminal_id": terminal["terminal_id"],
            "up_to_reissue": 0,
            "reason": "refunded",
        }
    ]
    again = push(client, terminal["token"], [seller.op("refund", refund)])["results"][0]
    assert again["status"] == "conflict" and again["conflict"]["reason"] == "already_refunded"
    # the freed seat can be sold again
    assert (
        push(client, terminal["token"], [seller.op("sale", seller.sale([4]))])["results"][0][
            "status"
        ]
        == "applied"
    )


def test_first_admission_by_scan_time_wins(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    door = enrol(client, server_store, "Door 1", "D1")
    door2 = enrol(client, server_store, "Door 2", "D2")
    seller = helpers.Seller("W1")
    sale = seller.sale([9])
    push(client, terminal["token"], [seller.op("sale", sale)])
    serial = sale["tickets"][0]["serial"]
    t0 = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)

    def scan(at: datetime) -> dict:
        return {"serial": serial, "reissue": 0, "scanned_at": at.isoformat(), "gate": "A"}

    # Door 2 scanned later but syncs first; Door 1 scanned earlier, syncs second.
    r2 = push(
        client, door2["token"], [helpers.envelope(1, "admission", scan(t0 + timedelta(minutes=5)))]
    )
    assert r2["results"][0]["status"] == "applied"
    r1 = push(client, door["token"], [helpers.envelope(1, "admission", scan(t0))])["results"][0]
    assert r1["status"] == "conflict" and r1["conflict"]["reason"] == "already_redeemed"
    assert r1["conflict"]["client_facts"]["winner"] is True
    assert r1["conflict"]["server_facts"]["winner"] is False
    r3 = push(
        client, door["token"], [helpers.envelope(2, "admission", scan(t0 + timedelta(minutes=9)))]
    )
    assert r3["results"][0]["conflict"]["client_facts"]["winner"] is False
    fake = push(
        client, door["token"], [helpers.envelope(3, "admission", {**scan(t0), "serial": "ZZ-1"})]
    )
    assert fake["results"][0]["conflict"]["reason"] == "ticket_unknown"


def test_late_sale_for_closed_shift_is_booked_visibly(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    now = datetime.now(UTC).isoformat()
    ops = [
        seller.op(
            "shift_open",
            {"shift": 7, "user": "sue", "float": 10000, "currency": "EUR", "opened_at": now},
        ),
        seller.op(
            "cash_movement",
            {"shift": 7, "kind": "drop", "amount": -5000, "currency": "EUR", "reason": "safe"},
        ),
        seller.op(
            "shift_close",
            {
                "shift": 7,
                "user": "sue",
                "closed_at": now,
                "expected": 5000,
                "counted": 5000,
                "variance": 0,
                "unsynced_operations": 1,
            },
        ),
        seller.op("sale", seller.sale([11], shift=7)),
    ]
    out = push(client, terminal["token"], ops)
    assert [r["status"] for r in out["results"]] == ["applied"] * 4
    notices = out["results"][3]["result"]["notices"]
    assert [n["reason"] for n in notices] == ["late_for_closed_shift"]
    assert live_tickets(server_store, 11) == 1


def test_money_must_be_integers(client: TestClient, terminal: dict) -> None:
    seller = helpers.Seller("W1")
    sale = seller.sale([1])
    sale["total"] = 25.0
    r = push(client, terminal["token"], [seller.op("sale", sale)])["results"][0]
    assert r["status"] == "rejected" and "total" in r["error"]["message"]


def test_z_report_closes_the_shift_and_a_late_sale_is_noticed(
    client: TestClient, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    z = helpers.z_report(1, 3, closed_at="2030-01-01T17:00:00+00:00")
    out = push(
        client,
        terminal["token"],
        [
            seller.op("z_report", z, key="z:Window 1:1"),
            seller.op("sale", seller.sale([12], shift=3)),
        ],
    )
    assert out["results"][0]["status"] == "applied"
    assert [n["reason"] for n in out["results"][1]["result"]["notices"]] == [
        "late_for_closed_shift"
    ]


def test_door_admission_body_travels_to_other_doors_and_will_call_is_kept(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    door = enrol(client, server_store, "Door 1", "D1")
    seller = helpers.Seller("W1")
    sale = seller.sale([13])
    push(client, terminal["token"], [seller.op("sale", sale)])
    serial = sale["tickets"][0]["serial"]
    scan = {
        "serial": serial,
        "key_id": terminal["key_id"],
        "ticket_id": 1,
        "reissue": 0,
        "scanned_at": "2030-01-01T19:00:00+00:00",
        "gate": "North",
        "re_entry": False,
        "uuid": "8f1d2c3a-1111-4222-8333-944455556666",
        "performance_id": 1,
        "kind": "entry",
        "door": "North",
        "terminal": "Door 1",
        "user": "dora",
        "order_uuid": sale["uuid"],
    }
    r = push(client, door["token"], [helpers.envelope(1, "admission", scan, key=scan["uuid"])])
    assert r["results"][0]["status"] == "applied"
    event = wait_for_kind(client, terminal["token"], "redemption", 1)[0]
    assert event["uuid"] == scan["uuid"] and event["door"] == "North"
    assert event["terminal_id"] == door["terminal_id"] and event["serial"] == serial
    # With re-entry the holder goes out: other doors hear of it, nothing is admitted again.
    exit_scan = {
        **scan,
        "uuid": "8f1d2c3a-2222-4222-8333-944455556666",
        "kind": "exit",
        "scanned_at": "2030-01-01T20:00:00+00:00",
    }
    out_r = push(
        client, door["token"], [helpers.envelope(2, "admission", exit_scan, key=exit_scan["uuid"])]
    )["results"][0]
    assert out_r["status"] == "applied" and out_r["result"]["exit"] is True
    went_out = wait_for_kind(client, terminal["token"], "redemption", 2)[1]
    assert went_out["kind"] == "exit" and went_out["uuid"] == exit_scan["uuid"]
    will_call = {
        "order": sale["uuid"],
        "ticket_ids": [1],
        "tickets": [serial],
        "reprinted": [],
        "reason": "",
    }
    voucher = {
        "kind": "voucher",
        "code": "GIFT-1",
        "at": "2030-01-01T18:00:00+00:00",
        "amount": 500,
        "currency": "EUR",
        "reason": "scanner broken",
    }
    out = push(
        client,
        terminal["token"],
        [seller.op("will_call", will_call), seller.op("manual_redemption", voucher)],
    )
    assert [x["status"] for x in out["results"]] == ["applied", "applied"]
    bad = push(client, terminal["token"], [seller.op("will_call", {"tickets": []})])
    assert bad["results"][0]["status"] == "rejected"
