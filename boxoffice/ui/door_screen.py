"""The door screen: scan (or type) a code, see the verdict in a blink, big and coloured.

A keyboard-wedge scanner types the code and Enter into the scan field, which
keeps the focus. The verdict comes from ``checkin.door.Door.scan`` on the
store worker's thread, so the screen never waits on the disk; it shows the
outcome, the reason, what to check (attention), and the people inside, and
keeps the last scans in a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

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
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from boxoffice.ui.workers import StoreWorker

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boxoffice.actor import Actor
    from boxoffice.checkin.door import Door
    from boxoffice.checkin.verdicts import Verdict
    from boxoffice.store import Store

#: Background colour of the verdict panel: go, stop, or go but look.
COLOURS = {"admit": "#1b7f3b", "refuse": "#b3261e", "attention": "#b26a00", "idle": "#455a64"}
HISTORY = 12
#: The counts behind "n of m admitted" are refreshed at most this often.
STATS_EVERY_MS = 1000


class DoorScreen(QWidget):
    """One door (or several performances through one door), driven by a scanner."""

    verdictShown = Signal(object)
    statsShown = Signal()

    def __init__(
        self,
        worker: StoreWorker,
        actor: Actor,
        performance_ids: Sequence[int],
        door_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._actor = actor
        self._performances = list(performance_ids)
        self._door_name = door_name
        self._door: Door | None = None
        self.last_verdict: Verdict | None = None
        self._stats_due = False
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
        #: Admitted against expected for the door's performances, refreshed after each scan.
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

    def _scan(self, store: Store, code: str) -> Verdict:
        """Runs on the store worker's thread."""
        if self._door is None:
            from boxoffice.checkin.door import Door

            self._door = Door(store, self._actor, self._performances, self._door_name)
        return self._door.scan(code)

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
            title = self._refusal_title(verdict.outcome.value)
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
        if not self._stats_due:  # at most one count a second, whatever the scan rate
            self._stats_due = True
            QTimer.singleShot(STATS_EVERY_MS, self._refresh_stats)
        self.verdictShown.emit(verdict)

    def _refresh_stats(self) -> None:
        self._worker.read(self._stats, self._show_stats, self._stats_failed)

    def _stats_failed(self, error: BaseException) -> None:
        self._stats_due = False
        self.stats_label.setText(str(error))

    def _stats(self, session: Session) -> list[tuple[str, int, int, int]]:
        """Runs on the store worker's thread."""
        from boxoffice.checkin import stats

        return [
            (r.event, r.admitted, r.expected, len(r.conflicts))
            for r in stats.door_report(session, self._performances)
        ]

    def _show_stats(self, rows: Any) -> None:
        parts = []
        for event, admitted, expected, conflicts in rows:
            text = self.tr("%1: %2 of %3 admitted").replace("%1", event)
            text = text.replace("%2", str(admitted)).replace("%3", str(expected))
            if conflicts:
                text += self.tr(" (%1 double admissions)").replace("%1", str(conflicts))
            parts.append(text)
        self._stats_due = False
        self.stats_label.setText("   ".join(parts))
        self.statsShown.emit()

    def _failed(self, error: BaseException) -> None:
        self._paint("refuse")
        self.outcome_label.setText(self.tr("NO VERDICT"))
        self.reason_label.setText(str(error))
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
