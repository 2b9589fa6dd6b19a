"""The Day end tab: the business day's figures for every terminal, shown as tables.

The day end is built by the job the screen hands in (``jobs.day_end``, the op
``ops.cash.day_end_report``), so a version that merges other figures only
has to replace that job.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from boxoffice.ui.qt import QDate, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from boxoffice.ui.screens.cash import jobs as cash_jobs
from boxoffice.ui.screens.cash.events import PageEvents
from boxoffice.ui.widgets.report_view import ReportView

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.ops.cash import CashDesk, Report
    from boxoffice.ui.screens.cash.host import CashHost

DayEndJob = Callable[["Actor", date], cash_jobs.Job]


class DayEndPage(QWidget):
    """The business day's figures for every terminal this store knows (or the server)."""

    def __init__(self, host: CashHost, job: DayEndJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        #: What this page tells the screen (it connects them).
        self.events = PageEvents(self)
        self.setObjectName("dayEndPage")
        self._job = job
        self.report: Report | None = None
        self.day = QDateEdit()
        self.day.setObjectName("dayEndDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.editingFinished.connect(self._date_edited)
        self._shown_day: date | None = None
        day_label = QLabel(self.tr("Business da&y"))
        day_label.setBuddy(self.day)
        self.zone = QLabel("")
        self.zone.setObjectName("hint")
        row = QHBoxLayout()
        row.setContentsMargins(16, 10, 16, 0)
        row.addWidget(day_label)
        row.addWidget(self.day)
        row.addWidget(self.zone, 1)
        self.view = ReportView(self.tr("Pick a day to see its figures."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self._today_set = False

    def show_desk(self, desk: CashDesk) -> None:
        if not self._today_set:
            self._today_set = True
            self.day.setDate(QDate(desk.today.year, desk.today.month, desk.today.day))
        self.zone.setText(self.tr("(venue time: %1)").replace("%1", desk.timezone))

    def chosen_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def _date_edited(self) -> None:
        if self.chosen_day() != self._shown_day:
            self.load()

    def load(self) -> None:
        on = self.chosen_day()
        self._shown_day = on
        self.host.run(
            self._job(self.host.actor, on),
            self._show,
            busy=self.tr("Adding up the day…"),
        )

    def _show(self, report: Report) -> None:
        self.report = report
        self.view.show_report(report)
        self.events.reports_changed()

    def current_report(self) -> Report | None:
        return self.report

    def file_stem(self) -> str:
        return f"day-end-{self.chosen_day().isoformat()}"
