"""Z slips from the Cash screen on a real receipt printer: a TCP listener on a local port,
configured as an ESC/POS network receipt printer in the store's device settings.

What the clerk sees (the message, the buttons), what the printer received (ESC/POS,
drawn back to text), and what the store keeps (print log, audit) are all checked.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from boxoffice import audit
from boxoffice.actor import Actor, system_actor
from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.printers import QueuedPrinter
from boxoffice.devices.printing import print_log
from boxoffice.devices.printing.print_queue import MESSAGES, STOPPING, QueueState
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.shifts import close
from boxoffice.store import open_store
from boxoffice.store.models import PrintOutcome, User
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import QMessageBox, Qt
from boxoffice.ui.screens.cash.screen import CashScreen
from boxoffice.ui.screens.cash.slip_jobs import ReceiptPrinterRoute
from tests.devices.printer_sim import PrinterSim, closed_port
from tests.sales.conftest import (
    FLOAT,
    TERMINAL,
    _template,  # noqa: F401
)
from tests.ui.cash_helpers import (
    CUT,
    CashWorld,
    add_receipt_printer,
    cash_world,
    devices,
    focused,
    make_screen,
    mnemonics,
    open_devices,
    open_shift,
    printed_slips,
    printer_sim,
    settle,
    type_count,
    worker,
)
from tests.ui.conftest import STORE_WAIT_MS

__all__ = ["cash_world", "devices", "printer_sim", "worker"]

PAPER_OK, PAPER_OUT = 0x12, 0x72  # DLE EOT 4 replies: roll present / paper-end sensor set


def closed_z(world: CashWorld, actor: Actor) -> tuple[int, int, str]:
    """Open and close ``actor``'s drawer through the services: (shift id, Z number, SHA-256)."""
    shift_id = open_shift(world, actor)
    with world.store.write() as s:
        close.count_cash(s, actor, shift_id, FLOAT)
    with world.store.write() as s:
        z = close.close_shift(s, actor, shift_id)
        return shift_id, z.number, z.sha256


def slip_log(world: CashWorld) -> list[tuple[str, str, str, bool, str]]:
    with world.store.read() as s:
        return [
            (r.kind, r.order_number, r.outcome, r.reprint, r.username)
            for r in print_log.history(s, kind="z_slip")
        ]


def slip_audits(world: CashWorld) -> list[dict[str, Any]]:
    with world.store.read() as s:
        return [json.loads(e.details) for e in audit.entries(s, "report.z_slip")]


def confirm(qtbot: QtBot, screen: CashScreen) -> None:
    qtbot.waitUntil(lambda: screen.confirm_box is not None, timeout=STORE_WAIT_MS)
    box: QMessageBox = screen.confirm_box  # type: ignore[assignment]
    box.defaultButton().click()


def print_and_wait(qtbot: QtBot, screen: CashScreen, click: Any) -> str:
    """Start a print with ``click()``; the way it ended (``SlipPrinting.finished``)."""
    assert screen.slips is not None
    with qtbot.waitSignal(screen.slips.finished, timeout=STORE_WAIT_MS) as ended:
        click()
    return str(ended.args[0])


def pick_and_print(qtbot: QtBot, screen: CashScreen, number: int) -> str:
    """Reprint through the picker: open it, choose Z ``number``, press Print."""
    assert screen.slips is not None
    screen.reprint_button.click()
    qtbot.waitUntil(lambda: screen.slips.picker is not None, timeout=STORE_WAIT_MS)
    dialog = screen.slips.picker
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=STORE_WAIT_MS)
    row = next(i for i, c in enumerate(dialog.choices) if c.number == number)
    dialog.table.selectRow(row)
    return print_and_wait(qtbot, screen, dialog.print_button.click)


class PaperRunsOut(PrinterSim):
    """Paper in when first asked (the client's check), out when the queue asks just after."""

    def __init__(self) -> None:
        self.loaded = False
        super().__init__("escpos", paper=PAPER_OK)

    @property  # type: ignore[override]
    def paper(self) -> int:
        """Read by the listener as it answers a query (the query is already received)."""
        if self.loaded:
            return PAPER_OK
        return PAPER_OK if self.received.count(b"\x10\x04\x04") <= 1 else PAPER_OUT

    @paper.setter
    def paper(self, _value: int | None) -> None:
        return None


