"""A report as plain data: titled sections of rows, each perhaps with a chart.

Builders (``sales``, ``exceptions``, ...) only query the store and fill
these; ``pdf`` and ``csv_out`` only render them. Amount cells are ``Money``
(exact minor units); the renderers decide how they look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from boxoffice.errors import ValidationError
from boxoffice.money import Money

# The venue's business day is the shifts' notion too (a Z report is dated by it);
# it lives in ``boxoffice.shifts.business_day`` and reports read it from there.
from boxoffice.shifts.business_day import Day, business_day, report_timezone

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


#: Business days a report can cover: far enough either way for any box office,
#: near enough that the day's bounds in any time zone stay valid datetimes.
FIRST_YEAR, LAST_YEAR = 1970, 9998


def parse_date(text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("report_bad_date", text=text) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            "report_date_out_of_range", day=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR
        )
    return day


__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Cell",
    "Chart",
    "Day",
    "Report",
    "Section",
    "business_day",
    "cell_text",
    "parse_date",
    "report_timezone",
]
