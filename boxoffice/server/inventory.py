"""Seat claims: holds, allocations, house holds and sales, one per seat.

Every way of taking a seat inserts or converts a row of ``seat_claims``,
whose unique key (performance, seat) is what makes a double sale impossible
across server processes. Inserts use ``ON CONFLICT DO NOTHING RETURNING``,
so the losers of a race learn which seats they did not get without an error
aborting their transaction. Expired holds are taken over by the next taker;
allocations never expire by themselves (a supervisor reclaims them).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from boxoffice.protocol.constants import DEFAULT_HOLD_TTL, MAX_HOLD_TTL, MAX_SEATS, MIN_HOLD_TTL
from boxoffice.server import audit, feed
from boxoffice.server.db import is_postgres
from boxoffice.server.errors import ApiError, invalid, not_found
from boxoffice.server.models import (
    Allocation,
    GAClaim,
    GAStock,
    Hold,
    InvGAArea,
    InvPerformance,
    InvSeat,
    SeatClaim,
    Terminal,
)

MIN_TTL, MAX_TTL, DEFAULT_TTL = MIN_HOLD_TTL, MAX_HOLD_TTL, DEFAULT_HOLD_TTL
MAX_ALLOCATION = timedelta(days=30)


def insert_claims(session: Session, rows: Sequence[dict[str, Any]]) -> set[tuple[int, int]]:
    """Insert the claims that are free; returns the (performance, seat) pairs taken."""
    if not rows:
        return set()
    dialect = postgresql if is_postgres(session) else sqlite
    # Rows as parameters, not inlined VALUES: the statement compiles once and is
    # cached, and SQLAlchemy still sends it as multi-row INSERTs ("insertmanyvalues").
    # Every row must name the same columns.
    keys = set().union(*rows)
    stmt = (
        dialect.insert(SeatClaim)
        .on_conflict_do_nothing(index_elements=["performance_id", "seat_id"])
        .returning(SeatClaim.performance_id, SeatClaim.seat_id)
    )
    params = [{k: r.get(k) for k in keys} for r in rows]
    return {(p, s) for p, s in session.execute(stmt, params)}


def performance(session: Session, performance_id: int) -> InvPerformance:
    perf = session.get(InvPerformance, performance_id)
    if perf is None:
        raise not_found(f"performance {performance_id} in the server's catalogue")
    return perf


def check_seats(session: Session, perf: InvPerformance, seat_ids: Iterable[int]) -> None:
    seat_ids = set(seat_ids)
    if not seat_ids:
        return
    found = set(
        session.scalars(
            select(InvSeat.id).where(
                InvSeat.id.in_(seat_ids), InvSeat.seat_map_id == perf.seat_map_id
            )
        )
    )
    missing = sorted(seat_ids - found)
    if missing:
        raise invalid(
            f"seats {missing} are not in the seat map of performance {perf.id}",
            seat_ids=missing,
        )


def check_area(session: Session, perf: InvPerformance, area_id: int) -> InvGAArea:
    area = session.get(InvGAArea, area_id)
    if area is None or area.seat_map_id != perf.seat_map_id:
        raise invalid(f"general-admission area {area_id} is not in performance {perf.id}")
    return area


def purge_expired_holds(
    session: Session, performance_id: int, seat_ids: Sequence[int], now: datetime
) -> None:
    session.execute(
        delete(SeatClaim).where(
            SeatClaim.performance_id == performance_id,
            SeatClaim.seat_id.in_(seat_ids),
            SeatClaim.kind == "hold",
            SeatClaim.expires_at <= now,
        )
    )


def why_unavailable(
    session: Session, performance_id: int, seat_ids: Iterable[int]
) -> list[dict[str, Any]]:
    reasons = {"sale": "sold", "hold": "held", "allocation": "allocated", "house": "house_hold"}
    claims = session.scalars(
        select(SeatClaim).where(
            SeatClaim.performance_id == performance_id, SeatClaim.seat_id.in_(list(seat_ids))
        )
    ).all()
    return [
        {"seat_id": c.seat_id, "reason": reasons.get(c.kind, c.kind)}
        for c in sorted(claims, key=lambda c: c.seat_id)
    ]


def _take_seats(
    session: Session,
    perf: InvPerformance,
    seat_ids: Sequence[int],
    base: dict[str, Any],
    now: datetime,
) -> None:
    """All or nothing: claim every seat or raise 409 naming the ones that are not free."""
    if len(set(seat_ids)) != len(seat_ids):
        raise invalid("the same seat is asked for twice")
    if len(seat_ids) > MAX_SEATS:
        raise invalid(f"at most {MAX_SEATS} seats at a time")
    check_seats(session, perf, seat_ids)
    purge_expired_holds(session, perf.id, seat_ids, now)
    got = insert_claims(
        session,
        [{**base, "performance_id": perf.id, "seat_id": s, "created_at": now} for s in seat_ids],
    )
    missing = [s for s in seat_ids if (perf.id, s) not in got]
    if missing:
        raise ApiError(
            409,
            "seats_unavailable",
            f"{len(missing)} of {len(seat_ids)} seats are not available; nothing was taken",
            unavailable=why_unavailable(session, perf.id, missing),
        )


def purge_expired_ga(session: Session, performance_id: int, area_id: int, now: datetime) -> None:
    expired = session.execute(
        delete(GAClaim)
        .where(
            GAClaim.performance_id == performance_id,
            GAClaim.ga_area_id == area_id,
            GAClaim.kind == "hold",
            GAClaim.expires_at <= now,
        )
        .returning(GAClaim.quantity)
    ).all()
    freed = sum(q for (q,) in expired)
    if freed:
        give_back_ga(session, performance_id, area_id, freed)


def take_ga(session: Session, performance_id: int, area_id: int, quantity: int) -> bool:
    """Atomically take ``quantity`` places if the area has them."""
    done = session.execute(
        update(GAStock)
        .where(
            GAStock.performance_id == performance_id,
            GAStock.ga_area_id == area_id,
            GAStock.taken + quantity <= GAStock.capacity,
        )
        .values(taken=GAStock.taken + quantity)
    ).rowcount
    return bool(done)


def give_back_ga(session: Session, performance_id: int, area_id: int, quantity: int) -> None:
    session.execute(
        update(GAStock)
        .where(GAStock.performance_id == performance_id, GAStock.ga_area_id == area_id)
        .values(taken=GAStock.taken - quantity)
    )


def ga_available(session: Session, performance_id: int, area_id: int) -> int:
    row = session.get(GAStock, (performance_id, area_id))
    return 0 if row is None else row.capacity - row.taken


def _take_ga_or_409(
    session: Session, perf: InvPerformance, area_id: int, quantity: int, now: datetime
) -> None:
    check_area(session, perf, area_id)
    if not 1 <= quantity <= 10000:
        raise invalid("a general-admission quantity is 1 to 10000")
    purge_expired_ga(session, perf.id, area_id, now)
    if not take_ga(session, perf.id, area_id, quantity):
        available = ga_available(session, perf.id, area_id)
        raise ApiError(
            409,
            "ga_unavailable",
            f"only {available} places are left in area {area_id}; nothing was taken",
            available=available,
        )


def _seat_events(
    perf_id: int,
    seat_ids: Iterable[int],
    state: str,
    terminal_id: int | None,
    expires_at: datetime | None = None,
) -> list[dict[str, Any]]:
    return [
        {
            "performance_id": perf_id,
            "seat_id": s,
            "ga_area_id": None,
            "state": state,
            "terminal_id": terminal_id,
            "quantity": None,
            "expires_at": expires_at.isoformat() if expires_at else None,
        }
        for s in seat_ids
    ]


def ga_event(session: Session, perf_id: int, area_id: int, terminal_id: int | None) -> dict:
    return {
        "performance_id": perf_id,
        "seat_id": None,
        "ga_area_id": area_id,
        "state": "available",
        "terminal_id": terminal_id,
        "quantity": ga_available(session, perf_id, area_id),
        "expires_at": None,
    }


# -- holds ---------------------------------------------------------------------------
def place_hold(
    session: Session,
    terminal: Terminal,
    performance_id: int,
    seat_ids: Sequence[int],
    *,
    ga_area_id: int | None = None,
    quantity: int | None = None,
    ttl_seconds: int = DEFAULT_TTL,
    now: datetime,
) -> Hold:
    if not MIN_TTL <= ttl_seconds <= MAX_TTL:
        raise invalid(f"ttl_seconds must be {MIN_TTL} to {MAX_TTL}")
    if not seat_ids and not (ga_area_id and quantity):
        raise invalid("a hold needs seat_ids or ga_area_id with quantity")
    perf = performance(session, performance_id)
    if perf.status != "on_sale":
        raise ApiError(409, "not_on_sale", f"performance {perf.id} is {perf.status}")
    hold = Hold(
        id=str(uuid.uuid4()),
        terminal_id=terminal.id,
        performance_id=perf.id,
        created_at=now,
        expires_at=now + timedelta(seconds=ttl_seconds),
    )
    session.add(hold)
    base = {
        "kind": "hold",
        "terminal_id": terminal.id,
        "hold_id": hold.id,
        "expires_at": hold.expires_at,
    }
    _take_seats(session, perf, list(seat_ids), base, now)
    events = _seat_events(perf.id, seat_ids, "held", terminal.id, hold.expires_at)
    if ga_area_id and quantity:
        _take_ga_or_409(session, perf, ga_area_id, quantity, now)
        session.add(
            GAClaim(
                performance_id=perf.id,
                ga_area_id=ga_area_id,
                kind="hold",
                quantity=quantity,
                terminal_id=terminal.id,
                hold_id=hold.id,
                expires_at=hold.expires_at,
            )
        )
        events.append(ga_event(session, perf.id, ga_area_id, terminal.id))
    feed.emit_many(session, "seat_state", events, now)
    return hold


def release_hold(session: Session, terminal: Terminal, hold_id: str, now: datetime) -> None:
    hold = session.get(Hold, hold_id)
    if hold is None or hold.terminal_id != terminal.id:
        raise not_found(f"hold {hold_id} of this terminal")
    freed = session.scalars(
        delete(SeatClaim)
        .where(SeatClaim.hold_id == hold_id, SeatClaim.kind == "hold")
        .returning(SeatClaim.seat_id)
    ).all()
    events = _seat_events(hold.performance_id, freed, "free", None)
    for claim in session.scalars(select(GAClaim).where(GAClaim.hold_id == hold_id)).all():
        give_back_ga(session, claim.performance_id, claim.ga_area_id, claim.quantity)
        session.delete(claim)
        session.flush()
        events.append(ga_event(session, claim.performance_id, claim.ga_area_id, None))
    hold.released_at = now
    feed.emit_many(session, "seat_state", events, now)


def hold_dict(session: Session, hold: Hold) -> dict[str, Any]:
    seats = session.scalars(
        select(SeatClaim.seat_id).where(SeatClaim.hold_id == hold.id).order_by(SeatClaim.seat_id)
    ).all()
    ga = session.scalar(select(GAClaim).where(GAClaim.hold_id == hold.id))
    return {
        "hold_id": hold.id,
        "performance_id": hold.performance_id,
        "seat_ids": list(seats),
        "ga_area_id": ga.ga_area_id if ga else None,
        "quantity": ga.quantity if ga else None,
        "expires_at": hold.expires_at.isoformat(),
    }


# -- allocations ---------------------------------------------------------------------
def allocate(
    session: Session,
    terminal: Terminal,
    performance_id: int,
    seat_ids: Sequence[int],
    *,
    ga_area_id: int | None,
    quantity: int | None,
    expires_at: datetime,
    requested_by: str,
    now: datetime,
) -> Allocation:
    if expires_at.tzinfo is None:
        raise invalid("expires_at needs a time zone")
    if not now < expires_at <= now + MAX_ALLOCATION:
        raise invalid("an allocation expires in the future, at most 30 days from now")
    if bool(seat_ids) == bool(ga_area_id and quantity):
        raise invalid("an allocation is either seat_ids or ga_area_id with quantity")
    perf = performance(session, performance_id)
    if perf.status != "on_sale":
        raise ApiError(409, "not_on_sale", f"performance {perf.id} is {perf.status}")
    alloc = Allocation(
        terminal_id=terminal.id,
        performance_id=perf.id,
        ga_area_id=ga_area_id if quantity else None,
        quantity=quantity or 0,
        used=0,
        state="active",
        requested_by=requested_by[:80],
        created_at=now,
        expires_at=expires_at,
    )
    session.add(alloc)
    session.flush()
    if seat_ids:
        base = {"kind": "allocation", "terminal_id": terminal.id, "allocation_id": alloc.id}
        _take_seats(session, perf, list(seat_ids), base, now)
        events = _seat_events(perf.id, seat_ids, "allocated", terminal.id)
    else:
        assert ga_area_id and quantity
        _take_ga_or_409(session, perf, ga_area_id, quantity, now)
        events = [ga_event(session, perf.id, ga_area_id, terminal.id)]
    feed.emit_many(session, "seat_state", events, now)
    feed.emit(session, "allocation", allocation_event(alloc, "granted"), now)
    audit.record(
        session,
        requested_by,
        "allocation.grant",
        f"allocation:{alloc.id}",
        {
            "terminal_id": terminal.id,
            "performance_id": perf.id,
            "seats": len(seat_ids),
            "ga_area_id": alloc.ga_area_id,
            "quantity": alloc.quantity,
            "expires_at": expires_at.isoformat(),
        },
        now,
    )
    return alloc


def allocation_event(alloc: Allocation, state: str) -> dict[str, Any]:
    return {
        "allocation_id": alloc.id,
        "terminal_id": alloc.terminal_id,
        "performance_id": alloc.performance_id,
        "state": state,
    }


def allocation_dict(session: Session, alloc: Allocation) -> dict[str, Any]:
    seats = session.scalars(
        select(SeatClaim.seat_id)
        .where(SeatClaim.allocation_id == alloc.id, SeatClaim.kind == "allocation")
        .order_by(SeatClaim.seat_id)
    ).all()
    return {
        "allocation_id": alloc.id,
        "terminal_id": alloc.terminal_id,
        "performance_id": alloc.performance_id,
        "seat_ids": list(seats),
        "ga_area_id": alloc.ga_area_id,
        "quantity": alloc.quantity,
        "used": alloc.used,
        "state": alloc.state,
        "expires_at": alloc.expires_at.isoformat(),
    }


def give_back_allocation(
    session: Session,
    alloc: Allocation,
    seat_ids: Sequence[int] | None,
    quantity: int | None,
    state: str,
    now: datetime,
) -> dict[str, Any]:
    """Free unsold allocated seats (all when ``seat_ids`` is None) and unused GA places."""
    cond = and_(SeatClaim.allocation_id == alloc.id, SeatClaim.kind == "allocation")
    if seat_ids is not None:
        cond = and_(cond, SeatClaim.seat_id.in_(list(seat_ids)))
    freed = session.scalars(delete(SeatClaim).where(cond).returning(SeatClaim.seat_id)).all()
    events = _seat_events(alloc.performance_id, sorted(freed), "free", None)
    returned = 0
    if alloc.ga_area_id:
        unused = alloc.quantity - alloc.used
        returned = unused if quantity is None else max(0, min(quantity, unused))
        if returned:
            alloc.quantity -= returned
            give_back_ga(session, alloc.performance_id, alloc.ga_area_id, returned)
            session.flush()
            events.append(ga_event(session, alloc.performance_id, alloc.ga_area_id, None))
    left = session.scalar(
        select(SeatClaim.id)
        .where(SeatClaim.allocation_id == alloc.id, SeatClaim.kind == "allocation")
        .limit(1)
    )
    if left is None and alloc.quantity == alloc.used:
        alloc.state = state
        alloc.closed_at = now
        feed.emit(session, "allocation", allocation_event(alloc, state), now)
    feed.emit_many(session, "seat_state", events, now)
    return {"seats_freed": sorted(freed), "quantity_returned": returned, "state": alloc.state}


def reclaim(
    session: Session, allocation_id: int, now: datetime, *, force: bool = False, actor: str = "cli"
) -> dict:
    """A supervisor takes back an allocation's unsold seats (expired unless ``force``)."""
    alloc = session.get(Allocation, allocation_id)
    if alloc is None:
        raise not_found(f"allocation {allocation_id}")
    if alloc.state != "active":
        raise ApiError(409, "allocation_closed", f"allocation {allocation_id} is {alloc.state}")
    if alloc.expires_at > now and not force:
        raise ApiError(
            409,
            "allocation_not_expired",
            f"allocation {allocation_id} runs until {alloc.expires_at.isoformat()}; "
            "reclaim it early only with force",
        )
    out = give_back_allocation(session, alloc, None, None, "reclaimed", now)
    audit.record(
        session,
        actor,
        "allocation.reclaim",
        f"allocation:{alloc.id}",
        {
            "terminal_id": alloc.terminal_id,
            "seats_freed": out["seats_freed"],
            "quantity_returned": out["quantity_returned"],
            "force": force,
        },
        now,
    )
    if alloc.state != "reclaimed":  # sold GA places stay sold; close it anyway
        alloc.state, alloc.closed_at = "reclaimed", now
        feed.emit(session, "allocation", allocation_event(alloc, "reclaimed"), now)
    return {**out, "state": alloc.state}


