"""Logos on every driver, reprints, and a BOCA printer on a serial line (a pty)."""

from __future__ import annotations

import os
import select
import threading
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from boxoffice.devices.printing import escpos_preview, fgl_preview, print_log
from boxoffice.devices.printing.escpos_ticket import EscPosConfig, EscPosTicketDriver
from boxoffice.devices.printing.fgl import FglConfig, FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_queue import Printer, PrinterStatus, PrintJob, PrintQueue
from boxoffice.devices.printing.transports import SerialTransport
from boxoffice.sales import reprints
from boxoffice.store.models import Ticket
from tests.devices.print_world import sell, snapshots, verify_code
from tests.sales.conftest import World


def make_logo(path: Path) -> Path:
    img = Image.new("L", (240, 72), 255)
    ImageDraw.Draw(img).rectangle((4, 4, 235, 67), outline=0, width=6)
    ImageDraw.Draw(img).ellipse((20, 16, 60, 56), fill=0)
    img.save(path)
    return path


def test_logo_is_printed_by_each_driver(world: World, tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "logo.png")
    (ticket,) = snapshots(world, sell(world, ["S-K-1"]))
    escpos = EscPosTicketDriver(EscPosConfig(logo=logo)).render([ticket])
    # The logo is a raster image sent before the title.
    assert escpos.index(b"\x1dv0") < escpos.index(b"Hamlet")
    img = escpos_preview.render(escpos).image()
    top = img.crop((0, 0, img.width, 60))
    assert top.getextrema()[0] == 0  # black pixels where the logo is

    fgl = FglTicketDriver(FglConfig(logo=logo)).render([ticket])
    # 3 mm down, 4 mm in at 200 dpi: row 24, column 31, in 8-dot strips.
    assert b"<RC24,31><G" in fgl and b"<RC32,31><G" in fgl
    (printed,) = fgl_preview.render(fgl)
    assert printed.image.crop((31, 24, 120, 60)).getextrema()[0] == 0

    data = PdfTicketDriver(logo=logo).render([ticket])
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[0].render(scale=2).to_pil().convert("L")
    finally:
        doc.close()
    assert page.crop((20, 15, 100, 60)).getextrema()[0] < 64


def test_reprint_carries_the_new_barcode_and_says_reprint(world: World, tmp_path: Path) -> None:
    (ticket_id,) = sell(world, ["S-K-2"])
    (old,) = snapshots(world, [ticket_id])
    with world.store.write() as s:
        reprints.reprint(
            s, world.supervisor, ticket_id, world.signer, reason="smudged", now=world.now
        )
    (new,) = snapshots(world, [ticket_id])
    assert new.reissue == 1 and new.barcode != old.barcode
    page = escpos_preview.render(EscPosTicketDriver().render([new]))
    assert "REPRINT 1" in page.texts
    assert page.qr_payloads == [new.barcode]
    verdict = verify_code(world, new.barcode)
    assert verdict.genuine and verdict.claim is not None and verdict.claim.reissue == 1


def test_boca_on_a_serial_line_acknowledges_each_ticket(world: World) -> None:
    master, slave = os.openpty()
    import tty

    tty.setraw(master)
    tty.setraw(slave)
    received = bytearray()
    stop = threading.Event()

    def boca() -> None:  # the printer end of the cable: 0x06 after each <p>
        seen = 0
        while not stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                received.extend(os.read(master, 65536))
                cuts = received.count(b"<p>")
                if cuts > seen:
                    os.write(master, b"\x06" * (cuts - seen))
                    seen = cuts

    thread = threading.Thread(target=boca, daemon=True)
    thread.start()
    tickets = snapshots(world, sell(world, ["S-K-3", "S-K-4"]))
    q = PrintQueue(
        Printer("BOCA serial", FglTicketDriver(), SerialTransport(os.ttyname(slave), 115200)),
        store=world.store,
    ).start()
    try:
        job = PrintJob("ticket", world.clerk, tuple(tickets))
        q.submit(job)
        assert job.done.result(10).value == "printed"
        assert q.view().status == PrinterStatus.READY
        assert received.count(b"<p>") == 2
        with world.store.read() as s:
            assert [e.outcome.value for e in print_log.history(s)] == ["printed", "printed"]
    finally:
        q.stop()
        stop.set()
        thread.join(2)
        os.close(master)
        os.close(slave)


def test_print_order_after_the_sale_queues_tickets_and_receipt(
    world: World, tmp_path: Path
) -> None:
    from boxoffice.devices.printing import after_sale
    from boxoffice.devices.printing.transports import FolderTransport
    from boxoffice.errors import ValidationError

    ids = sell(world, ["S-K-5", "S-K-6"])
    with world.store.read() as s:
        number = s.get(Ticket, ids[0]).order.number  # type: ignore[union-attr]
    tq = PrintQueue(
        Printer("T", PdfTicketDriver(), FolderTransport(tmp_path / "t")), store=world.store
    )
    rq = PrintQueue(
        Printer("R", PdfTicketDriver(), FolderTransport(tmp_path / "r")), store=world.store
    )
    tq.start(), rq.start()
    try:
        futures = after_sale.print_order(world.store, world.clerk, number, tickets=tq, receipt=rq)
        assert [f.result(20).value for f in futures] == ["printed", "printed"]
    finally:
        tq.stop(), rq.stop()
    assert len(list((tmp_path / "t").glob("*.pdf"))) == 1
    assert len(list((tmp_path / "r").glob("*.pdf"))) == 1
    with world.store.read() as s:
        assert sorted((e.kind, e.printer) for e in print_log.history(s)) == [
            ("receipt", "R"),
            ("ticket", "T"),
            ("ticket", "T"),
        ]
        try:
            after_sale.order_tickets(s, number, [ids[0], 999_999])
        except ValidationError as exc:
            assert "not every ticket" in str(exc)
        else:  # pragma: no cover
            raise AssertionError("an unknown ticket id was accepted")