@pytest.fixture
def paper_runs_out() -> Iterator[PaperRunsOut]:
    sim = PaperRunsOut()
    yield sim
    sim.close()


# -- printing ---------------------------------------------------------------------------
def test_close_on_screen_print_the_z_slip_then_a_second_copy_says_reprint(
    qtbot: QtBot,
    app,
    worker: StoreWorker,
    cash_world: CashWorld,
    printer_sim: PrinterSim,
    devices: list[DeviceRegistry],
) -> None:
    shift_id = open_shift(cash_world, cash_world.clerk)
    add_receipt_printer(cash_world, printer_sim.port)
    screen = make_screen(
        qtbot, worker, cash_world.clerk, receipt_printer=open_devices(cash_world, devices)
    )
    assert screen.slip_button.isVisible() and screen.reprint_button.isVisible()
    screen.show_page("close")
    assert not screen.slip_button.isEnabled()  # nothing closed yet: nothing to print
    page = screen.close_page
    type_count(qtbot, page.counts["EUR"], {2000: 5})  # the float, to the cent
    page.close_button.click()
    confirm(qtbot, screen)
    qtbot.waitUntil(lambda: page.z is not None, timeout=STORE_WAIT_MS)
    settle(qtbot, screen, worker)
    assert page.z is not None
    number, sha = page.z.content["number"], page.z.sha256
    assert printer_sim.received == b""  # closing prints nothing by itself

    def click() -> None:
        screen.slip_button.click()
        # A second click cannot print it twice: the button waits for this slip.
        assert not screen.slip_button.isEnabled() and screen.slips.busy()  # type: ignore[union-attr]

    assert print_and_wait(qtbot, screen, click) == "printed", screen.message.text()
    assert screen.message.text() == f"Z slip {number} printed on Receipt."
    assert screen.slip_button.isEnabled()
    qtbot.waitUntil(lambda: printer_sim.received.count(CUT) == 1, timeout=STORE_WAIT_MS)
    data = bytes(printer_sim.received)
    assert data.startswith(b"\x10\x04\x04")  # the printer was asked before anything else
    assert data.endswith(CUT)
    (paper,) = printed_slips(printer_sim)
    assert paper[0] == f"Z REPORT {number}" and paper[1] == TERMINAL
    assert any(t.startswith("Z number") and t.endswith(f" {number}") for t in paper)
    assert any(t.startswith("SHA-256") and t.endswith(" " + sha[:16]) for t in paper)
    assert "*** REPRINT ***" not in paper
    reference = f"Z{number} {sha[:16]}"
    assert slip_log(cash_world) == [("z_slip", reference, PrintOutcome.PRINTED, False, "ann")]
    (entry,) = slip_audits(cash_world)
    assert entry["own_shift"] is True and entry["printer"] == "Receipt"
    assert entry["z_number"] == number and not entry["reprint"]

    assert print_and_wait(qtbot, screen, screen.slip_button.click) == "printed"
    assert screen.message.text() == f"Z slip {number} printed on Receipt (marked REPRINT)."
    qtbot.waitUntil(lambda: printer_sim.received.count(CUT) == 2, timeout=STORE_WAIT_MS)
    first, second = printed_slips(printer_sim)
    assert "*** REPRINT ***" in second and "*** REPRINT ***" not in first
    assert slip_log(cash_world) == [
        ("z_slip", reference, PrintOutcome.PRINTED, False, "ann"),
        ("z_slip", reference, PrintOutcome.PRINTED, True, "ann"),
    ]
    assert [e["reprint"] for e in slip_audits(cash_world)] == [False, True]
    with cash_world.store.read() as s:
        assert audit.verify(s) is None
        assert close.z_report(s, shift_id=shift_id).number == number


