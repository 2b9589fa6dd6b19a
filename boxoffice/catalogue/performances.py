"""Performances: one showing of an event on a seat map at a time.

The status follows a box office's life cycle — scheduled, on sale, off sale,
cancelled — and a cancelled performance never goes back on sale.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.catalogue import venues
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import exponent
from boxoffice.store.models import Event, Performance, PerformanceStatus, SeatMap

ALLOWED_STATUS_CHANGES: dict[PerformanceStatus, frozenset[PerformanceStatus]] = {
    PerformanceStatus.SCHEDULED: frozenset(
        {PerformanceStatus.ON_SALE, PerformanceStatus.CANCELLED}
    ),
    PerformanceStatus.ON_SALE: frozenset({PerformanceStatus.OFF_SALE, PerformanceStatus.CANCELLED}),
    PerformanceStatus.OFF_SALE: frozenset({PerformanceStatus.ON_SALE, PerformanceStatus.CANCELLED}),
    PerformanceStatus.CANCELLED: frozenset(),
}


def _aware(value: datetime | None, what: str) -> None:
    if value is not None and value.tzinfo is None:
        raise ValidationError("performance_time_without_zone", field=what)


def find_seat_map(session: Session, venue_name: str, seat_map_name: str | None) -> SeatMap:
    """The venue's seat map by name, or its only one when no name is given."""
    venue = venues.get(session, venue_name)
    maps = list(session.scalars(select(SeatMap).where(SeatMap.venue_id == venue.id)))
    if seat_map_name is not None:
        for seat_map in maps:
            if seat_map.name == seat_map_name:
                return seat_map
        raise NotFound("catalogue_seat_map_not_found", venue=venue_name, seat_map=seat_map_name)
    if len(maps) == 1:
        return maps[0]
    if not maps:
        raise NotFound("venue_has_no_seat_map", venue=venue_name)
    names = sorted(m.name for m in maps)
    raise ValidationError("venue_seat_map_ambiguous", venue=venue_name, seat_maps=names)


def add_performance(
    session: Session,
    actor: Actor,
    event: Event,
    seat_map: SeatMap,
    starts_at: datetime,
    *,
    currency: str | None = None,
    status: PerformanceStatus = PerformanceStatus.SCHEDULED,
    sale_starts_at: datetime | None = None,
    sale_ends_at: datetime | None = None,
) -> Performance:
    require(session, actor, Permission.CATALOGUE_EDIT)
    _aware(starts_at, "the start time")
    _aware(sale_starts_at, "the sale start")
    _aware(sale_ends_at, "the sale end")
    if sale_starts_at and sale_ends_at and sale_ends_at <= sale_starts_at:
        raise ValidationError("catalogue_sale_window_reversed")
    currency = currency or seat_map.venue.currency
    exponent(currency)
    performance = Performance(
        event_id=event.id,
        seat_map_id=seat_map.id,
        starts_at=starts_at,
        status=PerformanceStatus(status),
        currency=currency,
        sale_starts_at=sale_starts_at,
        sale_ends_at=sale_ends_at,
    )
    session.add(performance)
    session.flush()
    audit.record(
        session,
        actor,
        "performance.add",
        f"performance:{performance.id}",
        {
            "event": event.name,
            "seat_map": seat_map.id,
            "starts_at": starts_at.isoformat(),
            "status": performance.status.value,
            "currency": currency,
        },
    )
    return performance


def set_status(
    session: Session, actor: Actor, performance_id: int, status: PerformanceStatus
) -> Performance:
    require(session, actor, Permission.CATALOGUE_EDIT)
    performance = get_performance(session, performance_id)
    status = PerformanceStatus(status)
    if status == performance.status:
        return performance
    if status not in ALLOWED_STATUS_CHANGES[performance.status]:
        raise ValidationError(
            "performance_status_change_refused",
            performance=performance_id,
            status=performance.status.value,
            new_status=status.value,
        )
    old = performance.status
    performance.status = status
    audit.record(
        session,
        actor,
        "performance.status",
        f"performance:{performance.id}",
        {"from": old.value, "to": status.value},
    )
    return performance


def get_performance(session: Session, performance_id: int) -> Performance:
    performance = session.get(Performance, performance_id)
    if performance is None:
        raise NotFound("catalogue_performance_not_found", performance=performance_id)
    return performance


def list_performances(
    session: Session,
    *,
    event_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[Performance]:
    query = (
        select(Performance)
        .options(
            joinedload(Performance.event),
            joinedload(Performance.seat_map).joinedload(SeatMap.venue),
        )
        .order_by(Performance.starts_at, Performance.id)
    )
    if event_id is not None:
        query = query.where(Performance.event_id == event_id)
    if start is not None:
        query = query.where(Performance.starts_at >= start)
    if end is not None:
        query = query.where(Performance.starts_at < end)
    return list(session.scalars(query).unique())
