"""Operations from terminals: applied exactly once, in per-terminal sequence order.

Each operation's effect and its permanent receipt commit in one transaction,
so a response lost after the commit costs nothing: the retry finds the
receipt and gets the first answer again (for ever, not for a cache's
lifetime). A batch is applied in chunks, one transaction per chunk with the
terminal's row locked (so two requests of one terminal cannot interleave);
if anything unexpected fails, the chunk is rolled back and retried one
operation per transaction, so everything before the culprit still commits.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, ValidationError
from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.server import conflicts, feed, inventory
from boxoffice.server.db import ServerStore, is_postgres
from boxoffice.server.errors import ApiError
from boxoffice.server.models import (
    Admission,
    Allocation,
    CashRecord,
    GAClaim,
    InvGAArea,
    InvPerformance,
    InvSeat,
    Receipt,
    ServerOrder,
    ServerPayment,
    ServerTicket,
    ShiftRecord,
    Terminal,
)
from boxoffice.sync import protocol as wire

log = logging.getLogger(__name__)
T = TypeVar("T")
CHUNK = 50
MAX_BATCH = 500


class Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    idempotency_key: str = Field(min_length=1, max_length=80)
    terminal_seq: int = Field(ge=1, le=2**62)
    kind: str = Field(min_length=1, max_length=40)
    client_time: AwareDatetime
    body: dict[str, Any]


class Rejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Outcome:
    status: str  # applied | conflict | rejected
    result: dict[str, Any] | None = None
    conflict: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    notices: list[dict[str, Any]] = field(default_factory=list)

    def answer(self) -> dict[str, Any]:
        result = self.result
        if self.notices:
            result = {**(result or {}), "notices": self.notices}
        return {"result": result, "conflict": self.conflict, "error": self.error}


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


@dataclass
class Ctx:
    session: Session
    terminal: Terminal
    op: Envelope
    now: datetime
    notices: list[dict[str, Any]] = field(default_factory=list)
    prep: Prep | None = None

    def conflict(self, reason: str, client: dict[str, Any], server: dict[str, Any]) -> dict:
        return conflicts.record(
            self.session,
            self.terminal.id,
            self.op.idempotency_key,
            self.op.kind,
            reason,
            client,
            server,
            self.now,
        )

    def notice(self, reason: str, client: dict[str, Any], server: dict[str, Any]) -> None:
        c = self.conflict(reason, client, server)
        self.notices.append({"reason": reason, "conflict_id": c["id"]})


def body_hash(op: Envelope) -> str:
    canon = json.dumps([op.kind, op.body], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canon.encode()).hexdigest()


# -- bodies -----------------------------------------------------------------------
class _Body(BaseModel):
    model_config = ConfigDict(extra="allow", strict=False)


class TicketLine(_Body):
    id: int
    serial: str | None = Field(default=None, max_length=32)
    performance: int
    seat: int | None = None
    ga_area: int | None = None
    price: StrictInt
    price_type: int | None = None
    status: str = "valid"


class PaymentLine(_Body):
    n: int = 0
    kind: str = Field(max_length=12)
    amount: StrictInt
    rounding: int = 0


class OrderBody(_Body):
    uuid: str = Field(min_length=1, max_length=36)
    number: str = Field(default="", max_length=32)
    user: str = Field(default="", max_length=40)
    status: str = "paid"
    currency: str = Field(min_length=3, max_length=3)
    total: StrictInt
    tickets: list[TicketLine] = Field(max_length=1000)
    payments: list[PaymentLine] = Field(default_factory=list, max_length=50)
    shift: int | str | None = None
    offline: bool = False
    hold_id: str | None = None


class TicketsBody(_Body):
    order: str
    tickets: list[str | None] = Field(default_factory=list)
    reason: str = ""


class ExchangeBody(_Body):
    order: str
    new_order: str
    old: list[str | None] = Field(default_factory=list)


class ReprintBody(_Body):
    ticket: int | None = None
    serial: str
    revoked_up_to: int
    reissue: int


class AdmissionBody(_Body):
    serial: str | None = None
    key_id: str | None = None
    ticket_id: int | None = None
    reissue: int = 0
    scanned_at: AwareDatetime
    gate: str = Field(default="", max_length=40)
    re_entry: bool = False


class ShiftBody(_Body):
    shift: int | str
    user: str = ""
    opened_at: AwareDatetime | None = None
    closed_at: AwareDatetime | None = None


class CashBody(_Body):
    shift: int | str | None = None
    kind: str = Field(max_length=12)
    amount: StrictInt
    currency: str = Field(min_length=3, max_length=3)
    reason: str = Field(default="", max_length=200)


class ReleaseBody(_Body):
    allocation_id: int
    seat_ids: list[int] | None = None
    quantity: int | None = None


def _parse(model: type[BaseModel], body: dict[str, Any]) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Rejected("invalid_body", f"{where}: {first['msg']}") from None


# -- handlers ---------------------------------------------------------------------
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
                prep.parsed[op.idempotency_key] = _parse(OrderBody, op.body)
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
        body = _parse(OrderBody, ctx.op.body)
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


SALES = "sales_to_write"


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


def _order(ctx: Ctx, uuid: str) -> ServerOrder | None:
    return ctx.session.scalar(select(ServerOrder).where(ServerOrder.uuid == uuid))


def _close_tickets(
    ctx: Ctx, uuid: str, serials: list[str | None] | None, new_status: str, reason_word: str
) -> Outcome:
    """Refund, void, exchange, cancel: tickets leave, seats are freed, barcodes revoked."""
    s = ctx.session
    order = _order(ctx, uuid)
    client = {"order": uuid, "tickets": serials, "kind": ctx.op.kind, "body": ctx.op.body}
    if order is None:
        c = ctx.conflict("ticket_unknown", client, {"order": None})
        return Outcome("conflict", conflict=c)
    q = select(ServerTicket).where(ServerTicket.order_id == order.id)
    if serials:
        q = q.where(ServerTicket.serial.in_([x for x in serials if x]))
    tickets = s.scalars(q).all()
    known = {t.serial for t in tickets}
    missing = [x for x in (serials or []) if x and x not in known]
    already = [t for t in tickets if t.status not in ("valid", "reserved", "conflict")]
    changed = []
    events, revocations = [], []
    for tk in tickets:
        if tk in already:
            continue
        was_live = tk.status in ("valid", "reserved")
        tk.status = new_status
        changed.append(tk.serial)
        if was_live and tk.seat_id is not None:
            inventory.free_sold_seat(s, tk.performance_id, tk.seat_id, tk.serial)
            events += inventory.seat_events(tk.performance_id, [tk.seat_id], "free", None)
        elif was_live and tk.ga_area_id is not None:
            inventory.give_back_ga(s, tk.performance_id, tk.ga_area_id, 1)
        revocations.append(_revocation(tk, reason_word, tk.reissue))
    feed.emit_many(s, "seat_state", events, ctx.now)
    feed.emit_many(s, "revocation", revocations, ctx.now)
    remaining = s.scalar(
        select(ServerTicket.id)
        .where(ServerTicket.order_id == order.id, ServerTicket.status.in_(("valid", "reserved")))
        .limit(1)
    )
    if remaining is None:
        order.status = {
            "refunded": "refunded",
            "voided": "voided",
            "exchanged": "exchanged",
            "cancelled": "cancelled",
        }[new_status]
    result = {"order": uuid, "tickets": [{"serial": x, "status": new_status} for x in changed]}
    if already or missing:
        c = ctx.conflict(
            "already_refunded" if already else "ticket_unknown",
            client,
            {
                "tickets": [{"serial": t.serial, "status": t.status} for t in already],
                "unknown": missing,
            },
        )
        return Outcome("conflict", result=result, conflict=c)
    return Outcome("applied", result=result)


def _revocation(tk: ServerTicket, reason: str, up_to: int) -> dict[str, Any]:
    return {
        "serial": tk.serial,
        "key_id": tk.key_id,
        "ticket_id": tk.client_ticket_id,
        "terminal_id": tk.terminal_id,
        "up_to_reissue": up_to,
        "reason": reason,
    }


def refund(ctx: Ctx) -> Outcome:
    body = _parse(TicketsBody, ctx.op.body)
    return _close_tickets(ctx, body.order, body.tickets or None, "refunded", "refunded")


def void(ctx: Ctx) -> Outcome:
    body = _parse(TicketsBody, ctx.op.body)
    return _close_tickets(ctx, body.order, None, "voided", "voided")


def exchange(ctx: Ctx) -> Outcome:
    body = _parse(ExchangeBody, ctx.op.body)
    if not body.old:
        raise Rejected("invalid_body", "an exchange names the old tickets (old)")
    out = _close_tickets(ctx, body.order, body.old, "exchanged", "exchanged")
    if out.result is not None:
        out.result["new_order"] = body.new_order
    return out


def reservation_cancel(ctx: Ctx) -> Outcome:
    uuid = ctx.op.body.get("uuid")
    if not isinstance(uuid, str):
        raise Rejected("invalid_body", "uuid: a reservation cancel names the order's uuid")
    return _close_tickets(ctx, uuid, None, "cancelled", "voided")


def reprint(ctx: Ctx) -> Outcome:
    body = _parse(ReprintBody, ctx.op.body)
    s = ctx.session
    tk = s.scalar(select(ServerTicket).where(ServerTicket.serial == body.serial))
    if tk is None:
        return Outcome(
            "conflict", conflict=ctx.conflict("ticket_unknown", ctx.op.body, {"ticket": None})
        )
    tk.reissue = max(tk.reissue, body.reissue)
    feed.emit(s, "revocation", _revocation(tk, "reprinted", body.revoked_up_to), ctx.now)
    return Outcome("applied", result={"ticket": tk.serial, "reissue": tk.reissue})


def admission(ctx: Ctx) -> Outcome:
    body: AdmissionBody = _parse(AdmissionBody, ctx.op.body)
    s = ctx.session
    tk = None
    if body.serial:
        tk = s.scalar(select(ServerTicket).where(ServerTicket.serial == body.serial))
    elif body.key_id and body.ticket_id is not None:
        seller = s.scalar(select(Terminal).where(Terminal.key_id == body.key_id))
        if seller is not None:
            tk = s.scalar(
                select(ServerTicket).where(
                    ServerTicket.terminal_id == seller.id,
                    ServerTicket.client_ticket_id == body.ticket_id,
                )
            )
    else:
        raise Rejected("invalid_body", "an admission names the serial, or key_id and ticket_id")
    client = {
        **ctx.op.body,
        "scanned_at": body.scanned_at.isoformat(),
        "terminal_id": ctx.terminal.id,
    }
    if tk is None:
        return Outcome(
            "conflict", conflict=ctx.conflict("ticket_unknown", client, {"ticket": None})
        )
    if tk.status != "valid" or body.reissue < tk.reissue:
        return Outcome(
            "conflict",
            conflict=ctx.conflict(
                "ticket_revoked",
                client,
                {"serial": tk.serial, "status": tk.status, "reissue": tk.reissue},
            ),
        )
    first = s.scalar(select(Admission).where(Admission.ticket_id == tk.id))
    # The door's own extras (its admission uuid, door, user, ...) travel on to other doors.
    extras = {k: ctx.op.body[k] for k in DOOR_EXTRAS if k in ctx.op.body}
    event = {
        **extras,
        "serial": tk.serial,
        "key_id": tk.key_id,
        "ticket_id": tk.client_ticket_id,
        "reissue": body.reissue,
        "scanned_at": body.scanned_at.isoformat(),
        "terminal_id": ctx.terminal.id,
        "gate": body.gate,
    }
    if ctx.op.body.get("kind") == "exit":
        # With re-entry, the other doors must know the holder went out; an exit
        # admits nothing, so it never makes or loses a first admission.
        feed.emit(s, "redemption", event, ctx.now)
        return Outcome("applied", result={"serial": tk.serial, "admitted": False, "exit": True})
    if first is None:
        s.add(
            Admission(
                ticket_id=tk.id,
                terminal_id=ctx.terminal.id,
                scanned_at=body.scanned_at,
                gate=body.gate,
                reissue=body.reissue,
            )
        )
        feed.emit(s, "redemption", event, ctx.now)
        return Outcome("applied", result={"serial": tk.serial, "admitted": True})
    if body.re_entry:
        feed.emit(s, "redemption", event, ctx.now)
        return Outcome("applied", result={"serial": tk.serial, "admitted": True, "re_entry": True})
    earlier = {
        "terminal_id": first.terminal_id,
        "scanned_at": first.scanned_at.isoformat(),
        "gate": first.gate,
    }
    if body.scanned_at < first.scanned_at:  # first by scan time wins, not first to sync
        first.terminal_id, first.scanned_at, first.gate = (
            ctx.terminal.id,
            body.scanned_at,
            body.gate,
        )
        feed.emit(s, "redemption", event, ctx.now)
        c = ctx.conflict(
            "already_redeemed",
            {**client, "winner": True},
            {**earlier, "winner": False, "serial": tk.serial},
        )
        return Outcome("conflict", result={"serial": tk.serial, "admitted": True}, conflict=c)
    c = ctx.conflict(
        "already_redeemed",
        {**client, "winner": False},
        {**earlier, "winner": True, "serial": tk.serial},
    )
    return Outcome("conflict", result={"serial": tk.serial, "admitted": False}, conflict=c)


DOOR_EXTRAS = ("uuid", "performance_id", "kind", "door", "terminal", "user", "order_uuid")


def record_only(ctx: Ctx) -> Outcome:
    """Kinds the server keeps as facts (the receipt holds the body for ever) without effect.

    ``will_call`` (tickets handed out at the window) and ``manual_redemption``
    (a voucher redeemed by hand) change no seat and revoke nothing.
    """
    if ctx.op.kind == "will_call" and not isinstance(ctx.op.body.get("order"), str):
        raise Rejected("invalid_body", "order: a will-call collection names the order's uuid")
    return Outcome("applied", result={"recorded": ctx.op.kind})


def shift_open(ctx: Ctx) -> Outcome:
    body = _parse(ShiftBody, ctx.op.body)
    s = ctx.session
    row = s.scalar(
        select(ShiftRecord).where(
            ShiftRecord.terminal_id == ctx.terminal.id, ShiftRecord.shift == str(body.shift)
        )
    )
    if row is None:
        s.add(
            ShiftRecord(
                terminal_id=ctx.terminal.id,
                shift=str(body.shift),
                opened_at=body.opened_at or ctx.op.client_time,
                body=json.dumps(ctx.op.body, default=str),
            )
        )
    return Outcome("applied", result={"shift": str(body.shift), "state": "open"})


def shift_close(ctx: Ctx) -> Outcome:
    body = _parse(ShiftBody, ctx.op.body)
    if ctx.op.kind == "z_report":  # the day end hands these out as they are: check them now
        _parse(wire.ZReport, ctx.op.body)
    s = ctx.session
    row = s.scalar(
        select(ShiftRecord).where(
            ShiftRecord.terminal_id == ctx.terminal.id, ShiftRecord.shift == str(body.shift)
        )
    )
    if row is None:  # closed before its opening reached the server (or never sent one)
        row = ShiftRecord(
            terminal_id=ctx.terminal.id, shift=str(body.shift), opened_at=body.opened_at, body="{}"
        )
        s.add(row)
    row.closed_at = body.closed_at or ctx.op.client_time
    row.body = json.dumps({"open": json.loads(row.body or "{}"), "close": ctx.op.body}, default=str)
    return Outcome("applied", result={"shift": str(body.shift), "state": "closed"})


def cash_movement(ctx: Ctx) -> Outcome:
    body = _parse(CashBody, ctx.op.body)
    ctx.session.add(
        CashRecord(
            terminal_id=ctx.terminal.id,
            shift=str(body.shift) if body.shift is not None else None,
            kind=body.kind,
            amount_minor=body.amount,
            currency=body.currency,
            reason=body.reason,
            client_time=ctx.op.client_time,
        )
    )
    return Outcome("applied", result={"kind": body.kind, "amount": body.amount})


def allocation_release(ctx: Ctx) -> Outcome:
    body = _parse(ReleaseBody, ctx.op.body)
    alloc = ctx.session.get(Allocation, body.allocation_id)
    if alloc is None or alloc.terminal_id != ctx.terminal.id:
        raise Rejected(
            "unknown_allocation", f"allocation {body.allocation_id} is not this terminal's"
        )
    if alloc.state != "active":
        return Outcome(
            "applied",
            result={
                "allocation_id": alloc.id,
                "state": alloc.state,
                "seats_freed": [],
                "quantity_returned": 0,
            },
        )
    out = inventory.give_back_allocation(
        ctx.session, alloc, body.seat_ids, body.quantity, "released", ctx.now
    )
    return Outcome("applied", result={"allocation_id": alloc.id, **out})


HANDLERS = {
    "sale": sale,
    "reservation": reservation,
    "reservation_cancel": reservation_cancel,
    "refund": refund,
    "void": void,
    "exchange": exchange,
    "reprint": reprint,
    "admission": admission,
    "redemption": admission,
    "shift_open": shift_open,
    "shift_close": shift_close,
    "z_report": shift_close,
    "cash_movement": cash_movement,
    "allocation_release": allocation_release,
    "will_call": record_only,
    "manual_redemption": record_only,
}


# -- the batch ----------------------------------------------------------------------
def _replay(r: Receipt) -> dict[str, Any]:
    answer = json.loads(r.answer)
    return {
        "idempotency_key": r.idempotency_key,
        "terminal_seq": r.terminal_seq,
        "status": "replayed",
        "first_status": r.status,
        **answer,
    }


def _lock_terminal(session: Session, terminal_id: int) -> Terminal:
    q = select(Terminal).where(Terminal.id == terminal_id)
    if is_postgres(session):
        q = q.with_for_update()
    terminal = session.scalar(q)
    assert terminal is not None
    return terminal


#: Kinds whose handlers refuse (``Rejected``) only before writing anything, so
#: they need no savepoint of their own; the others get one each.
NO_SAVEPOINT = frozenset(
    {
        "sale",
        "reservation",
        "cash_movement",
        "shift_open",
        "shift_close",
        "z_report",
        "will_call",
        "manual_redemption",
    }
)
#: Kinds that neither read orders and tickets nor need earlier sales written first.
BUFFERED_KINDS = NO_SAVEPOINT


def _apply_one(
    session: Session,
    terminal: Terminal,
    op: Envelope,
    digest: str,
    existing: Receipt | None,
    prep: Prep,
    clock_offset_ms: int | None,
    now: datetime,
) -> dict[str, Any]:
    if existing is not None:
        if existing.body_hash != digest:  # lost a race with a different body
            return {
                "idempotency_key": op.idempotency_key,
                "terminal_seq": op.terminal_seq,
                "status": "rejected",
                "result": None,
                "conflict": None,
                "error": {
                    "error": "idempotency_key_reused",
                    "message": "this key was used for a different operation",
                },
            }
        return _replay(existing)
    last_seq = session.info[LAST_SEQ]
    if op.terminal_seq <= last_seq:
        return {
            "idempotency_key": op.idempotency_key,
            "terminal_seq": op.terminal_seq,
            "status": "out_of_order",
            "result": None,
            "conflict": None,
            "error": {
                "error": "out_of_order",
                "message": f"sequence {op.terminal_seq} comes after {last_seq} "
                "was applied; operations must arrive in order",
                "last_seq": last_seq,
            },
        }
    handler = HANDLERS.get(op.kind)
    ctx = Ctx(session, terminal, op, now, prep=prep)
    try:
        if handler is None:
            raise Rejected(
                "unknown_kind",
                f"unknown operation kind {op.kind!r}; known: {', '.join(sorted(HANDLERS))}",
            )
        if op.kind not in BUFFERED_KINDS:
            flush_sales(session)  # this handler may read what earlier sales booked
        if op.kind in NO_SAVEPOINT:
            outcome = handler(ctx)
        else:
            with session.begin_nested():
                outcome = handler(ctx)
        outcome.notices = ctx.notices
    except Rejected as exc:
        outcome = Outcome("rejected", error={"error": exc.code, "message": exc.message})
    answer = outcome.answer()
    session.info["receipts"].append(
        {
            "terminal_id": terminal.id,
            "terminal_seq": op.terminal_seq,
            "idempotency_key": op.idempotency_key,
            "kind": op.kind,
            "body_hash": digest,
            "body": json.dumps(op.body, sort_keys=True, separators=(",", ":"), default=str),
            "status": outcome.status,
            "answer": json.dumps(answer, default=str),
            "client_time": op.client_time,
            "clock_offset_ms": clock_offset_ms,
            "received_at": now,
        }
    )
    # Kept aside and written once per chunk: assigning the ORM row here would make
    # every later statement's autoflush send an UPDATE of the terminal first.
    session.info[LAST_SEQ] = op.terminal_seq
    return {
        "idempotency_key": op.idempotency_key,
        "terminal_seq": op.terminal_seq,
        "status": outcome.status,
        **answer,
    }


LAST_SEQ = "terminal_last_seq"


def _check_reuse(
    session: Session, terminal_id: int, ops: list[tuple[Envelope, str]]
) -> dict[str, Receipt]:
    """Receipts already stored for these keys; 422 (nothing applied) if a body differs."""
    receipts = {
        r.idempotency_key: r
        for r in session.scalars(
            select(Receipt).where(
                Receipt.terminal_id == terminal_id,
                Receipt.idempotency_key.in_([op.idempotency_key for op, _ in ops]),
            )
        )
    }
    for op, digest in ops:
        r = receipts.get(op.idempotency_key)
        if r is not None and r.body_hash != digest:
            raise ApiError(
                422,
                "idempotency_key_reused",
                f"operation {op.idempotency_key!r} was received before with a "
                "different body; nothing in this batch was applied",
                idempotency_key=op.idempotency_key,
            )
    return receipts


def _run_chunk(
    store: ServerStore,
    terminal_id: int,
    ops: list[tuple[Envelope, str]],
    clock_offset_ms: int | None,
    now: datetime,
    whole_batch: list[tuple[Envelope, str]] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One transaction: lock the terminal, apply ``ops`` in order, write receipts and events."""
    with store.session() as session:
        terminal = _lock_terminal(session, terminal_id)
        if terminal.revoked_at is not None:
            raise ApiError(403, "terminal_revoked", f"terminal {terminal.name!r} was revoked")
        # The first chunk checks every key of the batch (a superset of its own).
        receipts = _check_reuse(session, terminal_id, whole_batch or ops)
        new = [
            op
            for op, _ in ops
            if op.idempotency_key not in receipts and op.terminal_seq > terminal.last_seq
        ]
        prep = prepare_sales(session, terminal, new, now)
        feed.buffered(session)
        session.info["receipts"] = []
        session.info[LAST_SEQ] = terminal.last_seq
        out = [
            _apply_one(
                session,
                terminal,
                op,
                d,
                receipts.get(op.idempotency_key),
                prep,
                clock_offset_ms,
                now,
            )
            for op, d in ops
        ]
        flush_sales(session)
        feed.flush_buffer(session)
        rows = session.info.pop("receipts")
        if rows:
            session.execute(insert(Receipt), rows)
        terminal.last_seq = session.info.pop(LAST_SEQ)
        terminal.last_contact = now
        if clock_offset_ms is not None:
            terminal.clock_offset_ms = clock_offset_ms
        return out, terminal.last_seq


