"""Committing a 2-ticket cash sale in the local store (budget: p99 ≤ 10 ms, fsync on).

The store is built like the sales tests' template (the demo theatre, EUR
prices, clerk ann, this terminal's signing key) with four performances, so
2,000 two-seat sales each find two adjacent free seats. Each sale is the
sell op (``boxoffice.ops.sell``, as the sell screen will call it, on a
terminal context without devices or a server), timed from the call to its
return: its one transaction (``BEGIN IMMEDIATE``: pricing, holds, order and
tickets, serials and signed barcodes, payment, cash movement, outbox and
audit entries, and the fsync of WAL commit with ``synchronous=FULL``) and
what follows the commit (the change-set published).

For comparison, ``sqlite_bare_commit_p99`` is a one-row insert committed on
the same store file through the store's own write engine (same pragmas), at
the driver level: what SQLite and the disk cost without any of our code.

``python -m benchmarks.bench_sale_commit --profile`` profiles the sales with
cProfile and prints where the time goes, per sale.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from benchmarks import Metric
from boxoffice.actor import Actor, system_actor
from boxoffice.auth import roles, users
from boxoffice.catalogue import events, performances, prices, venues
from boxoffice.clock import utc_now
from boxoffice.context import TerminalContext
from boxoffice.demo import THEATRE_PRICES, theatre_plan
from boxoffice.money import Money
from boxoffice.ops.sell import sell
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.checkout import Cash
from boxoffice.sales.signer import Signer, open_signer, register
from boxoffice.seatmaps.save import save_plan
from boxoffice.shifts.drawer import open_shift
from boxoffice.store import Store, open_store
from boxoffice.store.models import PerformanceStatus, Row, Seat, User

SALES = 2_000
WARMUP = 20
BARE_COMMITS = 2_000
PERFORMANCES = 4
TERMINAL = "Window 1"
TENDERED = Money.of("500.00", "EUR")


@dataclass
class Bench:
    store: Store
    signer: Signer
    clerk: Actor
    ctx: TerminalContext
    #: (performance id, seat id, seat id): two adjacent seats of one row.
    pairs: list[tuple[int, int, int]]


def build(path: Path) -> Bench:
    store = open_store(path)
    admin = system_actor("setup")
    now = utc_now()
    with store.write() as s:
        roles.ensure_roles(s)
        prices.ensure_standard_price_types(s)
        users.create_user(s, admin, "ann", "clerk", "1234", display_name="Ann Clerk")
        venue = venues.get_or_create(s, admin, "Lyceum", currency="EUR")
        seat_map = save_plan(s, admin, venue, theatre_plan(), "own")
        event = events.add_event(s, admin, "Hamlet", duration_minutes=170)
        perf_ids = []
        for day in range(PERFORMANCES):
            p = performances.add_performance(
                s,
                admin,
                event,
                seat_map,
                now + timedelta(days=10 + day),
                status=PerformanceStatus.ON_SALE,
            )
            perf_ids.append(p.id)
            for zone, by_type in THEATRE_PRICES.items():
                for code, amount in by_type.items():
                    prices.set_price(s, admin, p, zone, code, Money.of(amount, "EUR"), "5")
    signer = open_signer(path)
    with store.write() as s:
        register(s, signer, TERMINAL)
        ann = s.scalar(select(User.id).where(User.username == "ann"))
        # A sale needs an open shift (drawer session).
        open_shift(s, Actor(ann, "ann", TERMINAL), {"EUR": {2000: 5}}, now=now)
        by_row: dict[int, list[int]] = {}
        for seat_id, row_id in s.execute(
            select(Seat.id, Seat.row_id).join(Row).order_by(Seat.row_id, Seat.position, Seat.id)
        ):
            by_row.setdefault(row_id, []).append(seat_id)
    seat_pairs = [
        (seats[i], seats[i + 1]) for seats in by_row.values() for i in range(0, len(seats) - 1, 2)
    ]
    pairs = [(perf, a, b) for perf in perf_ids for a, b in seat_pairs]
    if len(pairs) < SALES + WARMUP:
        raise RuntimeError(f"only {len(pairs)} seat pairs for {SALES + WARMUP} sales")
    ctx = TerminalContext(store, TERMINAL)
    ctx.cache["signer"] = signer
    return Bench(store, signer, Actor(ann, "ann", TERMINAL), ctx, pairs)


def sell_pair(bench: Bench, pair: tuple[int, int, int]) -> float:
    """One sale through the sell op (its own transaction); seconds from the call to its return."""
    perf, a, b = pair
    cart = Cart([CartItem(perf, "adult", seat_id=a), CartItem(perf, "adult", seat_id=b)])
    started = time.perf_counter()
    done = sell(bench.ctx, bench.clerk, cart, [Cash(TENDERED)]).value
    elapsed = time.perf_counter() - started
    if len(done.serials) != 2:
        raise AssertionError(f"order {done.number} has {len(done.serials)} tickets")
    return elapsed


def bare_commits(store: Store, n: int) -> list[float]:
    """A one-row insert committed n times on the store's write engine, at driver level."""
    raw = store.write_engine.raw_connection()  # the engine's connect hook set the pragmas
    try:
        cur = raw.cursor()
        cur.execute("CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, v TEXT)")
        samples = []
        for i in range(n + WARMUP):
            started = time.perf_counter()
            cur.execute("BEGIN IMMEDIATE")
            cur.execute("INSERT INTO bench_bare (v) VALUES (?)", (f"row {i}",))
            cur.execute("COMMIT")
            if i >= WARMUP:
                samples.append(time.perf_counter() - started)
        cur.close()
    finally:
        raw.close()
    return samples


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def _with_store(body: Callable[[Bench], Iterator[Metric]]) -> Iterator[Metric]:
    with tempfile.TemporaryDirectory(prefix="bench-sale-") as tmp:
        bench = build(Path(tmp) / "boxoffice.sqlite3")
        try:
            yield from body(bench)
        finally:
            bench.store.dispose()


