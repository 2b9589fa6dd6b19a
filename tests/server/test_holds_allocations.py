"""Holds before payment, offline allocations, release in order, reclaim and its conflict."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update

from boxoffice.server import schemas as S
from boxoffice.server.db import ServerStore
from boxoffice.server.models import Hold, SeatClaim
from tests.server import helpers
from tests.server.conftest import enrol
from tests.server.helpers import push
from tests.server.test_operations import live_tickets


def hold(client: TestClient, token: str, seats: list[int], **extra) -> object:
    return client.post(
        "/api/v1/holds",
        json={"performance_id": 1, "seat_ids": seats, **extra},
        headers=helpers.auth(token),
    )


def test_hold_is_all_or_nothing_and_names_unavailable_seats(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    r = hold(client, terminal["token"], [1, 2, 3])
    assert r.status_code == 201 and r.json()["seat_ids"] == [1, 2, 3]
    S.HoldOut.model_validate(r.json())
    r2 = hold(client, other["token"], [3, 4, helpers.HOUSE_SEAT])
    assert r2.status_code == 409
    body = r2.json()
    assert body["error"] == "seats_unavailable"
    assert body["unavailable"] == [
        {"seat_id": 3, "reason": "held"},
        {"seat_id": helpers.HOUSE_SEAT, "reason": "house_hold"},
    ]
    # nothing was taken: seat 4 is still free for anyone
    assert hold(client, other["token"], [4]).status_code == 201
    # the other terminal cannot sell the held seat; the holder can
    b = helpers.Seller("W2")
    rb = push(client, other["token"], [b.op("sale", b.sale([2]))])["results"][0]
    assert rb["status"] == "conflict"
    a = helpers.Seller("W1")
    ra = push(client, terminal["token"], [a.op("sale", a.sale([1, 2]))])["results"][0]
    assert ra["status"] == "applied"
    # releasing frees what was not sold
    hold_id = r.json()["hold_id"]
    assert (
        client.delete(
            f"/api/v1/holds/{hold_id}", headers=helpers.auth(terminal["token"])
        ).status_code
        == 204
    )
    assert hold(client, other["token"], [3]).status_code == 201
    assert live_tickets(server_store, 1) == 1


def test_expired_hold_frees_its_seats(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    assert hold(client, terminal["token"], [5], ttl_seconds=30).status_code == 201
    assert hold(client, other["token"], [5]).status_code == 409
    past = datetime.now(UTC) - timedelta(seconds=1)
    with server_store.session() as s:
        s.execute(update(SeatClaim).where(SeatClaim.kind == "hold").values(expires_at=past))
        s.execute(update(Hold).values(expires_at=past))
    assert hold(client, other["token"], [5]).status_code == 201


def test_hold_refuses_bad_input(client: TestClient, terminal: dict) -> None:
    assert hold(client, terminal["token"], [999]).status_code == 422
    assert hold(client, terminal["token"], [1, 1]).status_code == 422
    assert hold(client, terminal["token"], [1], ttl_seconds=99999).status_code == 422
    off = client.post(
        "/api/v1/holds",
        json={"performance_id": 2, "seat_ids": [1]},
        headers=helpers.auth(terminal["token"]),
    )
    assert off.status_code == 409 and off.json()["error"] == "not_on_sale"
    ga = client.post(
        "/api/v1/holds",
        json={"performance_id": 1, "ga_area_id": 1, "quantity": 11},
        headers=helpers.auth(terminal["token"]),
    )
    assert ga.status_code == 409 and ga.json()["available"] == helpers.GA_CAPACITY


def allocate(client: TestClient, token: str, seats: list[int], **extra) -> object:
    expires = (datetime.now(UTC) + timedelta(hours=6)).isoformat()
    return client.post(
        "/api/v1/allocations",
        json={
            "performance_id": 1,
            "seat_ids": seats,
            "expires_at": expires,
            "requested_by": "sue",
        }
        | extra,
        headers=helpers.auth(token),
    )


def test_offline_terminal_sells_its_allocation_and_releases_the_rest(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    r = allocate(client, terminal["token"], [20, 21, 22, 23])
    assert r.status_code == 201
    S.AllocationOut.model_validate(r.json())
    alloc = r.json()
    listed = client.get("/api/v1/allocations", headers=helpers.auth(terminal["token"])).json()
    assert [a["seat_ids"] for a in listed["allocations"]] == [[20, 21, 22, 23]]
    # nobody else can take them meanwhile
    assert hold(client, other["token"], [21]).status_code == 409
    b = helpers.Seller("W2")
    assert (
        push(client, other["token"], [b.op("sale", b.sale([22]))])["results"][0]["status"]
        == "conflict"
    )
    # offline: two sales from the allocation, then the release, pushed later in order
    a = helpers.Seller("W1")
    ops = [
        a.op("sale", a.sale([20], offline=True)),
        a.op("sale", a.sale([21], offline=True)),
        a.op("allocation_release", {"allocation_id": alloc["allocation_id"], "seat_ids": None}),
    ]
    out = push(client, terminal["token"], ops)
    assert [x["status"] for x in out["results"]] == ["applied"] * 3
    assert "notices" not in out["results"][0]["result"]
    assert out["results"][2]["result"]["seats_freed"] == [22, 23]
    assert out["results"][2]["result"]["state"] == "released"
    assert live_tickets(server_store, 20) == 1 and live_tickets(server_store, 21) == 1
    assert hold(client, other["token"], [22, 23]).status_code == 201


def test_reclaimed_allocation_gives_a_visible_conflict_not_a_double_sale(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    admin = helpers.admin_token(server_store)
    alloc = allocate(client, terminal["token"], [30, 31]).json()
    early = client.post(
        f"/api/v1/admin/allocations/{alloc['allocation_id']}/reclaim",
        json={},
        headers=helpers.auth(admin),
    )
    assert early.status_code == 409 and early.json()["error"] == "allocation_not_expired"
    r = client.post(
        f"/api/v1/admin/allocations/{alloc['allocation_id']}/reclaim",
        json={"force": True},
        headers=helpers.auth(admin),
    )
    assert r.status_code == 200 and r.json()["seats_freed"] == [30, 31]
    # seat 30 is resold online by Window 2; Window 1, offline, sold both from its allocation
    b = helpers.Seller("W2")
    assert (
        push(client, other["token"], [b.op("sale", b.sale([30]))])["results"][0]["status"]
        == "applied"
    )
    a = helpers.Seller("W1")
    out = push(
        client,
        terminal["token"],
        [a.op("sale", a.sale([30], offline=True)), a.op("sale", a.sale([31], offline=True))],
    )
    taken, free = out["results"]
    assert taken["status"] == "conflict" and taken["conflict"]["reason"] == "seat_taken"
    assert free["status"] == "applied"
    assert [n["reason"] for n in free["result"]["notices"]] == ["not_allocated"]
    assert live_tickets(server_store, 30) == 1 and live_tickets(server_store, 31) == 1
    reasons = sorted(
        c["reason"]
        for c in client.get("/api/v1/admin/conflicts", headers=helpers.auth(admin)).json()[
            "conflicts"
        ]
    )
    assert reasons == ["not_allocated", "seat_taken"]


def test_ga_allocation_and_capacity(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    r = allocate(client, terminal["token"], [], ga_area_id=1, quantity=4)
    assert r.status_code == 201
    b = helpers.Seller("W2")
    # 10 places, 4 allocated to W1: W2 gets 6, the 7th is a conflict
    assert (
        push(client, other["token"], [b.op("sale", b.sale([], ga=6))])["results"][0]["status"]
        == "applied"
    )
    assert (
        push(client, other["token"], [b.op("sale", b.sale([], ga=1))])["results"][0]["status"]
        == "conflict"
    )
    a = helpers.Seller("W1")
    out = push(
        client,
        terminal["token"],
        [
            a.op("sale", a.sale([], ga=3, offline=True)),
            a.op(
                "allocation_release", {"allocation_id": r.json()["allocation_id"], "quantity": None}
            ),
        ],
    )
    assert out["results"][0]["status"] == "applied"
    assert out["results"][1]["result"]["quantity_returned"] == 1
    assert (
        push(client, other["token"], [b.op("sale", b.sale([], ga=1))])["results"][0]["status"]
        == "applied"
    )


def test_allocation_refuses_bad_input(client: TestClient, terminal: dict) -> None:
    clerk = allocate(client, terminal["token"], [1], requested_by="clara")
    assert clerk.status_code == 403 and "allocation_manage" in clerk.json()["message"]
    assert allocate(client, terminal["token"], [1], requested_by="nobody").status_code == 403
    assert allocate(client, terminal["token"], [1], requested_by="system").status_code == 201
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    r = client.post(
        "/api/v1/allocations",
        json={"performance_id": 1, "seat_ids": [1], "expires_at": past, "requested_by": "sue"},
        headers=helpers.auth(terminal["token"]),
    )
    assert r.status_code == 422 and "future" in r.json()["message"]
    release = helpers.envelope(1, "allocation_release", {"allocation_id": 4242})
    out = push(client, terminal["token"], [release])["results"][0]
    assert out["status"] == "rejected" and out["error"]["error"] == "unknown_allocation"


def test_held_ga_places_become_the_sale(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    h = client.post(
        "/api/v1/holds",
        json={"performance_id": 1, "ga_area_id": 1, "quantity": 4},
        headers=helpers.auth(terminal["token"]),
    )
    assert h.status_code == 201
    b = helpers.Seller("W2")  # the other 6 places go to Window 2
    assert (
        push(client, other["token"], [b.op("sale", b.sale([], ga=6))])["results"][0]["status"]
        == "applied"
    )
    a = helpers.Seller("W1")  # the house is full, but Window 1 sells what it held
    out = push(client, terminal["token"], [a.op("sale", a.sale([], ga=4))])["results"][0]
    assert out["status"] == "applied"
    assert (
        push(client, other["token"], [b.op("sale", b.sale([], ga=1))])["results"][0]["status"]
        == "conflict"
    )
