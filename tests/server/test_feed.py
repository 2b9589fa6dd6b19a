"""The change feed: cursor, kinds, catch-up, catalogue snapshot, concurrent writers."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from boxoffice.server import catalogue, feed
from boxoffice.server.db import ServerStore
from tests.server import helpers
from tests.server.helpers import push, read_all


def test_catch_up_from_cursor(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    snap = client.get("/api/v1/catalogue", headers=helpers.auth(terminal["token"])).json()
    assert len(snap["tables"]["seats"]) == helpers.SEATS
    assert snap["tables"]["performances"][0]["status"] == "on_sale"
    cursor = snap["cursor"]
    seller = helpers.Seller("W1")
    sale = seller.sale([1, 2])
    push(client, terminal["token"], [seller.op("sale", sale)])
    events, cursor = read_all(client, terminal["token"], cursor, at_least=2)
    sold = [(e["kind"], e["data"]["seat_id"], e["data"]["state"]) for e in events]
    assert sold == [("seat_state", 1, "sold"), ("seat_state", 2, "sold")]
    # nothing new: same cursor back, no events
    again, same = read_all(client, terminal["token"], cursor)
    assert again == [] and same == cursor
    # a catalogue edit reaches a terminal that was away
    tables = helpers.small_catalogue()
    tables["performances"][1]["status"] = "on_sale"
    with server_store.session() as s:
        catalogue.import_tables(s, {"performances": tables["performances"]})
    edits: list[dict] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        events, cursor = read_all(client, terminal["token"], cursor)
        edits += [e["data"] for e in events if e["kind"] == "catalogue"]
        if edits and edits[-1]["row"].get("status") == "on_sale":
            break
        time.sleep(0.05)
    # Only the changed row is new. (On a PostgreSQL where another transaction was
    # running at the snapshot, rows from before it may come again: upserts, harmless.)
    assert (
        edits[-1]["table"],
        edits[-1]["row"]["id"],
        edits[-1]["row"]["status"],
    ) == ("performances", 2, "on_sale")
    assert all(e["row"]["status"] != "on_sale" or e["row"]["id"] != 2 for e in edits[:-1])


def test_paging_delivers_each_event_once_in_order(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    push(client, terminal["token"], [seller.op("sale", seller.sale([s])) for s in range(1, 21)])
    events, _ = read_all(client, terminal["token"], None, limit=3, at_least=20)
    seats = [e["data"]["seat_id"] for e in events if e["kind"] == "seat_state"]
    assert seats == list(range(1, 21))
    seqs = [e["seq"] for e in events]
    assert len(seqs) == len(set(seqs))


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_reader_never_skips_an_event_of_a_slow_writer(server_store: ServerStore) -> None:
    """A transaction that took its seq first but commits last is not jumped over."""
    slow_started, fast_done = threading.Event(), threading.Event()

    def slow() -> None:
        with server_store.session() as s:
            feed.emit(s, "seat_state", {"who": "slow"})
            s.flush()
            slow_started.set()
            fast_done.wait(10)

    t = threading.Thread(target=slow)
    t.start()
    slow_started.wait(10)
    with server_store.session() as s:
        start = feed.snapshot_cursor(s)
    with server_store.session() as s:
        feed.emit(s, "seat_state", {"who": "fast"})
    with server_store.session() as s:
        seen, cursor, _ = feed.read(s, feed.Cursor(), 1000)
    # the fast writer committed, but the slow one (older tx, lower seq) still runs:
    # the reader holds back rather than hand out a cursor beyond the slow event
    assert [e["data"].get("who") for e in seen if "who" in e["data"]] == []
    fast_done.set()
    t.join()
    seen: list[dict] = []
    deadline = time.monotonic() + 10
    while len(seen) < 2 and time.monotonic() < deadline:
        with server_store.session() as s:
            page, cursor, _ = feed.read(s, cursor, 1000)
        seen += [e for e in page if "who" in e["data"]]
    assert [e["data"]["who"] for e in seen if "who" in e["data"]] == ["slow", "fast"]
    assert start is not None
