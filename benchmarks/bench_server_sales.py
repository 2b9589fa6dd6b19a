"""Central server: seat sales committed per second, 20 terminals, PostgreSQL (≥ 500/s, 0 doubles).

Two real ``boxoffice-server`` processes (uvicorn) share one PostgreSQL
schema, as processes behind a load balancer would. Twenty enrolled
terminals, one thread each, push sale operations (one or two seats each,
chosen at random among 20,000 seats of one performance, so terminals also
collide) in batches of ``BATCH`` operations, alternating between the two
processes. A sale counts when the server answered ``applied``; afterwards
the database is checked for doubles (two live tickets for one seat).

Its yardstick, from the same run and the same schema:
``pg_bare_claim_tx_per_s_20_clients``, twenty threads each with its own
connection committing one-row seat claims (``INSERT ... ON CONFLICT DO
NOTHING`` on a (performance, seat) primary key, one transaction each) for
``BARE_S`` seconds: what PostgreSQL and this machine give without any of
ours. The seat-sales metric carries it as ``baseline`` and ``ratio``.

Also measured: the server applying 10,000 queued offline operations
(one terminal catching up in batches of 500; budget ≤ 20 s end to end).

The database comes from ``BOXOFFICE_BENCH_PG`` or ``BOXOFFICE_TEST_PG``
(a fresh schema, dropped afterwards); without either the benchmark reports
``ok: false`` with the reason instead of a number.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from benchmarks import Metric

TERMINALS = 20
SEATS = 20_000
DURATION_S = 8.0
BARE_S = 4.0
BATCH = int(os.environ.get("BOXOFFICE_BENCH_BATCH", "10"))
OFFLINE_OPS = 10_000
#: Requests prepared per terminal: more than a run can send here (1,500 sales each).
MAX_BATCHES = max(1, 1500 // BATCH)


class Unavailable:
    """A metric that could not be measured, with the reason (``ok`` is false)."""

    def __init__(self, metric: str, unit: str, target: float, reason: str) -> None:
        self.metric, self.unit, self.target, self.reason = metric, unit, target, reason

    def to_json(self) -> str:
        return json.dumps(
            {
                "metric": self.metric,
                "value": None,
                "unit": self.unit,
                "target": self.target,
                "ok": False,
                "reason": self.reason,
            }
        )


def _sale(prefix: str, n: int, seats: list[int]) -> dict:
    tickets = [
        {
            "id": n * 10 + i,
            "serial": f"{prefix}-T{n * 10 + i:08d}",
            "performance": 1,
            "seat": seat,
            "ga_area": None,
            "price": 4500,
            "price_type": 1,
            "status": "valid",
        }
        for i, seat in enumerate(seats)
    ]
    total = 4500 * len(seats)
    return {
        "uuid": str(uuid.uuid4()),
        "number": f"{prefix}-{n:06d}",
        "user": "clara",
        "status": "paid",
        "currency": "EUR",
        "total": total,
        "tax": 0,
        "tickets": tickets,
        "payments": [{"n": 0, "kind": "cash", "amount": total, "rounding": 0}],
    }


def _op(seq: int, kind: str, body: dict) -> dict:
    return {
        "idempotency_key": f"{body.get('uuid', uuid.uuid4())}:{kind}",
        "terminal_seq": seq,
        "kind": kind,
        "client_time": "2026-11-25T12:00:00+00:00",
        "body": body,
    }


def bare_claims_per_s(url: str, clients: int = TERMINALS, seconds: float = BARE_S) -> float:
    """Committed one-row claim transactions per second from ``clients`` connections."""
    from sqlalchemy import create_engine

    engine = create_engine(url, pool_size=clients, max_overflow=0)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE bench_bare_claim (performance_id INTEGER, seat_id INTEGER, "
            "terminal_id INTEGER, PRIMARY KEY (performance_id, seat_id))"
        )
    done = [0] * clients
    stop = [0.0]

    def client(i: int) -> None:
        rng = random.Random(1000 + i)
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            while time.monotonic() < stop[0]:
                cur.execute(
                    "INSERT INTO bench_bare_claim VALUES (1, %s, %s) ON CONFLICT DO NOTHING",
                    (rng.randrange(1, 10**9), i),
                )
                raw.commit()
                done[i] += 1
        finally:
            raw.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    stop[0] = started + seconds
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE bench_bare_claim")
    engine.dispose()
    return sum(done) / elapsed


def run() -> Iterator[Metric | Unavailable]:
    url = os.environ.get("BOXOFFICE_BENCH_PG") or os.environ.get("BOXOFFICE_TEST_PG")
    if not url:
        reason = "set BOXOFFICE_BENCH_PG or BOXOFFICE_TEST_PG to a PostgreSQL URL"
        yield Unavailable("server_seat_sales_per_s_20_terminals_pg", "seats/s", 500, reason)
        yield Unavailable("pg_bare_claim_tx_per_s_20_clients", "tx/s", 500, reason)
        yield Unavailable("server_double_sales", "seats", 0, reason)
        yield Unavailable("server_apply_10000_offline_ops_s", "s", 20, reason)
        return
    import httpx
    from sqlalchemy import create_engine, func, select, text

    from boxoffice.server import catalogue, enrolment, migrate
    from boxoffice.server.db import ServerStore
    from boxoffice.server.models import ServerTicket
    from tests.server.helpers import new_key, small_catalogue
    from tests.server.test_processes import ServerProcess

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    schema_url = f"{url}{sep}options={quote(f'-csearch_path={schema}')}"
    servers: list[ServerProcess] = []
    store = ServerStore(schema_url)
    try:
        migrate.upgrade(store)
        with store.session() as s:
            tables = small_catalogue(seats=SEATS)
            tables["seat_holds"] = []
            catalogue.import_tables(s, tables)
        tmp = Path(tempfile.mkdtemp(prefix="bench-server-"))
        servers = [ServerProcess(store.url, tmp / f"s{i}.log").start() for i in (1, 2)]
        tokens = []
        for i in range(TERMINALS + 1):
            with store.session() as s:
                code, _ = enrolment.create_code(s, f"Bench {i}", prefix=f"B{i}")
            r = httpx.post(
                f"{servers[0].base}/api/v1/enrol", json={"code": code, "public_key": new_key()[1]}
            )
            tokens.append(r.json()["token"])

        applied = [0] * TERMINALS
        failures: list[str] = []

        def batches(i: int) -> list[bytes]:
            """The terminal's requests, serialised before the clock starts."""
            rng = random.Random(i)
            out, seq = [], 0
            for _ in range(MAX_BATCHES):
                ops = []
                for _ in range(BATCH):
                    seq += 1
                    seats = rng.sample(range(1, SEATS + 1), rng.choice((1, 2)))
                    ops.append(_op(seq, "sale", _sale(f"B{i}", seq, seats)))
                out.append(json.dumps({"operations": ops}).encode())
            return out

        prepared = [batches(i) for i in range(TERMINALS)]
        stop = [0.0]

        def terminal(i: int) -> None:
            headers = {"Authorization": f"Bearer {tokens[i]}", "Content-Type": "application/json"}
            with httpx.Client(timeout=60, headers=headers) as c:
                for k, content in enumerate(prepared[i]):
                    if time.monotonic() > stop[0]:
                        return
                    base = servers[(i + k) % 2].base
                    r = c.post(f"{base}/api/v1/operations", content=content)
                    if r.status_code != 200:
                        failures.append(r.text[:200])
                        return
                    applied[i] += sum(
                        sum(1 for t in x["result"]["tickets"] if t["status"] == "valid")
                        for x in r.json()["results"]
                        if x["status"] == "applied"
                    )

        started = time.monotonic()
        stop[0] = started + DURATION_S
        threads = [threading.Thread(target=terminal, args=(i,)) for i in range(TERMINALS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        with store.read() as s:
            doubles = s.scalar(
                select(func.count()).select_from(
                    select(ServerTicket.seat_id)
                    .where(ServerTicket.status == "valid")
                    .group_by(ServerTicket.performance_id, ServerTicket.seat_id)
                    .having(func.count() > 1)
                    .subquery()
                )
            )
        if failures:
            print(
                f"bench_server_sales: {len(failures)} failed requests: {failures[0]}",
                file=sys.stderr,
            )
        rate = sum(applied) / elapsed if not failures else 0.0
        bare = bare_claims_per_s(schema_url)
        yield Metric(
            "server_seat_sales_per_s_20_terminals_pg",
            rate,
            "seats/s",
            500,
            goal="min",
            baseline=bare,
            baseline_of="pg_bare_claim_tx_per_s_20_clients",
        )
        yield Metric("pg_bare_claim_tx_per_s_20_clients", bare, "tx/s", 500, goal="min")
        yield Metric("server_double_sales", float(doubles or 0), "seats", 0)

        # One terminal catching up after being offline: 10,000 operations.
        token = tokens[TERMINALS]
        ops = [_op(i + 1, "sale", _sale(f"B{TERMINALS}", i + 1, [])) for i in range(OFFLINE_OPS)]
        for i, op in enumerate(ops):  # GA-free cash movements and sales without seats
            op["kind"] = "cash_movement"
            op["body"] = {
                "shift": 1,
                "kind": "pay_in",
                "amount": 100 + i,
                "currency": "EUR",
                "reason": "bench",
            }
        started = time.monotonic()
        with httpx.Client(timeout=120, headers={"Authorization": f"Bearer {token}"}) as c:
            for start in range(0, OFFLINE_OPS, 500):
                r = c.post(
                    f"{servers[0].base}/api/v1/operations",
                    json={"operations": ops[start : start + 500]},
                )
                r.raise_for_status()
        yield Metric("server_apply_10000_offline_ops_s", time.monotonic() - started, "s", 20)
    finally:
        for srv in servers:
            srv.kill()
        store.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    for metric in run():
        print(metric.to_json())
