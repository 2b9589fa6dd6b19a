"""``boxoffice-admin report z --slip --printer NAME``: the slip on a receipt printer over TCP,
and bad input (unknown printer, ticket printer, no Z that day, printer away) refused in one
line with nothing written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from boxoffice import audit
from boxoffice.actor import system_actor
from boxoffice.cli.main import main
from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.printing import escpos_preview, print_log
from boxoffice.devices.registry import DeviceConfig
from boxoffice.store.models import AuditEntry, PrintLogEntry, PrintOutcome
from tests.devices.printer_sim import PrinterSim, closed_port
from tests.reports.conftest import Day

CUT = b"\x1dV\x00"


@pytest.fixture
def sim() -> Iterator[PrinterSim]:
    printer = PrinterSim("escpos", paper=0x12)
    yield printer
    printer.close()


def add_printer(day: Day, name: str, kind: DeviceKind, driver: str, **options: object) -> None:
    with day.world.store.write() as s:
        device_registry.save_config(
            s,
            system_actor(),
            DeviceConfig(name, kind, driver, options),  # type: ignore[arg-type]
            use=False,
        )


def receipt_printer(day: Day, port: int, name: str = "Receipt") -> None:
    add_printer(day, name, DeviceKind.RECEIPT_PRINTER, "escpos", host="127.0.0.1", port=port)


def run(day: Day, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    day.world.store.dispose()
    code = main(["--db", str(day.world.store.path), "report", "z", *args])
    out, err = capsys.readouterr()
    return code, out, err


def written(day: Day) -> tuple[int, int]:
    with day.world.store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            s.scalar(select(func.count()).select_from(PrintLogEntry)) or 0,
        )


def test_the_slip_goes_to_the_named_receipt_printer(
    busy_day: Day, sim: PrinterSim, capsys: pytest.CaptureFixture[str]
) -> None:
    receipt_printer(busy_day, sim.port)
    code, out, err = run(busy_day, capsys, "--date", "2030-06-01", "--slip", "--printer", "Receipt")
    assert code == 0, err
    assert out.strip() == "Z 1 of Window 1 printed on Receipt"
    data = bytes(sim.received)
    assert data.startswith(b"\x10\x04\x04") and data.endswith(CUT) and data.count(CUT) == 1
    page = escpos_preview.render(data[data.index(b"\x1b@") :])
    assert page.texts[0] == "Z REPORT 1" and page.cuts == 1
    assert any(t.endswith(busy_day.z.sha256[:16]) for t in page.texts)
    with busy_day.world.store.read() as s:
        (row,) = print_log.history(s, kind="z_slip")
        assert (row.printer, row.outcome, row.username, row.terminal) == (
            "Receipt",
            PrintOutcome.PRINTED,
            "system",
            "admin-cli",
        )
        (entry,) = audit.entries(s, "report.z_slip")
        assert entry.subject == f"shift:{busy_day.z.shift_id}"

    # The second time it is a reprint, and says so on the paper.
    code, out, _ = run(busy_day, capsys, "--date", "2030-06-01", "--printer", "Receipt")
    assert code == 0 and out.strip() == "Z 1 of Window 1 (reprint) printed on Receipt"
    assert b"*** REPRINT ***" in bytes(sim.received)[len(data) :]


def test_without_a_printer_the_slip_is_text_with_the_hash(
    busy_day: Day, sim: PrinterSim, capsys: pytest.CaptureFixture[str]
) -> None:
    receipt_printer(busy_day, sim.port)
    before = written(busy_day)
    code, out, _ = run(busy_day, capsys, "--date", "2030-06-01", "--slip")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].strip() == "Z REPORT 1" and all(len(line) <= 42 for line in lines)
    assert f"SHA-256{' ' * 19}{busy_day.z.sha256[:16]}" in lines
    assert sim.received == b"" and written(busy_day) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--printer", "Nope"], "no printer named 'Nope' (see `device list`)"),
        (["--printer", "BOCA"], "BOCA is a ticket printer, not a receipt printer"),
        (["--printer", "Tickets"], "Tickets is a ticket printer, not a receipt printer"),
        (["--printer", "Away"], "Away: printer at tcp://127.0.0.1:"),
        (["--printer", "Empty"], "Empty: out of paper: load paper or ticket stock, then resume"),
        (["--printer", "Broken"], "Broken: ESC/POS text mode must be one of"),
        (["--printer", "Receipt", "--date", "2030-06-02"], "no Z reports on 2030-06-02"),
        (
            ["--printer", "Receipt", "--terminal", "Window 9"],
            "no terminal named 'Window 9'",
        ),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    busy_day: Day,
    sim: PrinterSim,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    empty = PrinterSim("escpos", paper=0x72)  # paper-end sensor set
    try:
        receipt_printer(busy_day, sim.port)
        receipt_printer(busy_day, closed_port(), "Away")
        receipt_printer(busy_day, empty.port, "Empty")
        add_printer(busy_day, "BOCA", DeviceKind.TICKET_PRINTER, "fgl", host="127.0.0.1")
        add_printer(
            busy_day, "Tickets", DeviceKind.TICKET_PRINTER, "escpos", host="127.0.0.1", port=9
        )
        add_printer(
            busy_day, "Broken", DeviceKind.RECEIPT_PRINTER, "escpos", host="x", text_mode="utf8"
        )
        before = written(busy_day)
        if "--date" not in args:
            args = [*args, "--date", "2030-06-01"]
        code, out, err = run(busy_day, capsys, *args, "--slip")
        assert code == 2
        assert message in err and len(err.strip().splitlines()) == 1, err
        assert out == ""
        assert written(busy_day) == before
        assert sim.received == b""
        assert CUT not in bytes(empty.received)
    finally:
        empty.close()


def test_printer_is_for_the_z_report_only(
    busy_day: Day, sim: PrinterSim, capsys: pytest.CaptureFixture[str]
) -> None:
    receipt_printer(busy_day, sim.port)
    code = main(
        [
            "--db",
            str(busy_day.world.store.path),
            "report",
            "sales",
            "--date",
            "2030-06-01",
            "--printer",
            "Receipt",
        ]
    )
    assert code == 2 and "use it with z" in capsys.readouterr().err
    assert sim.received == b""
