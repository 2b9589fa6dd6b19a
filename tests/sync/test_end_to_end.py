"""The sync client against a real central server (uvicorn, SQLite and PostgreSQL).

What a box office would notice: offline sales from an allocation reach the
server after reconnecting; a lost reply never makes a second sale; the
terminal knows within 2 s that the server is gone; a seat taken while we were
offline is a visible conflict and the money stays booked.
"""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from boxoffice.clock import utc_now
from boxoffice.ops import sell as sell_op
from boxoffice.sales import checkout, holds
from boxoffice.store.models import (
    Allocation,
    Order,
    OrderStatus,
    OutboxEntry,
    OutboxState,
    Payment,
)
from boxoffice.sync import allocations, conflicts, terminal
from boxoffice.sync.client import ServerClient
from boxoffice.sync.errors import ServerUnreachable
from boxoffice.sync.worker import SyncWorker
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur, terminal_context
from tests.sync.harness import RunningServer, link, other_terminal, sync_until


def _worker(world: World, client: ServerClient, **kw: float) -> SyncWorker:
    return SyncWorker(world.store, client, terminal="Window 1", **kw)  # type: ignore[arg-type]


def _sell(world: World, worker: SyncWorker, client: ServerClient, *guids: str) -> Order:
    assert worker.transport is client
    done = sell_op.sell(
        _ctx(world, worker), world.clerk, cart(world, *guids), [checkout.Cash(eur("500"))]
    ).value
    with world.store.read() as s:
        return s.get_one(Order, done.order_id)


def _ctx(world: World, worker: SyncWorker):  # type: ignore[no-untyped-def]
    """The terminal context of a till whose sync link is ``worker`` (its client, status, wake)."""
    return terminal_context(world, sync=worker, clock=utc_now)


def _server_seats(server: RunningServer, performance: int) -> dict[int, str]:
    """Seat id → live ticket status on the server."""
    rows = server.query(
        "select seat_id, status from server_tickets where performance_id = :p "
        "and status in ('valid', 'reserved')",
        p=performance,
    )
    return {seat: status for seat, status in rows}


def _outbox_states(world: World) -> dict[OutboxState, int]:
    with world.store.read() as s:
        rows = s.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state))
        return {state: n for state, n in rows}


def conflict_ref(world: World) -> str:
    from boxoffice.store.models import SyncConflict

    with world.store.read() as s:
        ref = s.scalar(select(SyncConflict.server_ref))
    assert ref is not None
    return ref


@pytest.fixture
def linked(world: World, server: RunningServer, ring):  # type: ignore[no-untyped-def]
    server.import_catalogue(world.store)
    client = link(world.store, server, ring, world.signer)
    yield client
    client.close()


