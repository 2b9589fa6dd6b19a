"""The Drawer tab: open a shift with a counted float, then drops, pay-ins and pay-outs.

Without an open shift the tab is the float count; with one it shows whose
drawer it is and since when, the movement form and the movements made so
far (never a balance: the count at the close is blind). A pay-out over the
limit is refused by the service; the tab then asks for a supervisor and
retries once with the override.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from boxoffice.errors import ValidationError
from boxoffice.ops.cash import NeedsOverride, Permission
from boxoffice.ui.qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from boxoffice.ui.screens.cash import jobs as cash_jobs
from boxoffice.ui.screens.cash.events import PageEvents
from boxoffice.ui.widgets.denomination_count import DenominationCount
from boxoffice.ui.widgets.money_edit import MoneyEdit

if TYPE_CHECKING:
    from boxoffice.money import Money
    from boxoffice.ops.cash import CashDesk, DrawerState
    from boxoffice.ops.session import OverrideGrant
    from boxoffice.ui.screens.cash.host import CashHost


class DrawerPage(QWidget):
    """Open a shift, or work with the open one."""

    def __init__(self, host: CashHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        #: What this page tells the screen (it connects them).
        self.events = PageEvents(self)
        self.setObjectName("drawerPage")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_open())
        self.stack.addWidget(self._build_ops())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- opening ------------------------------------------------------------------------
    def _build_open(self) -> QWidget:
        page = QWidget()
        heading = QLabel(self.tr("Open your shift"))
        heading.setObjectName("panelTitle")
        intro = QLabel(
            self.tr(
                "Count the float into the drawer note by note and coin by coin. "
                "Enter or ↓ moves to the next row."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.currency = QComboBox()
        self.currency.setObjectName("floatCurrency")
        self.currency.currentTextChanged.connect(self._currency_changed)
        currency_label = QLabel(self.tr("C&urrency"))
        currency_label.setBuddy(self.currency)
        row = QHBoxLayout()
        row.addWidget(currency_label)
        row.addWidget(self.currency)
        row.addStretch(1)
        self.float_count = DenominationCount("EUR")
        self.float_count.finished.connect(lambda: self.open_button.setFocus())
        self.open_button = QPushButton(self.tr("&Open shift"))
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self.open_shift)
        self.open_note = QLabel("")
        self.open_note.setObjectName("hint")
        self.open_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_note, 1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.float_count)
        layout.addLayout(buttons)
        layout.addStretch(1)
        QWidget.setTabOrder(self.currency, self.float_count.first_field())
        QWidget.setTabOrder(self.float_count.last_field(), self.open_button)
        return page

    def _currency_changed(self, currency: str) -> None:
        if currency:
            self.float_count.set_currency(currency)
            QWidget.setTabOrder(self.currency, self.float_count.first_field())
            QWidget.setTabOrder(self.float_count.last_field(), self.open_button)

    def open_shift(self) -> None:
        count = self.float_count.count()
        if count is None:
            self.events.say(self.float_count.problem(), "error")
            self.float_count.first_field().setFocus()
            return
        total = self.float_count.total()
        self.host.run(
            cash_jobs.open_shift(self.host.actor, count),
            lambda _id: self._opened(total),
            busy=self.tr("Opening the shift…"),
        )

    def _opened(self, total: Money | None) -> None:
        self.float_count.clear()
        amount = total.format() if total is not None else ""
        self.events.say(self.tr("Shift opened with a float of %1.").replace("%1", amount), "ok")
        self.events.after_redraw(self.focus_first)

    # -- the open drawer ------------------------------------------------------------------
    def _build_ops(self) -> QWidget:
        page = QWidget()
        self.status = QLabel("")
        self.status.setObjectName("panelTitle")
        self.status.setWordWrap(True)
        self.status_detail = QLabel("")
        self.status_detail.setObjectName("hint")
        self.status_detail.setWordWrap(True)
        self.amount = MoneyEdit("EUR")
        self.amount.setObjectName("moveAmount")
        self.amount.setFixedWidth(180)
        self.move_currency = QComboBox()
        self.move_currency.setObjectName("moveCurrency")
        self.move_currency.currentTextChanged.connect(
            lambda text: self.amount.set_currency(text) if text else None
        )
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.move_currency)
        amount_row.addStretch(1)
        self.reason = QLineEdit()
        self.reason.setObjectName("moveReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. taxi for the artist, change from the safe"))
        amount_label = QLabel(self.tr("&Amount"))
        amount_label.setBuddy(self.amount)
        reason_label = QLabel(self.tr("Rea&son"))
        reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(amount_label, amount_row)
        form.addRow(reason_label, self.reason)
        self.drop_button = QPushButton(self.tr("Drop to sa&fe"))
        self.drop_button.setToolTip(self.tr("Take cash out of the drawer into the safe"))
        self.drop_button.clicked.connect(lambda: self.move("drop"))
        self.pay_in_button = QPushButton(self.tr("Pay &in"))
        self.pay_in_button.setToolTip(self.tr("Put cash into the drawer (not a sale)"))
        self.pay_in_button.clicked.connect(lambda: self.move("pay_in"))
        self.pay_out_button = QPushButton(self.tr("Pay ou&t"))
        self.pay_out_button.setToolTip(
            self.tr("Pay cash out of the drawer; large amounts need a supervisor")
        )
        self.pay_out_button.clicked.connect(lambda: self.move("pay_out"))
        buttons = QHBoxLayout()
        for button in (self.drop_button, self.pay_in_button, self.pay_out_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        moves_title = QLabel(self.tr("Drops, pay-ins and pay-outs this shift"))
        moves_title.setObjectName("reportSection")
        self.moves = QTableWidget(0, 5)
        self.moves.setObjectName("movementTable")
        self.moves.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("What"), self.tr("Amount"), self.tr("Reason"), self.tr("By")]
        )
        self.moves.verticalHeader().setVisible(False)
        self.moves.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.moves.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.moves.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(page)
        layout.addWidget(self.status)
        layout.addWidget(self.status_detail)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(moves_title)
        layout.addWidget(self.moves, 1)
        QWidget.setTabOrder(self.amount, self.move_currency)
        QWidget.setTabOrder(self.move_currency, self.reason)
        QWidget.setTabOrder(self.reason, self.drop_button)
        return page

    def _movement_text(self, kind: str) -> str:
        return {
            "drop": self.tr("Drop to the safe"),
            "pay_in": self.tr("Pay-in"),
            "pay_out": self.tr("Pay-out"),
        }.get(kind, kind)

    def move(self, kind: str, overrides: tuple[OverrideGrant, ...] = ()) -> None:
        try:
            amount = self.amount.money()
        except ValidationError as exc:
            self.events.say(self.host.error_text(exc), "error")
            self.amount.setFocus()
            return
        reason = self.reason.text().strip()
        actor = self.host.actor
        if kind == "pay_out":
            job = cash_jobs.pay_out(actor, amount, reason, overrides)
        else:
            job = cash_jobs.move_cash(actor, kind, amount, reason)
        self.host.run(
            job,
            lambda result: self._moved(kind, amount, reason, result),
            busy=self.tr("Recording…"),
        )

    def _moved(self, kind: str, amount: Money, reason: str, result: Any) -> None:
        if isinstance(result, cash_jobs.NeedsSupervisor):
            self._ask_supervisor(amount, reason, result.error)
            return
        self.amount.clear()
        self.reason.clear()
        self.events.say(
            self.tr("%1 of %2 recorded.")
            .replace("%1", self._movement_text(kind))
            .replace("%2", amount.format()),
            "ok",
        )
        self.events.after_redraw(lambda: self.amount.setFocus())

    def _ask_supervisor(self, amount: Money, reason: str, refusal: NeedsOverride) -> None:
        what = (
            self.tr("Pay-out of %1 (“%2”) is over the limit:")
            .replace("%1", amount.format())
            .replace("%2", reason)
            + "\n"
            + self.host.error_text(refusal)
        )
        self.events.say(self.tr("A supervisor must approve this pay-out."), "info")
        self.host.approve(
            Permission(refusal.permission),  # what the op asked for, and about which shift
            refusal.subject,
            what,
            lambda override, _why: self.move("pay_out", (override,) if override else ()),
        )

    # -- showing the desk -----------------------------------------------------------------
    def show_desk(self, desk: CashDesk) -> None:
        if desk.mine is None:
            self._show_open_form(desk)
        else:
            self._show_drawer(desk.mine, desk)

    def _show_open_form(self, desk: CashDesk) -> None:
        self.stack.setCurrentIndex(0)
        current = self.currency.currentText()
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItems(list(desk.float_currencies))
        self.currency.setCurrentText(current if current in desk.float_currencies else "")
        if self.currency.currentIndex() < 0:
            self.currency.setCurrentIndex(0)
        self.currency.blockSignals(False)
        self._currency_changed(self.currency.currentText())
        self.currency.setEnabled(len(desk.float_currencies) > 1)
        self.open_button.setEnabled(desk.rights.open_shift)
        self.open_note.setText(
            ""
            if desk.rights.open_shift
            else self.tr("Your role may not open a shift: ask a supervisor.")
        )

    def _show_drawer(self, mine: DrawerState, desk: CashDesk) -> None:
        self.stack.setCurrentIndex(1)
        self.status.setText(
            self.tr("Shift %1 is open — %2 (%3)")
            .replace("%1", str(mine.shift_id))
            .replace("%2", mine.display_name)
            .replace("%3", mine.username)
        )
        detail = (
            self.tr("Opened %1 at %2.")
            .replace("%1", self.host.when(mine.opened_at))
            .replace("%2", mine.terminal)
        )
        if mine.counted_at is not None:
            detail += " " + self.tr("The cash was counted at %1; close the shift next.").replace(
                "%1", self.host.when(mine.counted_at)
            )
        self.status_detail.setText(detail)
        currencies = mine.currencies or desk.float_currencies
        if tuple(self.move_currency.itemText(i) for i in range(self.move_currency.count())) != (
            currencies
        ):
            self.move_currency.clear()
            self.move_currency.addItems(list(currencies))
        self.move_currency.setVisible(len(currencies) > 1)
        for button in (self.drop_button, self.pay_in_button, self.pay_out_button):
            button.setEnabled(desk.rights.cash_drop)
        self.moves.clearSpans()
        self.moves.setRowCount(len(mine.movements))
        if not mine.movements:
            self.moves.setRowCount(1)
            empty = QTableWidgetItem(self.tr("None yet."))
            empty.setForeground(QColor("#6b7280"))
            self.moves.setItem(0, 0, empty)
            self.moves.setSpan(0, 0, 1, self.moves.columnCount())
        for row, m in enumerate(reversed(mine.movements)):  # newest first
            cells = [
                self.host.when(m.at, time_only=True),
                self._movement_text(m.kind),
                m.amount.format(),
                m.reason,
                m.by,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.moves.setItem(row, column, item)

    def focus_first(self) -> None:
        if self.stack.currentIndex() == 0:
            field = self.float_count.first_field()
            field.setFocus()
            field.selectAll()
        else:
            self.amount.setFocus()
