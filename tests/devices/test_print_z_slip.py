"""The Z (and X) slip on the receipt printer: ESC/POS bytes parsed back, PDF, the queue over
TCP, the print log, who may print it."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from sqlalchemy import func, select

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.context import TerminalContext
from boxoffice.devices.printing import escpos_preview, print_log, z_slip
from boxoffice.devices.printing.escpos_ticket import (
    FS_CHINESE_OFF,
    FS_CHINESE_ON,
    EscPosConfig,
    EscPosTicketDriver,
    EscPosWriter,
    display_width,
)
from boxoffice.devices.printing.fgl import FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_queue import (
    ESC_POS_PAPER_QUERY,
    Printer,
    PrintJob,
    PrintQueue,
)
from boxoffice.devices.printing.transports import FolderTransport, TcpTransport
from boxoffice.errors import NeedsOverride, ValidationError
from boxoffice.money import Money
from boxoffice.ops import cash
from boxoffice.reports import zx
from boxoffice.shifts import close, drawer
from boxoffice.store import Store
from boxoffice.store.models import AuditEntry, PrintLogEntry, PrintOutcome, ZReport
from tests.devices.printer_sim import PrinterSim, wait_for
from tests.reports.conftest import Day, busy_day  # noqa: F401
from tests.sales.conftest import FLOAT, World


def print_z_slip(
    store: Store,
    actor: Actor,
    queue: PrintQueue,
    *,
    overrides: Sequence[Any] = (),
    now: datetime | None = None,
    **which: Any,
) -> PrintJob:
    """Record and queue a Z slip through its op (``ops.cash.print_z_slip``)."""
    ctx = TerminalContext(store, actor.terminal)
    ids = [o.id for o in overrides]
    return cash.print_z_slip(ctx, actor, queue=queue, overrides=ids, now=now, **which).value.job


def print_x_slip(store: Store, actor: Actor, queue: PrintQueue, shift_id: int) -> PrintJob:
    """Queue an X slip through its op (``ops.cash.print_x_slip``)."""
    return cash.print_x_slip(
        TerminalContext(store, actor.terminal), actor, shift_id, queue=queue
    ).value


CUT = b"\x1dV\x00"
CP858 = b"\x1bt\x13"  # ESC t 19
TERMINAL_ZH = "一号售票窗口"


def stored(day: Day) -> ZReport:
    with day.world.store.read() as s:
        z = s.get(ZReport, day.z.id)
        assert z is not None
        s.expunge(z)
        return z


def slip_of(day: Day, **kw: object) -> z_slip.Slip:
    return z_slip.from_z_report(stored(day), printed_at=day.world.now, **kw)  # type: ignore[arg-type]


def texts(data: bytes, width: int = 576, codec: str = "gb18030") -> list[str]:
    return escpos_preview.render(data, width=width, chinese_codec=codec).texts


def pair(lines: list[str], label: str, after: str = "") -> str:
    """The line labelled ``label``: the only one, or the first below the line ``after``."""
    start = lines.index(after) + 1 if after else 0
    found = [t for t in lines[start:] if t.startswith(label + " ")]
    if after:
        return found[0]
    (line,) = found
    return line


def counts(world: World) -> tuple[int, int]:
    """Audit entries and print-log rows: what a refused print must leave unchanged."""
    with world.store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            s.scalar(select(func.count()).select_from(PrintLogEntry)) or 0,
        )


@pytest.fixture
def queues() -> Iterator[list[PrintQueue]]:
    made: list[PrintQueue] = []
    yield made
    for q in made:
        q.stop()


def pdf_queue(world: World, folder: Path, queues: list[PrintQueue]) -> PrintQueue:
    q = PrintQueue(
        Printer("Receipt PDF", PdfTicketDriver(), FolderTransport(folder)), store=world.store
    ).start()
    queues.append(q)
    return q


def chinese_z(world: World) -> ZReport:
    """A real Z report of a shift at a terminal named in Chinese, signed off in Chinese."""
    sue = Actor(world.supervisor.user_id, "sue", TERMINAL_ZH)
    now = world.now + timedelta(hours=1)
    with world.store.write() as s:
        shift = drawer.open_shift(s, sue, FLOAT, now=world.now)
        close.count_cash(s, sue, shift.id, {"EUR": {2000: 1}}, now=now)
        z = close.close_shift(s, sue, shift.id, signoff_reason="点了两遍，少八十欧元", now=now)
        s.flush()
        s.expunge(z)
    return z


# -- rendering -----------------------------------------------------------------------
def test_escpos_slip_shows_the_stored_z_report(busy_day: Day) -> None:  # noqa: F811
    content = close.content_of(busy_day.z)
    data = z_slip.escpos(slip_of(busy_day), EscPosConfig())
    assert data.startswith(b"\x1b@" + CP858)  # initialised, on the configured code page
    assert data.count(CUT) == 1 and data.endswith(CUT)
    head = data[: data.index(b"Z REPORT 1\n")].rsplit(b"\n", 1)[-1]
    assert b"\x1bE\x01" in head and b"\x1b!0" in head  # bold, double width and height
    lines = texts(data)
    assert lines[0] == "Z REPORT 1" and lines[1] == "Window 1"
    assert pair(lines, "Clerk").endswith(" ann")
    assert pair(lines, "Opened").endswith(" 2030-06-01 10:00 UTC")
    assert pair(lines, "Closed by").endswith(" sue")
    (cash,) = content["cash"]
    assert pair(lines, "Expected cash EUR").endswith(Money(cash["expected"], "EUR").format(False))
    assert pair(lines, "Pay-outs").endswith(" -5.00 EUR")
    assert pair(lines, "cash EUR, 3 payments").endswith(" 227.00 EUR")
    assert pair(lines, "  Counted", after="cash EUR").endswith(" 253.00 EUR")
    assert pair(lines, "  Variance", after="cash EUR").endswith(" -69.00 EUR")
    assert "*** CARD BATCH MISMATCH ***" in lines
    assert pair(lines, "  card batch").endswith(" none entered")
    assert pair(lines, "Variance signed off by").endswith(" sue")
    assert "Reason: counted twice" in lines
    assert pair(lines, "Unsynced operations").endswith(f" {content['unsynced_operations']}")
    assert pair(lines, "Z number").endswith(" 1")
    assert pair(lines, "SHA-256").endswith(" " + busy_day.z.sha256[:16])
    assert lines[-2:] == ["_" * 48, "Supervisor signature"]
    assert "*** REPRINT ***" not in lines
    # Every pair reaches the right edge of the 80 mm roll (48 columns of font A).
    assert len(pair(lines, "Z number")) == 48


@pytest.mark.parametrize(("dots", "columns"), [(384, 32), (512, 42), (576, 48)])
def test_the_slip_follows_the_paper_width(busy_day: Day, dots: int, columns: int) -> None:  # noqa: F811
    data = z_slip.escpos(slip_of(busy_day), EscPosConfig(width_dots=dots))
    lines = texts(data, width=dots)
    assert all(display_width(t) <= columns for t in lines), max(lines, key=len)
    assert len(pair(lines, "Expected cash EUR")) == columns
    assert len(pair(lines, "Opened")) == columns
    assert "-" * columns in lines and "-" * (columns + 1) not in "".join(lines)


def test_the_text_slip_and_the_printed_slip_say_the_same(busy_day: Day) -> None:  # noqa: F811
    slip = slip_of(busy_day, reprint=True)
    text = [
        line.rstrip()
        for line in zx.slip(
            dict(slip.content), 48, slip.sha256, printed_at=slip.printed_at, reprint=True
        )
        if line.strip()
    ]
    printed = [t.rstrip() for t in texts(z_slip.escpos(slip, EscPosConfig())) if t.strip()]
    assert [t.strip() for t in printed] == [t.strip() for t in text]
    assert "*** REPRINT ***" in printed


def test_chinese_terminal_on_a_gb18030_printer_and_in_latin_raster(world: World) -> None:
    z = chinese_z(world)
    slip = z_slip.from_z_report(z, printed_at=world.now)
    data = z_slip.escpos(slip, EscPosConfig(text_mode="gb18030"))
    assert data.count(FS_CHINESE_ON) >= 1 and data.endswith(CUT + FS_CHINESE_OFF)
    assert TERMINAL_ZH.encode("gb18030") in data and CP858 not in data
    assert b"\x1dv0" not in data  # everything in the printer's own Chinese font
    lines = texts(data)
    assert lines[1] == TERMINAL_ZH
    assert "Reason: 点了两遍，少八十欧元" in lines
    assert pair(lines, "  Variance", after="cash EUR").endswith(" -80.00 EUR")
    assert all(display_width(t) <= 48 for t in lines)
    # A Latin printer gets the Chinese lines as images, never as "?" on its code page.
    latin = z_slip.escpos(slip, EscPosConfig())
    assert latin.startswith(b"\x1b@" + CP858) and b"\x1dv0" in latin
    assert TERMINAL_ZH.encode("gb18030") not in latin
    assert "Z REPORT 1" in texts(latin) and not any("?" in t for t in texts(latin))


def test_a_drawn_pair_reaches_the_paper_edge() -> None:
    """A Latin printer draws a Chinese value: label and value on one image, value at the edge.

    (Padding a drawn line with spaces would leave the value short of the edge: the
    drawn font is proportional.)
    """
    w = EscPosWriter(EscPosConfig(width_dots=384))
    w.columns_line("Clerk", "王小明")
    data = w.finish()
    assert data.count(b"\x1dv0") == 1
    (row,) = [r for r in escpos_preview.render(data, width=384).rows if r.getbbox() != (0, 0, 0, 0)]
    left, _, right, _ = row.convert("L").point(lambda v: 255 - v).getbbox()
    assert left <= 4 and right >= 380


def test_pdf_slip_is_an_80_mm_roll(busy_day: Day) -> None:  # noqa: F811
    doc = pdfium.PdfDocument(z_slip.pdf(slip_of(busy_day)))
    try:
        width, _ = doc[0].get_size()
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert round(width / 72 * 25.4) == 80
    assert "Z REPORT 1" in text and busy_day.z.sha256[:16] in text
    assert "-69.00 EUR" in text and "Supervisor signature" in text


def test_x_slip_has_no_z_number_and_no_hash(busy_day: Day) -> None:  # noqa: F811
    w = busy_day.world
    with w.store.write() as s:
        content = close.x_report(s, w.supervisor, w.shifts[("sue", "Window 1")], now=w.now)
    lines = texts(z_slip.escpos(z_slip.Slip(content, printed_at=w.now), EscPosConfig()))
    assert lines[0] == "X REPORT" and "Running figures: the shift stays open" in lines
    assert not any(t.startswith(("Z number", "SHA-256", "Closed")) for t in lines)
    assert pair(lines, "As of").endswith(" 2030-06-01 12:00 UTC")


def test_ticket_printers_are_refused() -> None:
    with pytest.raises(ValidationError, match="a Z slip prints on a receipt printer"):
        z_slip.render(z_slip.Slip({"kind": "Z"}), FglTicketDriver())


# -- sending -----------------------------------------------------------------------
def test_slip_over_tcp_arrives_whole_and_is_logged_then_reprints_say_so(
    busy_day: Day,  # noqa: F811
    queues: list[PrintQueue],
) -> None:
    w = busy_day.world
    sim = PrinterSim("escpos", paper=0x12)
    config = EscPosConfig(width_dots=384)
    q = PrintQueue(
        Printer("Receipt", EscPosTicketDriver(config), TcpTransport("127.0.0.1", sim.port)),
        store=w.store,
    ).start()
    queues.append(q)
    try:
        job = print_z_slip(w.store, w.supervisor, q, terminal="Window 1", number=1)
        assert job.done.result(10) == PrintOutcome.PRINTED
        assert job.slip is not None and not job.reprint
        expected = ESC_POS_PAPER_QUERY + z_slip.escpos(job.slip, config)
        assert wait_for(lambda: len(sim.received) >= len(expected))
        assert bytes(sim.received) == expected  # one query, then the whole slip in one piece
        assert busy_day.z.sha256[:16] in "".join(texts(bytes(sim.received)[3:], width=384))

        again = print_z_slip(w.store, w.supervisor, q, z_report_id=busy_day.z.id)
        assert again.done.result(10) == PrintOutcome.PRINTED and again.reprint
        assert wait_for(lambda: sim.received.count(CUT) == 2)
        assert "*** REPRINT ***" in texts(bytes(sim.received)[len(expected) + 3 :], width=384)
    finally:
        sim.close()
    reference = f"Z1 {busy_day.z.sha256[:16]}"
    with w.store.read() as s:
        rows = print_log.history(s, printer="Receipt")
        assert [(r.kind, r.order_number, r.outcome, r.reprint, r.username) for r in rows] == [
            ("z_slip", reference, PrintOutcome.PRINTED, False, "sue"),
            ("z_slip", reference, PrintOutcome.PRINTED, True, "sue"),
        ]
        entries = audit.entries(s, "report.z_slip")
        assert [e.subject for e in entries] == [f"shift:{busy_day.z.shift_id}"] * 2
        assert json.loads(entries[0].details)["printer"] == "Receipt"
        assert audit.verify(s) is None


def test_the_clerk_prints_their_own_slip_only_just_after_the_close(
    busy_day: Day,  # noqa: F811
    queues: list[PrintQueue],
    tmp_path: Path,
) -> None:
    w = busy_day.world
    q = pdf_queue(w, tmp_path, queues)
    closed = busy_day.z.created_at
    job = print_z_slip(
        w.store, w.clerk, q, z_report_id=busy_day.z.id, now=closed + timedelta(minutes=5)
    )
    assert job.done.result(10) == PrintOutcome.PRINTED
    with w.store.read() as s:
        (entry,) = audit.entries(s, "report.z_slip")
        assert entry.username == "ann" and json.loads(entry.details)["own_shift"] is True
    before = counts(w)
    with pytest.raises(NeedsOverride, match="override is needed to print a Z report"):
        print_z_slip(
            w.store, w.clerk, q, z_report_id=busy_day.z.id, now=closed + timedelta(hours=1)
        )
    assert counts(w) == before
    assert len(list(tmp_path.glob("*.pdf"))) == 1


def test_a_clerk_may_not_print_someone_elses_z_without_an_override(
    busy_day: Day,  # noqa: F811
    queues: list[PrintQueue],
    tmp_path: Path,
) -> None:
    w = busy_day.world
    later = busy_day.z.created_at + timedelta(minutes=1)
    sue_shift = w.shifts[("sue", "Window 1")]
    with w.store.write() as s:
        close.count_cash(s, w.supervisor, sue_shift, FLOAT, now=later)
        sues = close.close_shift(s, w.supervisor, sue_shift, signoff_reason="short", now=later)
        sues_id = sues.id
    q = pdf_queue(w, tmp_path, queues)
    before = counts(w)
    with pytest.raises(NeedsOverride, match="override is needed to print a Z report") as refused:
        print_z_slip(w.store, w.clerk, q, z_report_id=sues_id, now=later)
    assert refused.value.permission == "report_z"
    assert refused.value.subject == f"shift:{sue_shift}"  # what the supervisor approves
    assert counts(w) == before and not list(tmp_path.glob("*.pdf"))

    token = authorise_override(
        w.store, w.clerk, "sue", "2468", Permission.REPORT_Z, f"shift:{sue_shift}", "bag", now=later
    )
    job = print_z_slip(w.store, w.clerk, q, z_report_id=sues_id, overrides=[token], now=later)
    assert job.done.result(10) == PrintOutcome.PRINTED
    with w.store.read() as s:
        assert [e.action for e in audit.entries(s)][-2:] == ["override.used", "report.z_slip"]


def test_a_z_report_that_does_not_match_the_audit_chain_is_not_printed(
    busy_day: Day,  # noqa: F811
    queues: list[PrintQueue],
    tmp_path: Path,
) -> None:
    """A Z row slipped into the store with a self-consistent hash but no close on record."""
    w = busy_day.world
    content = close.content_of(busy_day.z)
    content.update(shift=w.shifts[("sue", "Window 2")], terminal="Window 2", number=1)
    content["cash"][0]["expected"] += 10_000
    body = close.canonical(content)
    with w.store.write() as s:
        forged = ZReport(
            shift_id=w.shifts[("sue", "Window 2")],
            terminal="Window 2",
            number=1,
            content=body,
            sha256=close.digest(body),
            created_at=w.now,
        )
        s.add(forged)
        s.flush()
        forged_id = forged.id
    q = pdf_queue(w, tmp_path, queues)
    before = counts(w)
    with pytest.raises(ValidationError, match="does not match the hash in the audit log"):
        print_z_slip(w.store, w.supervisor, q, z_report_id=forged_id)
    assert counts(w) == before and not list(tmp_path.glob("*.pdf"))


def test_a_ticket_printer_queue_is_refused_before_anything_is_recorded(
    busy_day: Day,  # noqa: F811
) -> None:
    w = busy_day.world
    q = PrintQueue(Printer("BOCA", FglTicketDriver(), TcpTransport("127.0.0.1", 9)))
    before = counts(w)
    with pytest.raises(ValidationError, match="BOCA is a ticket printer"):
        print_z_slip(w.store, w.supervisor, q, z_report_id=busy_day.z.id)
    with pytest.raises(ValidationError, match="BOCA is a ticket printer"):
        print_x_slip(w.store, w.supervisor, q, w.shifts[("sue", "Window 1")])
    assert counts(w) == before


def test_x_slip_needs_report_x(
    busy_day: Day,  # noqa: F811
    queues: list[PrintQueue],
    tmp_path: Path,
) -> None:
    w = busy_day.world
    q = pdf_queue(w, tmp_path, queues)
    shift = w.shifts[("ann", "Window 2")]
    with pytest.raises(NeedsOverride, match="override is needed to print an X report"):
        print_x_slip(w.store, w.clerk, q, shift)
    job = print_x_slip(w.store, w.supervisor, q, shift)
    assert job.done.result(10) == PrintOutcome.PRINTED
    with w.store.read() as s:
        (row,) = print_log.history(s, kind="x_slip")
        assert row.order_number == f"X shift {shift}" and row.outcome == PrintOutcome.PRINTED
