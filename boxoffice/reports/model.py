"""A report as plain data: titled sections of rows, each perhaps with a chart.

Builders (``sales``, ``exceptions``, ...) only query the store and fill
these; ``pdf`` and ``csv_out`` only render them. Amount cells are ``Money``
(exact minor units); the renderers decide how they look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from boxoffice.errors import ValidationError
from boxoffice.messages import render
from boxoffice.money import Money

# The venue's business day is the shifts' notion too (a Z report is dated by it);
# it lives in ``boxoffice.shifts.business_day`` and reports read it from there.
from boxoffice.shifts.business_day import Day, business_day, report_timezone

Cell = str | int | Money | None


class Phrase(str):
    """A report text with names or figures in it: its English, and its message code.

    It *is* the English string (the PDF and CSV, the venue's record, stay as
    built); a screen renders it in its own language with ``text(lang)``
    from ``code`` and ``params`` (``boxoffice.messages.reports``). A parameter
    may itself be a ``Phrase`` or a list of them.
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Phrase:
        self = super().__new__(cls, render(code, params, "en"))
        self.code = code
        self.params = params
        return self

    def text(self, lang: str = "en") -> str:
        return render(self.code, {k: _in(v, lang) for k, v in self.params.items()}, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_phrase, (self.code, self.params))


class Lines(str):
    r"""Lines (texts or ``Phrase``\ s) joined by newlines, each rendered on its own."""

    lines: tuple[str, ...]

    def __new__(cls, lines: Sequence[str]) -> Lines:
        self = super().__new__(cls, "\n".join(lines))
        self.lines = tuple(lines)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Lines, (self.lines,))


def _phrase(code: str, params: dict[str, Any]) -> Phrase:
    return Phrase(code, **params)


def _in(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return [_in(v, lang) for v in value]
    return value


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
