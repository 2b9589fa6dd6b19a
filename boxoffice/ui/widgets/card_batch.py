"""The card terminal's end-of-day totals, typed in scheme by scheme.

A small form (scheme, number of transactions, amount) adds one line to the
list; the list is what ``cards.enter_batch`` receives. The shift's own card
takings are never shown here: this is half of a reconciliation, and the
other half appears on the Z report.
"""

from __future__ import annotations

from boxoffice.errors import ValidationError
from boxoffice.ops.cash import COMMON_SCHEMES, BatchLine
from boxoffice.ui.common.error_text import error_text
from boxoffice.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from boxoffice.ui.widgets.money_edit import MoneyEdit

#: More card payments than this on one shift's slip is a typing mistake.
MAX_TRANSACTIONS = 99_999


class CardBatchEntry(QGroupBox):
    """Batch totals per card scheme; ``lines()`` hands them to the service."""

    problem = Signal(str)

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardBatch")
        self.setTitle(self.tr("Card &batch totals (from the card terminal's end-of-day slip)"))
        self._lines: list[BatchLine] = []
        self.scheme = QComboBox()
        self.scheme.setObjectName("batchScheme")
        self.scheme.setEditable(True)
        self.scheme.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scheme.setMinimumWidth(150)
        self.scheme.lineEdit().setPlaceholderText(self.tr("Scheme"))
        self.transactions = QLineEdit()
        self.transactions.setObjectName("batchCount")
        self.transactions.setPlaceholderText(self.tr("Payments"))
        self.transactions.setToolTip(self.tr("Number of payments (optional)"))
        self.transactions.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.transactions.setMaxLength(6)
        self.transactions.setFixedWidth(110)
        self.amount = MoneyEdit(currency)
        self.amount.setObjectName("batchAmount")
        self.amount.setFixedWidth(150)
        self.amount.returnPressed.connect(self.add_line)
        #: Shown only for a drawer that holds more than one currency.
        self.currency_box = QComboBox()
        self.currency_box.setObjectName("batchCurrency")
        self.currency_box.addItem(currency)
        self.currency_box.currentTextChanged.connect(
            lambda text: self.amount.set_currency(text) if text else None
        )
        self.currency_box.hide()
        self.add_button = QPushButton(self.tr("Add sc&heme"))
        self.add_button.clicked.connect(self.add_line)
        form = QHBoxLayout()
        form.addWidget(self.scheme, 1)
        form.addWidget(self.transactions)
        form.addWidget(self.amount)
        form.addWidget(self.currency_box)
        form.addWidget(self.add_button)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("batchTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Scheme"), self.tr("Payments"), self.tr("Amount")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(150)
        self.remove_button = QPushButton(self.tr("Re&move scheme"))
        self.remove_button.clicked.connect(self.remove_line)
        self.empty_note = QLabel(self.tr("No batch totals entered: card takings are not checked."))
        self.empty_note.setObjectName("hint")
        self.empty_note.setWordWrap(True)
        below = QHBoxLayout()
        below.addWidget(self.empty_note)
        below.addStretch(1)
        below.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(below)
        self.set_schemes(())
        self._refresh()

    def set_currencies(self, currencies: tuple[str, ...]) -> None:
        """The drawer's currencies; the first is the usual one."""
        have = tuple(self.currency_box.itemText(i) for i in range(self.currency_box.count()))
        if have == currencies or not currencies:
            return
        self.currency_box.blockSignals(True)
        self.currency_box.clear()
        self.currency_box.addItems(list(currencies))
        self.currency_box.blockSignals(False)
        self.currency_box.setVisible(len(currencies) > 1)
        self.amount.set_currency(currencies[0])
        self._lines = [line for line in self._lines if line.amount.currency in currencies]
        self._refresh()

    def set_schemes(self, used: tuple[str, ...]) -> None:
        """Offer the schemes the shift took first, then the common ones."""
        current = self.scheme.currentText()
        self.scheme.clear()
        for name in (*used, *(s for s in COMMON_SCHEMES if s not in used)):
            self.scheme.addItem(name)
        self.scheme.setCurrentText(current if current else (used[0] if used else ""))

    def add_line(self) -> None:
        """Add (or replace) the scheme typed in the form."""
        scheme = self.scheme.currentText().strip().upper()
        if not scheme:
            self.problem.emit(self.tr("Name the card scheme (for example VISA)."))
            return
        count_text = self.transactions.text().strip()
        count: int | None = None
        if count_text:
            if (
                not (count_text.isdigit() and count_text.isascii())
                or int(count_text) > MAX_TRANSACTIONS
            ):
                self.problem.emit(
                    self.tr("“%1” is not a number of payments.").replace("%1", count_text)
                )
                return
            count = int(count_text)
        try:
            amount = self.amount.money()
        except ValidationError as exc:
            self.problem.emit(error_text(exc))
            return
        self._lines = [
            line
            for line in self._lines
            if (line.scheme, line.amount.currency) != (scheme, amount.currency)
        ]
        self._lines.append(BatchLine(scheme, amount, count))
        self._refresh()
        self.transactions.clear()
        self.amount.clear()
        self.scheme.setCurrentText("")
        self.scheme.setFocus()
        self.problem.emit("")

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._lines):
            del self._lines[row]
            self._refresh()

    def lines(self) -> list[BatchLine]:
        return list(self._lines)

    def set_lines(self, lines: list[BatchLine]) -> None:
        self._lines = list(lines)
        self._refresh()

    def clear(self) -> None:
        self._lines = []
        self.transactions.clear()
        self.amount.clear()
        self._refresh()

    def _refresh(self) -> None:
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            cells = [
                line.scheme,
                "" if line.count is None else f"{line.count:,}",
                line.amount.format(),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.empty_note.setVisible(not self._lines)
        self.remove_button.setEnabled(bool(self._lines))
