"""Write a ``Report`` as one CSV table: a ``section`` column, then every column used.

Amounts are written exactly, in major units with a dot (``1234.50``), next to
their currency, so a spreadsheet can sum a section and get the report's total.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from boxoffice.money import Money
from boxoffice.reports.model import Cell, Report


def _value(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Money):
        return str(cell.amount)
    return str(cell)


def write(reports: Report | Sequence[Report], path: Path | str) -> Path:
    items = [reports] if isinstance(reports, Report) else list(reports)
    columns: list[str] = ["report", "section"]
    for report in items:
        for section in report.sections:
            columns += [c for c in section.columns if c not in columns]
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for report in items:
            for section in report.sections:
                for row in section.rows:
                    record = {"report": report.title, "section": section.title}
                    for name, cell in zip(section.columns, row, strict=True):
                        record[name] = _value(cell)
                    writer.writerow(record)
    return path
