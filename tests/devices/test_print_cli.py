"""``boxoffice-admin print``: ticket to bytes/PNG/PDF, print log, ticket stock; bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from boxoffice.cli.main import main
from boxoffice.devices.printing import ticket_stock
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_queue import Printer, PrintJob, PrintQueue
from boxoffice.devices.printing.transports import FolderTransport
from tests.devices.print_world import sell, snapshots, verify_code
from tests.sales.conftest import World


def run(world: World, *args: str) -> int:
    world.store.dispose()
    return main(["--db", str(world.store.path), *args])


def test_ticket_as_png_bytes_and_pdf(world: World, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (ticket,) = snapshots(world, sell(world, ["S-L-1"]))
    png = tmp_path / "t.png"
    assert run(world, "print", "ticket", ticket.serial, "--format", "fgl", "--out", str(png)) == 0
    (code,) = [r.text for r in zxingcpp.read_barcodes(Image.open(png)) if r.format.name == "QRCode"]
    assert verify_code(world, code).genuine
    raw = tmp_path / "t.bin"
    assert run(world, "print", "ticket", ticket.serial, "--out", str(raw)) == 0
    assert raw.read_bytes().startswith(b"\x1b@") and raw.read_bytes().endswith(b"\x1dV\x00")
    pdf = tmp_path / "t.pdf"
    assert (
        run(world, "print", "ticket", ticket.serial, "--format", "pdf-a4", "--out", str(pdf)) == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"ticket {ticket.serial} written to {pdf}" in capsys.readouterr().out


def test_log_and_stock_listings(world: World, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    tickets = snapshots(world, sell(world, ["S-L-2"]))
    with world.store.write() as s:
        ticket_stock.load(s, world.clerk, "BOCA 1", 250)
    q = PrintQueue(
        Printer("Office PDF", PdfTicketDriver(), FolderTransport(tmp_path)), store=world.store
    )
    q.start()
    try:
        q.submit(PrintJob("ticket", world.clerk, tuple(tickets)))
        assert q.wait_idle(10)
    finally:
        q.stop()
    capsys.readouterr()
    assert run(world, "print", "log", "--serial", tickets[0].serial) == 0
    out = capsys.readouterr().out
    assert "Office PDF" in out and tickets[0].serial in out and "printed" in out and "ann" in out
    assert run(world, "print", "stock", "--json") == 0
    assert '"on_hand": 250' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("print", "ticket", "W9-NOPE", "--out", "x.bin"), "no ticket with serial 'W9-NOPE'"),
        (("print", "ticket", "{serial}", "--format", "pdf", "--out", "x.png"), "written as .pdf"),
    ],
)
def test_bad_print_commands(world: World, tmp_path: Path, capsys, args, message: str) -> None:  # type: ignore[no-untyped-def]
    (ticket,) = snapshots(world, sell(world, ["S-L-3"]))
    args = tuple(
        a.replace("{serial}", ticket.serial).replace("x.", str(tmp_path / "x.")) for a in args
    )
    assert run(world, *args) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("x.*"))
