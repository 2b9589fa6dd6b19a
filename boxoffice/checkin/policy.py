"""Door windows and re-entry per performance.

Without a ``door_policies`` row a performance opens its doors
``DEFAULT_OPENS_BEFORE`` before the start, admits until it ends (start +
the event's duration) and allows no re-entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.checkin.verdicts import Reason
from boxoffice.errors import NotFound, ValidationError
from boxoffice.store.models import DoorPolicy, Performance, PerformanceStatus

DEFAULT_OPENS_BEFORE = timedelta(minutes=90)
#: Nobody queues a day early, nobody stays a day late: a typo cannot open doors for ever.
MAX_MINUTES = 24 * 60


@dataclass(frozen=True)
class DoorWindow:
    performance_id: int
    event_id: int
    event_name: str
    seat_map_id: int
    starts_at: datetime
    opens_at: datetime
    closes_at: datetime
    reentry: bool
    cancelled: bool
    #: The venue's time zone: the door reads times as the clock on its wall.
    timezone: str = "UTC"

    def local(self, moment: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
        """``moment`` on the venue's clock, with its zone abbreviation."""
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        shown = moment.astimezone(zone)
        return f"{shown.strftime(fmt)} {shown.tzname()}"

    def problem(self, now: datetime) -> tuple[str, Reason] | None:
        """``("not_yet_open" | "expired", reason)`` when the door must refuse now."""
        when = {"event": self.event_name, "at": self.local(self.starts_at)}
        if self.cancelled:
            return "expired", Reason("checkin_performance_cancelled", when)
        if now < self.opens_at:
            return "not_yet_open", Reason(
                "checkin_doors_not_open", {**when, "opens": self.local(self.opens_at)}
            )
        if now > self.closes_at:
            return "expired", Reason(
                "checkin_ticket_expired", {**when, "closes": self.local(self.closes_at)}
            )
        return None


def window(session: Session, performance_id: int) -> DoorWindow:
    performance = session.get(Performance, performance_id)
    if performance is None:
        raise NotFound("checkin_no_performance", performance=performance_id)
    policy = session.get(DoorPolicy, performance_id)
    opens_before = (
        timedelta(minutes=policy.opens_before_minutes) if policy else DEFAULT_OPENS_BEFORE
    )
    after_end = timedelta(minutes=policy.closes_after_end_minutes) if policy else timedelta()
    event = performance.event
    ends = performance.starts_at + timedelta(minutes=event.duration_minutes)
    return DoorWindow(
        performance_id=performance.id,
        event_id=event.id,
        event_name=event.name,
        seat_map_id=performance.seat_map_id,
        starts_at=performance.starts_at,
        opens_at=performance.starts_at - opens_before,
        closes_at=ends + after_end,
        reentry=bool(policy and policy.reentry),
        cancelled=performance.status == PerformanceStatus.CANCELLED,
        timezone=performance.seat_map.venue.timezone or "UTC",
    )


def set_policy(
    session: Session,
    actor: Actor,
    performance_id: int,
    *,
    reentry: bool,
    opens_before_minutes: int = int(DEFAULT_OPENS_BEFORE.total_seconds() // 60),
    closes_after_end_minutes: int = 0,
) -> DoorPolicy:
    """Set a performance's door policy (part of setting up the performance)."""
    require(session, actor, Permission.CATALOGUE_EDIT)
    if session.get(Performance, performance_id) is None:
        raise NotFound("checkin_no_performance", performance=performance_id)
    for name, value in (
        ("opens_before_minutes", opens_before_minutes),
        ("closes_after_end_minutes", closes_after_end_minutes),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MINUTES:
            raise ValidationError(
                "checkin_policy_minutes_invalid", name=name, limit=MAX_MINUTES, value=repr(value)
            )
    policy = session.get(DoorPolicy, performance_id)
    if policy is None:
        policy = DoorPolicy(performance_id=performance_id)
        session.add(policy)
    policy.reentry = bool(reentry)
    policy.opens_before_minutes = opens_before_minutes
    policy.closes_after_end_minutes = closes_after_end_minutes
    session.flush()
    audit.record(
        session,
        actor,
        "door.policy",
        f"performance:{performance_id}",
        {
            "reentry": policy.reentry,
            "opens_before_minutes": opens_before_minutes,
            "closes_after_end_minutes": closes_after_end_minutes,
        },
    )
    return policy
