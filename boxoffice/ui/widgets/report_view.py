"""Any ``Report`` on screen: title, banner, facts, and one table a section.

Generic over ``reports.model.Report``/``Section``, so the Z, X and day-end
reports (and whatever else builds a ``Report``, such as a server-merged day
end) all look alike. Amounts are the exact ``Money`` of the report, formatted
as the PDF formats them; a row flagged "! " (a variance, a mismatch) is red.
Tables are as tall as their rows: the whole report scrolls as one page.
"""

from __future__ import annotations

from boxoffice.money import Money
from boxoffice.ops.cash import Cell, Report, Section
from boxoffice.ops.cash import cell_text as model_cell_text
from boxoffice.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QFont,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from boxoffice.ui.widgets.report_text import report_text

FLAG_COLOUR = "#b00020"
#: Facts shown side by side in the report's head.
META_PAIRS_PER_ROW = 2
#: Extra width a column gets beyond what its contents measure.
COLUMN_SLACK = 14
#: A fact longer than this (a hash, a sign-off reason) gets a row of its own.
META_LONG = 36


def cell_text(cell: Cell) -> str:
    """A report cell as the PDF shows it, its fixed words in the UI language."""
    text = model_cell_text(cell)
    return report_text(cell) if isinstance(cell, str) else text


