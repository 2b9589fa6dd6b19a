"""Z report PDF for a day of 20,000 transactions (budget ≤ 2 s).

Builds a store whose one shift holds 20,000 transactions (cash, card and
gift-card sales, some refunds, with their cash movements), written in bulk
for speed: the benchmark measures the report, not the sales. It then times
what a supervisor waits for at the close, through the ops the screen and
the CLI run: ``ops.cash.close_shift`` (the blind count stored; then the
close with the variance signed off: figures summed, Z report hashed and
stored) and the Z report PDF written
(``ops.cash.save_report``). The day's sales report PDF is timed too
(``ops.reports.build`` and ``write_reports``, as ``boxoffice-admin report``).
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from benchmarks import Metric
from boxoffice.actor import Actor, system_actor
from boxoffice.auth import roles, users
from boxoffice.catalogue import events, performances, prices, venues
from boxoffice.context import TerminalContext
from boxoffice.demo import THEATRE_PRICES, theatre_plan
from boxoffice.money import Money
from boxoffice.ops import cash
from boxoffice.ops import reports as report_ops
from boxoffice.seatmaps.plan import GAAreaPlan
from boxoffice.seatmaps.save import save_plan
from boxoffice.shifts import drawer
from boxoffice.store import Store, open_store
from boxoffice.store.models import (
    CashMovement,
    GAArea,
    Order,
    Payment,
    PerformanceStatus,
    PriceType,
    PriceZone,
    Ticket,
)

TRANSACTIONS = 20_000
#: Set BENCH_KEEP_PDFS to a folder to keep the PDFs for a look.
KEEP = Path(os.environ["BENCH_KEEP_PDFS"]) if os.environ.get("BENCH_KEEP_PDFS") else None
TERMINAL = "Window 1"
DAY = datetime(2030, 6, 1, 8, 0, tzinfo=UTC)


def build(path: Path) -> tuple[Store, Actor, int]:
    store = open_store(path)
    admin = system_actor("setup")
    with store.write() as s:
        roles.ensure_roles(s)
        prices.ensure_standard_price_types(s)
        ann = users.create_user(s, admin, "ann", "clerk", "1234")
        venue = venues.get_or_create(s, admin, "Lyceum", currency="EUR")
        plan = theatre_plan()
        plan.ga_areas.append(GAAreaPlan("Standing", 100_000, "Standard"))
        seat_map = save_plan(s, admin, venue, plan, "own")
        event = events.add_event(s, admin, "Hamlet", duration_minutes=170)
        perf_ids = []
        for day in range(1, 6):
            p = performances.add_performance(
                s,
                admin,
                event,
                seat_map,
                DAY + timedelta(days=day),
                status=PerformanceStatus.ON_SALE,
            )
            perf_ids.append(p.id)
            for zone, by_type in THEATRE_PRICES.items():
                for code, amount in by_type.items():
                    prices.set_price(s, admin, p, zone, code, Money.of(amount, "EUR"), "5")
        clerk = Actor(ann.id, "ann", TERMINAL)
        shift = drawer.open_shift(s, clerk, {"EUR": {2000: 5, 1000: 5}}, now=DAY)
        area = s.scalar(select(GAArea.id))
        zone = s.scalar(select(PriceZone.id).where(PriceZone.name == "Standard"))
        types = list(s.scalars(select(PriceType.id)))
        _bulk_day(s, clerk, shift.id, perf_ids, area, zone, types)
    return store, clerk, shift.id


def _bulk_day(s, clerk, shift_id, perf_ids, area, zone, types) -> None:
    rng = random.Random(20300601)
    orders, tickets, payments, cash = [], [], [], []
    for n in range(1, TRANSACTIONS + 1):
        at = DAY + timedelta(seconds=rng.randrange(13 * 3600))
        count = rng.choice((1, 2, 2, 3, 4))
        price = rng.choice((4500, 5900, 3900, 2500))
        total = price * count
        orders.append(
            dict(
                id=n,
                number=f"W1-{n:06d}",
                uuid=str(uuid.uuid4()),
                terminal=TERMINAL,
                user_id=clerk.user_id,
                username="ann",
                shift_id=shift_id,
                status="paid",
                currency="EUR",
                subtotal_minor=total,
                discount_minor=0,
                total_minor=total,
                tax_minor=total * 5 // 105,
                discounts="[]",
                note="",
                created_at=at,
                paid_at=at,
            )
        )
        for _ in range(count):
            tickets.append(
                dict(
                    order_id=n,
                    performance_id=rng.choice(perf_ids),
                    ga_area_id=area,
                    price_zone_id=zone,
                    price_type_id=rng.choice(types),
                    list_price_minor=price,
                    discount_minor=0,
                    price_minor=price,
                    tax_rate_bp=500,
                    tax_minor=price * 5 // 105,
                    override_reason="",
                    refund_fee_minor=0,
                    status="valid",
                    reissue=0,
                    print_count=0,
                    issued_at=at,
                )
            )
        kind = rng.choices(("cash", "card", "gift_card"), (60, 35, 5))[0]
        scheme = rng.choice(("VISA", "MASTERCARD", "AMEX")) if kind == "card" else ""
        payments.append(
            dict(
                id=n,
                order_id=n,
                kind=kind,
                status="captured",
                amount_minor=total,
                currency="EUR",
                tendered_minor=total if kind == "cash" else 0,
                change_minor=0,
                rounding_minor=0,
                card_scheme=scheme,
                card_last4="4242" if scheme else "",
                auth_code="",
                terminal_ref="",
                terminal=TERMINAL,
                user_id=clerk.user_id,
                shift_id=shift_id,
                created_at=at,
            )
        )
        if kind == "cash":
            cash.append(
                dict(
                    terminal=TERMINAL,
                    shift_id=shift_id,
                    user_id=clerk.user_id,
                    kind="sale",
                    amount_minor=total,
                    currency="EUR",
                    order_id=n,
                    payment_id=n,
                    reason="",
                    created_at=at,
                )
            )
    s.execute(insert(Order), orders)
    s.execute(insert(Ticket), tickets)
    s.execute(insert(Payment), payments)
    s.execute(insert(CashMovement), cash)


def run() -> Iterator[Metric]:
    with tempfile.TemporaryDirectory(prefix="bench-z-") as tmp:
        store, _clerk, shift_id = build(Path(tmp) / "boxoffice.sqlite3")
        ctx = TerminalContext(store, TERMINAL)
        try:
            closing = DAY + timedelta(hours=14)
            started = time.perf_counter()
            # A supervisor closes the clerk's drawer: the blind count, then the close
            # with the variance signed off (the op's two transactions).
            closed = cash.close_shift(
                ctx,
                system_actor(TERMINAL),
                shift_id,
                count={"EUR": {2000: 5}},
                signoff_reason="bench",
                now=closing,
            ).value
            assert closed.z is not None
            cash.save_report(ctx, closed.z.report, Path(tmp) / "z.pdf", "pdf")
            if KEEP:
                shutil.copy(Path(tmp) / "z.pdf", KEEP / "bench-z.pdf")
            z_seconds = time.perf_counter() - started
            yield Metric("z_report_pdf_20k_transactions", z_seconds, "s", 2.0)

            started = time.perf_counter()
            built = report_ops.build(ctx, "sales", DAY.date()).value
            report_ops.write_reports(ctx, built.reports, Path(tmp) / "sales.pdf", "pdf")
            if KEEP:
                shutil.copy(Path(tmp) / "sales.pdf", KEEP / "bench-sales.pdf")
            yield Metric(
                "sales_report_pdf_20k_transactions", time.perf_counter() - started, "s", 5.0
            )
        finally:
            store.dispose()


if __name__ == "__main__":
    for metric in run():
        print(metric.to_json())
