"""Sales and reservations: an order's seats claimed, its GA places taken, its rows booked.

A chunk's new sales are validated together and their free seats claimed in
one statement (``prepare_sales``) before the engine applies the chunk in
order; each sale is then booked from what was prepared, and the orders,
tickets and payments of the whole chunk are written with three statements
(``flush_sales``). A seat someone else holds makes the sale a conflict: the
money is kept and a supervisor sees it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from boxoffice.protocol.operations import Envelope, OrderBody, TicketLine
from boxoffice.server import feed, inventory
from boxoffice.server.models import (
    Allocation,
    GAClaim,
    InvGAArea,
    InvPerformance,
    InvSeat,
    ServerOrder,
    ServerPayment,
    ServerTicket,
    ShiftRecord,
    Terminal,
)
from boxoffice.server.ops.handler import BUFFERED_KINDS, Ctx, Outcome, Rejected, parse

SALES = "sales_to_write"


@dataclass
class Prep:
    """What a chunk's sales need, fetched once for the chunk instead of once per sale."""

    parsed: dict[str, OrderBody] = field(default_factory=dict)
    existing_orders: set[str] = field(default_factory=set)
    existing_serials: set[str] = field(default_factory=set)
    perfs: dict[int, InvPerformance] = field(default_factory=dict)
    seats: set[tuple[int, int]] = field(default_factory=set)
    areas: set[tuple[int, int]] = field(default_factory=set)
    #: (performance, seat, serial) claimed for sale up front, and how: "free" (a new
    #: claim), "allocation" or "hold" (this terminal's claim converted to a sale).
    claimed: dict[tuple[int, int, str], str] = field(default_factory=dict)
    #: (performance, seat, serial) that could not be claimed up front, with the facts
    #: of the claim that blocks it (for the conflict the handler records).
    blocked: dict[tuple[int, int, str], dict[str, Any]] = field(default_factory=dict)


def _validate_order(
    body: OrderBody,
    perfs: dict[int, InvPerformance],
    seats: set[tuple[int, int]],
    areas: set[tuple[int, int]],
    serials_taken: set[str],
) -> None:
    """Everything that can refuse a sale, checked before anything is written."""
    if not body.tickets:
        raise Rejected("invalid_body", "an order needs at least one ticket")
    for line in body.tickets:
        if line.performance not in perfs:
            raise Rejected(
                "unknown_performance", f"performance {line.performance} is not in the catalogue"
            )
        if (line.seat is None) == (line.ga_area is None):
            raise Rejected("invalid_body", f"ticket {line.id} needs a seat or a GA area")
        if line.serial is None:
            raise Rejected("invalid_body", f"ticket {line.id} has no serial")
        if line.serial in serials_taken:
            raise Rejected("serial_exists", f"ticket serial {line.serial} is already booked")
        if line.price < 0:
            raise Rejected("invalid_body", f"ticket {line.id} has a negative price")
        if line.seat is not None and (line.performance, line.seat) not in seats:
            raise Rejected(
                "unknown_place",
                f"seat {line.seat} is not in the seat map of performance {line.performance}",
            )
        if line.ga_area is not None and (line.performance, line.ga_area) not in areas:
            raise Rejected(
                "unknown_place",
                f"general-admission area {line.ga_area} is not in performance {line.performance}",
            )
    serials = [line.serial for line in body.tickets]
    if len(set(serials)) != len(serials):
        raise Rejected("invalid_body", "two tickets of the order have the same serial")
    places = [(x.performance, x.seat) for x in body.tickets if x.seat is not None]
    if len(set(places)) != len(places):
        raise Rejected("invalid_body", "the same seat is in the order twice")


