"""The Cash screen's Z slips: print the Z just closed, or pick one of today's to reprint.

``SlipPrinting`` runs the three hops of ``slip_jobs`` (ask the printer on its
device thread, record and queue the slip as a store job, watch the job) and
says on the Cash screen what came of it: printed, sent without a status
reply, failed, or not printed because the printer stopped (out of paper,
offline), in the queue's words.

Nothing polls the printer. The slip's state follows events: the job's
``done`` Future (printed, unconfirmed, failed, cancelled), the print log's
change-set naming the job, and the printer's device change-sets (the
registry publishes a state change such as "out of paper" as
``ChangeSet(devices=[printer])``), all brought to the UI thread by the
screen's bus adapter; a slip that has not come out after ``SLIP_WAIT_S`` is
taken back by a one-shot countdown. A clerk who may not print the slip (someone
else's shift, or their own more than 15 minutes after the close) is refused
in the service's words and the supervisor approval is offered; cancelling it
leaves the refusal on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from boxoffice.ops.cash import Permission, PrintOutcome, QueueState, SlipPrinterProblem
from boxoffice.ui.common.error_text import ui_language
from boxoffice.ui.qt import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from boxoffice.ui.screens.cash import slip_jobs
from boxoffice.ui.screens.cash.events import PageEvents

if TYPE_CHECKING:
    from boxoffice.bus import ChangeSet
    from boxoffice.ops.cash import ZSlipChoice
    from boxoffice.ops.session import OverrideGrant
    from boxoffice.ui.screens.cash.host import CashHost
    from boxoffice.ui.screens.cash.slip_jobs import (
        ReceiptPrinterRoute,
        SlipNeedsSupervisor,
        SlipQueued,
    )

#: How long a slip may take to come out before it is taken back out of the queue.
SLIP_WAIT_S = 30.0


class SlipPrinting(QObject):
    """Prints Z slips for one Cash screen on this terminal's receipt printer."""

    #: How it ended: a ``PrintOutcome`` value, "not_printed" (the printer stopped or
    #: was too slow; the slip was taken back) or "refused" (nothing was recorded).
    finished = Signal(str)

    def __init__(self, host: CashHost, route: ReceiptPrinterRoute) -> None:
        super().__init__(host)
        self.host, self.route = host, route
        #: What the slip printing tells the screen (it connects them).
        self.events = PageEvents(self)
        self.queued: SlipQueued | None = None
        self.picker: ZReprintDialog | None = None
        self._asking = False
        self._stopped = ""  # why the slip was taken back, once the queue stopped under it
        self._cancel: Future[Any] | None = None
        #: A countdown, not a poll: fires once if the slip has not come out in time.
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.setInterval(int(SLIP_WAIT_S * 1000))
        self._countdown.timeout.connect(self._too_slow)
        host.changes.changed.connect(self._changed)

    def busy(self) -> bool:
        """A slip is being checked, recorded or printed: a second one waits."""
        return self._asking or self.queued is not None

    # -- printing -----------------------------------------------------------------------
    def print_z(self, terminal: str, number: int, overrides: Sequence[OverrideGrant] = ()) -> None:
        """Print the slip of stored Z report ``number`` of ``terminal``."""
        if self.busy():
            self.events.say(self.tr("A Z slip is still on its way to the printer…"), "info")
            return
        self._asking = True
        started = self.host.wait_for(
            self.route.check,
            lambda _status: self._record(terminal, number, overrides),
            busy=self.tr("Asking %1 whether it can print…").replace(
                "%1", self.route.printer_name()
            ),
            failed=lambda error: self._refused(number, error),
        )
        if not started:
            self._asking = False
        self.events.reports_changed()

    def _record(self, terminal: str, number: int, overrides: Sequence[OverrideGrant]) -> None:
        started = self.host.run(
            self.route.print_z(self.host.actor, terminal, number, overrides),
            lambda result: self._recorded(terminal, number, result),
            busy=self.tr("Recording the Z slip…"),
            failed=lambda error: self._refused(number, error),
        )
        if not started:  # another step slipped in: nothing recorded, the clerk may try again
            self._asking = False
            self.events.reports_changed()

    def _recorded(
        self, terminal: str, number: int, result: SlipQueued | SlipNeedsSupervisor
    ) -> None:
        self._asking = False
        if isinstance(result, slip_jobs.SlipNeedsSupervisor):
            what = self.host.error_text(result.error)
            self.events.say(what, "error")
            self.finished.emit("refused")
            self.events.reports_changed()
            self.host.approve(
                Permission(result.error.permission),
                result.subject,
                self.tr("Print the slip of Z report %1 at %2: %3")
                .replace("%1", str(number))
                .replace("%2", terminal)
                .replace("%3", what),
                lambda override, _why: self.print_z(
                    terminal, number, (override,) if override is not None else ()
                ),
            )
            return
        self.queued = result
        self._stopped = ""
        self._cancel = None
        self.events.say(
            self.tr("Printing Z slip %1 on %2…")
            .replace("%1", str(number))
            .replace("%2", result.printer),
            "info",
        )
        self.host.watch(result.job.done, lambda future: self._done(result, future))
        self._countdown.start()
        self.events.reports_changed()
        self._look()  # a queue already paused sends no new event

    def _refused(self, number: int, error: BaseException) -> None:
        self._asking = False
        if isinstance(error, SlipPrinterProblem):
            reason = error.reason_text(ui_language())
            self.events.say(self._not_printed(number, error.printer, reason), "error")
        else:
            self.host.fail(error)
        self.finished.emit("refused")
        self.events.reports_changed()

    def _not_printed(self, number: int, printer: str, reason: str) -> str:
        return (
            self.tr("Z slip %1 was not printed — %2: %3. Print it again once the printer is ready.")
            .replace("%1", str(number))
            .replace("%2", printer)
            .replace("%3", reason)
        )

    # -- following the slip ---------------------------------------------------------------
    def _changed(self, changes: ChangeSet) -> None:
        """A change-set from the bus: does it concern the slip on its way?"""
        queued = self.queued
        if queued is None:
            return
        if queued.job.id in changes.print_jobs and queued.job.done.done():
            self._done(queued, queued.job.done)  # logged: the outcome is on record
        elif queued.printer in changes.devices:
            self._look()

    def _look(self) -> None:
        """A printer that stopped (paper, offline, jam) gets its slip taken back.

        Left in a paused queue the slip would come out whenever someone fixes the
        printer, long after the clerk was told; taken back, the screen says why and
        *Print Z slip* tries again (the print log keeps the cancelled attempt).
        Reading the queue's view is a plain read, done when an event says the
        printer changed.
        """
        queued = self.queued
        if queued is None or queued.job.done.done():
            return
        view = queued.queue.view()
        if view.state == QueueState.PAUSED:
            self._take_back(queued, view.text(ui_language()))

    def _too_slow(self) -> None:
        queued = self.queued
        if queued is not None and not queued.job.done.done():
            reason = self.tr("no slip within %1 s").replace("%1", f"{SLIP_WAIT_S:g}")
            self._take_back(queued, reason)

    def _take_back(self, queued: SlipQueued, reason: str) -> None:
        if not self._stopped:
            self._stopped = reason
        if self._cancel is None or self._cancel.done():
            self._cancel = self.route.cancel(queued)

    def _done(self, queued: SlipQueued, future: Future[Any]) -> None:
        if self.queued is not queued:
            return  # told already (by the Future or by the print log's change-set)
        self.queued = None
        self._countdown.stop()
        number, printer = str(queued.number), queued.printer
        error = future.exception()
        outcome = future.result() if error is None else PrintOutcome.FAILED
        if outcome == PrintOutcome.PRINTED:
            text = (
                self.tr("Z slip %1 printed on %2 (marked REPRINT).")
                if queued.reprint
                else self.tr("Z slip %1 printed on %2.")
            )
            self.events.say(text.replace("%1", number).replace("%2", printer), "ok")
        elif outcome == PrintOutcome.UNCONFIRMED:
            self.events.say(
                self.tr(
                    "Z slip %1 sent to %2, but the printer gave no status reply: "
                    "check that it came out."
                )
                .replace("%1", number)
                .replace("%2", printer),
                "info",
            )
        elif outcome == PrintOutcome.CANCELLED and self._stopped:
            self.events.say(self._not_printed(queued.number, printer, self._stopped), "error")
            self.finished.emit("not_printed")
            self.events.reports_changed()
            return
        else:
            self.events.say(
                self.tr("Z slip %1 could not be printed on %2 (see the print log).")
                .replace("%1", number)
                .replace("%2", printer),
                "error",
            )
        self.finished.emit(str(outcome))
        self.events.reports_changed()

    # -- reprints -----------------------------------------------------------------------
    def pick(self) -> None:
        """Offer today's Z reports at this terminal; the chosen one is printed."""
        dialog = ZReprintDialog(self.host, self.host.actor.terminal, self.host.when)
        dialog.chosen.connect(self.print_z)
        dialog.finished.connect(lambda _r: self._picker_closed(dialog))
        self.picker = dialog
        dialog.open()

    def _picker_closed(self, dialog: ZReprintDialog) -> None:
        if self.picker is dialog:
            self.picker = None
        self.host.activateWindow()
        dialog.deleteLater()


