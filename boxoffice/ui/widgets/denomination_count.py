"""Counting a drawer by denomination: one row a note or coin, with the running total.

Used for the opening float and for the blind count at the close. It shows
only what is typed into it (quantities, line totals and their sum, exact in
minor units), never what the drawer should hold.

Quantities are plain text fields, not spin boxes: a spin box silently drops
a typed minus sign or clamps a typo, while a count must say what is wrong
("−3 is not a number of notes") and let nothing through until it is fixed.
Enter and Down go to the next row, Up to the previous one.
"""

from __future__ import annotations

from boxoffice.money import Money
from boxoffice.ops.cash import notes_and_coins as denominations
from boxoffice.ui.qt import (
    QEvent,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: More of one note or coin than this is a typing mistake, not a drawer.
MAX_QUANTITY = 9999


def columns_for(rows: int) -> int:
    """Side-by-side columns for ``rows`` denominations (the euro's 15 fit in 3 × 5)."""
    return 3 if rows > 10 else 2 if rows > 4 else 1


class DenominationCount(QWidget):
    """The notes and coins of one currency, each with a quantity field."""

    changed = Signal()
    #: Enter on the last row: the count is done.
    finished = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("denominationCount")
        self.currency = ""
        self.fields: dict[int, QLineEdit] = {}
        self._line_totals: dict[int, QLabel] = {}
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self.total_label = QLabel()
        self.total_label.setObjectName("countTotal")
        self.problem_label = QLabel()
        self.problem_label.setObjectName("countProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        footer = QHBoxLayout()
        footer.addWidget(self.problem_label, 1)
        footer.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addLayout(footer)
        self.set_currency(currency)

    # -- building --------------------------------------------------------------------
    def set_currency(self, currency: str) -> None:
        """Rebuild the rows for ``currency`` (quantities start empty)."""
        if currency == self.currency:
            return
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.currency = currency
        self.fields.clear()
        self._line_totals.clear()
        previous: QLineEdit | None = None
        values = denominations(currency)
        per_column = -(-len(values) // columns_for(len(values)))
        for i, denomination in enumerate(values):
            row, block = i % per_column, i // per_column
            col = block * 5
            name = QLabel(Money(denomination, currency).format())
            name.setObjectName("denomination")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            field = QLineEdit()
            field.setObjectName("quantity")
            field.setProperty("denomination", denomination)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setPlaceholderText("0")
            field.setMaxLength(7)
            field.setFixedWidth(84)
            field.setAccessibleName(
                self.tr("Number of %1").replace("%1", Money(denomination, currency).format())
            )
            field.textChanged.connect(self._recalculate)
            field.installEventFilter(self)
            line_total = QLabel("")
            line_total.setObjectName("lineTotal")
            line_total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line_total.setMinimumWidth(110)
            times = QLabel("×")
            name.setBuddy(field)
            self._grid.addWidget(name, row, col)
            self._grid.addWidget(times, row, col + 1)
            self._grid.addWidget(field, row, col + 2)
            self._grid.addWidget(line_total, row, col + 3)
            if block:  # a gap between the columns
                self._grid.setColumnMinimumWidth(col - 1, 28)
            self.fields[denomination] = field
            self._line_totals[denomination] = line_total
            if previous is not None:
                QWidget.setTabOrder(previous, field)
            previous = field
        for column in range(self._grid.columnCount() + 1):
            self._grid.setColumnStretch(column, 0)
        self._grid.setColumnStretch(self._grid.columnCount(), 1)  # rows stay compact, left
        self._recalculate()

    # -- reading ---------------------------------------------------------------------
    def problem(self) -> str:
        """Why the count cannot be used as typed; "" when it can."""
        for denomination, field in self.fields.items():
            text = field.text().strip()
            if not text:
                continue
            name = Money(denomination, self.currency).format()
            if not text.isdigit() or not text.isascii():
                return (
                    self.tr("%1: “%2” is not a number of notes or coins (0 or more).")
                    .replace("%1", name)
                    .replace("%2", text)
                )
            if int(text) > MAX_QUANTITY:
                return (
                    self.tr("%1: %2 is more than %3 — please check the count.")
                    .replace("%1", name)
                    .replace("%2", text)
                    .replace("%3", f"{MAX_QUANTITY:,}")
                )
        return ""

    def quantities(self) -> dict[int, int] | None:
        """Denomination → quantity (empty rows are 0); None while a row is not a number."""
        if self.problem():
            return None
        return {
            denomination: int(field.text().strip() or 0)
            for denomination, field in self.fields.items()
        }

    def count(self) -> dict[str, dict[int, int]] | None:
        """The count as the services take it: ``{currency: {denomination: quantity}}``."""
        quantities = self.quantities()
        if quantities is None:
            return None
        return {self.currency: {d: q for d, q in quantities.items() if q}}

    def total(self) -> Money | None:
        quantities = self.quantities()
        if quantities is None:
            return None
        return Money(sum(d * q for d, q in quantities.items()), self.currency)

    def first_field(self) -> QLineEdit:
        return next(iter(self.fields.values()))

    def last_field(self) -> QLineEdit:
        return list(self.fields.values())[-1]

    # -- writing ---------------------------------------------------------------------
    def set_quantities(self, quantities: dict[int, int]) -> None:
        for denomination, field in self.fields.items():
            quantity = quantities.get(denomination, 0)
            field.setText(str(quantity) if quantity else "")

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields.values():
            field.setReadOnly(read_only)

    # -- behaviour -------------------------------------------------------------------
    def _recalculate(self) -> None:
        for denomination, field in self.fields.items():
            text = field.text().strip()
            ok = not text or (text.isdigit() and text.isascii() and int(text) <= MAX_QUANTITY)
            field.setProperty("invalid", not ok)
            field.style().unpolish(field)
            field.style().polish(field)
            label = self._line_totals[denomination]
            if text and ok and int(text):
                label.setText(Money(denomination * int(text), self.currency).format())
            else:
                label.setText("")
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        total = self.total()
        self.total_label.setText(
            self.tr("Total: %1").replace("%1", total.format() if total is not None else "—")
        )
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter and Down: next row; Up: previous row (as on a paper count sheet)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit)
        ):
            key = event.key()
            fields = list(self.fields.values())
            if watched in fields:
                i = fields.index(watched)
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                    if i + 1 < len(fields):
                        fields[i + 1].setFocus(Qt.FocusReason.TabFocusReason)
                        fields[i + 1].selectAll()
                        return True
                    if key != Qt.Key.Key_Down:
                        self.finished.emit()  # Enter on the last row: on to the page's action
                    return True
                if key == Qt.Key.Key_Up:
                    if i > 0:
                        fields[i - 1].setFocus(Qt.FocusReason.BacktabFocusReason)
                        fields[i - 1].selectAll()
                    return True
        return super().eventFilter(watched, event)