def _lookups(
    session: Session, bodies: list[OrderBody]
) -> tuple[dict[int, InvPerformance], set[tuple[int, int]], set[tuple[int, int]], set[str]]:
    """Performances, valid seats and areas, and already booked serials for these orders."""
    lines = [line for b in bodies for line in b.tickets]
    perf_ids = {line.performance for line in lines}
    perfs = {
        p.id: p
        for p in session.scalars(select(InvPerformance).where(InvPerformance.id.in_(perf_ids)))
    }
    seats: set[tuple[int, int]] = set()
    seat_ids = {line.seat for line in lines if line.seat is not None}
    if seat_ids:
        by_seat = dict(
            session.execute(
                select(InvSeat.id, InvSeat.seat_map_id).where(InvSeat.id.in_(seat_ids))
            ).all()
        )
        for line in lines:
            p = perfs.get(line.performance)
            if line.seat is not None and p is not None and by_seat.get(line.seat) == p.seat_map_id:
                seats.add((line.performance, line.seat))
    areas: set[tuple[int, int]] = set()
    area_ids = {line.ga_area for line in lines if line.ga_area is not None}
    if area_ids:
        by_area = dict(
            session.execute(
                select(InvGAArea.id, InvGAArea.seat_map_id).where(InvGAArea.id.in_(area_ids))
            ).all()
        )
        for line in lines:
            p = perfs.get(line.performance)
            if line.ga_area is not None and p and by_area.get(line.ga_area) == p.seat_map_id:
                areas.add((line.performance, line.ga_area))
    serials = [line.serial for line in lines if line.serial]
    taken = (
        set(session.scalars(select(ServerTicket.serial).where(ServerTicket.serial.in_(serials))))
        if serials
        else set()
    )
    return perfs, seats, areas, taken


def prepare_sales(session: Session, terminal: Terminal, ops: list[Envelope], now: datetime) -> Prep:
    """Validate a chunk's new sales together and claim their free seats in one statement.

    A seat is claimed here only for a sale that passes the same checks its
    handler makes, so a claim is never left behind by a refused sale. Seats
    this terminal holds or was allocated are converted to sales with one
    statement per performance, but only for sales before the chunk's first
    operation that could change claims itself (e.g. an allocation release),
    so the outcome is the one applying them in order would give. Seats that
    are still not claimed (sold, someone else's, or wanted twice in the
    chunk) are left to the handler, which tries them again in order.
    """
    prep = Prep()
    early: set[str] = set()  # keys of sales before the first claim-changing operation
    for op in ops:
        if op.kind not in BUFFERED_KINDS:
            break
        early.add(op.idempotency_key)
    for op in ops:
        if op.kind in ("sale", "reservation"):
            try:
                prep.parsed[op.idempotency_key] = parse(OrderBody, op.body)
            except Rejected:
                continue
    if not prep.parsed:
        return prep
    bodies = list(prep.parsed.values())
    prep.existing_orders = set(
        session.scalars(
            select(ServerOrder.uuid).where(ServerOrder.uuid.in_([b.uuid for b in bodies]))
        )
    )
    prep.perfs, prep.seats, prep.areas, prep.existing_serials = _lookups(session, bodies)
    wanted: dict[tuple[int, int], str] = {}
    convertible: set[tuple[int, int]] = set()
    taken = set(prep.existing_serials)
    for key, body in prep.parsed.items():
        if body.uuid in prep.existing_orders:
            continue
        try:
            _validate_order(body, prep.perfs, prep.seats, prep.areas, taken)
        except Rejected:
            continue
        taken.update(line.serial or "" for line in body.tickets)
        for line in body.tickets:
            if line.seat is not None and (line.performance, line.seat) not in wanted:
                wanted[(line.performance, line.seat)] = line.serial or ""
                if key in early:
                    convertible.add((line.performance, line.seat))
    rows = [
        {
            "performance_id": perf,
            "seat_id": seat,
            "kind": "sale",
            "terminal_id": terminal.id,
            "ticket_serial": serial,
            "created_at": now,
        }
        # One global order (performance, seat): two chunks never wait on each other in a cycle.
        for (perf, seat), serial in sorted(wanted.items())
    ]
    got = inventory.insert_claims(session, rows)
    prep.claimed = {(p, st, wanted[(p, st)]): "free" for p, st in got}
    by_perf: dict[int, dict[int, str]] = {}
    for p, st in sorted(convertible - got):
        by_perf.setdefault(p, {})[st] = wanted[(p, st)]
    for p, serials in by_perf.items():
        converted = inventory.convert_for_sales(session, terminal.id, p, serials, now)
        for st, how in converted.items():
            prep.claimed[(p, st, serials[st])] = how
        # What blocks the others, read once: nothing before these sales in the chunk
        # can free a seat, so the handler would find the same claims one by one.
        for facts in inventory.blocking_facts_many(session, p, set(serials) - set(converted)):
            prep.blocked[(p, facts["seat_id"], serials[facts["seat_id"]])] = facts
    return prep