# -- sales ---------------------------------------------------------------------------
def claim_for_sale(
    session: Session, terminal_id: int, perf_id: int, seat_id: int, serial: str, now: datetime
) -> tuple[bool, str]:
    """Take a seat for a ticket: free, held by this terminal (or expired), or allocated to it.

    Returns (granted, how): how is "free", "hold", "allocation", or the kind of
    the claim that blocks it.
    """
    got = insert_claims(
        session,
        [
            {
                "performance_id": perf_id,
                "seat_id": seat_id,
                "kind": "sale",
                "terminal_id": terminal_id,
                "ticket_serial": serial,
                "created_at": now,
            }
        ],
    )
    if got:
        return True, "free"
    row = session.execute(
        update(SeatClaim)
        .where(
            SeatClaim.performance_id == perf_id,
            SeatClaim.seat_id == seat_id,
            or_(
                and_(
                    SeatClaim.kind == "hold",
                    or_(SeatClaim.terminal_id == terminal_id, SeatClaim.expires_at <= now),
                ),
                and_(SeatClaim.kind == "allocation", SeatClaim.terminal_id == terminal_id),
            ),
        )
        .values(
            kind="sale",
            terminal_id=terminal_id,
            ticket_serial=serial,
            hold_id=None,
            expires_at=None,
        )
        .returning(SeatClaim.allocation_id)
        .execution_options(synchronize_session=False)
    ).first()
    if row is not None:
        return True, "allocation" if row[0] is not None else "hold"
    claim = session.scalar(
        select(SeatClaim).where(SeatClaim.performance_id == perf_id, SeatClaim.seat_id == seat_id)
    )
    return False, claim.kind if claim else "unknown"