def test_a_clerk_printing_another_clerks_z_is_refused_until_a_supervisor_approves(
    qtbot: QtBot,
    app,
    worker: StoreWorker,
    cash_world: CashWorld,
    printer_sim: PrinterSim,
    devices: list[DeviceRegistry],
) -> None:
    sue_shift, number, sha = closed_z(cash_world, cash_world.supervisor)
    add_receipt_printer(cash_world, printer_sim.port)
    screen = make_screen(
        qtbot, worker, cash_world.clerk, receipt_printer=open_devices(cash_world, devices)
    )
    assert pick_and_print(qtbot, screen, number) == "refused"
    refusal = "a supervisor's override is needed to print a Z report"
    assert screen.message.text() == refusal
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = screen.override_dialog
    assert dialog is not None and dialog.needs_supervisor
    assert dialog.subject == f"shift:{sue_shift}"
    assert refusal in dialog.what_label.text()
    dialog.reject()  # no supervisor at hand: the refusal stays, nothing was printed or recorded
    settle(qtbot, screen, worker)
    assert screen.message.text() == refusal
    assert CUT not in printer_sim.received and b"\x1b@" not in printer_sim.received
    assert slip_log(cash_world) == [] and slip_audits(cash_world) == []

    assert pick_and_print(qtbot, screen, number) == "refused"  # later, with sue at the till
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = screen.override_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.supervisor, "sue")
    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.keyClicks(dialog.reason, "copy for the cash bag")
    assert screen.slips is not None
    with qtbot.waitSignal(screen.slips.finished, timeout=STORE_WAIT_MS) as ended:
        dialog.ok_button.click()
    assert ended.args == ["printed"], screen.message.text()
    qtbot.waitUntil(lambda: printer_sim.received.count(CUT) == 1, timeout=STORE_WAIT_MS)
    (paper,) = printed_slips(printer_sim)
    assert any(t.startswith("Clerk") and t.endswith(" sue") for t in paper)
    assert slip_log(cash_world) == [
        ("z_slip", f"Z{number} {sha[:16]}", PrintOutcome.PRINTED, False, "ann")
    ]
    with cash_world.store.read() as s:
        assert [e.action for e in audit.entries(s)][-2:] == ["override.used", "report.z_slip"]


def test_a_printer_that_does_not_answer_is_named_and_nothing_is_recorded(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld, devices: list[DeviceRegistry]
) -> None:
    _, number, _ = closed_z(cash_world, cash_world.supervisor)
    port = closed_port()
    add_receipt_printer(cash_world, port)
    screen = make_screen(
        qtbot, worker, cash_world.supervisor, receipt_printer=open_devices(cash_world, devices)
    )
    assert pick_and_print(qtbot, screen, number) == "refused"
    text = screen.message.text()
    assert text.startswith(
        f"Z slip {number} was not printed — Receipt: printer at tcp://127.0.0.1:{port} "
        "does not answer"
    ), text
    assert screen.message.property("kind") == "error"
    assert slip_log(cash_world) == [] and slip_audits(cash_world) == []
    assert screen.reprint_button.isEnabled()  # the clerk may try again once it is plugged in


def test_out_of_paper_is_refused_before_anything_is_recorded_then_prints_once_loaded(
    qtbot: QtBot,
    app,
    worker: StoreWorker,
    cash_world: CashWorld,
    printer_sim: PrinterSim,
    devices: list[DeviceRegistry],
) -> None:
    _, number, sha = closed_z(cash_world, cash_world.supervisor)
    printer_sim.paper = PAPER_OUT
    add_receipt_printer(cash_world, printer_sim.port)
    screen = make_screen(
        qtbot, worker, cash_world.supervisor, receipt_printer=open_devices(cash_world, devices)
    )
    assert pick_and_print(qtbot, screen, number) == "refused"
    assert screen.message.text() == (
        f"Z slip {number} was not printed — Receipt: out of paper: "
        "load paper or ticket stock, then resume. "
        "Print it again once the printer is ready."
    )
    assert CUT not in printer_sim.received
    assert slip_log(cash_world) == [] and slip_audits(cash_world) == []

    printer_sim.paper = PAPER_OK  # a new roll
    assert pick_and_print(qtbot, screen, number) == "printed"
    assert screen.message.text() == f"Z slip {number} printed on Receipt."
    assert slip_log(cash_world) == [
        ("z_slip", f"Z{number} {sha[:16]}", PrintOutcome.PRINTED, False, "sue")
    ]


