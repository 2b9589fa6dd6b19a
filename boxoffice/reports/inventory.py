"""Inventory per performance: sold, reserved, held, allocated and available seats,
with the low-availability alerts of ``boxoffice.sales.availability``.

Covers the performances from the report date for ``DAYS`` days (a supervisor
looks ahead, not back). Seat counts come from the same seat states the seat
map shows; standing areas add their places left.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.reports.model import Chart, Report, Section, business_day
from boxoffice.sales import availability
from boxoffice.sales.availability import SeatState
from boxoffice.store.models import Allocation, Event, Performance

DAYS = 14


def build(
    session: Session, on: date, terminal: str | None = None, now: datetime | None = None
) -> Report:
    now = now or utc_now()
    day = business_day(session, on)
    until = day.start + timedelta(days=DAYS)
    performances = session.execute(
        select(Performance.id, Event.name, Performance.starts_at, Performance.status)
        .join(Event, Event.id == Performance.event_id)
        .where(Performance.starts_at >= day.start, Performance.starts_at < until)
        .order_by(Performance.starts_at, Performance.id)
    ).all()
    table = Section(
        "Inventory per performance",
        [
            "performance",
            "status",
            "capacity",
            "sold",
            "reserved",
            "held",
            "allocated",
            "available",
            "sold %",
        ],
    )
    alerts = Section("Low availability", ["performance", "where", "left", "alert at"])
    allocated = dict(
        session.execute(
            select(Allocation.performance_id, func.sum(Allocation.quantity))
            .where(Allocation.released_at.is_(None), Allocation.expires_at > now)
            .group_by(Allocation.performance_id)
        ).all()
    )
    for pid, name, starts, status in performances:
        label = f"{name} {starts.astimezone(day.tz):%a %d %b %H:%M}"
        counts = availability.seat_states(session, pid, terminal or "", now=now).counts()
        ga_left = sum(availability.ga_availability(session, pid, now).values())
        sold = counts[SeatState.SOLD]
        reserved = counts[SeatState.RESERVED]
        held = (
            counts[SeatState.KILLED]
            + counts[SeatState.HELD_HERE]
            + counts[SeatState.HELD_ELSEWHERE]
        )
        available = counts[SeatState.AVAILABLE] + ga_left
        capacity = sum(counts.values()) + ga_left
        percent = f"{100 * sold / capacity:.0f} %" if capacity else "–"
        table.rows.append(
            [
                label,
                str(getattr(status, "value", status)),
                capacity,
                sold,
                reserved,
                held,
                int(allocated.get(pid, 0)),
                available,
                percent,
            ]
        )
        for alert in availability.low_availability(session, pid, terminal or "", now):
            alerts.rows.append(
                [f"! {label}", alert.zone or "whole house", alert.remaining, alert.threshold]
            )
    if table.rows:
        table.chart = Chart("hbar", "performance", "sold", "Seats sold")
    table.note = (
        "held = house seats, kills and seats in carts; allocated = set aside for offline "
        "terminals (still counted as available); available includes standing places."
    )
    return Report(
        "Inventory",
        f"performances from {day.label} for {DAYS} days",
        [alerts, table] if alerts.rows else [table, alerts],
    )
