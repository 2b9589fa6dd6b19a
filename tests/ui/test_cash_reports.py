"""The Cash screen's X report and Day end tabs against the store's own figures."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from boxoffice import audit
from boxoffice.clock import utc_now
from boxoffice.money import Money
from boxoffice.reports import day_end
from boxoffice.reports.model import report_timezone
from boxoffice.shifts import close
from boxoffice.store.models import ZReport
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.screens.cash.screen import CashScreen
from boxoffice.ui.widgets.report_view import cell_text
from tests.sales.conftest import _template  # noqa: F401
from tests.screenshots import screenshot_dir
from tests.ui.cash_helpers import (
    CashWorld,
    cash_world,
    expected_cash,
    make_screen,
    open_shift,
    sell_cash,
    settle,
    worker,
)
from tests.ui.conftest import STORE_WAIT_MS

__all__ = ["cash_world", "worker"]


def test_a_supervisor_sees_the_running_figures_of_any_open_shift_here(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    ann = open_shift(cash_world, cash_world.clerk)
    sue = open_shift(cash_world, cash_world.supervisor)
    sold = sell_cash(cash_world, cash_world.clerk, "S-B-3")
    screen = make_screen(qtbot, worker, cash_world.supervisor)
    assert screen.tabs.isTabVisible(2)
    with qtbot.waitSignal(screen.reportShown, timeout=STORE_WAIT_MS):
        screen.show_page("x")
    settle(qtbot, screen, worker)
    page = screen.x_page
    assert page.x is not None and page.x.content["shift"] == sue  # her own drawer first
    screen.picker.setCurrentIndex(screen.picker.findData(ann))
    screen.picker.activated.emit(screen.picker.currentIndex())
    qtbot.waitUntil(lambda: page.x is not None and page.x.content["shift"] == ann)
    settle(qtbot, screen, worker)
    view = page.view
    assert view.title.text() == "X report (running, not closed) — Window 1"
    assert view.banner.isVisible() and "running figures" in view.banner.text()
    rows = view.section_rows("Cash drawer")
    expected = expected_cash(cash_world, ann)
    assert ["Expected in drawer", "EUR", Money(expected, "EUR").format()] in rows
    assert ["Cash sales", "EUR", Money(sold, "EUR").format()] in rows
    with cash_world.store.read() as s:  # each look is audited, nothing is closed
        assert [e.subject for e in audit.entries(s, "report.x")] == [f"shift:{sue}", f"shift:{ann}"]
        assert s.scalar(select(func.count()).select_from(ZReport)) == 0
    assert screen.pdf_button.isEnabled() and screen.csv_button.isEnabled()
    assert not screen.slip_button.isVisible()  # no receipt printer at this terminal
    assert not screen.reprint_button.isVisible()


def test_day_end_shows_the_banner_and_the_stores_figures(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld, tmp_path: Path
) -> None:
    ann = open_shift(cash_world, cash_world.clerk)
    sell_cash(cash_world, cash_world.clerk, "S-C-7", "S-C-8")
    counted = expected_cash(cash_world, ann) - 150
    with cash_world.store.write() as s:  # ann's drawer was closed, 1.50 short
        close.count_cash(
            s, cash_world.clerk, ann, {"EUR": {1000: counted // 1000, 1: counted % 1000}}
        )
    with cash_world.store.write() as s:
        close.close_shift(s, cash_world.supervisor, ann, signoff_reason="short")
    open_shift(cash_world, cash_world.supervisor)  # still open: running cash
    screen = make_screen(qtbot, worker, cash_world.supervisor)
    assert screen.tabs.isTabVisible(3)
    with qtbot.waitSignal(screen.reportShown, timeout=STORE_WAIT_MS):
        screen.show_page("day_end")
    settle(qtbot, screen, worker)
    page = screen.day_end_page
    with cash_world.store.read() as s:
        today = utc_now().astimezone(report_timezone(s)).date()
        built = day_end.build(s, today)
    assert page.chosen_day() == today
    view = page.view
    assert view.banner.isVisible()
    assert view.banner.text().startswith("LOCAL FIGURES ONLY")
    assert "not connected to a central server" in view.banner.text()
    assert "INCOMPLETE: 1 shift(s) still open: sue (Window 1)" in view.banner.text()
    assert [s.title for s in view.report.sections] == [s.title for s in built.sections]
    for section in built.sections:
        assert view.section_rows(section.title) == [
            [cell_text(c) for c in row] for row in section.rows
        ], section.title
    totals = view.section_rows("Venue totals")
    assert totals[0][:2] == ["! cash", "EUR"] and totals[0][4] == "-€1.50"
    (running,) = [r for r in view.section_rows("Shifts still open") if r[2] == "sue"]
    assert running[0] == "Window 1" and running[4] == Money(10000, "EUR").format()

    target = tmp_path / "day.csv"
    screen.choose_path = lambda *_: str(target)
    screen.csv_button.click()
    qtbot.waitUntil(target.exists, timeout=STORE_WAIT_MS)
    settle(qtbot, screen, worker)
    lines = target.read_text().splitlines()
    assert lines[0].startswith("report,section,terminal")
    assert any(",Venue totals," in line and ",-1.50" in line for line in lines)
    pdf_target = tmp_path / "day.pdf"
    screen.choose_path = lambda *_: str(pdf_target)
    screen.pdf_button.click()
    qtbot.waitUntil(pdf_target.exists, timeout=STORE_WAIT_MS)
    assert pdf_target.read_bytes()[:5] == b"%PDF-"

    # Another day: nothing closed, and the float total of the open shift.
    page.day.setDate(page.day.date().addDays(-1))
    page.load()
    settle(qtbot, screen, worker)
    assert page.chosen_day() != today
    assert view.banner.text().startswith("LOCAL FIGURES ONLY")


def test_an_unwritable_target_is_refused_with_a_clear_message(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld, tmp_path: Path
) -> None:
    open_shift(cash_world, cash_world.supervisor)
    screen = make_screen(qtbot, worker, cash_world.supervisor)
    with qtbot.waitSignal(screen.reportShown, timeout=STORE_WAIT_MS):
        screen.show_page("day_end")
    settle(qtbot, screen, worker)
    screen.choose_path = lambda *_: str(tmp_path / "missing" / "day.pdf")
    screen.pdf_button.click()
    qtbot.waitUntil(lambda: "does not exist" in screen.message.text(), timeout=STORE_WAIT_MS)
    assert screen.message.property("kind") == "error"
    assert not (tmp_path / "missing").exists()


def test_the_cash_screen_and_its_reports_speak_chinese(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    from boxoffice.ui.shell.app import create_app

    create_app("zh_CN")
    open_shift(cash_world, cash_world.supervisor)
    screen = make_screen(qtbot, worker, cash_world.supervisor)
    tabs = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert tabs == ["钱箱(&D)", "交班(&L)", "班中报表（X）(&X)", "日结(&E)"]
    assert screen.drawer_page.pay_out_button.text() == "支出现金(&T)"
    with qtbot.waitSignal(screen.reportShown, timeout=STORE_WAIT_MS):
        screen.show_page("day_end")
    settle(qtbot, screen, worker)
    view = screen.day_end_page.view
    assert view.title.text() == "日结"
    assert view.banner.text().startswith("仅本地数据")
    assert view.tables[1].horizontalHeaderItem(2).text() == "应有"
    with qtbot.waitSignal(screen.reportShown, timeout=STORE_WAIT_MS):
        screen.show_page("x")
    settle(qtbot, screen, worker)
    assert screen.x_page.view.title.text() == "班中报表（X，不清零）——Window 1"
    assert screen.x_page.view.subtitle.text().startswith("班次")
    assert ["备用金", "EUR", "€100.00"] in screen.x_page.view.section_rows("Cash drawer")
    screen.resize(1000, 900)
    screen.grab().save(str(screenshot_dir("cash") / "cash-x-report-zh_CN.png"))
    # A shift opened before the terminal was renamed, as the day end lists it.
    from boxoffice.ops.cash import Lines, Phrase
    from boxoffice.ui.widgets.report_text import report_text

    renamed = Phrase("report_terminal_opened_as", terminal="Window 1", opened_as="Window 2")
    assert renamed == "Window 1 (opened as Window 2)"  # the PDF's English, unchanged
    assert report_text(renamed) == "Window 1（开班时名为Window 2）"
    shift_of = Phrase("report_open_shift_of", clerk="ann", where=renamed)
    banner = Lines([Phrase("report_incomplete", count=1, shifts=[shift_of]), "ok"])
    assert banner == "INCOMPLETE: 1 shift(s) still open: ann (Window 1 (opened as Window 2))\nok"
    assert report_text(banner) == (
        "未完成：仍有1个班次未交班：ann（Window 1（开班时名为Window 2））\n正常"
    )
    assert report_text("paid in cash, as agreed") == "paid in cash, as agreed"  # a reason


def test_a_slow_step_shows_progress_and_the_day_end_job_can_be_swapped(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    """The day end comes from one job; a server-aware one (slow here) only replaces it."""
    import time

    from boxoffice.reports.model import Report, Section

    asked: list[object] = []

    def server_day_end(actor, on):  # type: ignore[no-untyped-def]
        def job(store):  # type: ignore[no-untyped-def]
            asked.append((actor.username, on))
            time.sleep(1.6)  # a slow server
            section = Section("Terminals", ["terminal", "source"], [["Window 9", "server"]])
            return Report("Day end", "merged", [section], banner="PARTIAL: merged")

        return job

    open_shift(cash_world, cash_world.supervisor)
    screen = make_screen(qtbot, worker, cash_world.supervisor, day_end_job=server_day_end)
    screen.show_page("day_end")
    qtbot.waitUntil(screen.progress.isVisible, timeout=STORE_WAIT_MS)
    assert screen.progress_label.text() == "Adding up the day…"
    qtbot.waitUntil(lambda: not screen.busy(), timeout=STORE_WAIT_MS)
    assert not screen.progress.isVisible()
    view = screen.day_end_page.view
    assert view.banner.text() == "PARTIAL: merged"
    assert view.section_rows("Terminals") == [["Window 9", "server"]]
    assert asked == [("sue", screen.day_end_page.chosen_day())]
    # Quick steps never flash a progress bar.
    screen.show_page("drawer")
    screen.drawer_page.amount.setText("1")
    screen.drawer_page.pay_in_button.click()
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=STORE_WAIT_MS)
    assert not screen.progress.isVisible()


def test_closing_the_screen_while_a_step_runs_drops_its_answer(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    import time

    from boxoffice.ui.qt import QApplication
    from boxoffice.ui.screens.cash.screen import _day_end_job

    def slow(actor, on):  # type: ignore[no-untyped-def]
        job = _day_end_job(actor, on)

        def run(store):  # type: ignore[no-untyped-def]
            time.sleep(0.5)
            return job(store)

        return run

    open_shift(cash_world, cash_world.supervisor)
    screen = CashScreen(worker, cash_world.supervisor, day_end_job=slow)
    screen.show()
    qtbot.waitUntil(lambda: screen.desk is not None, timeout=STORE_WAIT_MS)
    screen.show_page("day_end")
    assert screen.busy()
    screen.close()
    screen.deleteLater()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=STORE_WAIT_MS)
    qtbot.wait(1200)  # the late answer and the progress timer went nowhere (no exception)