def _book_order(ctx: Ctx, reservation: bool) -> Outcome:
    s, t, prep = ctx.session, ctx.terminal, ctx.prep
    key = ctx.op.idempotency_key
    if prep is not None and key in prep.parsed:
        body: OrderBody = prep.parsed[key]
    else:
        flush_sales(s)
        body = parse(OrderBody, ctx.op.body)
        prep = None
    live_status = "reserved" if reservation else "valid"
    if prep is None or body.uuid in prep.existing_orders:
        flush_sales(s)  # the order may have been booked earlier in this chunk
        existing = s.scalar(select(ServerOrder).where(ServerOrder.uuid == body.uuid))
        if existing is not None:
            if existing.status == "reserved" and not reservation and existing.terminal_id == t.id:
                return _pay_reservation(ctx, existing, body)
            raise Rejected(
                "order_exists", f"order {body.uuid} is already booked ({existing.status})"
            )
    if prep is None:
        perfs, seats, areas, serials_taken = _lookups(s, [body])
    else:
        perfs, seats, areas = prep.perfs, prep.seats, prep.areas
        serials_taken = prep.existing_serials
    _validate_order(body, perfs, seats, areas, serials_taken)
    if prep is not None:  # later sales of this chunk must not reuse these serials or uuid
        prep.existing_serials = prep.existing_serials | {x.serial or "" for x in body.tickets}
        prep.existing_orders.add(body.uuid)
    order = {
        "uuid": body.uuid,
        "number": body.number,
        "terminal_id": t.id,
        "status": "reserved" if reservation else "paid",
        "currency": body.currency,
        "total_minor": body.total,
        "shift": str(body.shift) if body.shift is not None else None,
        "username": body.user,
        "body": json.dumps(ctx.op.body, sort_keys=True, default=str),
        "client_time": ctx.op.client_time,
        "received_at": ctx.now,
    }
    statuses: dict[str, str] = {}
    taken: list[dict[str, Any]] = []
    sold_events: list[dict[str, Any]] = []
    not_allocated: list[int] = []
    ga_need: dict[tuple[int, int], list[TicketLine]] = {}
    for line in body.tickets:
        if line.seat is None:
            ga_need.setdefault((line.performance, line.ga_area), []).append(line)  # type: ignore[arg-type]
            continue
        place = (line.performance, line.seat, line.serial or "")
        up_front = prep.claimed.get(place) if prep else None
        blocked = prep.blocked.get(place) if prep else None
        if up_front is not None:
            granted, how = True, up_front
        elif blocked is not None:
            granted, how = False, blocked["claim"]
        else:
            granted, how = inventory.claim_for_sale(
                s, t.id, line.performance, line.seat, line.serial or "", ctx.now
            )
        if granted:
            statuses[line.serial or ""] = live_status
            sold_events += inventory.seat_events(line.performance, [line.seat], "sold", t.id)
            if body.offline and how == "free":
                not_allocated.append(line.seat)
        else:
            statuses[line.serial or ""] = "conflict"
            taken.append(blocked or inventory.blocking_facts(s, line.performance, line.seat))
    for (pid, area), lines in ga_need.items():
        if _take_ga_for_sale(ctx, pid, area, len(lines), body.offline):
            for line in lines:
                statuses[line.serial or ""] = live_status
        else:
            for line in lines:
                statuses[line.serial or ""] = "conflict"
            taken.append(
                {
                    "ga_area_id": area,
                    "available": inventory.ga_available(s, pid, area),
                    "wanted": len(lines),
                }
            )
    ticket_rows = [
        {
            "order_uuid": body.uuid,
            "serial": line.serial,
            "terminal_id": t.id,
            "client_ticket_id": line.id,
            "key_id": t.key_id,
            "performance_id": line.performance,
            "seat_id": line.seat,
            "ga_area_id": line.ga_area,
            "price_type_id": line.price_type,
            "price_minor": line.price,
            "status": statuses[line.serial or ""],
            "reissue": 0,
        }
        for line in body.tickets
    ]
    payment_rows = [
        {
            "order_uuid": body.uuid,
            "kind": p.kind,
            "amount_minor": p.amount,
            "currency": body.currency,
            "detail": json.dumps(p.model_dump(), sort_keys=True, default=str),
        }
        for p in body.payments
    ]
    s.info.setdefault(SALES, []).append((order, ticket_rows, payment_rows))
    feed.emit_many(s, "seat_state", sold_events, ctx.now)
    client_facts = {
        "order": body.uuid,
        "number": body.number,
        "total": body.total,
        "currency": body.currency,
        "paid": sum(p.amount for p in body.payments),
        "offline": body.offline,
    }
    if not_allocated:
        ctx.notice(
            "not_allocated",
            {**client_facts, "seat_ids": not_allocated},
            {"note": "sold offline outside an allocation; the seats were still free"},
        )
    if body.shift is not None and not reservation:
        shift = s.scalar(
            select(ShiftRecord).where(
                ShiftRecord.terminal_id == t.id, ShiftRecord.shift == str(body.shift)
            )
        )
        if shift is not None and shift.closed_at is not None:
            ctx.notice(
                "late_for_closed_shift",
                {**client_facts, "shift": str(body.shift)},
                {"shift_closed_at": shift.closed_at.isoformat()},
            )
    tickets = [{"serial": k, "status": v} for k, v in statuses.items()]
    result = {"order": body.uuid, "tickets": tickets}
    if taken:
        order["status"] = "conflict"
        conflict = ctx.conflict(
            "seat_taken",
            {
                **client_facts,
                "tickets": [
                    x.model_dump() for x in body.tickets if statuses[x.serial or ""] == "conflict"
                ],
            },
            {"blocked_by": taken},
        )
        return Outcome("conflict", result=result, conflict=conflict)
    return Outcome("applied", result=result)


