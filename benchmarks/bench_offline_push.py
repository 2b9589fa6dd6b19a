"""Pushing 10,000 queued offline operations after reconnect (budget ≤ 20 s).

A terminal store with a 1,030-seat theatre and ten on-sale performances is
enrolled with an embedded central server (the FastAPI app on uvicorn in this
process, on its default SQLite database). 10,000 one-seat cash sales are
queued in the outbox as an offline terminal leaves them (bodies as
``checkout`` writes them, each with its idempotency key and sequence
number); the clock runs from the worker's first batch to the moment the
server acknowledged the last one. Every operation must come back
``applied`` and the server must hold 10,000 orders.

``BOXOFFICE_BENCH_SERVER_PG=postgresql+psycopg://user@host/db`` runs the
server on a fresh PostgreSQL database created next to that one (and dropped
afterwards) instead; the metric names then end in ``_postgresql``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import create_engine, func, select, text

from benchmarks import Metric
from boxoffice.actor import system_actor
from boxoffice.auth import roles, users
from boxoffice.catalogue import events, performances, prices, venues
from boxoffice.clock import utc_now
from boxoffice.demo import THEATRE_PRICES, theatre_plan
from boxoffice.money import Money
from boxoffice.protocol import FeedPage, Operation, OpResult
from boxoffice.sales.signer import open_signer, register
from boxoffice.seatmaps.save import save_plan
from boxoffice.store import Store, open_store, outbox
from boxoffice.store.models import OutboxEntry, OutboxState, PerformanceStatus, PriceType, Seat
from boxoffice.sync import allocations, conflicts, terminal
from boxoffice.sync.client import ServerClient
from boxoffice.sync.errors import ServerUnreachable
from boxoffice.sync.worker import SyncWorker

OPERATIONS = 10_000
PERFORMANCES = 10
BUDGET_S = 20.0
ADMIN = system_actor("bench")


def _build(path: Path) -> list[tuple[int, int]]:
    """The store and its (performance, seat) pairs to sell."""
    store = open_store(path)
    now = utc_now()
    with store.write() as s:
        roles.ensure_roles(s)
        prices.ensure_standard_price_types(s)
        users.create_user(s, ADMIN, "ann", "clerk", "1234")
        venue = venues.get_or_create(s, ADMIN, "Lyceum", currency="EUR")
        seat_map = save_plan(s, ADMIN, venue, theatre_plan(), "own")
        event = events.add_event(s, ADMIN, "Hamlet", duration_minutes=170)
        perf_ids = []
        for day in range(PERFORMANCES):
            p = performances.add_performance(
                s,
                ADMIN,
                event,
                seat_map,
                now + timedelta(days=10 + day),
                status=PerformanceStatus.ON_SALE,
            )
            perf_ids.append(p.id)
            for zone, by_type in THEATRE_PRICES.items():
                for code, amount in by_type.items():
                    prices.set_price(s, ADMIN, p, zone, code, Money.of(amount, "EUR"), "5")
        seats = list(s.scalars(select(Seat.id).order_by(Seat.id)))
    register_store(store)
    store.dispose()
    pairs = [(perf, seat) for perf in perf_ids for seat in seats]
    if len(pairs) < OPERATIONS:
        raise RuntimeError(f"only {len(pairs)} seats for {OPERATIONS} sales")
    return pairs[:OPERATIONS]


def register_store(store: Store) -> None:
    with store.write() as s:
        register(s, open_signer(store.path), "Window 1")


def _queue(store: Store, pairs: list[tuple[int, int]]) -> None:
    """The outbox an offline terminal leaves after 10,000 one-seat cash sales."""
    with store.write() as s:
        adult = s.scalar(select(PriceType.id).where(PriceType.code == "adult"))
        prefix = "W1"
        for n, (perf, seat) in enumerate(pairs, start=1):
            order = str(uuid.uuid4())
            body = {
                "uuid": order,
                "number": f"{prefix}-{n:06d}",
                "terminal": "Window 1",
                "user": "ann",
                "status": "paid",
                "currency": "EUR",
                "total": 4900,
                "tax": 233,
                "reserved_until": None,
                "offline": True,
                "tickets": [
                    {
                        "id": n,
                        "serial": f"{prefix}-T{n:07d}",
                        "performance": perf,
                        "seat": seat,
                        "ga_area": None,
                        "price": 4900,
                        "price_type": adult,
                        "status": "valid",
                    }
                ],
                "payments": [
                    {
                        "n": 0,
                        "kind": "cash",
                        "amount": 4900,
                        "rounding": 0,
                        "scheme": "",
                        "last4": "",
                        "auth": "",
                    }
                ],
            }
            outbox.enqueue(s, "sale", body, key=f"{order}:sale")


class _TimedTransport:
    """The client, with the time spent waiting for the server's answers added up."""

    def __init__(self, client: ServerClient) -> None:
        self.client = client
        self.waiting = 0.0

    def push(self, operations: list[Operation]) -> list[OpResult]:
        started = time.perf_counter()
        try:
            return self.client.push(operations)
        finally:
            self.waiting += time.perf_counter() - started

    def pull(self, cursor: str | None, limit: int) -> FeedPage:
        return self.client.pull(cursor, limit)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def _server_db(work: Path) -> Iterator[tuple[str, str]]:
    """The server's database URL and a metric suffix."""
    base = os.environ.get("BOXOFFICE_BENCH_SERVER_PG")
    if not base:
        yield f"sqlite:///{work / 'server.sqlite3'}", ""
        return
    name = f"bench_push_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.rsplit("/", 1)[0] + "/" + name, "_postgresql"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run() -> Iterator[Metric]:
    import uvicorn

    from boxoffice.catalogue_export import export_store
    from boxoffice.server import catalogue, enrolment
    from boxoffice.server import migrate as server_migrate
    from boxoffice.server.app import create_app
    from boxoffice.server.db import ServerStore

    with (
        tempfile.TemporaryDirectory(prefix="bench-push-") as tmp,
        _server_db(Path(tmp)) as (server_url, suffix),
    ):
        work = Path(tmp)
        pairs = _build(work / "terminal.sqlite3")
        server_store = ServerStore(server_url)
        server_migrate.upgrade(server_store)
        with server_store.session() as s:
            catalogue.import_tables(s, export_store(work / "terminal.sqlite3"))
            code, _ = enrolment.create_code(s, "Window 1", prefix="W1")
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(server_store),
                host="127.0.0.1",
                port=port,
                log_level="warning",
                lifespan="off",
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.01)
        store = open_store(work / "terminal.sqlite3")
        ring = PlaintextKeyring()
        ring.file_path = str(work / "keyring.cfg")  # type: ignore[misc]
        try:
            terminal.configure(store, ADMIN, f"http://127.0.0.1:{port}")
            client = terminal.client_for(store, backend=ring)
            assert client is not None
            terminal.enrol(store, ADMIN, client, code, open_signer(store.path))
            # Online, before the network goes: each performance's seats are allocated
            # to this terminal, as a supervisor would do before an outdoor event.
            by_performance: dict[int, list[int]] = {}
            for perf, seat in pairs:
                by_performance.setdefault(perf, []).append(seat)
            for perf, seat_ids in by_performance.items():
                for start in range(0, len(seat_ids), 1000):  # the server's limit per request
                    allocations.request(
                        store,
                        ADMIN,
                        client,
                        perf,
                        seat_ids=seat_ids[start : start + 1000],
                        expires_at=utc_now() + timedelta(hours=6),
                    )
            _queue(store, pairs)
            timed = _TimedTransport(client)
            worker = SyncWorker(store, timed, terminal="Window 1")
            started = time.perf_counter()
            pushed, retries = 0, 0
            while True:  # as the worker does: a timed-out batch is sent again
                try:
                    pushed += worker.push_backlog()
                    break
                except ServerUnreachable:
                    retries += 1
                    if retries > 20:
                        raise
            elapsed = time.perf_counter() - started
            with store.read() as s:
                acked = s.scalar(
                    select(func.count())
                    .select_from(OutboxEntry)
                    .where(OutboxEntry.state == OutboxState.ACKNOWLEDGED)
                )
                notices = conflicts.open_count(s)
            with server_store.session() as s:
                orders = s.execute(text("select count(*) from server_orders")).scalar()
            if notices:
                raise AssertionError(f"{notices} operations came back as conflicts")
            if pushed != OPERATIONS or acked != OPERATIONS or orders != OPERATIONS:
                raise AssertionError(
                    f"pushed {pushed}, acknowledged {acked}, server orders {orders}; "
                    f"expected {OPERATIONS} each"
                )
            client.close()
        finally:
            server.should_exit = True
            thread.join(10)
            store.dispose()
            server_store.dispose()
    yield Metric(f"offline_push_10k_seconds{suffix}", elapsed, "s", BUDGET_S)
    # What the terminal itself spends (outbox reads, marking, recording answers):
    # the rest is the server applying the operations.
    yield Metric(
        f"offline_push_10k_client_side_seconds{suffix}", elapsed - timed.waiting, "s", BUDGET_S
    )
    yield Metric(
        f"offline_push_ops_per_second{suffix}",
        OPERATIONS / elapsed,
        "ops/s",
        OPERATIONS / BUDGET_S,
        goal="min",
    )


if __name__ == "__main__":
    for metric in run():
        print(metric.to_json())
