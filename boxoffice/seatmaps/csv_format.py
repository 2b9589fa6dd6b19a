"""Seat maps from a spreadsheet: one seat per line, ``section,row,seat,x,y,category[,accessible]``.

The simplest thing a venue can produce by hand. Columns are found by the
header row (required, any order, any case); sections, rows and categories
appear in the order they are first met, so the file's order is the order
from the stage. Each seat's guid is derived from its place ("Stalls-A-12"),
so re-importing the same spreadsheet gives the same guids. Spreadsheets
saved with ``;`` or tab as separator are accepted too, and with ``;`` or tab
a decimal comma (``12,5``) is read as a decimal point.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from typing import Any

from boxoffice.messages import Notice
from boxoffice.seatmaps.errors import SeatMapFormatError, Where, at_line, show
from boxoffice.seatmaps.plan import RowPlan, SeatMapPlan, SeatPlan, SectionPlan, ZonePlan
from boxoffice.seatmaps.validate import MAX_GUID, Locator, validate_plan

REQUIRED = ("section", "row", "seat", "x", "y", "category")
OPTIONAL = ("accessible",)
TRUE = frozenset({"true", "yes", "1"})
FALSE = frozenset({"false", "no", "0", ""})
#: Colours for categories in order of appearance (a CSV has no colours).
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def seat_guid(section: str, row: str, seat: str) -> str:
    """The stable guid of a CSV seat: "Stalls-A-12", hashed down if it would be too long."""
    guid = f"{section}-{row}-{seat}"
    if len(guid) <= MAX_GUID:
        return guid
    digest = hashlib.sha1(guid.encode()).hexdigest()[:16]
    return f"{guid[: MAX_GUID - 17]}~{digest}"


class _CsvLocator(Locator):
    """Plan places as line numbers and column names of the spreadsheet."""

    def __init__(self) -> None:
        self.seat_lines: list[list[list[int]]] = []
        self.zone_lines: list[int] = []

    def map_field(self, field: str) -> Where:
        return Notice("seatmap_at_map_name") if field == "name" else field

    def zone(self, zi: int, field: str) -> Where:
        return at_line(self.zone_lines[zi], "category")

    def section(self, si: int, field: str) -> Where:
        return at_line(self.seat_lines[si][0][0], "section")

    def row(self, si: int, ri: int, field: str) -> Where:
        return at_line(self.seat_lines[si][ri][0], "row")

    def seat(self, si: int, ri: int, ki: int, field: str) -> Where:
        line = self.seat_lines[si][ri][ki]
        if field == "guid":
            return Notice("seatmap_at_line_seat_columns", {"line": line})
        return at_line(line, {"number": "seat", "zone": "category"}.get(field, field))


def _delimiter(first_line: str) -> str:
    if "," not in first_line:
        for candidate in (";", "\t"):
            if candidate in first_line:
                return candidate
    return ","


def parse(text: str, filename: str = "map.csv", name: str | None = None) -> SeatMapPlan:
    """A validated plan from CSV text; the map is named ``name`` or after the file."""
    if not text.strip():
        raise SeatMapFormatError(filename, "", "seatmap_file_empty")
    text = text.removeprefix("\ufeff")
    first_line = next(line for line in text.splitlines() if line.strip())
    delimiter = _delimiter(first_line)
    decimal_comma = delimiter != ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def fail(line: int, col: str | None, problem: str, /, **params: Any) -> SeatMapFormatError:
        return SeatMapFormatError(filename, at_line(line, col), problem, **params)

    try:
        header: list[str] = []
        for record in reader:
            if any(cell.strip() for cell in record):
                header = [cell.strip().lower() for cell in record]
                break
        header_line = reader.line_num
        for column in header:
            if column not in REQUIRED and column not in OPTIONAL:
                expected = ",".join(REQUIRED) + "[," + ",".join(OPTIONAL) + "]"
                if any(_NUMBER.fullmatch(c) for c in header):
                    raise fail(header_line, None, "seatmap_csv_no_header", expected=expected)
                raise fail(
                    header_line,
                    None,
                    "seatmap_csv_unknown_column",
                    column=column,
                    expected=expected,
                )
            if header.count(column) > 1:
                raise fail(header_line, None, "seatmap_csv_column_twice", column=column)
        for column in REQUIRED:
            if column not in header:
                raise fail(header_line, None, "seatmap_csv_column_missing", column=column)
        width = len(header)
        i_section, i_row, i_seat, i_x, i_y, i_cat = (header.index(c) for c in REQUIRED)
        i_acc = header.index("accessible") if "accessible" in header else None

        def number(cell: str, line: int, column: str) -> float:
            value = cell.strip()
            if decimal_comma:
                value = value.replace(",", ".")
            if not _NUMBER.fullmatch(value):
                raise fail(line, column, "seatmap_expected_number", got=show(cell))
            return float(value)

        def text_cell(cell: str, line: int, column: str) -> str:
            value = cell.strip()
            if not value:
                raise fail(line, column, "seatmap_text_empty")
            return value

        locator = _CsvLocator()
        #: section name -> (section, row name -> (row, line of each seat), lines per row)
        sections: dict[
            str, tuple[SectionPlan, dict[str, tuple[RowPlan, list[int]]], list[list[int]]]
        ] = {}
        zones: dict[str, int] = {}
        min_x = min_y = float("inf")
        max_x = max_y = float("-inf")
        for record in reader:
            line = reader.line_num
            if len(record) != width:
                if not any(cell.strip() for cell in record):
                    continue
                raise fail(line, None, "seatmap_csv_field_count", expected=width, found=len(record))
            section_name = text_cell(record[i_section], line, "section")
            row_name = text_cell(record[i_row], line, "row")
            seat_number = text_cell(record[i_seat], line, "seat")
            x = number(record[i_x], line, "x")
            y = number(record[i_y], line, "y")
            category = text_cell(record[i_cat], line, "category")
            accessible = False
            if i_acc is not None:
                flag = record[i_acc].strip().lower()
                if flag in TRUE:
                    accessible = True
                elif flag not in FALSE:
                    raise fail(
                        line,
                        "accessible",
                        "seatmap_csv_bad_accessible",
                        got=show(record[i_acc]),
                    )
            if category not in zones:
                zones[category] = line
            entry = sections.get(section_name)
            if entry is None:
                entry = sections[section_name] = (SectionPlan(section_name), {}, [])
            section, rows, lines = entry
            found = rows.get(row_name)
            if found is None:
                found = rows[row_name] = (RowPlan(row_name), [])
                section.rows.append(found[0])
                lines.append(found[1])
            row, seat_lines = found
            row.seats.append(
                SeatPlan(
                    seat_guid(section_name, row_name, seat_number),
                    seat_number,
                    x,
                    y,
                    category,
                    wheelchair=accessible,
                )
            )
            seat_lines.append(line)
            min_x, max_x = min(min_x, x), max(max_x, x)
            min_y, max_y = min(min_y, y), max(max_y, y)
    except csv.Error as exc:
        raise fail(reader.line_num, None, "seatmap_csv_unreadable", reason=str(exc)) from None

    if not sections:
        raise SeatMapFormatError(filename, "", "seatmap_csv_no_seats")
    locator.zone_lines = list(zones.values())
    locator.seat_lines = [lines for _, _, lines in sections.values()]
    plan = SeatMapPlan(
        name=name if name is not None else Path(filename).stem,
        # As wide as the seats plus the same margin on the far side as on the near side.
        width=max(0.0, max_x + min_x),
        height=max(0.0, max_y + min_y),
        zones=[ZonePlan(z, PALETTE[i % len(PALETTE)]) for i, z in enumerate(zones)],
        sections=[section for section, _, _ in sections.values()],
    )
    validate_plan(plan, filename, locator)
    return plan
