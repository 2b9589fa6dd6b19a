"""Real server processes (uvicorn) on one database: races, lost responses, kill -9.

Two ``boxoffice-server`` processes share one SQLite file or one PostgreSQL
schema, as several processes behind a load balancer would.
"""

from __future__ import annotations

import contextlib
import random
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text

from boxoffice.server import catalogue, migrate
from boxoffice.server.db import ServerStore
from boxoffice.server.models import Receipt, SeatClaim, ServerTicket
from tests.server import helpers

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
RACE_SEATS = 50
CATALOGUE_SEATS = 400


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    def __init__(self, url: str, log: Path) -> None:
        self.url, self.log = url, log
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "boxoffice.server.cli",
                    "--db",
                    self.url,
                    "--port",
                    str(self.port),
                ],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.base}/api/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not become healthy in 30 s")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()  # SIGKILL: no clean shutdown
            self.proc.wait(10)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerStore]:
    """One database per backend for the whole module (tests use their own seats)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('procs') / 'server.sqlite3'}"
        cleanup = None
    else:
        base = request.getfixturevalue("pg_url")
        schema = f"srvp_{uuid.uuid4().hex[:12]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        sep = "&" if "?" in base else "?"
        url = f"{base}{sep}options={quote(f'-csearch_path={schema}')}"

        def cleanup() -> None:
            with admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()

    store = ServerStore(url)
    migrate.upgrade(store)
    with store.session() as s:
        catalogue.import_tables(s, helpers.small_catalogue(seats=CATALOGUE_SEATS))
    yield store
    store.dispose()
    if cleanup:
        cleanup()


@pytest.fixture(scope="module")
def two_servers(
    shared_store: ServerStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[ServerProcess]]:
    logs = tmp_path_factory.mktemp("logs")
    servers = [ServerProcess(shared_store.url, logs / f"server{i}.log") for i in (1, 2)]
    try:
        yield [s.start() for s in servers]
    finally:
        for s in servers:
            s.kill()


def enrol_many(store: ServerStore, base: str, n: int, prefix: str = "T") -> list[str]:
    tokens = []
    for i in range(n):
        code = helpers.make_code(store, f"Till {prefix}{i}", f"{prefix}{i}")
        _key, public = helpers.new_key()
        r = httpx.post(f"{base}/api/v1/enrol", json={"code": code, "public_key": public})
        assert r.status_code == 201, r.text
        tokens.append(r.json()["token"])
    return tokens


def test_twenty_clients_two_processes_each_seat_sold_at_most_once(
    shared_store: ServerStore, two_servers: list[ServerProcess]
) -> None:
    tokens = enrol_many(shared_store, two_servers[0].base, 20)
    applied: list[tuple[int, ...]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def clerk(n: int, token: str) -> None:
        rng = random.Random(n)
        seller = helpers.Seller(f"T{n}")
        with httpx.Client(timeout=30) as http:
            for attempt in range(8):
                seats = rng.sample(range(1, RACE_SEATS + 1), rng.choice((1, 2)))
                server = two_servers[(n + attempt) % 2]
                op = seller.op("sale", seller.sale(seats))
                r = http.post(
                    f"{server.base}/api/v1/operations",
                    json={"operations": [op]},
                    headers=helpers.auth(token),
                )
                if r.status_code != 200:
                    with lock:
                        errors.append(r.text)
                    continue
                result = r.json()["results"][0]
                granted = tuple(
                    seat
                    for seat, t in zip(seats, result["result"]["tickets"], strict=True)
                    if t["status"] == "valid"
                )
                with lock:
                    applied.append(granted)

    threads = [threading.Thread(target=clerk, args=(i, t)) for i, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    granted_seats = [seat for g in applied for seat in g]
    assert len(granted_seats) == len(set(granted_seats)), "a seat was granted twice"
    assert len(set(granted_seats)) > 20  # the race actually sold seats
    with shared_store.session() as s:
        per_seat = s.execute(
            select(ServerTicket.seat_id, func.count())
            .where(ServerTicket.status == "valid")
            .group_by(ServerTicket.seat_id)
        ).all()
        claims = s.scalar(
            select(func.count()).select_from(SeatClaim).where(SeatClaim.kind == "sale")
        )
    assert all(count == 1 for _seat, count in per_seat)
    assert {seat for seat, _ in per_seat} == set(granted_seats) and claims == len(granted_seats)


def test_response_lost_after_commit_then_retried_is_one_sale(
    shared_store: ServerStore, two_servers: list[ServerProcess]
) -> None:
    (token,) = enrol_many(shared_store, two_servers[0].base, 1, "L")
    seller = helpers.Seller("L0")
    op = seller.op("sale", seller.sale([CATALOGUE_SEATS - 10]))
    body = httpx.Request("POST", "/api/v1/operations", json={"operations": [op]}).content
    # Send the request and hang up without reading the answer: the server commits anyway.
    with socket.create_connection(("127.0.0.1", two_servers[0].port)) as sock:
        sock.sendall(
            b"POST /api/v1/operations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        me = httpx.get(f"{two_servers[1].base}/api/v1/terminal", headers=helpers.auth(token))
        if me.json()["last_seq"] == 1:
            break
        time.sleep(0.05)
    assert me.json()["last_seq"] == 1, "the server did not commit the sale"
    retry = httpx.post(
        f"{two_servers[1].base}/api/v1/operations",
        json={"operations": [op]},
        headers=helpers.auth(token),
    ).json()
    assert retry["results"][0]["status"] == "replayed"
    assert retry["results"][0]["first_status"] == "applied"
    with shared_store.session() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(ServerTicket)
                .where(ServerTicket.serial.like("L0-%"))
            )
            == 1
        )


def test_server_killed_mid_batch_loses_nothing(
    shared_store: ServerStore, two_servers: list[ServerProcess]
) -> None:
    (token,) = enrol_many(shared_store, two_servers[0].base, 1, "K")
    seller = helpers.Seller("K0")
    ops = [seller.op("sale", seller.sale([seat])) for seat in range(61, 361)]
    victim = two_servers[0]
    me = httpx.get(f"{victim.base}/api/v1/terminal", headers=helpers.auth(token)).json()
    mine = Receipt.terminal_id == me["terminal_id"]

    def push_to_victim() -> None:
        with contextlib.suppress(httpx.HTTPError):  # the server dies under us: expected
            httpx.post(
                f"{victim.base}/api/v1/operations",
                json={"operations": ops},
                headers=helpers.auth(token),
                timeout=60,
            )

    t = threading.Thread(target=push_to_victim)
    t.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with shared_store.read() as s:
            if s.scalar(select(func.count()).select_from(Receipt).where(mine)):
                break
        time.sleep(0.005)
    victim.kill()
    t.join(30)
    with shared_store.session() as s:
        committed = s.scalar(select(func.count()).select_from(Receipt).where(mine)) or 0
    assert 0 < committed < len(ops), "the kill was meant to land mid-batch"
    victim.start()  # restarted, same database
    out = httpx.post(
        f"{victim.base}/api/v1/operations",
        json={"operations": ops},
        headers=helpers.auth(token),
        timeout=60,
    ).json()
    statuses = [r["status"] for r in out["results"]]
    assert statuses == ["replayed"] * committed + ["applied"] * (len(ops) - committed)
    with shared_store.session() as s:
        assert s.scalar(
            select(func.count())
            .select_from(ServerTicket)
            .where(ServerTicket.status == "valid", ServerTicket.terminal_id == me["terminal_id"])
        ) == len(ops)
        assert s.scalar(select(func.count()).select_from(Receipt).where(mine)) == len(ops)
