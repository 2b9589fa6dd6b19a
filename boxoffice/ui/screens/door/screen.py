"""The door screen: scan (or type) a code, see the verdict in a blink, big and coloured.

A keyboard-wedge scanner types the code and Enter into the scan field, which
keeps the focus. The verdict comes from the door ops (``ops.door.scan``) on
the store worker's thread, so the screen never waits on the disk; it shows
the outcome, the reason and what to check (attention) in the terminal's
language (rendered from their codes by the op), the people inside, and keeps
the last scans in a list.

The counts ("n of m admitted") are read again when a change-set names one of
the door's performances under ``checkins``: this door's scans and other
doors' admissions alike. At most one read is in flight; change-sets that
arrive meanwhile cause one more read when it returns. No timer polls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from boxoffice.ops import door as door_ops
from boxoffice.ui.common.bus_adapter import BusAdapter
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import (
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.bus import ChangeSet
    from boxoffice.context import TerminalContext
    from boxoffice.ops.session import Store

#: Background colour of the verdict panel: go, stop, or go but look.
COLOURS = {"admit": "#1b7f3b", "refuse": "#b3261e", "attention": "#b26a00", "idle": "#455a64"}
HISTORY = 12


class DoorScreen(QWidget):
    """One door (or several performances through one door), driven by a scanner."""

    verdictShown = Signal(object)
    statsShown = Signal()

    def __init__(
        self,
        ctx: TerminalContext,
        worker: StoreWorker,
        actor: Actor,
        performance_ids: Sequence[int],
        door_name: str,
        parent: QWidget | None = None,
        *,
        bus: BusAdapter | None = None,
    ) -> None:
        """``bus``: the shell's ``BusAdapter`` of ``ctx.bus``; a screen made on its own
        (a test) makes its own adapter, closed with the screen."""
        super().__init__(parent)
        self._ctx = ctx
        self._worker = worker
        self._actor = actor
        self._performances = list(performance_ids)
        self._door_name = door_name
        self._door: door_ops.DoorHandle | None = None
        self.last_verdict: door_ops.ScanVerdict | None = None
        self._stats_running = False
        self._stats_again = False
        self.setWindowTitle(self.tr("Door: %1").replace("%1", door_name))

        self.scan_field = QLineEdit(self)
        self.scan_field.setPlaceholderText(self.tr("Scan a ticket or type its serial, then Enter"))
        self.scan_field.returnPressed.connect(self.submit)
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.scan_field, 1)
        row.addWidget(self.check_button)

        self.outcome_label = QLabel(self.tr("Ready"), self)
        self.outcome_label.setObjectName("doorOutcome")
        self.reason_label = QLabel(self.tr("Waiting for the first scan"), self)
        self.reason_label.setWordWrap(True)
        self.attention_label = QLabel("", self)
        self.attention_label.setWordWrap(True)
        self.count_label = QLabel("", self)
        #: Admitted against expected for the door's performances, read again on change-sets.
        self.stats_label = QLabel("", self)
        self.panel = QWidget(self)
        panel = QVBoxLayout(self.panel)
        for label, size in (
            (self.outcome_label, 36),
            (self.reason_label, 16),
            (self.attention_label, 22),
            (self.count_label, 14),
        ):
            label.setStyleSheet(f"color: white; font-size: {size}px; font-weight: 600;")
            panel.addWidget(label)
        self._paint("idle")

        self.history = QTableWidget(0, 3, self)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Verdict"), self.tr("Ticket"), self.tr("Why")]
        )
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.stats_label)
        layout.addWidget(self.history, 1)
        QShortcut(QKeySequence("Escape"), self, activated=self.clear)
        self.scan_field.setFocus()

        self._own_bus = bus is None
        self._bus = bus if bus is not None else BusAdapter(ctx.bus, self)
        self._bus.changed.connect(self._changed)
        self._refresh_stats()

    # -- actions -------------------------------------------------------------
    def clear(self) -> None:
        self.scan_field.clear()
        self.scan_field.setFocus()

    def submit(self) -> None:
        code = self.scan_field.text()
        self.scan_field.clear()
        self.scan_field.setFocus()
        if not code.strip():
            return
        self.outcome_label.setText(self.tr("Checking…"))
        self._worker.call(lambda store: self._scan(store, code), self._show, self._failed)

    def _scan(self, _store: Store, code: str) -> door_ops.ScanVerdict:
        """Runs on the store worker's thread."""
        if self._door is None:
            opened = door_ops.open_door(self._ctx, self._actor, self._performances, self._door_name)
            self._door = opened.value
        return door_ops.scan(self._ctx, self._door, code).value

    # -- results (UI thread) -----------------------------------------------------
    def _show(self, verdict: Any) -> None:
        self.last_verdict = verdict
        if verdict.admit:
            self._paint("attention" if verdict.attention else "admit")
            title = (
                self.tr("ADMIT")
                if verdict.admitted_count <= 1
                else self.tr("ADMIT %1").replace("%1", str(verdict.admitted_count))
            )
        else:
            self._paint("refuse")
            title = self._refusal_title(verdict.outcome)
        self.outcome_label.setText(title)
        self.reason_label.setText(verdict.reason)
        self.attention_label.setText(verdict.attention)
        self.count_label.setText(
            ""
            if verdict.inside is None
            else self.tr("Inside now: %1").replace("%1", str(verdict.inside))
        )
        self.history.insertRow(0)
        for column, text in enumerate((title, verdict.serial or "", verdict.reason)):
            self.history.setItem(0, column, QTableWidgetItem(text))
        while self.history.rowCount() > HISTORY:
            self.history.removeRow(self.history.rowCount() - 1)
        self.verdictShown.emit(verdict)

    def _changed(self, changes: ChangeSet) -> None:
        """A change-set arrived (UI thread): read the counts again if it is about this door."""
        if changes.checkins & set(self._performances):
            self._refresh_stats()

    def _refresh_stats(self) -> None:
        if self._stats_running:  # one read at a time; one more when it returns
            self._stats_again = True
            return
        self._stats_running = True
        self._worker.call(self._stats, self._show_stats, self._stats_failed)

    def _stats(self, _store: Store) -> list[tuple[str, int, int, int]]:
        """Runs on the store worker's thread."""
        report = door_ops.door_stats(self._ctx, self._performances).value
        return [(r.event, r.admitted, r.expected, len(r.conflicts)) for r in report]

    def _stats_done(self) -> None:
        self._stats_running = False
        if self._stats_again:
            self._stats_again = False
            self._refresh_stats()

    def _stats_failed(self, error: BaseException) -> None:
        self.stats_label.setText(_error_text(error, self._ctx.language))
        self._stats_done()

    def _show_stats(self, rows: Any) -> None:
        parts = []
        for event, admitted, expected, conflicts in rows:
            text = self.tr("%1: %2 of %3 admitted").replace("%1", event)
            text = text.replace("%2", str(admitted)).replace("%3", str(expected))
            if conflicts:
                text += self.tr(" (%1 double admissions)").replace("%1", str(conflicts))
            parts.append(text)
        self.stats_label.setText("   ".join(parts))
        self._stats_done()
        self.statsShown.emit()

    def _failed(self, error: BaseException) -> None:
        self._paint("refuse")
        self.outcome_label.setText(self.tr("NO VERDICT"))
        self.reason_label.setText(_error_text(error, self._ctx.language))
        self.attention_label.setText("")

    def _refusal_title(self, outcome: str) -> str:
        titles = {
            "exited": self.tr("WENT OUT"),
            "already_admitted": self.tr("ALREADY IN"),
            "revoked": self.tr("NOT VALID"),
            "forged": self.tr("FORGED"),
            "malformed": self.tr("NOT A TICKET"),
            "wrong_performance": self.tr("WRONG PERFORMANCE"),
            "wrong_event": self.tr("WRONG EVENT"),
            "not_yet_open": self.tr("TOO EARLY"),
            "expired": self.tr("EXPIRED"),
            "unpaid": self.tr("NOT PAID"),
            "not_found": self.tr("UNKNOWN"),
        }
        return titles.get(outcome, outcome.upper())

    def _paint(self, kind: str) -> None:
        self.panel.setStyleSheet(f"background: {COLOURS[kind]}; border-radius: 8px;")
        self.panel.setProperty("verdictKind", kind)

    def closeEvent(self, event: Any) -> None:
        if self._own_bus:
            self._bus.close()
        super().closeEvent(event)


def _error_text(error: BaseException, lang: str) -> str:
    """A refusal in the terminal's language, by its code (``BoxOfficeError.message``)."""
    message = getattr(error, "message", None)
    return message(lang) if callable(message) else str(error)