def test_enrolment_keeps_the_token_in_the_keyring_and_registers_the_ticket_key(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:
    token = linked.tokens.get()
    assert token and token.startswith("bxt_")
    with world.store.read() as s:
        from boxoffice import settings

        assert settings.get(s, "terminal.prefix") == "W1"
    info = linked.terminal()
    assert info.key_id == world.signer.key_id and info.name == "Window 1"
    # The key is now a trusted ticket key in the server's catalogue.
    keys = server.query("select row_id from catalogue_rows where table_name = 'ticket_keys'")
    assert (world.signer.key_id,) in keys
    # A made-up code enrols nobody, and no token is kept.
    import base64

    from boxoffice.sales import signing_keys
    from boxoffice.sync.errors import NotEnrolled, ServerRefused

    fresh = ServerClient(linked.config, type(linked.tokens)(linked.base, "/x", ring))
    key = base64.b64encode(signing_keys.public_bytes(signing_keys.generate())).decode()
    with pytest.raises(ServerRefused, match=r"\(401\)"):
        fresh.enrol("AAAA-BBBB-CCCC", key)
    assert fresh.tokens.get() is None
    with pytest.raises(NotEnrolled, match="not enrolled"):
        fresh.terminal()


def test_offline_terminal_sells_its_allocation_then_reconnects_and_reconciles(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:
    worker = _worker(world, linked)
    worker.sync_once()
    assert worker.status.online
    block = ["S-A-1", "S-A-2", "S-A-3", "S-A-4"]
    grant = allocations.request(
        world.store,
        world.supervisor,
        linked,
        world.performance,
        seat_ids=[world.seats[g] for g in block],
        expires_at=utc_now() + timedelta(hours=6),
    )
    assert sorted(grant.seat_ids or []) == sorted(world.seats[g] for g in block)
    # Asking the server again (after a reinstall, say) does not double the block.
    assert allocations.refresh(world.store, linked, "Window 1") == 1
    with world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Allocation)) == 4

    server.stop()  # the network goes
    with pytest.raises(ServerUnreachable):
        worker.sync_once()
    assert worker.status.offline

    first = _sell(world, worker, linked, "S-A-1", "S-A-2")
    second = _sell(world, worker, linked, "S-A-3")
    # Outside the allocation: refused, naming the seat.
    with pytest.raises(holds.SeatsUnavailable, match="not allocated to Window 1"):
        _sell(world, worker, linked, "S-B-1")
    allocations.release(world.store, world.supervisor, grant.allocation_id)
    assert worker.status.waiting == 0  # not refreshed yet: the worker publishes per round
    with pytest.raises(ServerUnreachable):
        worker.sync_once()
    assert worker.status.waiting == 3  # two sales and the release, in that order

    server.start()  # the network is back
    worker.sync_once()
    assert worker.status.online and worker.status.waiting == 0
    assert worker.status.conflicts == 0
    assert _outbox_states(world) == {OutboxState.ACKNOWLEDGED: 3}
    seats = _server_seats(server, world.performance)
    assert {world.seats[g] for g in ("S-A-1", "S-A-2", "S-A-3")} <= set(seats)
    orders = server.query("select uuid, status from server_orders order by id")
    assert orders == [(first.uuid, "paid"), (second.uuid, "paid")]
    # The unsold seat went back: another terminal can hold it now, not a sold one.
    other = other_terminal(server, ring, "Window 2")
    assert other.place_hold(world.performance, [world.seats["S-A-4"]]).seat_ids
    with pytest.raises(holds.SeatsUnavailable, match="sold"):
        sell_op.hold_on_server(_ctx(world, worker), other, cart(world, "S-A-1"))
    with world.store.read() as s:
        assert all(a.released_at is not None for a in s.scalars(select(Allocation)))


def test_a_reply_lost_after_the_server_committed_gives_one_sale(
    world: World, server: RunningServer, ring
) -> None:
    class LoseFirstReply(httpx.HTTPTransport):
        """The server gets the batch and commits; the reply never arrives."""

        lost = 0

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if request.url.path.endswith("/operations") and self.lost == 0:
                response.read()
                response.close()
                self.lost += 1
                raise httpx.ReadError("connection reset after the request was sent")
            return response

    server.import_catalogue(world.store)
    lossy = LoseFirstReply()
    client = link(world.store, server, ring, world.signer, transport=lossy)
    worker = _worker(world, client)
    worker.sync_once()  # online: the sale holds its seats on the server first
    order = _sell(world, worker, client, "S-C-5", "S-C-6")
    with pytest.raises(ServerUnreachable, match="no answer"):
        worker.push_backlog()
    assert lossy.lost == 1
    assert server.query("select count(*) from server_orders") == [(1,)]  # it did commit
    assert _outbox_states(world) == {OutboxState.IN_FLIGHT: 1}
    worker.sync_once()  # the retry: same key, the server answers its first result
    assert server.query("select count(*) from server_orders") == [(1,)]
    assert server.query("select count(*) from server_tickets") == [(2,)]
    with world.store.read() as s:
        entry = s.scalar(select(OutboxEntry))
        assert entry is not None
        assert entry.state == OutboxState.ACKNOWLEDGED and entry.attempts == 2
        assert order.uuid in (entry.result or "")
    client.close()