def test_a_printer_that_stops_under_the_slip_gets_it_taken_back_with_the_queues_reason(
    qtbot: QtBot,
    app,
    worker: StoreWorker,
    cash_world: CashWorld,
    paper_runs_out: PaperRunsOut,
    devices: list[DeviceRegistry],
) -> None:
    _, number, sha = closed_z(cash_world, cash_world.supervisor)
    add_receipt_printer(cash_world, paper_runs_out.port)
    route = open_devices(cash_world, devices)
    screen = make_screen(qtbot, worker, cash_world.supervisor, receipt_printer=route)
    assert pick_and_print(qtbot, screen, number) == "not_printed"
    assert screen.message.text() == (
        f"Z slip {number} was not printed — Receipt: out of paper: "
        "load paper or ticket stock, then resume. "
        "Print it again once the printer is ready."
    )
    assert CUT not in paper_runs_out.received
    reference = f"Z{number} {sha[:16]}"
    # The attempt is on record as cancelled (audited, logged), never as printed.
    assert slip_log(cash_world) == [("z_slip", reference, PrintOutcome.CANCELLED, False, "sue")]
    assert len(slip_audits(cash_world)) == 1
    printer = route.registry.for_kind(DeviceKind.RECEIPT_PRINTER)
    assert isinstance(printer, QueuedPrinter)
    assert printer.print_queue.view().state == QueueState.PAUSED
    assert printer.print_queue.view().waiting == 0  # it will not come out by itself later

    paper_runs_out.loaded = True
    assert pick_and_print(qtbot, screen, number) == "printed"
    assert printer.print_queue.view().state != QueueState.PAUSED  # asking again resumed it
    qtbot.waitUntil(lambda: paper_runs_out.received.count(CUT) == 1, timeout=STORE_WAIT_MS)
    (paper,) = printed_slips(paper_runs_out)
    assert "*** REPRINT ***" not in paper  # the first copy that came out
    assert slip_log(cash_world)[-1] == ("z_slip", reference, PrintOutcome.PRINTED, False, "sue")


def test_a_printer_without_status_replies_is_reported_as_sent_unconfirmed(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld, devices: list[DeviceRegistry]
) -> None:
    _, number, _ = closed_z(cash_world, cash_world.supervisor)
    silent = PrinterSim("escpos", paper=None)  # many network adapters never answer DLE EOT
    try:
        add_receipt_printer(cash_world, silent.port)
        screen = make_screen(
            qtbot, worker, cash_world.supervisor, receipt_printer=open_devices(cash_world, devices)
        )
        assert pick_and_print(qtbot, screen, number) == "unconfirmed"
        assert screen.message.text() == (
            f"Z slip {number} sent to Receipt, but the printer gave no status reply: "
            "check that it came out."
        )
        qtbot.waitUntil(lambda: silent.received.count(CUT) == 1, timeout=STORE_WAIT_MS)
        assert [row[2] for row in slip_log(cash_world)] == [PrintOutcome.UNCONFIRMED]
    finally:
        silent.close()


def test_a_receipt_printer_that_cannot_be_set_up_says_why_when_asked(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld, devices: list[DeviceRegistry]
) -> None:
    _, number, _ = closed_z(cash_world, cash_world.supervisor)
    config = DeviceConfig(
        "Receipt",
        DeviceKind.RECEIPT_PRINTER,
        "escpos",
        {"host": "127.0.0.1", "text_mode": "utf8"},  # no such text mode
    )
    with cash_world.store.write() as s:
        device_registry.save_config(s, system_actor("setup"), config)
    screen = make_screen(
        qtbot, worker, cash_world.supervisor, receipt_printer=open_devices(cash_world, devices)
    )
    assert screen.reprint_button.isVisible()  # it is set up: the clerk learns what is wrong
    assert pick_and_print(qtbot, screen, number) == "refused"
    assert screen.message.text().startswith("Receipt: ESC/POS text mode must be one of")
    assert slip_log(cash_world) == [] and slip_audits(cash_world) == []