class ReportView(QScrollArea):
    """Shows one report at a time; ``show_report(None)`` shows ``placeholder``."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.report: Report | None = None
        self.tables: list[QTableWidget] = []
        self._placeholder = placeholder
        self._page = QWidget()
        self._page.setObjectName("reportPage")
        self._layout = QVBoxLayout(self._page)
        self._layout.setContentsMargins(16, 12, 16, 16)
        self._layout.setSpacing(8)
        self.setWidget(self._page)
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("reportSubtitle")
        self.banner = QLabel()
        self.banner.setObjectName("reportBanner")
        self.banner.setWordWrap(True)
        self.meta = QWidget()
        self._meta_grid = QGridLayout(self.meta)
        self._meta_grid.setContentsMargins(0, 4, 0, 4)
        self._meta_grid.setHorizontalSpacing(14)
        self._meta_grid.setVerticalSpacing(3)
        self._body = QVBoxLayout()
        self._body.setSpacing(6)
        for widget in (self.title, self.subtitle, self.banner, self.meta):
            self._layout.addWidget(widget)
        self._layout.addLayout(self._body)
        self._layout.addStretch(1)
        self.show_report(None)

    # -- filling ------------------------------------------------------------------------
    def show_report(self, report: Report | None) -> None:
        self.report = report
        self._clear()
        if report is None:
            self.title.setText(self._placeholder)
            self.subtitle.hide()
            self.banner.hide()
            self.meta.hide()
            return
        self.title.setText(report_text(report.title))
        self.subtitle.setText(report_text(report.subtitle))
        self.subtitle.setVisible(bool(report.subtitle))
        self.banner.setText(report_text(report.banner))
        self.banner.setVisible(bool(report.banner))
        self._fill_meta(report.meta)
        for section in report.sections:
            self._add_section(section)

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        if self.report is None:
            self.title.setText(text)

    def _clear(self) -> None:
        while self._meta_grid.count():
            item = self._meta_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        while self._body.count():
            item = self._body.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.tables = []

    def _fill_meta(self, meta: list[tuple[str, str]]) -> None:
        """Short facts two to a row; long ones (a reason, a hash) on a row of their own."""
        self.meta.setVisible(bool(meta))
        short = [(k, v) for k, v in meta if len(v) <= META_LONG]
        long = [(k, v) for k, v in meta if len(v) > META_LONG]
        row = 0
        for i, (key, value) in enumerate(short):
            row, pair = divmod(i, META_PAIRS_PER_ROW)
            self._meta_pair(key, value, row, pair * 2, 1)
        for key, value in long:
            row += 1
            self._meta_pair(key, value, row, 0, META_PAIRS_PER_ROW * 2 - 1)
        for pair in range(META_PAIRS_PER_ROW):
            self._meta_grid.setColumnStretch(pair * 2 + 1, 1)

    def _meta_pair(self, key: str, value: str, row: int, column: int, span: int) -> None:
        name = QLabel(report_text(key) + ":")
        name.setObjectName("reportMetaKey")
        text = QLabel(value)
        text.setObjectName("reportMetaValue")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        self._meta_grid.addWidget(name, row, column, Qt.AlignmentFlag.AlignBaseline)
        self._meta_grid.addWidget(text, row, column + 1, 1, span, Qt.AlignmentFlag.AlignBaseline)

    def _add_section(self, section: Section) -> None:
        title = QLabel(report_text(section.title))
        title.setObjectName("reportSection")
        self._body.addWidget(title)
        table = QTableWidget(0, len(section.columns))
        table.setObjectName("reportTable")
        table.setHorizontalHeaderLabels([report_text(c) for c in section.columns])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setAccessibleName(report_text(section.title))
        rows = [*section.rows, *([section.total] if section.total is not None else [])]
        table.setRowCount(max(len(rows), 1))
        numeric = [
            bool(section.rows) and all(isinstance(r[i], Money | int) or r[i] is None for r in rows)
            for i in range(len(section.columns))
        ]
        bold = QFont(table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            flagged = isinstance(row[0], str) and row[0].startswith("! ")
            is_total = section.total is not None and r == len(rows) - 1
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell_text(cell))
                if numeric[c] or isinstance(cell, Money):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if flagged:
                    item.setForeground(QBrush(QColor(FLAG_COLOUR)))
                if flagged or is_total:
                    item.setFont(bold)
                table.setItem(r, c, item)
        if not rows:
            empty = QTableWidgetItem(self.tr("Nothing to show"))
            empty.setForeground(QBrush(QColor("#6b7280")))
            table.setItem(0, 0, empty)
            if len(section.columns) > 1:
                table.setSpan(0, 0, 1, len(section.columns))
        for c in range(len(section.columns)):
            head = table.horizontalHeaderItem(c)
            if head is not None:
                side = Qt.AlignmentFlag.AlignRight if numeric[c] else Qt.AlignmentFlag.AlignLeft
                head.setTextAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        table.resizeColumnsToContents()
        for c in range(table.columnCount()):  # room to spare: CJK fallback fonts paint wider
            header.resizeSection(c, header.sectionSize(c) + COLUMN_SLACK)
        table.resizeRowsToContents()
        height = header.sizeHint().height() + 2 * table.frameWidth() + 2
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)
        # As wide as its columns (numbers stay next to their labels), never wider than the page.
        table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self._body.addWidget(table, 0, Qt.AlignmentFlag.AlignLeft)
        self.tables.append(table)
        if section.note:
            note = QLabel(report_text(section.note))
            note.setObjectName("note")
            note.setWordWrap(True)
            self._body.addWidget(note)

    # -- reading (tests, screen readers) ------------------------------------------------
    def section_rows(self, title: str) -> list[list[str]]:
        """The cells of the section called ``title`` (as built, untranslated), as shown."""
        assert self.report is not None
        index = [s.title for s in self.report.sections].index(title)
        table = self.tables[index]
        if not self.report.sections[index].rows and self.report.sections[index].total is None:
            return []
        cells = []
        for r in range(table.rowCount()):
            items = [table.item(r, c) for c in range(table.columnCount())]
            cells.append([item.text() if item is not None else "" for item in items])
        return cells

    def meta_text(self) -> dict[str, str]:
        """Facts of the report head as shown: label → value."""
        out: dict[str, str] = {}
        for i in range(0, self._meta_grid.count() - 1, 2):
            key = self._meta_grid.itemAt(i).widget()
            value = self._meta_grid.itemAt(i + 1).widget()
            if isinstance(key, QLabel) and isinstance(value, QLabel):
                out[key.text().rstrip(":")] = value.text()
        return out
