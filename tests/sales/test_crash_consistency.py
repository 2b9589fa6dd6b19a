"""Invariant 2: a sale is one transaction, so ``kill -9`` never leaves half a sale.

A child process (``tests/sales/crash_seller.py``) sells one- and two-ticket
cash sales in a loop on the test theatre and reports each sale on stdout
only after its transaction committed. The test kills it with SIGKILL at a
random moment, restarts it on the same store, and repeats; then a last run
ends normally. The store must then hold every sale the child reported, and
every order in it must be complete (tickets issued and signed, payments,
cash movements, outbox and audit entries), with no seat sold twice, an
intact audit chain and database, and serial counters that never went back.

``store_problems`` is the checker; the tests at the bottom corrupt a store
on purpose to show that it notices each kind of half-done sale.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter as Tally
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.money import Money
from boxoffice.sales import barcodes
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.checkout import Cash, place_order, sell
from boxoffice.sales.signer import trusted_keys
from boxoffice.store import Store, open_store
from boxoffice.store.models import (
    LIVE_TICKET_STATES,
    AuditEntry,
    CartHold,
    CashKind,
    CashMovement,
    Counter,
    Order,
    OrderStatus,
    OutboxEntry,
    Payment,
    PaymentStatus,
    TenderKind,
    Ticket,
    TicketStatus,
)
from tests.sales.conftest import World
from tests.sales.helpers import SALE_MONEY

ROOT = Path(__file__).resolve().parents[2]
KILLS = 6
#: How long the child may take to start and report its first sales.
STARTUP_TIMEOUT_S = 30.0
SERIAL = re.compile(r"^(?P<prefix>.+)-T(?P<n>\d+)$")
ORDER_NUMBER = re.compile(r"^(?P<prefix>.+)-(?P<n>\d+)$")


# -- running the child ------------------------------------------------------------
@dataclass
class Run:
    """What one seller process said before it died (or finished)."""

    sold: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Protocol violations seen by the reader thread (asserted in the test's thread).
    errors: list[str] = field(default_factory=list)
    #: The last line was ``begin``: the kill landed inside a sale (or just after its commit).
    killed_mid_sale: bool = False
    returncode: int | None = None
    stderr: str = ""


def _read(stream: IO[str], run: Run, enough: int, ready: threading.Event) -> None:
    last = ""
    for line in stream:
        if not line.endswith("\n"):  # cut off by the kill
            break
        word, *rest = line.split()
        last = word
        if word == "sold":
            number, *serials = rest
            if number in run.sold or not serials:
                run.errors.append(f"bad report: {line.strip()!r}")
            run.sold[number] = tuple(serials)
            if len(run.sold) >= enough:
                ready.set()
        elif word == "sold-out":
            ready.set()
    run.killed_mid_sale = last == "begin"
    ready.set()


def run_seller(
    store_path: Path,
    *,
    kill_after_sales: int | None,
    delay_s: float = 0.0,
    limit: int = 0,
    tmp: Path,
) -> Run:
    """Start the seller; SIGKILL it ``delay_s`` after it reported ``kill_after_sales`` sales."""
    err_path = tmp / f"seller-{time.monotonic_ns()}.err"
    cmd = [sys.executable, "-m", "tests.sales.crash_seller", str(store_path)]
    if limit:
        cmd += ["--limit", str(limit)]
    run = Run()
    ready = threading.Event()
    with err_path.open("w") as err:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True, bufsize=1
        )
        reader = threading.Thread(
            target=_read, args=(proc.stdout, run, kill_after_sales or 0, ready), daemon=True
        )
        reader.start()
        try:
            if kill_after_sales is not None:
                if not ready.wait(STARTUP_TIMEOUT_S):
                    raise AssertionError(f"the seller reported no sales in {STARTUP_TIMEOUT_S} s")
                time.sleep(delay_s)
                if proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)
            run.returncode = proc.wait(timeout=STARTUP_TIMEOUT_S)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        reader.join(timeout=10)
    run.stderr = err_path.read_text()
    return run


# -- the checker --------------------------------------------------------------------
def _serial_number(serial: str) -> int:
    m = SERIAL.match(serial)
    assert m, f"malformed serial {serial!r}"
    return int(m["n"])


def store_problems(session: Session, reported: Mapping[str, Sequence[str]]) -> list[str]:
    """Everything wrong with the store after the crashes; empty when it is consistent."""
    problems: list[str] = []
    orders = {o.id: o for o in session.scalars(select(Order))}
    by_number = {o.number: o for o in orders.values()}
    tickets = list(session.scalars(select(Ticket).order_by(Ticket.id)))
    payments = list(session.scalars(select(Payment)))
    movements = list(session.scalars(select(CashMovement).where(SALE_MONEY)))
    outbox = list(session.scalars(select(OutboxEntry)))
    audit_rows = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    trusted = trusted_keys(session)

    tickets_of: dict[int, list[Ticket]] = {}
    for t in tickets:
        tickets_of.setdefault(t.order_id, []).append(t)
    payments_of: dict[int, list[Payment]] = {}
    for p in payments:
        payments_of.setdefault(p.order_id, []).append(p)
    movements_of_payment = Tally(m.payment_id for m in movements)
    sale_outbox: dict[str, list[OutboxEntry]] = {}
    for e in outbox:
        sale_outbox.setdefault(e.idempotency_key, []).append(e)
    audit_of: dict[tuple[str, str], list[AuditEntry]] = {}
    for a in audit_rows:
        audit_of.setdefault((a.action, a.subject), []).append(a)

    # (a) every sale the clerk saw complete is in the store, as reported
    for number, serials in reported.items():
        order = by_number.get(number)
        if order is None:
            problems.append(f"reported sale {number} is not in the store")
            continue
        if order.status != OrderStatus.PAID:
            problems.append(f"reported sale {number} is {order.status.value}, not paid")
        stored = [t.serial for t in tickets_of.get(order.id, [])]
        if stored != list(serials):
            problems.append(f"reported sale {number}: serials {list(serials)} but store {stored}")

    # (b) every order in the store is a whole sale
    for order in orders.values():
        where = f"order {order.number}"
        subject = f"order:{order.number}"
        if order.status != OrderStatus.PAID or order.paid_at is None:
            problems.append(f"{where} is {order.status.value} (paid_at {order.paid_at})")
        mine = tickets_of.get(order.id, [])
        if not mine:
            problems.append(f"{where} has no tickets")
        if sum(t.price_minor for t in mine) != order.total_minor:
            problems.append(f"{where}: ticket prices do not add up to its total")
        for t in mine:
            if t.status != TicketStatus.VALID or not t.serial or not t.barcode:
                problems.append(
                    f"{where}: ticket {t.id} is {t.status.value}, serial {t.serial!r}, "
                    f"barcode {'set' if t.barcode else 'missing'}"
                )
                continue
            v = barcodes.verify(t.barcode, trusted, performance_id=t.performance_id)
            if not v.genuine or v.claim is None:
                problems.append(f"{where}: ticket {t.serial} barcode {v.status.value}: {v.reason}")
            elif (v.claim.ticket_id, v.claim.seat_id, v.claim.reissue, v.claim.key_id) != (
                t.id,
                t.seat_id,
                t.reissue,
                t.key_id,
            ):
                problems.append(f"{where}: ticket {t.serial} barcode is for another ticket")
        captured = [p for p in payments_of.get(order.id, []) if p.status == PaymentStatus.CAPTURED]
        settled = sum(p.amount_minor + p.rounding_minor for p in captured)
        if settled != order.total_minor:
            problems.append(f"{where}: tenders settle {settled}, total is {order.total_minor}")
        for p in captured:
            if p.kind != TenderKind.CASH:
                continue
            if p.tendered_minor - p.change_minor != p.amount_minor or p.change_minor < 0:
                problems.append(f"{where}: cash payment {p.id} tendered minus change != amount")
            if movements_of_payment[p.id] != 1:
                problems.append(
                    f"{where}: cash payment {p.id} has {movements_of_payment[p.id]} cash movements"
                )
        entries = sale_outbox.get(f"{order.uuid}:sale", [])
        if len(entries) != 1 or entries[0].kind != "sale":
            problems.append(f"{where}: {len(entries)} outbox sale entries")
        else:
            body = json.loads(entries[0].body)
            if body["number"] != order.number or [x["serial"] for x in body["tickets"]] != [
                t.serial for t in mine
            ]:
                problems.append(f"{where}: the outbox entry describes another sale")
        sales = audit_of.get(("sale", subject), [])
        if len(sales) != 1:
            problems.append(f"{where}: {len(sales)} audit 'sale' entries")
        elif json.loads(sales[0].details).get("tickets") != [t.serial for t in mine]:
            problems.append(f"{where}: the audit 'sale' entry names other tickets")
        elif not json.loads(sales[0].details).get("tenders"):
            problems.append(f"{where}: the audit 'sale' entry does not name its tenders")

    # ... and nothing of a sale exists without its paid order
    paid = {i for i, o in orders.items() if o.status == OrderStatus.PAID}
    orphans = [
        *(f"ticket {t.id}" for t in tickets if t.order_id not in paid),
        *(f"payment {p.id}" for p in payments if p.order_id not in paid),
        *(
            f"cash movement {m.id}"
            for m in movements
            if m.kind == CashKind.SALE
            and (m.order_id not in paid or m.payment_id not in {p.id for p in payments})
        ),
    ]
    uuids = {f"{o.uuid}:sale" for o in orders.values()}
    orphans += [f"outbox entry {e.id}" for e in outbox if e.idempotency_key not in uuids]
    subjects = {f"order:{o.number}" for o in orders.values()}
    orphans += [
        f"audit entry {a.seq} ({a.action} {a.subject})"
        for a in audit_rows
        if a.subject.startswith("order:") and a.subject not in subjects
    ]
    holds = session.scalar(select(func.count()).select_from(CartHold)) or 0
    if holds:
        orphans.append(f"{holds} cart holds")
    if orphans:
        problems.append("left behind without a paid order: " + ", ".join(orphans[:20]))

    # (c) no seat has two live tickets
    doubles = session.execute(
        select(Ticket.performance_id, Ticket.seat_id, func.count())
        .where(Ticket.status.in_(LIVE_TICKET_STATES), Ticket.seat_id.is_not(None))
        .group_by(Ticket.performance_id, Ticket.seat_id)
        .having(func.count() > 1)
    ).all()
    problems += [f"seat {seat} of performance {perf} sold {n} times" for perf, seat, n in doubles]

    # (d) the audit chain and the database file are intact
    broken = audit.verify(session)
    if broken is not None:
        problems.append(f"audit chain: {broken}")
    integrity = session.execute(text("PRAGMA integrity_check")).scalars().all()
    if integrity != ["ok"]:
        problems.append(f"integrity_check: {integrity[:5]}")
    fk = session.execute(text("PRAGMA foreign_key_check")).all()
    if fk:
        problems.append(f"foreign_key_check: {fk[:5]}")

    # (e) serials are unique and the counters are past everything issued
    serials = [t.serial for t in tickets if t.serial]
    dupes = [s for s, n in Tally(serials).items() if n > 1]
    if dupes:
        problems.append(f"serials issued twice: {dupes[:10]}")
    counters = dict(session.execute(select(Counter.name, Counter.value)).all())
    if serials and counters.get("ticket", 0) < max(map(_serial_number, serials)):
        problems.append(f"ticket counter {counters.get('ticket')} is behind the serials issued")
    numbers = [int(m["n"]) for o in orders.values() if (m := ORDER_NUMBER.match(o.number))]
    if len(numbers) != len(orders):
        problems.append("malformed order numbers")
    if numbers and counters.get("order", 0) < max(numbers):
        problems.append(f"order counter {counters.get('order')} is behind the orders")
    return problems


def _check(store_path: Path, reported: Mapping[str, Sequence[str]]) -> list[str]:
    store = open_store(store_path, migrate=False)
    try:
        with store.read() as session:
            return store_problems(session, reported)
    finally:
        store.dispose()


# -- the crash test -------------------------------------------------------------------
def test_kill_9_during_sales_never_leaves_half_a_sale(world: World, tmp_path: Path) -> None:
    seed = int(os.environ.get("CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    path = world.store.path
    world.store.dispose()  # the child is the only writer
    reported: dict[str, tuple[str, ...]] = {}
    runs: list[Run] = []
    for _ in range(KILLS):
        run = run_seller(
            path,
            kill_after_sales=rng.randint(2, 12),
            delay_s=rng.uniform(0.0, 0.3),
            tmp=tmp_path,
        )
        runs.append(run)
        assert not run.errors, f"seed {seed}: {run.errors}"
        assert run.returncode == -signal.SIGKILL, (
            f"seed {seed}: the seller ended by itself ({run.returncode}):\n{run.stderr}"
        )
        overlap = set(run.sold) & set(reported)
        assert not overlap, f"seed {seed}: order numbers reused after a crash: {overlap}"
        reported.update(run.sold)

    # After the last crash the seller still starts and carries on where the store is.
    last = run_seller(path, kill_after_sales=None, limit=5, tmp=tmp_path)
    assert last.returncode == 0, f"the seller failed after the crashes:\n{last.stderr}"
    assert not last.errors, last.errors
    assert len(last.sold) == 5
    assert not set(last.sold) & set(reported)
    reported.update(last.sold)

    mid_sale = sum(r.killed_mid_sale for r in runs)
    assert mid_sale >= 1, f"seed {seed}: no kill landed inside a sale; the test proved nothing"
    problems = _check(path, reported)
    assert problems == [], f"seed {seed}:\n" + "\n".join(problems)

    # A sale the child did not report can only be one committed just before its kill.
    store = open_store(path, migrate=False)
    try:
        with store.read() as s:
            in_store = set(s.scalars(select(Order.number)))
    finally:
        store.dispose()
    unreported = in_store - set(reported)
    assert len(unreported) <= mid_sale, f"seed {seed}: unreported sales {sorted(unreported)}"
    # Serials only go up across restarts: each run starts past the previous run's last.
    spans = [
        (min(nums), max(nums))
        for r in [*runs, last]
        if (nums := [_serial_number(x) for serials in r.sold.values() for x in serials])
    ]
    for (_, prev_max), (next_min, _) in itertools.pairwise(spans):
        assert next_min > prev_max, f"seed {seed}: serials went back after a restart: {spans}"
    print(
        f"\ncrash test (seed {seed}): {KILLS} kills, {mid_sale} inside a sale, "
        f"{len(reported)} sales reported, {len(unreported)} committed but unreported"
    )


# -- the checker can fail ---------------------------------------------------------------
def _sell_two(world: World, first: str, second: str) -> tuple[str, tuple[str, ...]]:
    cart = Cart(
        [
            CartItem(world.performance, "adult", seat_id=world.seats[first]),
            CartItem(world.performance, "adult", seat_id=world.seats[second]),
        ]
    )
    with world.store.write() as s:
        sale = sell(
            s, world.clerk, cart, [Cash(Money.of("500", "EUR"))], world.signer, now=world.now
        )
        return sale.order.number, tuple(t.serial or "" for t in sale.order.tickets)


def _problems(store: Store, reported: Mapping[str, Sequence[str]]) -> list[str]:
    with store.read() as s:
        return store_problems(s, reported)


def test_checker_passes_whole_sales_and_notices_missing_ones(world: World) -> None:
    number, serials = _sell_two(world, "S-A-1", "S-A-2")
    other, other_serials = _sell_two(world, "S-A-3", "S-A-4")
    assert _problems(world.store, {number: serials, other: other_serials}) == []
    assert _problems(world.store, {}) == []  # reporting is optional, completeness is not

    assert any("W1-999999" in p for p in _problems(world.store, {"W1-999999": ("x",)}))
    assert any("serials" in p for p in _problems(world.store, {number: serials[:1]}))


def test_checker_notices_a_sale_split_over_two_transactions(world: World) -> None:
    _sell_two(world, "S-A-1", "S-A-2")
    cart = Cart([CartItem(world.performance, "adult", seat_id=world.seats["S-B-1"])])
    with world.store.write() as s:  # placed and committed, the payment never came
        half = place_order(s, world.clerk, cart, now=world.now).number
    found = _problems(world.store, {})
    assert any(f"order {half} is pending" in p for p in found)
    assert any(f"order {half}: 0 audit 'sale' entries" in p for p in found)
    assert any(f"order {half}: 0 outbox sale entries" in p for p in found)
    assert any("left behind" in p and "ticket" in p for p in found)


def test_checker_notices_lost_or_forged_parts(world: World) -> None:
    number, serials = _sell_two(world, "S-A-1", "S-A-2")
    other, _ = _sell_two(world, "S-A-3", "S-A-4")
    with world.store.write() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        uuid = s.scalar(select(Order.uuid).where(Order.number == other))
        s.execute(delete(OutboxEntry).where(OutboxEntry.idempotency_key == f"{uuid}:sale"))
        s.execute(delete(CashMovement).where(CashMovement.order_id == order_id))
        t = s.scalar(select(Ticket).where(Ticket.serial == serials[0]))
        assert t is not None and t.barcode
        flipped = "A" if t.barcode[-6] != "A" else "B"
        t.barcode = t.barcode[:-6] + flipped + t.barcode[-5:]
    found = _problems(world.store, {})
    assert any(f"order {other}: 0 outbox sale entries" in p for p in found)
    assert any(f"order {number}: cash payment" in p and "0 cash movements" in p for p in found)
    assert any(serials[0] in p and "barcode forged" in p for p in found)


def test_checker_notices_a_double_sale_and_a_broken_chain(world: World) -> None:
    number, serials = _sell_two(world, "S-C-1", "S-C-2")
    with world.store.write() as s:
        s.execute(text("DROP INDEX uq_tickets_live_seat"))
        t = s.scalar(select(Ticket).where(Ticket.serial == serials[0]))
        assert t is not None
        s.add(
            Ticket(
                order_id=t.order_id,
                performance_id=t.performance_id,
                seat_id=t.seat_id,
                price_zone_id=t.price_zone_id,
                price_type_id=t.price_type_id,
                list_price_minor=0,
                price_minor=0,
                tax_rate_bp=0,
                tax_minor=0,
                status=TicketStatus.VALID,
                serial=serials[0][:-1] + "9",
            )
        )
        s.execute(
            text("UPDATE audit_log SET details = '{}' WHERE seq = (SELECT max(seq) FROM audit_log)")
        )
        s.execute(text("UPDATE counters SET value = 0 WHERE name = 'ticket'"))
    found = _problems(world.store, {number: serials})
    assert any("sold 2 times" in p for p in found)
    assert any(p.startswith("audit chain") for p in found)
    assert any("ticket counter" in p for p in found)
