"""The venue's day end: 100 terminals, 4 Z reports each that day (budget ≤ 2 s each step).

The server holds 30 days of shift records for 100 terminals (12,000 Z
reports, each as a terminal sends it) plus the day's open shifts. Timed:
the server building its answer (``server.day_end``: the query and the JSON,
on SQLite and, when ``BOXOFFICE_BENCH_PG``/``BOXOFFICE_TEST_PG`` is set, on
PostgreSQL), and the supervisor's day end at a terminal, through its op
(``ops.cash.day_end_report``): the request audited, that answer validated
(``protocol.DayEnd``, as the sync client parses it), merged with the
terminal's own store's day and written as the PDF.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from benchmarks import Metric

TERMINALS = 100
Z_PER_DAY = 4
DAYS = 30
DAY = date(2030, 6, 30)
BUDGET_S = 2.0


def _z(number: int, shift: int, terminal: str, closed: datetime) -> dict:
    from tests.server.helpers import z_report

    return z_report(
        number,
        shift,
        terminal=terminal,
        opened_at=(closed - timedelta(hours=3)).isoformat(),
        closed_at=closed.isoformat(),
        cash_sales=1000 + number * 7,
        counted=10000 + 1000 + number * 7 - (number % 3),
        card=5000 + number,
    )


def _fill(url: str) -> object:
    from sqlalchemy import insert

    from boxoffice.server import migrate
    from boxoffice.server.db import ServerStore
    from boxoffice.server.models import ShiftRecord, Terminal

    store = ServerStore(url)
    migrate.upgrade(store)
    now = datetime.now(UTC)
    with store.session() as s:
        s.execute(
            insert(Terminal),
            [
                {"id": t, "name": f"Window {t}", "prefix": f"W{t}", "enrolled_at": now}
                for t in range(1, TERMINALS + 1)
            ],
        )
        rows = []
        for t in range(1, TERMINALS + 1):
            shift = 0
            for d in range(DAYS):
                day = datetime.combine(DAY - timedelta(days=d), datetime.min.time(), UTC)
                for n in range(Z_PER_DAY):
                    shift += 1
                    closed = day + timedelta(hours=10 + 3 * n)
                    z = _z(d * Z_PER_DAY + n + 1, shift, f"Window {t}", closed)
                    rows.append(
                        {
                            "terminal_id": t,
                            "shift": str(shift),
                            "opened_at": closed - timedelta(hours=3),
                            "closed_at": closed,
                            "body": json.dumps({"open": {}, "close": z}),
                        }
                    )
            rows.append(  # the evening drawer, still open
                {
                    "terminal_id": t,
                    "shift": str(shift + 1),
                    "opened_at": datetime.combine(DAY, datetime.min.time(), UTC)
                    + timedelta(hours=22),
                    "closed_at": None,
                    "body": json.dumps({"user": "ann", "float": {"EUR": 10000}}),
                }
            )
        for i in range(0, len(rows), 2000):
            s.execute(insert(ShiftRecord), rows[i : i + 2000])
    return store


def _serve(store: object) -> tuple[float, str]:
    from boxoffice.server import day_end

    best = float("inf")
    body = ""
    for _ in range(3):
        t0 = time.perf_counter()
        with store.read() as s:  # type: ignore[attr-defined]
            answer = day_end.day_end(s, DAY, ZoneInfo("UTC"), datetime.now(UTC))
        body = json.dumps(answer)
        best = min(best, time.perf_counter() - t0)
    return best, body


class _Answer:
    """The sync link as the day end op sees it: the server's answer, parsed as the client does."""

    def __init__(self, body: str) -> None:
        self.client = self
        self.body = body

    def day_end(self, on: date, tz: str) -> object:
        from boxoffice import protocol

        return protocol.parse(protocol.DayEnd, json.loads(self.body), "the day end")


def _report(body: str, folder: Path) -> float:
    """The supervisor's day end through its op (``ops.cash.day_end_report``), PDF written."""
    from boxoffice.actor import system_actor
    from boxoffice.context import TerminalContext
    from boxoffice.ops import cash
    from boxoffice.store import open_store

    store = open_store(folder / "terminal.sqlite3")
    try:
        ctx = TerminalContext(store, "Window 1", sync=_Answer(body))
        t0 = time.perf_counter()
        report = cash.day_end_report(ctx, system_actor("Window 1"), DAY).value
        cash.save_report(ctx, report, folder / "day-end.pdf", "pdf")
        seconds = time.perf_counter() - t0
        z_lines = next(s for s in report.sections if s.title == "Z reports")
        z_reports = {(str(r[0]), str(r[1])) for r in z_lines.rows}
        assert len(z_reports) == TERMINALS * Z_PER_DAY, len(z_reports)
    finally:
        store.dispose()
    return seconds


def run() -> Iterator[Metric]:
    folder = Path(tempfile.mkdtemp(prefix="bench-day-end-"))
    store = _fill(f"sqlite:///{folder / 'server.sqlite3'}")
    seconds, body = _serve(store)
    store.dispose()  # type: ignore[attr-defined]
    yield Metric("server_day_end_100_terminals_sqlite_s", seconds, "s", BUDGET_S)
    yield Metric("day_end_report_pdf_100_terminals_s", _report(body, folder), "s", BUDGET_S)
    url = os.environ.get("BOXOFFICE_BENCH_PG") or os.environ.get("BOXOFFICE_TEST_PG")
    if not url:
        return
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    try:
        store = _fill(f"{url}{sep}options={quote(f'-csearch_path={schema}')}")
        seconds, _ = _serve(store)
        store.dispose()  # type: ignore[attr-defined]
        yield Metric("server_day_end_100_terminals_pg_s", seconds, "s", BUDGET_S)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
