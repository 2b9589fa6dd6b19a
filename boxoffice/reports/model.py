"""A report as plain data: titled sections of rows, each perhaps with a chart.

Builders (``sales``, ``exceptions``, ...) only query the store and fill
these; ``pdf`` and ``csv_out`` only render them. Amount cells are ``Money``
(exact minor units); the renderers decide how they look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.store.models import Venue

Cell = str | int | Money | None


def cell_text(cell: Cell) -> str:
    """A cell as a reader sees it: "–" for nothing, amounts with their symbol."""
    if cell is None:
        return "–"
    if isinstance(cell, Money):
        return cell.format()
    if isinstance(cell, int):
        return f"{cell:,}"
    return str(cell)


@dataclass(frozen=True)
class Chart:
    """Draw ``value`` (a column) against ``label`` (a column) as a bar, pie or line chart."""

    kind: str  # "bar", "hbar", "pie", "line"
    label: str
    value: str
    title: str = ""


@dataclass
class Section:
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    chart: Chart | None = None
    #: Shown under the table (and not in the CSV, which readers sum themselves).
    total: list[Cell] | None = None
    note: str = ""

    def column(self, name: str) -> list[Cell]:
        i = self.columns.index(name)
        return [r[i] for r in self.rows]


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)
    #: Shown in a box at the top (e.g. "LOCAL FIGURES ONLY").
    banner: str = ""
    meta: list[tuple[str, str]] = field(default_factory=list)


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


#: Business days a report can cover: far enough either way for any box office,
#: near enough that the day's bounds in any time zone stay valid datetimes.
FIRST_YEAR, LAST_YEAR = 1970, 9998


def parse_date(text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            f"{day.isoformat()} is outside the years {FIRST_YEAR}–{LAST_YEAR} a report can cover"
        )
    return day


def report_timezone(session: Session) -> ZoneInfo:
    """``reports.timezone`` if set, else the first venue's zone, else UTC."""
    name = settings.find(session, "reports.timezone") or session.scalar(
        select(Venue.timezone).order_by(Venue.id).limit(1)
    )
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"unknown time zone {name!r} for reports") from None


def business_day(session: Session, day: date) -> Day:
    tz = report_timezone(session)
    start = datetime.combine(day, time(0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tz)
    return Day(day, tz, start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC")))