def convert_for_sales(
    session: Session, terminal_id: int, perf_id: int, serials: dict[int, str], now: datetime
) -> dict[int, str]:
    """``claim_for_sale`` for many seats of one performance in one statement.

    Converts the seats (seat id → ticket serial) this terminal holds or was
    allocated, or that an expired hold still claims, into sales; returns each
    converted seat and how ("allocation" or "hold"). Other seats are untouched.
    """
    if not serials:
        return {}
    rows = session.execute(
        update(SeatClaim)
        .where(
            SeatClaim.performance_id == perf_id,
            SeatClaim.seat_id.in_(list(serials)),
            or_(
                and_(
                    SeatClaim.kind == "hold",
                    or_(SeatClaim.terminal_id == terminal_id, SeatClaim.expires_at <= now),
                ),
                and_(SeatClaim.kind == "allocation", SeatClaim.terminal_id == terminal_id),
            ),
        )
        .values(
            kind="sale",
            terminal_id=terminal_id,
            ticket_serial=case(serials, value=SeatClaim.seat_id),
            hold_id=None,
            expires_at=None,
        )
        .returning(SeatClaim.seat_id, SeatClaim.allocation_id)
        .execution_options(synchronize_session=False)
    ).all()
    return {seat: "allocation" if alloc is not None else "hold" for seat, alloc in rows}


