"""The venue's business day and the time zone its cash figures are dated in.

A Z report shows its times in the venue's zone, and a day end (or a list of
the day's Z slips) covers one business day there. Reports use the same
notion (``boxoffice.reports.model`` re-exports it); it lives here because
shifts must never import reports (reports are built *from* shift figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.errors import ValidationError
from boxoffice.store.models import Venue


@dataclass(frozen=True)
class Day:
    """One business day in the venue's time zone, as a UTC half-open interval."""

    day: date
    tz: ZoneInfo
    start: datetime
    end: datetime

    @property
    def label(self) -> str:
        return f"{self.day.isoformat()} ({self.tz.key})"


def report_timezone(session: Session) -> ZoneInfo:
    """``reports.timezone`` if set, else the first venue's zone, else UTC."""
    name = settings.find(session, "reports.timezone") or session.scalar(
        select(Venue.timezone).order_by(Venue.id).limit(1)
    )
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("unknown_report_timezone", zone=name) from None


def business_day(session: Session, day: date) -> Day:
    tz = report_timezone(session)
    start = datetime.combine(day, time(0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tz)
    return Day(day, tz, start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC")))
