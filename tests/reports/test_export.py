"""Writing a report to a file: checked first, moved into place, never half-written."""

from __future__ import annotations

from pathlib import Path

import pytest

from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.reports import export
from boxoffice.reports.model import Report, Section


def _report() -> Report:
    section = Section("Totals", ["tender", "amount"], [["cash", Money(12345, "EUR")]])
    return Report("Day end", "2030-06-01", [section], banner="LOCAL FIGURES ONLY")


def test_pdf_and_csv_are_written(tmp_path: Path) -> None:
    pdf = export.write(_report(), tmp_path / "day.pdf", "pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    csv = export.write(_report(), tmp_path / "day.csv", "csv")
    assert csv.read_text().splitlines() == [
        "report,section,tender,amount",
        "Day end,Totals,cash,123.45",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day.csv", "day.pdf"]  # no leftovers


def test_bad_targets_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="is a folder"):
        export.write(_report(), tmp_path, "pdf")
    with pytest.raises(ValidationError, match="does not exist"):
        export.write(_report(), tmp_path / "nope" / "day.pdf", "pdf")
    with pytest.raises(ValidationError, match="not 'xlsx'"):
        export.write(_report(), tmp_path / "day.xlsx", "xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "day.pdf"
    target.write_bytes(b"the good one")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(export.pdf, "write", broken)
    with pytest.raises(ValidationError, match=r"cannot write .*day\.pdf: disk full"):
        export.write(_report(), target, "pdf")
    assert target.read_bytes() == b"the good one"
    assert [p.name for p in tmp_path.iterdir()] == ["day.pdf"]
