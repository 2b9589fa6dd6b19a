"""A batch's seats are claimed set-wise, with the outcome applying them one by one gives."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import event, select

from boxoffice.server.db import ServerStore
from boxoffice.server.models import SeatClaim
from tests.server import helpers
from tests.server.conftest import enrol
from tests.server.helpers import push
from tests.server.test_holds_allocations import allocate, hold
from tests.server.test_operations import live_tickets


def claims(store: ServerStore, seats: list[int]) -> dict[int, tuple[str, str | None]]:
    with store.read() as s:
        rows = s.execute(
            select(SeatClaim.seat_id, SeatClaim.kind, SeatClaim.ticket_serial).where(
                SeatClaim.performance_id == 1, SeatClaim.seat_id.in_(seats)
            )
        ).all()
    return {seat: (kind, serial) for seat, kind, serial in rows}


def test_one_batch_mixing_allocated_held_blocked_and_released_seats(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    other = enrol(client, server_store, "Window 2", "W2")
    alloc = allocate(client, terminal["token"], [10, 11, 12, 13]).json()
    assert hold(client, terminal["token"], [14]).status_code == 201
    assert hold(client, other["token"], [15]).status_code == 201
    b = helpers.Seller("W2")
    assert push(client, other["token"], [b.op("sale", b.sale([16]))])["results"][0]["status"] == (
        "applied"
    )
    a = helpers.Seller("W1")
    ops = [
        a.op("sale", a.sale([10, 11], offline=True)),  # allocated: both convert
        a.op("sale", a.sale([14])),  # held by this terminal
        a.op("sale", a.sale([15, 17], offline=True)),  # 15 held by W2; 17 free
        a.op("sale", a.sale([16], offline=True)),  # sold by W2
        a.op("sale", a.sale([10], offline=True)),  # sold a moment ago in this batch
        a.op("allocation_release", {"allocation_id": alloc["allocation_id"], "seat_ids": [12]}),
        a.op("sale", a.sale([12], offline=True)),  # released just before: free, not allocated
        a.op("sale", a.sale([13], offline=True)),  # still allocated
    ]
    results = push(client, terminal["token"], ops)["results"]
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "conflict",
        "conflict",
        "conflict",
        "applied",
        "applied",
        "applied",
    ]
    assert "notices" not in results[0]["result"] and "notices" not in results[1]["result"]
    # 17 was free (sold offline outside the allocation), 15 is W2's hold
    assert [n["reason"] for n in results[2]["result"]["notices"]] == ["not_allocated"]
    blocked = results[2]["conflict"]["server_facts"]["blocked_by"]
    assert [(x["seat_id"], x["claim"]) for x in blocked] == [(15, "hold")]
    assert results[3]["conflict"]["server_facts"]["blocked_by"][0]["claim"] == "sale"
    assert results[4]["conflict"]["server_facts"]["blocked_by"][0]["claim"] == "sale"
    assert [n["reason"] for n in results[6]["result"]["notices"]] == ["not_allocated"]
    assert "notices" not in results[7]["result"]
    # every claim carries the serial of the ticket that took it (refunds free by serial)
    serial = {t["serial"]: t["status"] for r in results for t in r["result"].get("tickets", [])}
    got = claims(server_store, [10, 11, 12, 13, 14, 15, 16, 17])
    assert {seat: kind for seat, (kind, _s) in got.items()} == {
        10: "sale",
        11: "sale",
        12: "sale",
        13: "sale",
        14: "sale",
        15: "hold",
        16: "sale",
        17: "sale",
    }
    for seat in (10, 11, 12, 13, 14, 17):
        assert serial[got[seat][1]] == "valid"
        assert live_tickets(server_store, seat) == 1
    assert live_tickets(server_store, 16) == 1 and live_tickets(server_store, 15) == 0


def test_a_batch_of_allocated_sales_costs_statements_per_batch_not_per_sale(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    """The offline backlog budget (10,000 sales in 20 s) rests on this."""
    seats = list(range(1, 51))
    assert allocate(client, terminal["token"], seats).status_code == 201
    a = helpers.Seller("W1")
    ops = [a.op("sale", a.sale([seat], offline=True)) for seat in seats]
    statements: list[str] = []

    def count(_conn, _cur, stmt, *_args) -> None:
        statements.append(stmt)

    event.listen(server_store.engine, "before_cursor_execute", count)
    try:
        results = push(client, terminal["token"], ops)["results"]
    finally:
        event.remove(server_store.engine, "before_cursor_execute", count)
    assert [r["status"] for r in results] == ["applied"] * 50
    assert all("notices" not in r["result"] for r in results)
    assert len(statements) <= 25, statements
    assert all(live_tickets(server_store, seat) == 1 for seat in (1, 25, 50))