RETRYABLE = ("40P01", "40001")  # deadlock detected, serialization failure


def _with_retry(fn: Callable[[], T], attempts: int = 4) -> T:
    """Run a chunk again when PostgreSQL chose it as a deadlock victim (nothing was kept)."""
    for attempt in range(attempts):
        try:
            return fn()
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if code not in RETRYABLE or attempt == attempts - 1:
                raise
            log.info("chunk retried after %s", code)
            time.sleep(0.005 * (attempt + 1))
    raise AssertionError("unreachable")


def apply_batch(
    store: ServerStore,
    terminal_id: int,
    ops: list[Envelope],
    clock_offset_ms: int | None,
    now: datetime | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Apply ``ops`` in order; returns the per-operation results and the terminal's last_seq."""
    if len(ops) > MAX_BATCH:
        raise ApiError(422, "invalid_request", f"at most {MAX_BATCH} operations a batch")
    seqs = [op.terminal_seq for op in ops]
    if any(b <= a for a, b in itertools.pairwise(seqs)):
        raise ApiError(422, "invalid_request", "terminal_seq must increase strictly within a batch")
    keys = [op.idempotency_key for op in ops]
    if len(set(keys)) != len(keys):
        raise ApiError(422, "invalid_request", "an idempotency_key appears twice in the batch")
    now = now or utc_now()
    pairs = [(op, body_hash(op)) for op in ops]
    results: list[dict[str, Any]] = []
    last_seq = 0
    if not pairs:
        with store.read() as session:
            terminal = session.get(Terminal, terminal_id)
            return [], terminal.last_seq if terminal else 0
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        first = pairs if start == 0 else None
        try:
            out, last_seq = _with_retry(
                lambda chunk=chunk, first=first: _run_chunk(
                    store, terminal_id, chunk, clock_offset_ms, now, first
                )
            )
            results += out
        except ApiError:
            raise
        except Exception:
            log.exception("chunk failed; applying its operations one by one")
            for pair in chunk:  # commits everything before the culprit, then raises
                out, last_seq = _run_chunk(store, terminal_id, [pair], clock_offset_ms, now)
                results += out
    return results, last_seq
