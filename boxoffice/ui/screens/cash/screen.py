"""The Cash screen: open a shift, move cash, count and close it, X report, day end.

Four tabs over the cash ops (``boxoffice.ops.cash``), one module each:
*Drawer* (float count, drops, pay-ins, pay-outs), *Close shift* (blind count,
card batch, vouchers, close, Z report), *X report* (supervisors) and *Day
end*. Every op runs as a job on the ``StoreWorker``; a step that takes
longer than a second shows a progress bar. Permissions are checked by the
services; this screen only hides what a role cannot use and shows every
refusal by its code in the UI's language. A refusal a supervisor could lift
(``NeedsOverride``: large pay-out, variance sign-off, someone else's Z slip)
opens an ``OverrideDialog`` for the permission and subject it names, and the
refused step is retried once with the override.

The pages tell the screen what happened by signals (``events.PageEvents``)
and ask it only for the services of ``host.CashHost``.

Every step runs on the terminal's one context (``StoreWorker.run``: the
shell's ``StoreWorker.context``), so its op publishes what it changed on the
terminal's bus; the screen hears those change-sets through the shell's
``BusAdapter`` and reloads the desk only when one names a shift it shows (or
could show: a clerk with no open shift, a supervisor who sees every drawer).
A sale at this terminal updates the drawer's figures the same way. Nothing
is reloaded "just in case" after a step, and nothing polls.

With a receipt printer at this terminal (``receipt_printer``), *Print Z slip*
prints the Z report just closed and *Pick a Z slip to reprint…* one of
today's (``slips``).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from boxoffice.errors import BoxOfficeError
from boxoffice.ui.common.bus_adapter import BusAdapter
from boxoffice.ui.common.error_text import error_text as common_error_text
from boxoffice.ui.common.override_dialog import OverrideDialog
from boxoffice.ui.common.workers import FutureRelay
from boxoffice.ui.qt import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QShortcut,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from boxoffice.ui.screens.cash import jobs as cash_jobs
from boxoffice.ui.screens.cash.close_page import ClosePage
from boxoffice.ui.screens.cash.day_end_page import DayEndJob, DayEndPage
from boxoffice.ui.screens.cash.drawer_page import DrawerPage
from boxoffice.ui.screens.cash.events import PageEvents
from boxoffice.ui.screens.cash.slips import SlipPrinting
from boxoffice.ui.screens.cash.x_page import XReportPage

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.bus import ChangeSet
    from boxoffice.ops.cash import CashDesk, DrawerState, Permission, Report
    from boxoffice.sync.status import SyncStatus
    from boxoffice.ui.common.workers import StoreWorker
    from boxoffice.ui.screens.cash.slip_jobs import ReceiptPrinterRoute

#: A step that takes longer than this shows a progress bar.
PROGRESS_AFTER_MS = 1000
PAGES = ("drawer", "close", "x", "day_end")


def _day_end_job(actor: Actor, on: date) -> cash_jobs.Job:
    """The venue's day end for ``on``: the central server's figures merged with this store's.

    The op (``ops.cash.day_end``) checks the permission (``report_z``: the day
    end shows every open drawer's running cash, which a clerk's blind count
    must not see) and audits the request. Without a server, or when it does
    not answer within the client's timeouts (1.5 s to connect), the report is
    this store's figures with the banner saying why.
    """
    return cash_jobs.day_end(actor, on)


class CashScreen(QWidget):
    """A window of its own, opened from the main window's Cash menu."""

    deskShown = Signal()
    reportShown = Signal()
    messageShown = Signal(str)

    def __init__(
        self,
        worker: StoreWorker,
        actor: Actor,
        *,
        sync_status: Callable[[], SyncStatus] | None = None,
        receipt_printer: ReceiptPrinterRoute | None = None,
        day_end_job: DayEndJob = _day_end_job,
        changes: BusAdapter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``changes``: the shell's adapter of the terminal's bus; a screen made on its
        own adapts ``worker.bus`` itself."""
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("cashScreen")
        self.worker, self.actor = worker, actor
        self.sync_status = sync_status
        self.changes = changes if changes is not None else BusAdapter(worker.bus, self)
        self.changes.changed.connect(self._changed)
        #: Z slips on this terminal's receipt printer; None when there is none.
        self.slips: SlipPrinting | None = None
        if receipt_printer is not None and receipt_printer.available():
            self.slips = SlipPrinting(self, receipt_printer)
        self._day_end_job = day_end_job
        self.desk: CashDesk | None = None
        self.confirm_box: QMessageBox | None = None
        self.override_dialog: OverrideDialog | None = None
        #: Where Save PDF/CSV writes; replaced in tests (the file dialog blocks).
        self.choose_path: Callable[[str, str, str], str | None] = self._choose_path
        self._busy = False
        self._job_serial = 0
        self._tz = ZoneInfo("UTC")
        self._relay = FutureRelay(self)
        #: A desk load is on its way (``_again``: another change-set came meanwhile).
        self._loading = False
        self._again = False
        #: A change-set named a shown shift while the window was closed.
        self._stale = False
        #: What pages asked to do once the desk is redrawn.
        self._after_redraw: list[Callable[[], None]] = []
        self.setWindowTitle(self.tr("Cash — %1").replace("%1", actor.terminal))
        self._build()
        self.resize(1120, 820)
        self.refresh(then=self._first_focus)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Cash drawer at %1").replace("%1", self.actor.terminal))
        title.setObjectName("performanceTitle")
        self.who = QLabel(self.tr("Signed in: %1").replace("%1", self.actor.username))
        self.who.setObjectName("hint")
        self.picker = QComboBox()
        self.picker.setObjectName("shiftPicker")
        self.picker.setMinimumWidth(420)
        self.picker.activated.connect(self._picked)
        self.picker_label = QLabel(self.tr("&Which shift"))
        self.picker_label.setBuddy(self.picker)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.who)
        head.addStretch(1)
        head.addWidget(self.picker_label)
        head.addWidget(self.picker)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("cashTabs")
        self.drawer_page = DrawerPage(self)
        self.close_page = ClosePage(self)
        self.x_page = XReportPage(self)
        self.day_end_page = DayEndPage(self, self._day_end_job)
        for page in (self.drawer_page, self.close_page, self.x_page, self.day_end_page):
            self._listen(page.events)
        if self.slips is not None:
            self._listen(self.slips.events)
        self.tabs.addTab(self.drawer_page, self.tr("&Drawer"))
        self.tabs.addTab(self.close_page, self.tr("C&lose shift"))
        self.tabs.addTab(self.x_page, self.tr("&X report"))
        self.tabs.addTab(self.day_end_page, self.tr("Day &end"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.message = QLabel("")
        self.message.setObjectName("cashMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.progress = QProgressBar()
        self.progress.setObjectName("cashProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("hint")
        self.progress_label.hide()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setToolTip("F5")
        self.refresh_button.clicked.connect(self.refresh_current)
        self.pdf_button = QPushButton(self.tr("Save &PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button = QPushButton(self.tr("Save CS&V…"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.slip_button = QPushButton(self.tr("Print &Z slip"))
        self.slip_button.setToolTip(self.tr("Print the Z report on the receipt printer"))
        self.slip_button.clicked.connect(self.print_slip)
        self.slip_button.setVisible(self.slips is not None)
        self.reprint_button = QPushButton(self.tr("Pic&k a Z slip to reprint…"))
        self.reprint_button.setToolTip(
            self.tr("Print the slip of a Z report closed today at this terminal again")
        )
        self.reprint_button.clicked.connect(self.pick_slip)
        self.reprint_button.setVisible(self.slips is not None)
        bar = QHBoxLayout()
        bar.addWidget(self.progress)
        bar.addWidget(self.progress_label)
        bar.addStretch(1)
        for button in (
            self.refresh_button,
            self.reprint_button,
            self.slip_button,
            self.pdf_button,
            self.csv_button,
        ):
            bar.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh_current)
        QShortcut(QKeySequence("Escape"), self, activated=self.close)
        self._update_picker_visibility()
        self.reports_changed()

    def _listen(self, events: PageEvents) -> None:
        """What a page or the slip printing says, shown here (lambdas: the screen may go first)."""
        events.said.connect(lambda text, kind: self.say(text, kind))
        events.reportChanged.connect(lambda: self.reports_changed())
        events.afterRedraw.connect(lambda then: self.after_redraw(then))

    # -- pages --------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        """Bring a tab forward (from the main window's Cash menu)."""
        index = PAGES.index(name)
        if self.desk is not None and not self.tabs.isTabVisible(index):
            # Hidden for this role: asking anyway gets the service's answer.
            if name == "x":
                self.x_page.load()
            elif name == "day_end":
                self.day_end_page.load()
            return
        if self.tabs.currentIndex() == index:
            self._tab_changed(index)
        else:
            self.tabs.setCurrentIndex(index)

    def current_page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def _tab_changed(self, index: int) -> None:
        self._update_picker_visibility()
        name = PAGES[index]
        if name == "close":
            if self.close_page.z is not None and self.selected_shift() is not None:
                self.close_page.show_shift(self.selected_shift())  # on to the next drawer
            self.close_page.focus_first()
        elif name == "drawer":
            self.drawer_page.focus_first()
        elif name == "x":
            self.x_page.load()
        elif name == "day_end":
            self.day_end_page.load()
            self.day_end_page.day.setFocus()
        self.reports_changed()

    def _first_focus(self) -> None:
        if self.current_page() == "drawer":
            self.drawer_page.focus_first()

    # -- the desk -----------------------------------------------------------------------
    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Load the drawers and rights (on opening, F5, a change-set); pages redraw from it."""
        if then is not None:
            self._after_redraw.append(then)
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.worker.run(cash_jobs.load_desk(self.actor), self._desk_loaded, self._load_failed)

    def after_redraw(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the desk is redrawn (a step's change-set is on its way), or now."""
        if self._loading:
            self._after_redraw.append(then)
        else:
            then()

    def _changed(self, changes: ChangeSet) -> None:
        """A change-set from the terminal's bus: reload the desk if it names a shift shown."""
        if changes.shifts and self._concerns(changes.shifts):
            if self.isVisible():
                self.refresh()
            else:  # closed (kept by the main window): redraw when shown again
                self._stale = True

    def showEvent(self, event: Any) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def _concerns(self, shifts: frozenset[int]) -> bool:
        desk = self.desk
        if desk is None or desk.mine is None or self._supervises():
            return True  # a shift opened now may be one this screen must show
        return bool(shifts & {s.shift_id for s in desk.shifts})

    def _load_failed(self, error: BaseException) -> None:
        self._loading = self._again = False
        self._after_redraw.clear()
        self.fail(error)

    def refresh_current(self) -> None:
        """F5: reload the drawers, and the report of the tab shown."""
        page = self.current_page()
        if page == "x":
            self.x_page.load()
        elif page == "day_end":
            self.day_end_page.load()
        self.refresh()

    def _desk_loaded(self, desk: CashDesk) -> None:
        self._loading = False
        if self._again:  # a newer change-set came while this load ran: load once more
            self._again = False
            self.refresh()
        self.desk = desk
        self._tz = ZoneInfo(desk.timezone)
        self.tabs.setTabVisible(PAGES.index("x"), desk.rights.report_x)
        self.tabs.setTabVisible(PAGES.index("day_end"), desk.rights.report_z)
        self._fill_picker(desk)
        self.drawer_page.show_desk(desk)
        self.close_page.show_desk(desk)
        self.x_page.show_desk(desk)
        self.day_end_page.show_desk(desk)
        if not self._loading:
            waiting, self._after_redraw = self._after_redraw, []
            for then in waiting:
                then()
        self.deskShown.emit()

    def _fill_picker(self, desk: CashDesk) -> None:
        wanted = self.picker.currentData()
        if wanted is None and desk.mine is not None:
            wanted = desk.mine.shift_id
        self.picker.blockSignals(True)
        self.picker.clear()
        for shift in desk.shifts:
            text = (
                self.tr("Shift %1 — %2 (%3), opened %4")
                .replace("%1", str(shift.shift_id))
                .replace("%2", shift.display_name)
                .replace("%3", shift.username)
                .replace("%4", self.when(shift.opened_at))
            )
            self.picker.addItem(text, shift.shift_id)
        index = self.picker.findData(wanted)
        if index < 0 and desk.mine is not None:
            index = self.picker.findData(desk.mine.shift_id)
        self.picker.setCurrentIndex(max(index, 0) if desk.shifts else -1)
        self.picker.blockSignals(False)
        self._update_picker_visibility()

    def _supervises(self) -> bool:
        return self.desk is not None and (self.desk.rights.report_z or self.desk.rights.report_x)

    def _update_picker_visibility(self) -> None:
        show = (
            self._supervises() and self.current_page() in ("close", "x") and self.picker.count() > 0
        )
        self.picker.setVisible(show)
        self.picker_label.setVisible(show)

    def selected_shift(self) -> DrawerState | None:
        """The shift the Close and X tabs work on: the picked one, or the user's own."""
        if self.desk is None:
            return None
        if not self._supervises():
            return self.desk.mine
        shift_id = self.picker.currentData()
        return next((s for s in self.desk.shifts if s.shift_id == shift_id), None)

    def _picked(self, _index: int) -> None:
        if self.current_page() == "close":
            self.close_page.show_shift(self.selected_shift())
            self.close_page.focus_first()
        elif self.current_page() == "x":
            self.x_page.load()
        self.reports_changed()

    # -- running jobs -------------------------------------------------------------------
    def run(
        self,
        job: cash_jobs.Job,
        done: Callable[[Any], None],
        *,
        busy: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run one step on the store worker; a second step waits until it is done."""
        if not self._start(busy):
            return False
        # Lambdas over ``self``: the worker drops the answer if this window is gone by then.
        self.worker.run(
            job,
            lambda result: self._finished(done, result),
            lambda error: self._finished(failed or self.fail, error),
        )
        return True

    def wait_for(
        self,
        start: Callable[[], Future[Any]],
        done: Callable[[Any], None],
        *,
        busy: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Like ``run`` for device work: ``start()`` returns a Future from a device's thread."""
        if not self._start(busy):
            return False

        def finished(future: Future[Any]) -> None:
            error = future.exception()
            if error is None:
                self._finished(done, future.result())
            else:
                self._finished(failed or self.fail, error)

        self._relay.watch(start(), finished)
        return True

    def watch(self, future: Future[Any], callback: Callable[[Future[Any]], None]) -> None:
        """Call ``callback(future)`` on the UI thread once a device's ``future`` is done."""
        self._relay.watch(future, callback)

    def _start(self, busy: str) -> bool:
        if self._busy:
            self.say(self.tr("Still working on the last step…"), "info")
            return False
        self._busy = True
        self._job_serial += 1
        serial = self._job_serial
        self.say("")
        self.progress_label.setText(busy)
        QTimer.singleShot(PROGRESS_AFTER_MS, self, lambda: self._show_progress(serial))
        return True

    def _finished(self, then: Callable[[Any], None], outcome: Any) -> None:
        self._busy = False
        self.progress.hide()
        self.progress_label.hide()
        then(outcome)

    def _show_progress(self, serial: int) -> None:
        if self._busy and serial == self._job_serial:
            self.progress.show()
            self.progress_label.show()

    def busy(self) -> bool:
        return self._busy

    # -- talking to the clerk -------------------------------------------------------------
    def say(self, text: str, kind: str = "info") -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))
        if text:
            self.messageShown.emit(text)

    def error_text(self, error: BaseException) -> str:
        """A refusal in the UI's language, by its code (``ui.common.error_text``)."""
        return common_error_text(error)

    def fail(self, error: BaseException) -> None:
        if isinstance(error, BoxOfficeError):
            self.say(self.error_text(error), "error")
        else:
            self.say(self.tr("Something went wrong: %1").replace("%1", repr(error)), "error")

    def ask(self, question: str, yes_text: str, on_yes: Callable[[], None]) -> None:
        """A yes/no question that does not block the event loop."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Please confirm"))
        box.setText(question)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)

        def answered(_result: int) -> None:
            self.confirm_box = None
            self.activateWindow()  # keys go back to this window, not to the one behind
            if box.clickedButton() is yes:
                on_yes()
            box.deleteLater()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def approve(
        self,
        permission: Permission,
        subject: str,
        what: str,
        on_ok: Callable[[Any, str], None],
        *,
        needs_supervisor: bool = True,
    ) -> None:
        """Ask a supervisor (or, for one's own sign-off, a reason) and continue with it."""
        dialog = OverrideDialog(
            self.worker,
            self.actor,
            permission,
            subject,
            what,
            needs_supervisor=needs_supervisor,
            parent=self,
        )
        dialog.authorised.connect(on_ok)
        dialog.finished.connect(lambda _r: self._approval_closed(dialog))
        self.override_dialog = dialog
        dialog.open()

    def _approval_closed(self, dialog: OverrideDialog) -> None:
        if self.override_dialog is dialog:
            self.override_dialog = None
        self.activateWindow()
        dialog.deleteLater()

    def when(self, at: datetime, *, time_only: bool = False) -> str:
        """A stored UTC time in the venue's time zone."""
        local = at.astimezone(self._tz)
        return local.strftime("%H:%M" if time_only else "%Y-%m-%d %H:%M")

    def offline(self) -> bool:
        """Whether a close now is made without the central server (the Z report says so)."""
        return self.sync_status is not None and self.sync_status().offline

    # -- reports: save and print -------------------------------------------------------------
    def _report_page(self) -> XReportPage | DayEndPage | ClosePage | None:
        return {"close": self.close_page, "x": self.x_page, "day_end": self.day_end_page}.get(
            self.current_page()
        )

    def current_report(self) -> Report | None:
        page = self._report_page()
        return page.current_report() if page is not None else None

    def reports_changed(self) -> None:
        has = self.current_report() is not None
        self.pdf_button.setEnabled(has)
        self.csv_button.setEnabled(has)
        printing = self.slips is not None and self.slips.busy()
        self.slip_button.setEnabled(
            self.slips is not None
            and not printing
            and self.current_page() == "close"
            and self.close_page.current_report() is not None
        )
        self.reprint_button.setEnabled(self.slips is not None and not printing)
        if has:
            self.reportShown.emit()

    def _choose_path(self, title: str, suggested: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        return path or None

    def save(self, fmt: str) -> None:
        page = self._report_page()
        report = page.current_report() if page is not None else None
        if page is None or report is None:
            self.say(self.tr("There is no report on this tab to save yet."), "info")
            return
        if fmt == "pdf":
            title, pattern = self.tr("Save the report as PDF"), self.tr("PDF files (*.pdf)")
        else:
            title, pattern = self.tr("Save the report as CSV"), self.tr("CSV files (*.csv)")
        chosen = self.choose_path(title, f"{page.file_stem()}.{fmt}", pattern)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self.run(
            cash_jobs.save_report(report, path, fmt),
            lambda written: self.say(self.tr("Saved %1.").replace("%1", str(written)), "ok"),
            busy=self.tr("Writing %1…").replace("%1", path.name),
        )

    def print_slip(self) -> None:
        """Print the slip of the Z report shown: the stored one, by its terminal and number."""
        z = self.close_page.z
        if self.slips is None:
            self.say(self.tr("No receipt printer is set up at this terminal."), "info")
            return
        if z is None:
            self.say(self.tr("Close a shift first: its Z report is then printed."), "info")
            return
        self.slips.print_z(str(z.content["terminal"]), int(z.content["number"]))

    def pick_slip(self) -> None:
        """Reprint: choose one of today's Z reports at this terminal."""
        if self.slips is None:
            self.say(self.tr("No receipt printer is set up at this terminal."), "info")
            return
        self.slips.pick()
