"""``boxoffice-admin checkin``: exit 0 only to admit, one status per refusal, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from boxoffice.checkin.verdicts import EXIT_CODES, Outcome
from boxoffice.cli.main import main
from tests.checkin.conftest import DoorWorld


def run(dw: DoorWorld, *args: str) -> int:
    return main(["--db", str(dw.world.store.path), *args])


def test_admit_exits_zero_and_a_second_scan_exits_already_admitted(
    dw: DoorWorld, tonight: tuple[int, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    perf, codes = tonight
    assert run(dw, "checkin", codes[0], "--performance", str(perf), "--door", "Gate 3") == 0
    assert capsys.readouterr().out.startswith("ADMITTED: ticket ")
    status = run(dw, "checkin", codes[0], "--performance", str(perf), "--json")
    assert status == EXIT_CODES[Outcome.ALREADY_ADMITTED] == 11
    shown = json.loads(capsys.readouterr().out)
    assert shown["outcome"] == "already_admitted" and shown["previous"]["door"] == "Gate 3"
    assert shown["exit_code"] == 11 and shown["admit"] is False


def test_each_refusal_has_its_own_exit_status(
    dw: DoorWorld, tonight: tuple[int, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    perf, codes = tonight
    assert run(dw, "checkin", "garbage", "--performance", str(perf)) == 14
    assert run(dw, "checkin", codes[1], "--performance", str(dw.world.performance)) == 16
    assert run(dw, "checkin", "W7-T0000001", "--performance", str(perf)) == 20
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES) - 1  # admitted/readmitted share 0
    out = capsys.readouterr().out
    assert "MALFORMED" in out and "WRONG EVENT" in out and "NOT FOUND" in out


def test_setup_errors_exit_two_with_one_line(
    dw: DoorWorld, tonight: tuple[int, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(dw, "checkin", "BX123", "--performance", "999") == 2
    assert "no performance 999" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        run(dw, "checkin", "BX123", "--performance", "zero")
    assert exit_info.value.code == 2


@pytest.mark.parametrize(
    "code",
    [
        "",
        " ",
        "BX" + "7" * 500,
        "ＢＸ１２３",
        "bo",
        "\u202e\u0000",
        "BXAAAA====",
        "'; drop table tickets;--",
    ],
)
def test_no_traceback_for_any_input_in_a_real_process(
    dw: DoorWorld, tonight: tuple[int, list[str]], code: str
) -> None:
    perf, _ = tonight
    code = code.replace("\x00", "")  # argv cannot carry NUL
    db = str(dw.world.store.path)
    argv = [sys.executable, "-m", "boxoffice.cli.main", "--db", db, "checkin"]
    result = subprocess.run(
        [*argv, "--performance", str(perf), "--", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == EXIT_CODES[Outcome.MALFORMED], (result.stdout, result.stderr)
    assert result.stdout.startswith("MALFORMED: ")


def test_door_stats_command(
    dw: DoorWorld, tonight: tuple[int, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    perf, codes = tonight
    run(dw, "checkin", codes[0], "--performance", str(perf), "--door", "Gate 3")
    capsys.readouterr()
    assert run(dw, "door-stats", "--performance", str(perf), "--json") == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert (report["expected"], report["admitted"], report["doors"][0]["door"]) == (2, 1, "Gate 3")
