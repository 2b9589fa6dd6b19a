"""Sell cash sales in a loop until killed: the child of the crash-consistency test.

Run as ``python -m tests.sales.crash_seller STORE_PATH`` (or by path). The
store must already hold the clerk (``--user``, default ``ann``), on-sale
performances with prices, and this terminal's registered signing key next to
the store. Each sale is one or two adult seats paid in cash, in its own
``with store.write()`` transaction, on the next free seats in a fixed walk
(performance id, then seat id), so a restarted seller carries on where the
store says it stopped.

Protocol on stdout, one line each, flushed at once:

``begin <attempt>``
    a sale's transaction is about to open;
``sold <order number> <serial> [<serial>]``
    that sale's transaction has committed (the ``with`` block has exited);
``sold-out``
    no free seats are left (the process then exits 0).

A ``begin`` without its ``sold`` means the process was killed inside that
sale (or between its commit and the print).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):  # run by path: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import select

from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.money import Money
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.checkout import Cash, sell
from boxoffice.sales.signer import open_signer
from boxoffice.store import open_store
from boxoffice.store.models import (
    LIVE_TICKET_STATES,
    Performance,
    PerformanceStatus,
    Seat,
    Ticket,
    User,
)

TERMINAL = "Window 1"
#: Comfortably more than any two seats cost in the test theatre.
TENDERED = Money.of("500.00", "EUR")


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _free_places(
    store_path: Path, username: str, terminal: str
) -> tuple[Actor, list[tuple[int, int]]]:
    """The clerk and every unsold (performance, seat) pair, in walk order."""
    store = open_store(store_path, migrate=False)
    try:
        with store.read() as s:
            user_id = s.scalar(select(User.id).where(User.username == username))
            if user_id is None:
                raise SystemExit(f"no user {username!r} in {store_path}")
            taken = {
                (perf_id, seat_id)
                for perf_id, seat_id in s.execute(
                    select(Ticket.performance_id, Ticket.seat_id).where(
                        Ticket.status.in_(LIVE_TICKET_STATES), Ticket.seat_id.is_not(None)
                    )
                )
            }
            places: list[tuple[int, int]] = []
            perfs = s.execute(
                select(Performance.id, Performance.seat_map_id)
                .where(Performance.status == PerformanceStatus.ON_SALE)
                .order_by(Performance.id)
            ).all()
            for perf_id, seat_map_id in perfs:
                seat_ids = s.scalars(
                    select(Seat.id).where(Seat.seat_map_id == seat_map_id).order_by(Seat.id)
                )
                places.extend((perf_id, sid) for sid in seat_ids if (perf_id, sid) not in taken)
    finally:
        store.dispose()
    return Actor(user_id, username, terminal), places


def _carts(places: list[tuple[int, int]]) -> Iterator[Cart]:
    """Alternately one and two seats; a pair is always of one performance."""
    i, size = 0, 1
    while i < len(places):
        chunk = places[i : i + size]
        if len({perf for perf, _ in chunk}) > 1:
            chunk = chunk[:1]
        yield Cart([CartItem(perf, "adult", seat_id=seat) for perf, seat in chunk])
        i += len(chunk)
        size = 3 - size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.sales.crash_seller")
    parser.add_argument("store", type=Path)
    parser.add_argument("--user", default="ann")
    parser.add_argument("--terminal", default=TERMINAL)
    parser.add_argument("--limit", type=int, default=0, help="stop after this many sales")
    args = parser.parse_args(argv)

    actor, places = _free_places(args.store, args.user, args.terminal)
    signer = open_signer(args.store)
    store = open_store(args.store, migrate=False)
    for attempt, cart in enumerate(_carts(places), start=1):
        if args.limit and attempt > args.limit:
            break
        _emit(f"begin {attempt}")
        with store.write() as session:
            sale = sell(session, actor, cart, [Cash(TENDERED)], signer, now=utc_now())
            number = sale.order.number
            serials = [t.serial or "" for t in sale.order.tickets]
        # Committed: only now does the clerk see the sale as complete.
        _emit(" ".join(["sold", number, *serials]))
    else:
        _emit("sold-out")
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
