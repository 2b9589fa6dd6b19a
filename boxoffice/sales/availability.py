"""What can be sold: every seat's state and what is left in each standing area.

Built from four set queries (live tickets, house holds, cart holds,
allocations) rather than per seat, so a 20,000-seat house answers in
milliseconds. Seats not mentioned in ``SeatStates.states`` are available.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.catalogue.prices import get_zone
from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.sales.holds import ga_remaining
from boxoffice.store.models import (
    Allocation,
    AvailabilityThreshold,
    CartHold,
    GAArea,
    Performance,
    PriceZone,
    RemoteSeat,
    Seat,
    SeatHold,
    Ticket,
    TicketStatus,
)


class SeatState(enum.StrEnum):
    AVAILABLE = "available"
    HELD_HERE = "held_here"  # in a cart at this terminal
    HELD_ELSEWHERE = "held_elsewhere"  # in a cart at another terminal
    RESERVED = "reserved"  # in an unpaid reservation or an order being paid
    SOLD = "sold"
    KILLED = "killed"  # house seat, press, kill: not for general sale
    ALLOCATED_HERE = "allocated_here"  # offline: ours to sell
    NOT_SELLABLE_OFFLINE = "not_sellable_offline"  # offline: outside our allocation


@dataclass
class SeatStates:
    performance_id: int
    total: int
    states: dict[int, SeatState] = field(default_factory=dict)

    def state(self, seat_id: int) -> SeatState:
        return self.states.get(seat_id, SeatState.AVAILABLE)

    def unavailable(self, terminal_can_sell: bool = True) -> set[int]:
        """Seats a best-available search must skip."""
        ok = {SeatState.AVAILABLE, SeatState.ALLOCATED_HERE}
        return {s for s, st in self.states.items() if st not in ok}

    def counts(self) -> Counter[SeatState]:
        c: Counter[SeatState] = Counter(self.states.values())
        c[SeatState.AVAILABLE] = self.total - sum(
            v for k, v in c.items() if k != SeatState.AVAILABLE
        )
        return c


def seat_states(
    session: Session,
    performance_id: int,
    terminal: str,
    *,
    now: datetime | None = None,
    offline: bool = False,
) -> SeatStates:
    now = now or utc_now()
    performance = session.get(Performance, performance_id)
    if performance is None:
        raise NotFound("sale_performance_not_found", performance=performance_id)
    total = (
        session.scalar(
            select(func.count())
            .select_from(Seat)
            .where(Seat.seat_map_id == performance.seat_map_id)
        )
        or 0
    )
    states: dict[int, SeatState] = {}
    if offline:
        # Invariant 3: offline, only our unexpired allocation is sellable.
        mine = set(
            session.scalars(
                select(Allocation.seat_id).where(
                    Allocation.performance_id == performance_id,
                    Allocation.terminal == terminal,
                    Allocation.released_at.is_(None),
                    Allocation.expires_at > now,
                    Allocation.seat_id.is_not(None),
                )
            )
        )
        for seat_id in session.scalars(
            select(Seat.id).where(Seat.seat_map_id == performance.seat_map_id)
        ):
            states[seat_id] = (
                SeatState.ALLOCATED_HERE if seat_id in mine else SeatState.NOT_SELLABLE_OFFLINE
            )
    for seat_id in session.scalars(
        select(SeatHold.seat_id).where(SeatHold.performance_id == performance_id)
    ):
        states[seat_id] = SeatState.KILLED
    # Other terminals' sales and holds, as the central server's change feed said.
    for seat_id, remote, until in session.execute(
        select(RemoteSeat.seat_id, RemoteSeat.state, RemoteSeat.expires_at).where(
            RemoteSeat.performance_id == performance_id
        )
    ):
        if remote == "sold":
            states[seat_id] = SeatState.SOLD
        elif until is None or until > now:
            states[seat_id] = SeatState.HELD_ELSEWHERE
    for seat_id, holder in session.execute(
        select(CartHold.seat_id, CartHold.terminal).where(
            CartHold.performance_id == performance_id,
            CartHold.seat_id.is_not(None),
            CartHold.expires_at > now,
        )
    ):
        states[seat_id] = SeatState.HELD_HERE if holder == terminal else SeatState.HELD_ELSEWHERE
    for seat_id, status in session.execute(
        select(Ticket.seat_id, Ticket.status).where(
            Ticket.performance_id == performance_id,
            Ticket.seat_id.is_not(None),
            Ticket.status.in_((TicketStatus.PENDING, TicketStatus.RESERVED, TicketStatus.VALID)),
        )
    ):
        states[seat_id] = SeatState.SOLD if status == TicketStatus.VALID else SeatState.RESERVED
    return SeatStates(performance_id, int(total), states)


def ga_availability(
    session: Session, performance_id: int, now: datetime | None = None
) -> dict[int, int]:
    """Standing area id → places left."""
    performance = session.get(Performance, performance_id)
    if performance is None:
        raise NotFound("sale_performance_not_found", performance=performance_id)
    areas = session.scalars(select(GAArea.id).where(GAArea.seat_map_id == performance.seat_map_id))
    return {a: ga_remaining(session, performance_id, a, now) for a in areas}


@dataclass(frozen=True)
class LowAvailability:
    performance_id: int
    zone: str | None  # None: the whole house
    remaining: int
    threshold: int

    def __str__(self) -> str:
        where = f"zone {self.zone}" if self.zone else "the house"
        return f"only {self.remaining} left in {where} (alert at {self.threshold})"


def set_threshold(
    session: Session, actor: Actor, performance_id: int, zone_name: str | None, remaining: int
) -> None:
    require(session, actor, Permission.CATALOGUE_EDIT)
    if isinstance(remaining, bool) or not isinstance(remaining, int) or remaining < 0:
        raise ValidationError("availability_threshold_invalid")
    performance = session.get(Performance, performance_id)
    if performance is None:
        raise NotFound("sale_performance_not_found", performance=performance_id)
    zone_id = get_zone(session, performance, zone_name).id if zone_name else None
    row = session.scalar(
        select(AvailabilityThreshold).where(
            AvailabilityThreshold.performance_id == performance_id,
            AvailabilityThreshold.price_zone_id.is_(None)
            if zone_id is None
            else AvailabilityThreshold.price_zone_id == zone_id,
        )
    )
    if row is None:
        session.add(
            AvailabilityThreshold(
                performance_id=performance_id, price_zone_id=zone_id, remaining=remaining
            )
        )
    else:
        row.remaining = remaining
    session.flush()
    audit.record(
        session,
        actor,
        "availability.threshold",
        f"performance:{performance_id}",
        {"zone": zone_name, "remaining": remaining},
    )


def low_availability(
    session: Session, performance_id: int, terminal: str, now: datetime | None = None
) -> list[LowAvailability]:
    """Alerts for the house and zones at or below their threshold."""
    thresholds = list(
        session.scalars(
            select(AvailabilityThreshold).where(
                AvailabilityThreshold.performance_id == performance_id
            )
        )
    )
    if not thresholds:
        return []
    states = seat_states(session, performance_id, terminal, now=now)
    unavailable = states.unavailable()
    zone_of = dict(
        session.execute(
            select(Seat.id, Seat.price_zone_id)
            .join(Performance, Performance.seat_map_id == Seat.seat_map_id)
            .where(Performance.id == performance_id)
        ).all()
    )
    free_by_zone: Counter[int] = Counter(z for s, z in zone_of.items() if s not in unavailable)
    names = dict(
        session.execute(
            select(PriceZone.id, PriceZone.name).where(PriceZone.id.in_(set(zone_of.values())))
        ).all()
    )
    alerts = []
    for t in thresholds:
        left = (
            sum(free_by_zone.values())
            if t.price_zone_id is None
            else free_by_zone.get(t.price_zone_id, 0)
        )
        if left <= t.remaining:
            alerts.append(
                LowAvailability(
                    performance_id,
                    names.get(t.price_zone_id) if t.price_zone_id else None,
                    left,
                    t.remaining,
                )
            )
    return alerts