def flush_sales(session: Session) -> None:
    """Write the orders, tickets and payments booked so far: three statements for a chunk."""
    pending = session.info.pop(SALES, None)
    if not pending:
        return
    orders = [o for o, _t, _p in pending]
    ids = dict(
        (u, i)
        for i, u in session.execute(
            insert(ServerOrder.__table__).returning(
                ServerOrder.__table__.c.id, ServerOrder.__table__.c.uuid
            ),
            orders,
        )
    )
    tickets = [
        {**{k: v for k, v in row.items() if k != "order_uuid"}, "order_id": ids[row["order_uuid"]]}
        for _o, rows, _p in pending
        for row in rows
    ]
    payments = [
        {**{k: v for k, v in row.items() if k != "order_uuid"}, "order_id": ids[row["order_uuid"]]}
        for _o, _t, rows in pending
        for row in rows
    ]
    session.execute(insert(ServerTicket.__table__), tickets)
    if payments:
        session.execute(insert(ServerPayment.__table__), payments)


def _take_ga_for_sale(ctx: Ctx, perf_id: int, area: int, n: int, offline: bool) -> bool:
    """GA places for a sale: this terminal's held places first, then its allocation, then stock."""
    s, t = ctx.session, ctx.terminal
    inventory.purge_expired_ga(s, perf_id, area, ctx.now)
    held = s.scalars(
        select(GAClaim)
        .where(
            GAClaim.terminal_id == t.id,
            GAClaim.performance_id == perf_id,
            GAClaim.ga_area_id == area,
            GAClaim.kind == "hold",
        )
        .order_by(GAClaim.id)
    ).all()
    from_holds = min(n, sum(c.quantity for c in held))
    need = n - from_holds
    if need:
        alloc = s.scalar(
            select(Allocation)
            .where(
                Allocation.terminal_id == t.id,
                Allocation.performance_id == perf_id,
                Allocation.ga_area_id == area,
                Allocation.state == "active",
                Allocation.used + need <= Allocation.quantity,
            )
            .limit(1)
        )
        if alloc is not None:
            alloc.used += need
        elif not inventory.take_ga(s, perf_id, area, need):
            return False
    for claim in held:  # held places become sold ones: the stock count stays as it is
        if from_holds <= 0:
            break
        use = min(claim.quantity, from_holds)
        claim.quantity -= use
        from_holds -= use
        if claim.quantity == 0:
            s.delete(claim)
    s.flush()
    feed.emit(s, "seat_state", inventory.ga_event(s, perf_id, area, t.id), ctx.now)
    return True


def _pay_reservation(ctx: Ctx, order: ServerOrder, body: OrderBody) -> Outcome:
    s = ctx.session
    tickets = s.scalars(select(ServerTicket).where(ServerTicket.order_id == order.id)).all()
    for tk in tickets:
        if tk.status == "reserved":
            tk.status = "valid"
    order.status = "paid"
    order.payments.extend(
        ServerPayment(
            kind=p.kind,
            amount_minor=p.amount,
            currency=body.currency,
            detail=json.dumps(p.model_dump(), default=str),
        )
        for p in body.payments
    )
    return Outcome(
        "applied",
        result={
            "order": order.uuid,
            "tickets": [{"serial": t.serial, "status": t.status} for t in tickets],
        },
    )


def sale(ctx: Ctx) -> Outcome:
    return _book_order(ctx, reservation=False)


def reservation(ctx: Ctx) -> Outcome:
    return _book_order(ctx, reservation=True)
