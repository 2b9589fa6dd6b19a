"""``boxoffice-admin report``: real store, real files, clear errors that write nothing."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from boxoffice.cli.main import main
from boxoffice.money import Money
from boxoffice.shifts import close
from tests.reports.conftest import Day


def run(day: Day, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(day.world.store.path), "report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_z_report_to_pdf_with_the_slip(
    busy_day: Day, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "z.pdf"
    code, out, _ = run(
        busy_day, capsys, "z", "--date", "2030-06-01", "--pdf", str(target), "--slip"
    )
    assert code == 0, out
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    content = close.content_of(busy_day.z)
    (cash,) = [r for r in content["reconciliation"] if r["tender"] == "cash"]
    assert "Z report 1" in text and Money(cash["expected"], "EUR").format() in text
    assert "Z REPORT 1" in out and "written to" in out


def test_sales_csv_sums_to_the_pdf_total(
    busy_day: Day, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(busy_day, capsys, "sales", "--date", "2030-06-01", "--csv", str(tmp_path / "s.csv"))[0]
        == 0
    )
    assert (
        run(busy_day, capsys, "sales", "--date", "2030-06-01", "--pdf", str(tmp_path / "s.pdf"))[0]
        == 0
    )
    with (tmp_path / "s.csv").open(newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["section"] == "By performance"]
    total = sum(Decimal(r["amount"]) for r in rows)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "s.pdf").pages)
    assert Money.of(total, "EUR").format() in text


def test_x_report_of_the_open_shift(
    busy_day: Day, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.pdf"
    code, _, err = run(
        busy_day,
        capsys,
        "x",
        "--date",
        "2030-06-01",
        "--terminal",
        "Window 1",
        "--pdf",
        str(target),
    )
    assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "X report" in text and "clerk sue" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sales", "--date", "01/06/2030"], "not a date; write it as YYYY-MM-DD"),
        (["sales", "--date", "2030-02-30"], "not a date"),
        (["z", "--date", "2030-06-01", "--terminal", "Window 9"], "no terminal named 'Window 9'"),
        (["z", "--date", "2030-06-02"], "no Z reports on 2030-06-02"),
        (["stock", "--date", "2030-13-01"], "not a date"),
        (["sales", "--date", "9999-12-31"], "outside the years 1970–9998"),
        (["inventory", "--date", "0001-01-01"], "outside the years"),
    ],
)
def test_bad_arguments_are_refused_and_write_nothing(
    busy_day: Day,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run(busy_day, capsys, *args, "--pdf", str(out / "report.pdf"))
    assert code == 2 and message in err
    assert list(out.iterdir()) == []


def test_unwritable_targets_are_refused(
    busy_day: Day, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        busy_day, capsys, "sales", "--date", "2030-06-01", "--csv", str(tmp_path / "no" / "s.csv")
    )
    assert code == 2 and "does not exist" in err
    code, _, err = run(busy_day, capsys, "sales", "--date", "2030-06-01", "--pdf", str(tmp_path))
    assert code == 2 and "is a folder" in err
    code, _, err = run(busy_day, capsys, "sales", "--date", "2030-06-01", "--csv", "/dev/null")
    assert code == 2 and "/dev/null is not an ordinary file" in err
    assert Path("/dev/null").is_char_device()  # still the device, not a CSV
    too_long = tmp_path / ("x" * 300 + ".pdf")
    code, _, err = run(busy_day, capsys, "sales", "--date", "2030-06-01", "--pdf", str(too_long))
    assert code == 2 and "cannot write" in err and "Traceback" not in err
    assert list(tmp_path.glob(".report-*")) == []


def test_a_report_with_nowhere_to_go_is_refused(
    busy_day: Day, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(busy_day, capsys, "sales", "--date", "2030-06-01")
    assert code == 2 and "--pdf FILE or --csv FILE" in err and out == ""
    code, _, err = run(busy_day, capsys, "z", "--date", "2030-06-01")
    assert code == 2 and "--slip" in err


def test_a_written_report_is_readable_by_others(
    busy_day: Day, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sales.csv"
    code, _, _ = run(busy_day, capsys, "sales", "--date", "2030-06-01", "--csv", str(target))
    assert code == 0 and target.stat().st_mode & 0o777 == 0o644


def test_pdf_and_csv_together_is_a_usage_error(
    busy_day: Day, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        run(busy_day, capsys, "sales", "--date", "2030-06-01", "--pdf", "a.pdf", "--csv", "b.csv")
    assert exc.value.code == 2