# -- where the buttons are --------------------------------------------------------------
def test_without_a_receipt_printer_there_is_no_slip_button(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    closed_z(cash_world, cash_world.supervisor)
    tickets_only = DeviceRegistry(
        [DeviceConfig("Tickets", DeviceKind.TICKET_PRINTER, "fgl", {"host": "127.0.0.1"})]
    )
    for route in (None, ReceiptPrinterRoute(DeviceRegistry([])), ReceiptPrinterRoute(tickets_only)):
        screen = make_screen(qtbot, worker, cash_world.supervisor, receipt_printer=route)
        screen.show_page("close")
        assert screen.slips is None
        assert not screen.slip_button.isVisible() and not screen.reprint_button.isVisible()
        screen.pick_slip()  # a shortcut or script asking anyway is told why
        assert screen.message.text() == "No receipt printer is set up at this terminal."
        screen.close()
    assert tickets_only.statuses()["Tickets"].state.value == "unknown"  # never started here
    tickets_only.close()


def test_the_reprint_picker_works_from_the_keyboard_and_counts_copies(
    qtbot: QtBot,
    app,
    worker: StoreWorker,
    cash_world: CashWorld,
    printer_sim: PrinterSim,
    devices: list[DeviceRegistry],
) -> None:
    _, first, _ = closed_z(cash_world, cash_world.clerk)
    _, second, _ = closed_z(cash_world, cash_world.supervisor)
    add_receipt_printer(cash_world, printer_sim.port)
    screen = make_screen(
        qtbot, worker, cash_world.supervisor, receipt_printer=open_devices(cash_world, devices)
    )
    letters = mnemonics(screen)
    assert letters.count("k") == 1 and letters.count("z") == 1
    assert screen.slips is not None
    qtbot.keyClick(focused(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.slips.picker is not None, timeout=STORE_WAIT_MS)
    dialog = screen.slips.picker
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=STORE_WAIT_MS)
    assert [c.number for c in dialog.choices] == [first, second]
    assert dialog.table.item(0, 1).text() == "ann" and dialog.table.item(1, 1).text() == "sue"
    assert dialog.table.currentRow() == 1  # the latest close first
    qtbot.waitUntil(lambda: focused() is dialog.table, timeout=STORE_WAIT_MS)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    with qtbot.waitSignal(screen.slips.finished, timeout=STORE_WAIT_MS) as ended:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert ended.args == ["printed"]
    assert screen.message.text() == f"Z slip {first} printed on Receipt."
    qtbot.waitUntil(lambda: printer_sim.received.count(CUT) == 1, timeout=STORE_WAIT_MS)
    (paper,) = printed_slips(printer_sim)
    assert paper[0] == f"Z REPORT {first}"

    qtbot.waitUntil(lambda: screen.slips.picker is None, timeout=STORE_WAIT_MS)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=STORE_WAIT_MS)
    screen.reprint_button.click()
    qtbot.waitUntil(lambda: screen.slips.picker is not None, timeout=STORE_WAIT_MS)
    again = screen.slips.picker
    qtbot.waitUntil(lambda: again.print_button.isEnabled(), timeout=STORE_WAIT_MS)
    assert [again.table.item(r, 3).text() for r in range(2)] == ["1", "–"]
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.slips.picker is None, timeout=STORE_WAIT_MS)
    assert printer_sim.received.count(CUT) == 1  # Esc prints nothing


def test_the_reprint_picker_says_when_no_z_was_closed_today(
    qtbot: QtBot,
    app,
    worker: StoreWorker,
    cash_world: CashWorld,
    printer_sim: PrinterSim,
    devices: list[DeviceRegistry],
) -> None:
    add_receipt_printer(cash_world, printer_sim.port)
    screen = make_screen(
        qtbot, worker, cash_world.supervisor, receipt_printer=open_devices(cash_world, devices)
    )
    assert screen.slips is not None
    screen.reprint_button.click()
    dialog = screen.slips.picker
    assert dialog is not None
    with qtbot.waitSignal(dialog.loaded, timeout=STORE_WAIT_MS):
        pass
    assert dialog.note.text() == f"No Z report has been closed at {TERMINAL} today."
    assert not dialog.print_button.isEnabled()
    dialog.submit()  # Enter on an empty list
    assert printer_sim.received == b""


def test_the_print_queues_stop_reasons_are_shown_in_the_terminals_language() -> None:
    """A stopped printer's reason comes as a code (``printer_status``), rendered per language."""
    from boxoffice.devices.printing.print_queue import STATUS_CODE
    from boxoffice.errors import BoxOfficeError
    from boxoffice.ops.cash import SlipPrinterProblem

    for status in STOPPING:
        problem = SlipPrinterProblem("Receipt", BoxOfficeError(STATUS_CODE, status=status.value))
        assert problem.reason == MESSAGES[status]  # the English for the log, as before
        chinese = problem.reason_text("zh_CN")
        assert chinese != MESSAGES[status] and not re.search(r"[A-Za-z]{3,}", chinese), status
        assert problem.message("zh_CN") == f"Receipt：{chinese}"


# -- the client owns the devices -----------------------------------------------------------
def _device_threads() -> list[str]:
    return sorted(
        t.name
        for t in threading.enumerate()
        if t.is_alive() and t.name.startswith(("print:", "print-status:", "device-"))
    )