def blocking_facts(session: Session, perf_id: int, seat_id: int) -> dict[str, Any]:
    claim = session.scalar(
        select(SeatClaim).where(SeatClaim.performance_id == perf_id, SeatClaim.seat_id == seat_id)
    )
    if claim is None:
        return {"seat_id": seat_id, "claim": None}
    return _facts(claim)


def blocking_facts_many(
    session: Session, perf_id: int, seat_ids: Iterable[int]
) -> list[dict[str, Any]]:
    """``blocking_facts`` of the seats of one performance that have a claim, in one query."""
    seat_ids = list(seat_ids)
    if not seat_ids:
        return []
    claims = session.scalars(
        select(SeatClaim).where(
            SeatClaim.performance_id == perf_id, SeatClaim.seat_id.in_(seat_ids)
        )
    )
    return [_facts(c) for c in claims]


def _facts(claim: SeatClaim) -> dict[str, Any]:
    seat_id = claim.seat_id
    return {
        "seat_id": seat_id,
        "claim": claim.kind,
        "terminal_id": claim.terminal_id,
        "ticket_serial": claim.ticket_serial,
        "allocation_id": claim.allocation_id,
        "since": claim.created_at.isoformat(),
    }


def free_sold_seat(session: Session, perf_id: int, seat_id: int, serial: str) -> None:
    session.execute(
        delete(SeatClaim).where(
            SeatClaim.performance_id == perf_id,
            SeatClaim.seat_id == seat_id,
            SeatClaim.kind == "sale",
            SeatClaim.ticket_serial == serial,
        )
    )


def seat_events(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
    return _seat_events(*args, **kwargs)