def test_the_worker_goes_offline_within_two_seconds_of_the_server_going_away(
    world: World, server: RunningServer, linked: ServerClient
) -> None:
    changes: list[bool] = []
    worker = SyncWorker(
        world.store,
        linked,
        terminal="Window 1",
        interval=0.5,
        min_backoff=0.2,
        max_backoff=1.0,
        on_status=lambda st: changes.append(st.online),
    )
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while not worker.status.online:
            assert time.monotonic() < deadline, worker.status.last_error
            time.sleep(0.02)
        gone = time.monotonic()
        server.stop()
        while worker.status.online:
            assert time.monotonic() - gone < 5, "still online 5 s after the server went away"
            time.sleep(0.01)
        noticed = time.monotonic() - gone
        assert noticed <= 2.0, f"noticed only after {noticed:.2f} s"
        assert "no answer" in worker.status.last_error
        # It comes back by itself once the server does (backoff at most 1 s here).
        server.start()
        back = time.monotonic()
        while not worker.status.online:
            assert time.monotonic() - back < 5, worker.status.last_error
            time.sleep(0.02)
    finally:
        worker.stop()
    assert changes[:3] == [True, False, True]


def test_a_revoked_allocation_is_a_visible_conflict_and_the_money_is_kept(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:
    worker = _worker(world, linked)
    worker.sync_once()
    grant = allocations.request(
        world.store,
        world.supervisor,
        linked,
        world.performance,
        seat_ids=[world.seats["S-D-1"], world.seats["S-D-2"]],
        expires_at=utc_now() + timedelta(hours=6),
    )
    server.stop()
    with pytest.raises(ServerUnreachable):
        worker.sync_once()
    order = _sell(world, worker, linked, "S-D-1")  # sold offline, cash in the drawer

    # Meanwhile at the office: a supervisor reclaims the block, another till takes the seat.
    from boxoffice.server import inventory

    with server.store.session() as s:
        inventory.reclaim(s, grant.allocation_id, utc_now(), force=True)
    server.start()
    other = other_terminal(server, ring, "Window 2")
    other.place_hold(world.performance, [world.seats["S-D-1"]])

    worker.sync_once()
    status = worker.status
    assert status.conflicts == 1 and status.waiting == 0
    with world.store.read() as s:
        (conflict,) = conflicts.listing(s)
        kept = s.get(Order, order.id)
        assert kept is not None and kept.status == OrderStatus.PAID
        paid = s.scalar(select(func.sum(Payment.amount_minor)).where(Payment.order_id == order.id))
    assert conflict.code == "seat_taken"
    assert "money taken here is kept" in conflict.message
    assert conflict.client_facts["uuid"] == order.uuid
    assert conflict.server_facts  # who has the seat now
    assert paid == order.total_minor
    # The server kept the order too, as a conflict, not as a second sale of the seat.
    assert server.query("select status from server_orders where uuid = :u", u=order.uuid) == [
        ("conflict",)
    ]
    # Syncing again (the server's conflict list included) does not make a second one.
    worker.conflicts_every = 0
    worker.sync_once()
    assert worker.status.conflicts == 1
    # A supervisor settles it at the office: the terminal sees it settled.
    from boxoffice.server import conflicts as server_conflicts

    with server.store.session() as s:
        server_conflicts.resolve(
            s, int(conflict_ref(world)), "refund_customer", "sue", "refunded at the window"
        )
    worker.sync_once()
    assert worker.status.conflicts == 0
    with world.store.read() as s:
        (settled,) = conflicts.listing(s, include_resolved=True)
    assert settled.resolved_by == "sue" and "refund_customer" in settled.resolution


def test_the_change_feed_brings_other_terminals_sales_and_revocations(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:
    from boxoffice.store.models import RemoteSeat

    worker = _worker(world, linked)
    worker.sync_once()
    other = other_terminal(server, ring, "Window 2")
    hold = other.place_hold(world.performance, [world.seats["S-E-7"]])

    def remote_seats() -> list[tuple[int, str]]:
        with world.store.read() as s:
            return [(r.seat_id, r.state) for r in s.scalars(select(RemoteSeat))]

    sync_until(worker, lambda: remote_seats() != [])
    assert remote_seats() == [(world.seats["S-E-7"], "held")]
    other.release_hold(hold.hold_id)
    sync_until(worker, lambda: remote_seats() == [])
    cursor = worker.status.cursor
    assert cursor
    # Nothing new: the cursor stays and nothing is applied twice.
    assert worker.pull_feed() == 0


def test_another_terminals_hold_reaches_this_terminals_views_as_a_change_set(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:
    from boxoffice.bus import ChangeSet, EventBus

    bus = EventBus()
    heard: list[ChangeSet] = []
    bus.subscribe(heard.append)
    worker = SyncWorker(world.store, linked, terminal="Window 1", bus=bus)  # type: ignore[arg-type]
    worker.sync_once()
    heard.clear()
    seat = world.seats["S-E-8"]
    other = other_terminal(server, ring, "Window 2")
    other.place_hold(world.performance, [seat])

    def seat_news() -> list[ChangeSet]:
        return [c for c in heard if (world.performance, seat) in c.seats]

    sync_until(worker, lambda: seat_news() != [])
    (news, *_) = seat_news()
    assert world.performance in news.performances  # the seat map of that show repaints it


def test_catalogue_pull_fills_a_fresh_terminal_store(
    world: World, server: RunningServer, ring, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.sales.signer import open_signer
    from boxoffice.store import open_store
    from boxoffice.store.models import Performance, Price, Seat

    server.import_catalogue(world.store)
    fresh = open_store(tmp_path / "fresh.sqlite3")
    try:
        client = link(fresh, server, ring, open_signer(fresh.path), name="Window 3", prefix="W3")
        counts = terminal.pull_catalogue(fresh, client)
        assert counts["seats"] > 1000
        with world.store.read() as a, fresh.read() as b:
            for model in (Seat, Performance, Price):
                assert a.scalar(select(func.count()).select_from(model)) == b.scalar(
                    select(func.count()).select_from(model)
                )
            guid = "S-A-14"
            assert b.scalar(select(Seat.id).where(Seat.guid == guid)) == world.seats[guid]
        client.close()
    finally:
        fresh.dispose()


def test_a_client_killed_mid_sync_resumes_without_duplicates(
    world: World, server: RunningServer, ring, linked: ServerClient, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    guids = sorted(g for g in world.seats if g.startswith("S-"))[:120]
    for guid in guids:  # sold while the worker was not running: 120 operations queued
        with world.store.write() as s:
            checkout.sell(
                s, world.clerk, cart(world, guid), [checkout.Cash(eur("500"))], world.signer
            )
    root = Path(__file__).resolve().parents[2]
    cmd = [sys.executable, "-m", "tests.sync.push_child", str(world.store.path), ring.file_path]
    child = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while server.query("select count(*) from server_orders")[0][0] < 30:
            assert child.poll() is None, "the child finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    on_server = server.query("select count(*) from server_orders")[0][0]
    states = _outbox_states(world)
    assert 30 <= on_server < 120 and states.get(OutboxState.ACKNOWLEDGED, 0) < 120

    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert server.query("select count(*) from server_orders") == [(120,)]
    assert server.query("select count(distinct uuid) from server_orders") == [(120,)]
    assert server.query("select count(*) from server_tickets") == [(120,)]
    assert _outbox_states(world) == {OutboxState.ACKNOWLEDGED: 120}
    with world.store.read() as s:
        assert conflicts.open_count(s) == 0


def test_online_sales_hold_on_the_server_first_all_or_nothing(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.errors import ValidationError

    worker = _worker(world, linked)
    worker.sync_once()
    other = other_terminal(server, ring, "Window 2")
    other.place_hold(world.performance, [world.seats["S-G-2"]])
    before = _outbox_states(world)
    # One seat of the two is held at another till: nothing is sold, the message names it.
    with pytest.raises(holds.SeatsUnavailable, match=r"Stalls G-2 \(held at another terminal\)"):
        _sell(world, worker, linked, "S-G-1", "S-G-2")
    assert _outbox_states(world) == before
    # Our hold on S-G-1 was not left behind: the other till can take it at once.
    assert other.place_hold(world.performance, [world.seats["S-G-1"]]).seat_ids
    # A sale that fails locally (tenders short) gives its server holds back too.
    with pytest.raises(ValidationError, match="do not cover"):
        sell_op.sell(
            _ctx(world, worker), world.clerk, cart(world, "S-G-5"), [checkout.Cash(eur("1.00"))]
        )
    assert other.place_hold(world.performance, [world.seats["S-G-5"]]).seat_ids
    # And a sale that goes through holds, commits locally, and converts on the server.
    order = _sell(world, worker, linked, "S-G-7")
    worker.sync_once()
    assert server.query("select status from server_orders where uuid = :u", u=order.uuid) == [
        ("paid",)
    ]
    assert world.seats["S-G-7"] in _server_seats(server, world.performance)


def test_an_online_card_sale_holds_on_the_server_before_the_card_is_charged(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.sync.errors import ServerRefused

    worker = _worker(world, linked)
    worker.sync_once()
    other = other_terminal(server, ring, "Window 2")
    other.place_hold(world.performance, [world.seats["S-H-2"]])
    card = sell_op.CardPayment(terminal=world.terminal)
    # Refused by the server: the card is never asked.
    with pytest.raises(holds.SeatsUnavailable, match=r"H-2 \(held at another terminal\)"):
        sell_op.sell(_ctx(world, worker), world.clerk, cart(world, "S-H-1", "S-H-2"), [card])
    assert world.terminal.journal == []
    # Accepted: the seat is ours on the server until the sale converts the hold.
    done = sell_op.sell(_ctx(world, worker), world.clerk, cart(world, "S-H-3"), [card]).value
    assert [kind for kind, _, _ in world.terminal.journal] == ["sale"]
    with pytest.raises(ServerRefused):
        other.place_hold(world.performance, [world.seats["S-H-3"]])
    worker.sync_once()
    assert server.query("select status from server_orders where uuid = :u", u=done.order_uuid) == [
        ("paid",)
    ]


def test_an_online_card_sale_that_cannot_be_booked_reverses_the_card_and_the_holds(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:  # type: ignore[no-untyped-def]
    worker = _worker(world, linked)
    worker.sync_once()
    with world.store.write() as s:  # sold here a moment ago, not yet sent to the server
        checkout.sell(s, world.supervisor, cart(world, "S-H-5"), [checkout.Cash(eur("500"))],
                      world.signer, now=utc_now())  # fmt: skip
    before = _outbox_states(world)
    card = sell_op.CardPayment(terminal=world.terminal)
    with pytest.raises(sell_op.PaymentGivenBack, match="the card payment was reversed"):
        sell_op.sell(_ctx(world, worker), world.clerk, cart(world, "S-H-5", "S-H-6"), [card])
    assert [kind for kind, _, _ in world.terminal.journal] == ["sale", "reversal"]
    assert _outbox_states(world) == before
    # The server holds went back: another till can hold both seats at once.
    other = other_terminal(server, ring, "Window 2")
    held = other.place_hold(world.performance, [world.seats["S-H-6"], world.seats["S-H-5"]])
    assert sorted(held.seat_ids or []) == sorted([world.seats["S-H-5"], world.seats["S-H-6"]])


def test_an_operation_the_server_refuses_is_set_aside_and_the_rest_still_go(
    world: World, server: RunningServer, linked: ServerClient
) -> None:
    import json

    worker = _worker(world, linked)
    worker.sync_once()
    _sell(world, worker, linked, "S-J-1")
    worker.sync_once()
    # A store put back from an old copy sends a known key with a different body.
    with world.store.write() as s:
        entry = s.scalar(select(OutboxEntry))
        assert entry is not None
        body = json.loads(entry.body)
        body["total"] += 100
        entry.body, entry.state = json.dumps(body), OutboxState.PENDING
    later = _sell(world, worker, linked, "S-J-2")
    worker.sync_once()
    assert worker.status.online
    assert worker.status.attention == 1 and worker.status.waiting == 1
    assert _outbox_states(world) == {OutboxState.ATTENTION: 1, OutboxState.ACKNOWLEDGED: 1}
    with world.store.read() as s:
        (conflict,) = conflicts.listing(s)
    assert conflict.code == "idempotency_key_reused" and conflict.operation == entry.id
    assert server.query("select status from server_orders where uuid = :u", u=later.uuid) == [
        ("paid",)
    ]
    assert server.query("select count(*) from server_orders") == [(2,)]


def test_a_revoked_terminal_is_told_so_and_keeps_its_operations(
    world: World, server: RunningServer, linked: ServerClient
) -> None:
    from boxoffice.server import enrolment

    worker = _worker(world, linked)
    worker.sync_once()
    _sell(world, worker, linked, "S-K-1")
    with server.store.session() as s:
        enrolment.revoke(s, linked.terminal().terminal_id)
    with pytest.raises(ServerUnreachable, match="403"):
        worker.sync_once()
    assert not worker.status.online and "revoked" in worker.status.last_error
    assert worker.status.waiting == 1
    assert _outbox_states(world) == {OutboxState.IN_FLIGHT: 1}


def test_offline_standing_places_only_from_the_leased_quantity(
    world: World, server: RunningServer, ring, linked: ServerClient
) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.sales.cart import Cart, CartItem

    def standing(n: int) -> Cart:
        return Cart([CartItem(world.performance, "adult", ga_area_id=world.standing)] * n)

    def taken() -> int:
        return server.query(
            "select taken from ga_stock where performance_id = :p and ga_area_id = :a",
            p=world.performance,
            a=world.standing,
        )[0][0]

    worker = _worker(world, linked)
    worker.sync_once()
    grant = allocations.request(
        world.store,
        world.supervisor,
        linked,
        world.performance,
        ga_area_id=world.standing,
        quantity=5,
        expires_at=utc_now() + timedelta(hours=6),
    )
    assert grant.quantity == 5 and taken() == 5  # nobody else can sell these five
    server.stop()
    with pytest.raises(ServerUnreachable):
        worker.sync_once()

    def sell_places(n: int) -> Order:
        done = sell_op.sell(
            _ctx(world, worker), world.clerk, standing(n), [checkout.Cash(eur("500"))]
        ).value
        with world.store.read() as s:
            return s.get_one(Order, done.order_id)

    sell_places(2)
    sell_places(2)
    with pytest.raises(
        holds.SeatsUnavailable, match="1 left of this terminal's offline allocation"
    ):
        sell_places(2)
    allocations.release(world.store, world.supervisor, grant.allocation_id)
    server.start()
    worker.sync_once()
    assert worker.status.waiting == 0 and worker.status.conflicts == 0
    # Four sold here, the fifth place went back to general sale.
    assert taken() == 4
    assert server.query(
        "select count(*) from server_tickets where ga_area_id = :a and status = 'valid'",
        a=world.standing,
    ) == [(4,)]


def test_a_sale_wakes_the_running_worker_and_reaches_the_server_at_once(
    world: World, server: RunningServer, linked: ServerClient
) -> None:
    worker = SyncWorker(world.store, linked, terminal="Window 1", interval=60)
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while not worker.status.online:
            assert time.monotonic() < deadline, worker.status.last_error
            time.sleep(0.02)
        order = sell_op.sell(  # the op wakes the worker after its commit
            _ctx(world, worker), world.clerk, cart(world, "S-L-4"), [checkout.Cash(eur("500"))]
        ).value
        sold = time.monotonic()
        while server.query(
            "select count(*) from server_orders where uuid = :u", u=order.order_uuid
        ) != [(1,)]:
            assert time.monotonic() - sold < 5, "the sale waited for the next poll (60 s)"
            time.sleep(0.02)
        while worker.status.waiting:
            assert time.monotonic() - sold < 5
            time.sleep(0.02)
    finally:
        worker.stop()


def test_an_offline_sale_of_a_seat_reclaimed_meanwhile_stands_but_is_flagged(
    world: World, server: RunningServer, linked: ServerClient
) -> None:
    from boxoffice.server import inventory

    worker = _worker(world, linked)
    worker.sync_once()
    grant = allocations.request(
        world.store,
        world.supervisor,
        linked,
        world.performance,
        seat_ids=[world.seats["S-M-1"]],
        expires_at=utc_now() + timedelta(hours=6),
    )
    server.stop()
    with pytest.raises(ServerUnreachable):
        worker.sync_once()
    order = _sell(world, worker, linked, "S-M-1")
    with server.store.session() as s:  # reclaimed at the office; nobody else took the seat
        inventory.reclaim(s, grant.allocation_id, utc_now(), force=True)
    server.start()
    worker.sync_once()
    assert server.query("select status from server_orders where uuid = :u", u=order.uuid) == [
        ("paid",)
    ]
    assert worker.status.waiting == 0 and worker.status.conflicts == 1
    with world.store.read() as s:
        (flag,) = conflicts.listing(s)
    assert flag.code == "not_allocated" and flag.client_facts["offline"] is True
    assert "the sale stands" in flag.message