def test_the_client_loads_the_receipt_printer_and_closes_it_at_shut_down(
    qtbot: QtBot, app, demo_db: Path, printer_sim: PrinterSim
) -> None:
    from boxoffice.ui.shell.app import ClientApp, Options

    assert _device_threads() == []
    store = open_store(demo_db)
    try:
        with store.write() as s:
            device_registry.save_config(
                s,
                system_actor("setup"),
                DeviceConfig(
                    "Receipt",
                    DeviceKind.RECEIPT_PRINTER,
                    "escpos",
                    {"host": "127.0.0.1", "port": printer_sim.port},
                ),
            )
            sam = Actor(s.scalar(select(User.id).where(User.username == "sam")), "sam", "Test till")
        world = CashWorld(store, None, sam, sam, sam, {})  # type: ignore[arg-type]
        _, number, sha = closed_z(world, sam)
    finally:
        store.dispose()

    client = ClientApp(Options(db=demo_db, terminal="Test till"))
    qtbot.addWidget(client.login)
    client.start()
    try:
        qtbot.waitUntil(lambda: client.ready, timeout=STORE_WAIT_MS)
        registry = client.devices
        assert registry is not None
        assert registry.name_for(DeviceKind.RECEIPT_PRINTER) == "Receipt"
        printer = registry.for_kind(DeviceKind.RECEIPT_PRINTER)
        assert isinstance(printer, QueuedPrinter)
        assert "print:Receipt" in _device_threads()  # built on the store worker at start-up
        qtbot.keyClicks(client.login.username, "sam")
        qtbot.keyClicks(client.login.pin, "2222")
        qtbot.keyClick(client.login.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
        window = client.main_window
        assert window is not None and window.devices is registry
        screen = window.open_cash("close")
        qtbot.waitUntil(lambda: screen.desk is not None, timeout=STORE_WAIT_MS)
        assert screen.reprint_button.isVisible() and screen.slip_button.isVisible()
        assert pick_and_print(qtbot, screen, number) == "printed", screen.message.text()
        qtbot.waitUntil(lambda: printer_sim.received.count(CUT) == 1, timeout=STORE_WAIT_MS)
        (paper,) = printed_slips(printer_sim)
        assert paper[1] == "Test till"
        assert any(t.endswith(" " + sha[:16]) for t in paper)
        assert "device-Receipt_0" in _device_threads()  # the printer was asked on its thread
    finally:
        client.shut_down()
        client.deleteLater()
    assert client.devices is None
    assert printer.print_queue.view().state == QueueState.STOPPED
    assert _device_threads() == []
    store = open_store(demo_db)
    try:
        with store.read() as s:
            (row,) = print_log.history(s, kind="z_slip")
            assert (row.outcome, row.username, row.terminal) == (
                PrintOutcome.PRINTED,
                "sam",
                "Test till",
            )
    finally:
        store.dispose()


def test_without_devices_the_client_starts_no_device_and_shows_no_slip_button(
    qtbot: QtBot, client: Any
) -> None:
    assert client.devices is not None and client.devices.configs() == []
    assert _device_threads() == []
    qtbot.keyClicks(client.login.username, "sam")
    qtbot.keyClicks(client.login.pin, "2222")
    qtbot.keyClick(client.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    screen = client.main_window.open_cash("close")
    qtbot.waitUntil(lambda: screen.desk is not None, timeout=STORE_WAIT_MS)
    assert screen.slips is None
    assert not screen.slip_button.isVisible() and not screen.reprint_button.isVisible()
    assert _device_threads() == []


def test_a_device_setting_that_cannot_be_read_does_not_keep_anyone_from_signing_in(
    qtbot: QtBot, app, demo_db: Path
) -> None:
    import sqlite3

    from boxoffice.ui.shell.app import ClientApp, Options

    with sqlite3.connect(demo_db) as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('device.Receipt', '{not json')")
    client = ClientApp(Options(db=demo_db, terminal="Test till"))
    qtbot.addWidget(client.login)
    client.start()
    try:
        qtbot.waitUntil(lambda: client.ready, timeout=STORE_WAIT_MS)
        assert client.devices is not None and client.devices.configs() == []
        assert client.login.sign_in.isEnabled() and client.exit_code == 0
    finally:
        client.shut_down()
        client.deleteLater()
    assert _device_threads() == []
