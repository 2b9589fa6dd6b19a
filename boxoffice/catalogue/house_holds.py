"""House holds and kills on a performance: seats kept out of general sale."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, NotFound
from boxoffice.store.models import HoldKind, Performance, Seat, SeatHold


def place(
    session: Session,
    actor: Actor,
    performance: Performance,
    seat_guids: Iterable[str],
    kind: HoldKind,
    note: str = "",
) -> list[SeatHold]:
    """Hold the named seats (all or none); a seat already held is a conflict."""
    require(session, actor, Permission.HOLD_MANAGE)
    guids = list(dict.fromkeys(seat_guids))
    seats = {
        s.guid: s
        for s in session.scalars(
            select(Seat).where(Seat.seat_map_id == performance.seat_map_id, Seat.guid.in_(guids))
        )
    }
    missing = [g for g in guids if g not in seats]
    if missing:
        raise NotFound("hold_seats_not_on_map", seats=missing[:10])
    held = set(
        session.scalars(
            select(SeatHold.seat_id).where(
                SeatHold.performance_id == performance.id,
                SeatHold.seat_id.in_([s.id for s in seats.values()]),
            )
        )
    )
    if held:
        names = [g for g, s in seats.items() if s.id in held]
        raise Conflict("hold_seats_already_held", seats=names[:10])
    now = utc_now()
    holds = [
        SeatHold(
            performance_id=performance.id,
            seat_id=seats[g].id,
            kind=HoldKind(kind),
            note=note,
            created_by=actor.username,
            created_at=now,
        )
        for g in guids
    ]
    session.add_all(holds)
    session.flush()
    audit.record(
        session,
        actor,
        "hold.place",
        f"performance:{performance.id}",
        {"kind": HoldKind(kind).value, "seats": guids, "note": note},
    )
    return holds


def release(
    session: Session, actor: Actor, performance: Performance, seat_guids: Iterable[str]
) -> int:
    require(session, actor, Permission.HOLD_MANAGE)
    guids = list(dict.fromkeys(seat_guids))
    holds = list(
        session.scalars(
            select(SeatHold)
            .join(Seat)
            .where(SeatHold.performance_id == performance.id, Seat.guid.in_(guids))
        )
    )
    for hold in holds:
        session.delete(hold)
    session.flush()
    audit.record(
        session,
        actor,
        "hold.release",
        f"performance:{performance.id}",
        {"seats": guids, "released": len(holds)},
    )
    return len(holds)


def held_seats(session: Session, performance_id: int) -> dict[int, HoldKind]:
    """Seat id → hold kind, for painting the seat map."""
    rows = session.execute(
        select(SeatHold.seat_id, SeatHold.kind).where(SeatHold.performance_id == performance_id)
    )
    return {seat_id: kind for seat_id, kind in rows}