def _measure(bench: Bench) -> Iterator[Metric]:
    for pair in bench.pairs[:WARMUP]:
        sell_pair(bench, pair)
    samples = [sell_pair(bench, pair) for pair in bench.pairs[WARMUP : WARMUP + SALES]]
    bare = bare_commits(bench.store, BARE_COMMITS)
    for name, q in (("p50", 0.50), ("p99", 0.99)):
        yield Metric(
            f"sale_commit_2_tickets_cash_{name}",
            percentile(samples, q) * 1e3,
            "ms",
            10.0,
            baseline=percentile(bare, q) * 1e3,
            baseline_of=f"sqlite_bare_commit_{name}",
        )
    yield Metric("sqlite_bare_commit_p99", percentile(bare, 0.99) * 1e3, "ms", 1.0)


def run() -> Iterator[Metric]:
    yield from _with_store(_measure)


# -- profiling ----------------------------------------------------------------------
def profile(sales: int, top: int) -> str:
    """cProfile over ``sales`` sales (after warm-up): cumulative ms per sale, top functions."""
    out = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="bench-sale-") as tmp:
        bench = build(Path(tmp) / "boxoffice.sqlite3")
        try:
            for pair in bench.pairs[:WARMUP]:
                sell_pair(bench, pair)
            chosen = bench.pairs[WARMUP : WARMUP + sales]
            statements = [0]

            def count(sql: str) -> None:
                # SQLite's own trace: statements run on the driver directly count too
                # (a table-valued pragma inside a query reports itself as a "--" line).
                if not sql.startswith("--"):
                    statements[0] += 1

            def trace(dbapi_connection: Any, *_args: object) -> None:
                dbapi_connection.set_trace_callback(count)

            def untrace(dbapi_connection: Any, *_args: object) -> None:
                dbapi_connection.set_trace_callback(None)

            event.listen(bench.store.write_engine, "checkout", trace)
            event.listen(bench.store.write_engine, "checkin", untrace)
            profiler = cProfile.Profile()
            started = time.perf_counter()
            profiler.enable()
            for pair in chosen:
                sell_pair(bench, pair)
            profiler.disable()
            wall = (time.perf_counter() - started) / len(chosen) * 1e3
            event.remove(bench.store.write_engine, "checkout", trace)
            event.remove(bench.store.write_engine, "checkin", untrace)
        finally:
            bench.store.dispose()
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((cumtime, tottime, ncalls, f"{_short(filename)}:{line}({name})"))
    out.write(
        f"{len(chosen)} sales profiled, {wall:.2f} ms wall per sale under cProfile, "
        f"{statements[0] / len(chosen):.1f} SQL statements per sale (BEGIN and COMMIT included)\n"
    )
    out.write(f"{'cum ms/sale':>11} {'own ms/sale':>11} {'calls/sale':>10}  function\n")
    per = len(chosen)
    for cumtime, tottime, ncalls, where in sorted(rows, reverse=True)[:top]:
        cum_ms, own_ms = cumtime / per * 1e3, tottime / per * 1e3
        out.write(f"{cum_ms:11.3f} {own_ms:11.3f} {ncalls / per:10.1f}  {where}\n")
    return out.getvalue()


def _short(filename: str) -> str:
    for marker in ("/boxoffice/", "/sqlalchemy/", "/cryptography/"):
        if marker in filename:
            return marker.strip("/") + "/" + filename.split(marker, 1)[1]
    return filename.rsplit("/", 1)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_sale_commit")
    parser.add_argument("--profile", action="store_true", help="profile instead of measuring")
    parser.add_argument("--sales", type=int, default=300, help="sales to profile")
    parser.add_argument("--top", type=int, default=60, help="functions to list")
    args = parser.parse_args(argv)
    if args.profile:
        sys.stdout.write(profile(args.sales, args.top))
    else:
        for metric in run():
            print(metric.to_json(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
