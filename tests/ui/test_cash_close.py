"""The Cash screen's Close tab: blind count, card batch, sign-off, and the stored Z report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from boxoffice.money import Money
from boxoffice.reports import zx
from boxoffice.shifts import close, drawer
from boxoffice.store.models import ShiftStatus
from boxoffice.sync.status import SyncStatus
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import QMessageBox
from tests.devices.printer_sim import PrinterSim
from tests.sales.conftest import _template  # noqa: F401
from tests.ui.cash_helpers import (
    CUT,
    FLOAT_TOTAL,
    CashWorld,
    add_receipt_printer,
    all_texts,
    cash_world,
    devices,
    expected_cash,
    make_screen,
    open_devices,
    open_shift,
    printed_slips,
    printer_sim,
    sell_cash,
    settle,
    snapshot,
    type_count,
    worker,
)
from tests.ui.conftest import STORE_WAIT_MS

__all__ = ["cash_world", "devices", "printer_sim", "worker"]


def _money_forms(minor: int) -> set[str]:
    """Every way a screen could write this amount."""
    m = Money(minor, "EUR")
    return {m.format(), m.format(symbol=False), str(m.amount), f"{m.amount:,}", str(minor)}


def _confirm(qtbot: QtBot, screen: Any) -> None:
    qtbot.waitUntil(lambda: screen.confirm_box is not None, timeout=STORE_WAIT_MS)
    box: QMessageBox = screen.confirm_box
    box.defaultButton().click()


def test_the_blind_count_shows_nothing_of_what_the_drawer_should_hold(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    shift_id = open_shift(cash_world, cash_world.clerk)
    sold = sell_cash(cash_world, cash_world.clerk, "S-A-14", "S-A-15")
    with cash_world.store.write() as s:
        drawer.drop(s, cash_world.clerk, Money(2000, "EUR"))
    expected = expected_cash(cash_world, shift_id)
    assert expected == FLOAT_TOTAL + sold - 2000
    screen = make_screen(qtbot, worker, cash_world.clerk)
    screen.show_page("close")
    page = screen.close_page
    assert page.stack.currentIndex() == 1
    counter = page.counts["EUR"]
    assert counter.first_field().hasFocus()
    type_count(qtbot, counter, {5000: 1, 2000: 3, 100: 7})  # what ann finds: 117.00
    page.batch.scheme.setCurrentText("VISA")
    page.batch.amount.setText("45.00")
    page.batch.add_line()
    settle(qtbot, screen, worker)

    texts = all_texts(screen)
    assert "Total: €117.00" in texts
    shown = " | ".join(texts)
    for form in _money_forms(expected):
        assert form not in shown, f"the expected cash {form} is on screen"
    lowered = shown.lower()
    assert "expected" not in lowered and "variance" not in lowered
    assert not screen.tabs.isTabVisible(2)  # no X report for the clerk
    assert not screen.tabs.isTabVisible(3)  # nor the day end (it shows open drawers' cash)
    # The service agrees: the clerk may not see the running figures.
    screen.show_page("x")
    qtbot.waitUntil(lambda: "override" in screen.message.text(), timeout=STORE_WAIT_MS)
    assert screen.message.text() == "a supervisor's override is needed to print an X report"
    screen.show_page("day_end")
    qtbot.waitUntil(lambda: "print a Z report" in screen.message.text(), timeout=STORE_WAIT_MS)
    assert screen.x_page.current_report() is None and screen.day_end_page.report is None


def test_a_short_drawer_needs_a_sign_off_then_the_stored_z_report_is_shown(
    qtbot: QtBot,
    app,
    worker: StoreWorker,
    cash_world: CashWorld,
    tmp_path: Path,
    printer_sim: PrinterSim,
    devices: list[Any],
) -> None:
    shift_id = open_shift(cash_world, cash_world.clerk)
    sold = sell_cash(cash_world, cash_world.clerk, "S-A-14")
    expected = expected_cash(cash_world, shift_id)
    add_receipt_printer(cash_world, printer_sim.port)
    route = open_devices(cash_world, devices)
    screen = make_screen(qtbot, worker, cash_world.clerk, receipt_printer=route)
    screen.show_page("close")
    page = screen.close_page
    short = expected - 2000  # a 20 note is missing
    type_count(qtbot, page.counts["EUR"], {100: short // 100, 1: short % 100})
    page.batch.scheme.setCurrentText("visa")
    page.batch.transactions.setText("1")
    page.batch.amount.setText("0")
    page.batch.add_line()
    assert page.batch.lines()[0].scheme == "VISA"

    page.close_button.click()
    _confirm(qtbot, screen)
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    settle(qtbot, screen, worker)
    dialog = screen.override_dialog
    assert dialog is not None and dialog.needs_supervisor
    assert "the cash variance of -€20.00 is over the limit" in dialog.what_label.text()
    with cash_world.store.read() as s:  # the count is on record, the shift still open
        shift = drawer.get_shift(s, shift_id)
        assert shift.counted_at is not None and shift.status == ShiftStatus.OPEN
    assert page.counted_note.isVisible()
    assert Money(short, "EUR").format() in page.counted_note.text()

    before = snapshot(cash_world)
    dialog.reject()  # the supervisor is not here yet: nothing changes
    settle(qtbot, screen, worker)
    assert snapshot(cash_world) == before

    page.close_button.click()  # later, with the supervisor at the till
    _confirm(qtbot, screen)
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = screen.override_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.supervisor, "sue")
    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.keyClicks(dialog.reason, "20 note missing, reported")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.z is not None, timeout=STORE_WAIT_MS)
    settle(qtbot, screen, worker)

    with cash_world.store.read() as s:
        stored = close.z_report(s, shift_id=shift_id)
        assert close.verify(s, stored)
    content = close.content_of(stored)
    assert content["signoff"]["reason"] == "20 note missing, reported"
    assert page.z is not None and page.z.content == content and page.z.sha256 == stored.sha256
    view = page.z_view
    assert page.stack.currentWidget() is view
    assert view.title.text() == f"Z report {content['number']} — Window 1"
    cash_line = ["! cash", "EUR", Money(expected, "EUR").format(), Money(short, "EUR").format()]
    rows = view.section_rows("Expected and counted")
    assert rows[0] == [*cash_line, "-€20.00"]
    assert rows[1][:4] == ["card", "EUR", "€0.00", "€0.00"]
    expected_report = zx.from_content(content, stored.sha256)
    for section in expected_report.sections:
        shown = view.section_rows(section.title)
        assert len(shown) == len(section.rows), section.title
    meta = view.meta_text()
    assert meta["Variance signed off"] == "sue: 20 note missing, reported"  # who typed the PIN
    assert meta["SHA-256"] == stored.sha256
    drawer_rows = view.section_rows("Cash drawer")
    assert ["Cash sales", "EUR", Money(sold, "EUR").format()] in drawer_rows
    assert screen.message.text() == f"Shift {shift_id} is closed: Z report {content['number']}."

    # Save and print what was shown.
    target = tmp_path / "z.pdf"
    screen.choose_path = lambda *_: str(target)
    screen.pdf_button.click()
    qtbot.waitUntil(lambda: target.exists(), timeout=STORE_WAIT_MS)
    settle(qtbot, screen, worker)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert screen.message.text() == f"Saved {target}."
    csv_target = tmp_path / "z"
    screen.choose_path = lambda *_: str(csv_target)
    screen.csv_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "z.csv").exists(), timeout=STORE_WAIT_MS)
    assert "Expected and counted" in (tmp_path / "z.csv").read_text()
    # The signed report, as stored, comes out of the receipt printer (the clerk's own Z).
    settle(qtbot, screen, worker)
    assert screen.slip_button.isEnabled() and screen.slips is not None
    with qtbot.waitSignal(screen.slips.finished, timeout=STORE_WAIT_MS) as printed:
        screen.slip_button.click()
    assert printed.args == ["printed"], screen.message.text()
    assert screen.message.text() == f"Z slip {content['number']} printed on Receipt."
    qtbot.waitUntil(lambda: printer_sim.received.count(CUT) == 1, timeout=STORE_WAIT_MS)
    (paper,) = printed_slips(printer_sim)
    assert paper[0] == f"Z REPORT {content['number']}"
    assert "Reason: 20 note missing, reported" in paper
    assert any(line.endswith(" " + stored.sha256[:16]) for line in paper)
    assert Money(short, "EUR").format(False) in " ".join(paper)
    assert [line.strip() for line in zx.slip(content, 48, stored.sha256) if line.strip()][:3] == [
        line.strip() for line in paper[:3]
    ]

    # The drawer is closed: the Drawer tab offers a new shift.
    assert screen.drawer_page.stack.currentIndex() == 0


def test_a_supervisor_closing_with_a_variance_signs_off_with_a_reason_only(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    shift_id = open_shift(cash_world, cash_world.supervisor)
    screen = make_screen(qtbot, worker, cash_world.supervisor)
    screen.show_page("close")
    page = screen.close_page
    assert page.shift is not None and page.shift.shift_id == shift_id
    type_count(qtbot, page.counts["EUR"], {2000: 6})  # 20.00 over
    page.close_button.click()
    _confirm(qtbot, screen)
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = screen.override_dialog
    assert dialog is not None and not dialog.needs_supervisor
    assert not dialog.supervisor.isVisible() and not dialog.pin.isVisible()
    dialog.submit()
    assert dialog.message.text() == "Give a reason: it is kept with the approval."
    qtbot.keyClicks(dialog.reason, "float topped up from the safe, not booked")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.z is not None, timeout=STORE_WAIT_MS)
    assert page.z is not None
    assert page.z.content["signoff"] == {
        "by": "sue",
        "reason": "float topped up from the safe, not booked",
    }


def test_a_supervisor_closes_a_clerks_drawer_picked_from_the_open_shifts(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    ann = open_shift(cash_world, cash_world.clerk)
    sue = open_shift(cash_world, cash_world.supervisor)
    offline = SyncStatus(configured=True, online=False)  # the central server is away
    screen = make_screen(qtbot, worker, cash_world.supervisor, sync_status=lambda: offline)
    screen.show_page("close")
    assert screen.picker.isVisible() and screen.picker.count() == 2
    assert screen.selected_shift() is not None and screen.selected_shift().shift_id == sue
    screen.picker.setCurrentIndex(screen.picker.findData(ann))
    screen.picker.activated.emit(screen.picker.currentIndex())
    page = screen.close_page
    assert page.shift is not None and page.shift.shift_id == ann
    assert page.heading.text().startswith(f"Close shift {ann} of Ann Clerk")
    type_count(qtbot, page.counts["EUR"], {2000: 5})  # exactly the float
    page.vouchers_check.click()
    assert page.vouchers.isEnabled() and page.vouchers.hasFocus()
    qtbot.keyClicks(page.vouchers, "0")
    page.close_button.click()
    _confirm(qtbot, screen)
    qtbot.waitUntil(lambda: page.z is not None, timeout=STORE_WAIT_MS)
    settle(qtbot, screen, worker)
    assert page.z is not None and page.z.content["shift"] == ann
    assert page.z.content["signoff"] is None and page.z.content["closed_by"] == "sue"
    assert {"tender": "voucher", "currency": "EUR", "expected": 0, "counted": 0, "variance": 0} in (
        page.z.content["reconciliation"]
    )
    assert page.z.content["offline"] is True
    assert page.z_view.banner.isVisible() and page.z_view.banner.text().startswith("Closed offline")
    assert screen.picker.count() == 1  # sue's own drawer is left
    assert page.stack.currentWidget() is page.z_view  # the Z report stays up after the refresh


def test_a_recount_replaces_the_stored_count_only_with_a_supervisor(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    from boxoffice import audit

    shift_id = open_shift(cash_world, cash_world.clerk)
    screen = make_screen(qtbot, worker, cash_world.clerk)
    screen.show_page("close")
    page = screen.close_page
    type_count(qtbot, page.counts["EUR"], {2000: 4})  # 20.00 short: a note was under the tray
    page.close_button.click()
    _confirm(qtbot, screen)
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    screen.override_dialog.reject()
    settle(qtbot, screen, worker)
    assert page.recount_button.isVisible() and not page.counts["EUR"].isVisible()

    page.recount_button.click()
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = screen.override_dialog
    assert "count on record will be replaced" in dialog.what_label.text()
    qtbot.keyClicks(dialog.supervisor, "sue")
    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.keyClicks(dialog.reason, "note found under the tray")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.counts["EUR"].isVisible(), timeout=STORE_WAIT_MS)
    assert page.counts["EUR"].first_field().hasFocus() and not page.recount_button.isVisible()
    type_count(qtbot, page.counts["EUR"], {2000: 5})
    page.close_button.click()
    _confirm(qtbot, screen)
    qtbot.waitUntil(lambda: page.z is not None, timeout=STORE_WAIT_MS)
    assert page.z is not None
    cash = page.z.content["reconciliation"][0]
    assert (cash["counted"], cash["variance"], page.z.content["signoff"]) == (10000, 0, None)
    with cash_world.store.read() as s:
        assert [e.subject for e in audit.entries(s, "shift.recount")] == [f"shift:{shift_id}"]
        (used,) = audit.entries(s, "override.used")
        assert '"variance_signoff"' in used.details