class ZReprintDialog(QDialog):
    """Today's Z reports at this terminal: pick one (↑/↓, Enter) to print its slip again."""

    #: terminal, Z number
    chosen = Signal(str, int)
    loaded = Signal()

    def __init__(
        self,
        host: CashHost,
        terminal: str,
        when: Callable[..., str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or host)
        self.setObjectName("zReprintDialog")
        self.setModal(True)
        self.host, self.terminal, self._when = host, terminal, when
        self.choices: list[ZSlipChoice] = []
        self.setWindowTitle(self.tr("Reprint a Z slip"))
        self.heading = QLabel(self.tr("&Z reports closed today at %1").replace("%1", terminal))
        self.heading.setObjectName("panelTitle")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("zReprintList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Z report"), self.tr("Clerk"), self.tr("Closed"), self.tr("Slips printed")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.submit())
        self.heading.setBuddy(self.table)
        self.note = QLabel(self.tr("Loading…"))
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print slip"))
        self.print_button.setDefault(True)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.resize(560, 360)
        self.table.setFocus()
        host.worker.run(slip_jobs.todays_z_reports(terminal), self._show, self._failed)

    def _show(self, choices: list[ZSlipChoice]) -> None:
        self.choices = choices
        self.table.setRowCount(0)
        for choice in choices:
            row = self.table.rowCount()
            self.table.insertRow(row)
            copies = str(choice.copies) if choice.copies else "–"
            cells = [
                str(choice.number),
                choice.clerk,
                self._when(choice.closed_at, time_only=True),
                copies,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if choices:
            self.table.selectRow(len(choices) - 1)  # the latest close is the likely one
            self.note.setText(
                self.tr("Every copy after the first says REPRINT and is in the print log.")
            )
        else:
            self.note.setText(
                self.tr("No Z report has been closed at %1 today.").replace("%1", self.terminal)
            )
        self.print_button.setEnabled(bool(choices))
        self.table.setFocus()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.note.setText(self.host.error_text(error))
        self.loaded.emit()

    def selected(self) -> ZSlipChoice | None:
        row = self.table.currentRow()
        return self.choices[row] if 0 <= row < len(self.choices) else None

    def submit(self) -> None:
        choice = self.selected()
        if choice is None:
            return
        self.accept()
        self.chosen.emit(choice.terminal, choice.number)
