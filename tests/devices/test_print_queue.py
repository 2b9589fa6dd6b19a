"""Print queues against printers on local TCP ports: one write, status bytes, pause, resume,
redirect, and the print log, print counts and ticket stock they leave behind."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from boxoffice.devices.printing import print_log, ticket_stock
from boxoffice.devices.printing.escpos_ticket import EscPosTicketDriver
from boxoffice.devices.printing.fgl import FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_queue import (
    ESC_POS_PAPER_QUERY,
    Printer,
    PrinterStatus,
    PrintJob,
    PrintQueue,
    QueueState,
    escpos_paper_status,
)
from boxoffice.devices.printing.transports import (
    FolderTransport,
    PrinterOffline,
    SerialTransport,
    TcpTransport,
    escpos_device,
)
from boxoffice.errors import ValidationError
from boxoffice.store.models import PrintOutcome, Ticket
from tests.devices.print_world import sell, snapshots
from tests.devices.printer_sim import PrinterSim, closed_port, wait_for
from tests.sales.conftest import World


@pytest.fixture
def queues() -> Iterator[list[PrintQueue]]:
    made: list[PrintQueue] = []
    yield made
    for q in made:
        q.stop()


def start(queues: list[PrintQueue], world: World, printer: Printer, **kw: object) -> PrintQueue:
    q = PrintQueue(printer, store=world.store, terminal="Window 1", **kw).start()  # type: ignore[arg-type]
    queues.append(q)
    return q


def log_rows(world: World, printer: str | None = None) -> list[tuple[str | None, str, str]]:
    with world.store.read() as s:
        return [
            (e.ticket_serial, e.outcome.value, e.printer)
            for e in print_log.history(s, printer=printer)
        ]


def test_escpos_job_arrives_in_one_write_and_is_logged(world: World, queues: list) -> None:
    sim = PrinterSim("escpos", paper=0x12)
    try:
        tickets = snapshots(world, sell(world, ["S-F-1", "S-F-2"]))
        driver = EscPosTicketDriver()
        q = start(queues, world, Printer("Receipt 1", driver, TcpTransport("127.0.0.1", sim.port)))
        q.submit(PrintJob("ticket", world.clerk, tuple(tickets)))
        assert q.wait_idle(10)
        # The paper query, then exactly the rendered job.
        expected = ESC_POS_PAPER_QUERY + driver.render(tickets)
        assert wait_for(lambda: len(sim.received) >= len(expected))
        assert bytes(sim.received) == expected
        view = q.view()
        assert (view.state, view.status, view.waiting) == (QueueState.IDLE, PrinterStatus.READY, 0)
        with world.store.read() as s:
            rows = print_log.history(s)
            assert [(r.ticket_serial, r.outcome) for r in rows] == [
                (t.serial, PrintOutcome.PRINTED) for t in tickets
            ]
            assert {(r.username, r.terminal, r.printer, r.reprint) for r in rows} == {
                ("ann", "Window 1", "Receipt 1", False)
            }
            assert all(s.get(Ticket, t.ticket_id).print_count == 1 for t in tickets)  # type: ignore[union-attr]
            assert ticket_stock.summary(s, "Receipt 1").printed == 2
    finally:
        sim.close()


def test_silent_escpos_printer_is_unknown_never_paper_ok(world: World, queues: list) -> None:
    sim = PrinterSim("escpos", paper=None)
    try:
        tickets = snapshots(world, sell(world, ["S-F-3"]))
        printer = Printer("Receipt 1", EscPosTicketDriver(), TcpTransport("127.0.0.1", sim.port))
        printer.status_timeout = 0.2
        q = start(queues, world, printer)
        q.submit(PrintJob("ticket", world.clerk, tuple(tickets)))
        assert q.wait_idle(10)
        assert q.view().status == PrinterStatus.UNKNOWN
        assert log_rows(world) == [(tickets[0].serial, "unconfirmed", "Receipt 1")]
        with world.store.read() as s:
            assert s.get(Ticket, tickets[0].ticket_id).printed_at is None  # type: ignore[union-attr]
    finally:
        sim.close()


def test_escpos_out_of_paper_pauses_before_sending_and_resume_prints(
    world: World, queues: list
) -> None:
    sim = PrinterSim("escpos", paper=0x72)  # paper-end sensor bits set
    try:
        first = snapshots(world, sell(world, ["S-F-4"]))
        second = snapshots(world, sell(world, ["S-F-5"]))
        q = start(
            queues, world, Printer("R", EscPosTicketDriver(), TcpTransport("127.0.0.1", sim.port))
        )
        q.submit(PrintJob("ticket", world.clerk, tuple(first)))
        assert wait_for(lambda: q.view().state == QueueState.PAUSED)
        t0 = time.perf_counter()
        q.submit(PrintJob("ticket", world.clerk, tuple(second)))  # the sale goes on
        assert time.perf_counter() - t0 < 0.05
        view = q.view()
        assert view.status == PrinterStatus.OUT_OF_PAPER and view.waiting == 2
        assert "out of paper" in view.message
        assert bytes(sim.received) == ESC_POS_PAPER_QUERY  # nothing was sent to an empty printer
        assert log_rows(world) == []
        sim.paper = 0x12
        q.resume()
        assert q.wait_idle(10)
        assert [r[:2] for r in log_rows(world)] == [
            (first[0].serial, "printed"),
            (second[0].serial, "printed"),
        ]
    finally:
        sim.close()


def test_fgl_status_bytes_confirm_tickets_and_out_of_paper_pauses_the_rest(
    world: World, queues: list
) -> None:
    sim = PrinterSim("fgl", script=[0x06, 0x10, None])
    try:
        tickets = snapshots(world, sell(world, ["S-G-1", "S-G-2", "S-G-3"]))
        changes: list[PrinterStatus] = []
        q = start(
            queues,
            world,
            Printer("BOCA 1", FglTicketDriver(), TcpTransport("127.0.0.1", sim.port)),
            on_change=lambda v: changes.append(v.status),
        )
        q.submit(PrintJob("ticket", world.clerk, tuple(tickets)))
        assert wait_for(lambda: q.view().state == QueueState.PAUSED)
        view = q.view()
        assert view.status == PrinterStatus.OUT_OF_PAPER and view.waiting == 1
        assert PrinterStatus.OUT_OF_PAPER in changes  # the UI was told
        assert log_rows(world) == [(tickets[0].serial, "printed", "BOCA 1")]
        # Paper loaded: the two tickets not acknowledged are printed again, ticket 1 is not.
        before = len(sim.received)
        q.resume()
        assert q.wait_idle(10)
        resent = bytes(sim.received[before:])
        assert tickets[0].serial.encode() not in resent
        assert all(t.serial.encode() in resent for t in tickets[1:])
        assert resent.count(b"<p>") == 2
        assert [r[:2] for r in log_rows(world)] == [(t.serial, "printed") for t in tickets]
        assert q.view().status == PrinterStatus.READY
        with world.store.read() as s:
            assert ticket_stock.summary(s, "BOCA 1").printed == 3
    finally:
        sim.close()


def test_fgl_paper_jam_reported_while_idle_pauses_the_queue(world: World, queues: list) -> None:
    sim = PrinterSim("fgl")
    try:
        tickets = snapshots(world, sell(world, ["S-G-4"]))
        q = start(
            queues, world, Printer("BOCA 1", FglTicketDriver(), TcpTransport("127.0.0.1", sim.port))
        )
        q.submit(PrintJob("ticket", world.clerk, tuple(tickets)))
        assert q.wait_idle(10) and q.view().status == PrinterStatus.READY
        sim.push(0x18)
        assert wait_for(lambda: q.view().status == PrinterStatus.PAPER_JAM)
        assert q.view().state == QueueState.PAUSED and "paper jam" in q.view().message
    finally:
        sim.close()


def test_fgl_jam_while_printing_spoils_a_ticket_of_stock(world: World, queues: list) -> None:
    sim = PrinterSim("fgl", script=[0x1D])
    try:
        tickets = snapshots(world, sell(world, ["S-G-5"]))
        q = start(
            queues, world, Printer("BOCA 1", FglTicketDriver(), TcpTransport("127.0.0.1", sim.port))
        )
        q.submit(PrintJob("ticket", world.clerk, tuple(tickets)))
        assert wait_for(lambda: q.view().status == PrinterStatus.CUTTER_JAM)
        assert log_rows(world) == [(tickets[0].serial, "failed", "BOCA 1")]
        with world.store.read() as s:
            assert ticket_stock.summary(s, "BOCA 1").spoiled == 1
        assert q.view().waiting == 1  # still to print after the jam is cleared
    finally:
        sim.close()


def test_fgl_printer_that_never_answers_leaves_the_job_unconfirmed(
    world: World, queues: list
) -> None:
    sim = PrinterSim("fgl", default=None)
    try:
        tickets = snapshots(world, sell(world, ["S-G-6"]))
        q = start(
            queues,
            world,
            Printer("BOCA 1", FglTicketDriver(), TcpTransport("127.0.0.1", sim.port)),
            confirm_timeout=0.3,
        )
        q.submit(PrintJob("ticket", world.clerk, tuple(tickets)))
        assert q.wait_idle(10)
        assert q.view().status == PrinterStatus.UNKNOWN
        assert log_rows(world) == [(tickets[0].serial, "unconfirmed", "BOCA 1")]
    finally:
        sim.close()


def test_offline_printer_pauses_after_retries_and_jobs_can_be_redirected(
    world: World, queues: list, tmp_path: Path
) -> None:
    tickets = snapshots(world, sell(world, ["S-G-7"]))
    dead = start(
        queues,
        world,
        Printer("BOCA 2", FglTicketDriver(), TcpTransport("127.0.0.1", closed_port(), timeout=0.5)),
        retries=2,
        retry_delay=0.05,
    )
    t0 = time.perf_counter()
    dead.submit(PrintJob("ticket", world.clerk, tuple(tickets), reprint=True))
    assert time.perf_counter() - t0 < 0.05  # never blocks the sale
    assert wait_for(lambda: dead.view().state == QueueState.PAUSED)
    view = dead.view()
    assert view.status == PrinterStatus.OFFLINE and "does not answer" in view.message
    pdf = start(queues, world, Printer("Office PDF", PdfTicketDriver(), FolderTransport(tmp_path)))
    assert dead.redirect(pdf) == 1
    assert pdf.wait_idle(10)
    files = list(tmp_path.glob("*.pdf"))
    assert len(files) == 1 and files[0].read_bytes().startswith(b"%PDF")
    assert log_rows(world) == [
        (tickets[0].serial, "redirected", "BOCA 2"),
        (tickets[0].serial, "printed", "Office PDF"),
    ]
    with world.store.read() as s:
        assert all(e.reprint for e in print_log.history(s))
    assert dead.view().waiting == 0


def test_queue_refuses_what_it_cannot_print(world: World, queues: list, tmp_path: Path) -> None:
    q = start(queues, world, Printer("BOCA", FglTicketDriver(), FolderTransport(tmp_path)))
    with pytest.raises(ValidationError, match="at least one ticket"):
        PrintJob("ticket", world.clerk, ())
    with pytest.raises(ValidationError, match="cannot print receipts"):
        q.submit(PrintJob("receipt", world.clerk, receipt=object()))
    with pytest.raises(ValidationError, match="different printer"):
        q.redirect(q)


def test_escpos_paper_status_decoding() -> None:
    assert escpos_paper_status(b"") == PrinterStatus.UNKNOWN
    assert escpos_paper_status(b"\x12") == PrinterStatus.READY
    assert escpos_paper_status(b"\x1e") == PrinterStatus.PAPER_LOW
    assert escpos_paper_status(b"\x72") == PrinterStatus.OUT_OF_PAPER
    assert escpos_paper_status(b"\xff") == PrinterStatus.UNKNOWN  # not a status byte


def test_serial_transport_on_loop_url_and_unplugged_port() -> None:
    t = SerialTransport("loop://", baudrate=19200)
    t.write(b"<RC1,1>X<p>")
    assert t.read(0.5) == b"<RC1,1>X<p>"
    t.close()
    with pytest.raises(PrinterOffline, match="cannot open printer port /dev/ttyNOPE"):
        SerialTransport("/dev/ttyNOPE").write(b"x")
    with pytest.raises(serial.SerialException):  # pyserial itself, for contrast
        serial.serial_for_url("/dev/ttyNOPE")


def test_python_escpos_devices(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    target.write_bytes(b"")
    t = escpos_device("file", devfile=target)
    t.write(b"\x1b@hello\n")
    t.close()
    assert target.read_bytes() == b"\x1b@hello\n"
    with pytest.raises(ValidationError, match="usb, serial, network or file"):
        escpos_device("bluetooth")
    with pytest.raises(ValidationError, match="needs id_product"):
        escpos_device("usb", id_vendor=0x04B8)
    with pytest.raises(PrinterOffline, match="not reachable"):
        escpos_device("network", host="127.0.0.1", port=closed_port()).write(b"x")


def test_drawer_pulse_jumps_a_paused_queue_and_jobs_report_their_outcome(
    world: World, queues: list
) -> None:
    sim = PrinterSim("escpos", paper=0x72)
    try:
        tickets = snapshots(world, sell(world, ["S-G-8"]))
        q = start(
            queues, world, Printer("R", EscPosTicketDriver(), TcpTransport("127.0.0.1", sim.port))
        )
        job = PrintJob("ticket", world.clerk, tuple(tickets))
        q.submit(job)
        assert wait_for(lambda: q.view().state == QueueState.PAUSED)
        pulse = b"\x1bp\x00\x19\xfa"
        assert q.send_raw(pulse, world.clerk).result(5) is None
        assert wait_for(lambda: bytes(sim.received).endswith(pulse))
        assert q.view().state == QueueState.PAUSED and q.view().waiting == 1
        assert not job.done.done()
        sim.paper = 0x12
        q.resume()
        assert job.done.result(10) == PrintOutcome.PRINTED
    finally:
        sim.close()
    dead = start(
        queues, world, Printer("X", EscPosTicketDriver(), TcpTransport("127.0.0.1", closed_port()))
    )
    with pytest.raises(PrinterOffline):
        dead.send_raw(b"\x1bp\x00\x19\xfa", world.clerk).result(5)


def test_fgl_test_page_that_jams_fails_and_is_not_printed_again(world: World, queues: list) -> None:
    from boxoffice.devices.printing.fgl import FglBuilder

    sim = PrinterSim("fgl", script=[0x18])
    try:
        q = start(
            queues, world, Printer("BOCA 1", FglTicketDriver(), TcpTransport("127.0.0.1", sim.port))
        )
        page = FglBuilder().rc(10, 10).font(3).text("Test").print_and_cut().bytes()
        job = PrintJob("test", world.clerk, data=page)
        q.submit(job)
        assert job.done.result(10) == PrintOutcome.FAILED
        view = q.view()
        assert (view.state, view.status, view.waiting) == (
            QueueState.PAUSED,
            PrinterStatus.PAPER_JAM,
            0,
        )
        with world.store.read() as s:
            (row,) = print_log.history(s)
            assert (row.kind, row.outcome, row.ticket_serial) == ("test", PrintOutcome.FAILED, None)
    finally:
        sim.close()
