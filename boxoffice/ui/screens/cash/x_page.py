"""The X report tab: the running figures of an open shift, fetched on demand.

The X report shows what the drawer should hold (``report_x``), so clerks do
not get it; each view is audited, so it is fetched when asked for, not on
every refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boxoffice.ui.qt import QVBoxLayout, QWidget
from boxoffice.ui.screens.cash import jobs as cash_jobs
from boxoffice.ui.screens.cash.events import PageEvents
from boxoffice.ui.widgets.report_view import ReportView

if TYPE_CHECKING:
    from boxoffice.ops.cash import CashDesk, Report
    from boxoffice.ui.screens.cash.host import CashHost


class XReportPage(QWidget):
    """Running figures of the shift picked in the screen's header."""

    def __init__(self, host: CashHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        #: What this page tells the screen (it connects them).
        self.events = PageEvents(self)
        self.setObjectName("xReportPage")
        self.x: cash_jobs.ShownReport | None = None
        self.view = ReportView(self.tr("Choose an open shift to see its running figures."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_desk(self, desk: CashDesk) -> None:
        if not desk.shifts:
            self.x = None
            self.view.show_report(None)
            self.view.set_placeholder(self.tr("No shift is open at this terminal."))

    def load(self) -> None:
        """Fetch the X report of the selected shift (the service checks ``report_x``)."""
        shift = self.host.selected_shift()
        if shift is None:
            self.x = None
            self.view.show_report(None)
            return
        self.host.run(
            cash_jobs.x_report(self.host.actor, shift.shift_id),
            self._show,
            busy=self.tr("Reading the running figures…"),
        )

    def _show(self, x: cash_jobs.ShownReport) -> None:
        self.x = x
        self.view.show_report(x.report)
        self.events.reports_changed()

    def current_report(self) -> Report | None:
        return self.x.report if self.x is not None else None

    def file_stem(self) -> str:
        if self.x is None:
            return "x-report"
        return f"x-report-{self.x.content['terminal']}-shift-{self.x.content['shift']}".replace(
            " ", "-"
        )
