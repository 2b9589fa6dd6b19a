"""The Close tab: the blind count, the card batch, vouchers, the close, then the Z report.

Until the count is stored nothing here shows what the drawer should hold:
only what is typed in. Close stores the count (and the batch) first and
then closes (``cash_jobs.close_shift``); a variance over the threshold comes
back as a request for a supervisor's sign-off, after which the close is
tried again with the reason and the override. The stored Z report is then
shown exactly as it was hashed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.ops.cash import Permission
from boxoffice.ui.qt import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from boxoffice.ui.screens.cash import jobs as cash_jobs
from boxoffice.ui.screens.cash.events import PageEvents
from boxoffice.ui.widgets.card_batch import CardBatchEntry
from boxoffice.ui.widgets.denomination_count import DenominationCount
from boxoffice.ui.widgets.money_edit import MoneyEdit
from boxoffice.ui.widgets.report_view import ReportView

if TYPE_CHECKING:
    from boxoffice.ops.cash import BatchLine, CashDesk, DrawerState, Report
    from boxoffice.ops.session import OverrideGrant
    from boxoffice.ui.screens.cash.host import CashHost

NOTHING, COUNT, CLOSED = range(3)


class ClosePage(QWidget):
    """Count and close the selected shift; afterwards, its Z report."""

    def __init__(self, host: CashHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        #: What this page tells the screen (it connects them).
        self.events = PageEvents(self)
        self.setObjectName("closePage")
        self.shift: DrawerState | None = None
        self.z: cash_jobs.ShownReport | None = None
        self.counts: dict[str, DenominationCount] = {}
        #: Batch lines already stored per shift, so a retried close does not store them again.
        self._sent_batch: dict[int, list[BatchLine]] = {}
        #: Shifts whose stored count may be replaced: the supervisor's override (none needed
        #: when the user may sign off variances themselves).
        self._recount: dict[int, tuple[OverrideGrant, ...]] = {}
        self.stack = QStackedWidget()
        self.nothing = QLabel(self.tr("There is no open shift to close at this terminal."))
        self.nothing.setObjectName("hint")
        self.nothing.setWordWrap(True)
        nothing = QWidget()
        nothing_layout = QVBoxLayout(nothing)
        nothing_layout.addWidget(self.nothing)
        nothing_layout.addStretch(1)
        self.stack.addWidget(nothing)
        self.stack.addWidget(self._build_count())
        self.z_view = ReportView()
        self.stack.addWidget(self.z_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_count(self) -> QWidget:
        self.heading = QLabel("")
        self.heading.setObjectName("panelTitle")
        self.heading.setWordWrap(True)
        self.intro = QLabel(
            self.tr(
                "Count every note and coin in the drawer. The count is blind: what the "
                "drawer should hold appears on the Z report, after your count is stored."
            )
        )
        self.intro.setObjectName("hint")
        self.intro.setWordWrap(True)
        self.count_label = QLabel(self.tr("Cou&nt the drawer"))
        self.count_label.setObjectName("reportSection")
        self.counts_box = QVBoxLayout()
        self.counted_note = QLabel("")
        self.counted_note.setObjectName("countedNote")
        self.counted_note.setWordWrap(True)
        self.counted_note.hide()
        self.recount_button = QPushButton(self.tr("Recount…"))
        self.recount_button.setToolTip(self.tr("Count the drawer again (a supervisor approves)"))
        self.recount_button.clicked.connect(self.ask_recount)
        self.recount_button.hide()
        counted_row = QHBoxLayout()
        counted_row.addWidget(self.counted_note, 1)
        counted_row.addWidget(self.recount_button)
        self.batch = CardBatchEntry("EUR")
        self.batch.problem.connect(
            lambda text: self.events.say(text, "error") if text else self.events.say("")
        )
        self.vouchers_check = QCheckBox(self.tr("&Gift vouchers counted"))
        self.vouchers_check.setObjectName("vouchersCounted")
        self.vouchers = MoneyEdit("EUR")
        self.vouchers.setObjectName("vouchersAmount")
        self.vouchers.setFixedWidth(180)
        self.vouchers.setEnabled(False)
        self.vouchers_check.toggled.connect(self.vouchers.setEnabled)
        self.vouchers_check.toggled.connect(lambda on: self.vouchers.setFocus() if on else None)
        vouchers_hint = QLabel(self.tr("(paper vouchers taken today, if the venue counts them)"))
        vouchers_hint.setObjectName("hint")
        vouchers_row = QHBoxLayout()
        vouchers_row.addWidget(self.vouchers_check)
        vouchers_row.addWidget(self.vouchers)
        vouchers_row.addWidget(vouchers_hint, 1)
        self.close_button = QPushButton(self.tr("&Close shift"))
        self.close_button.setObjectName("primary")
        self.close_button.clicked.connect(self.close_shift)
        self.close_note = QLabel("")
        self.close_note.setObjectName("hint")
        self.close_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_note, 1)
        buttons.addWidget(self.close_button)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.count_label)
        layout.addLayout(self.counts_box)
        layout.addLayout(counted_row)
        layout.addSpacing(6)
        layout.addWidget(self.batch)
        layout.addLayout(vouchers_row)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        page = QWidget()  # the Close button stays in view below the scrolling count
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(scroll, 1)
        buttons.setContentsMargins(12, 6, 12, 10)
        page_layout.addLayout(buttons)
        return page

    # -- showing ------------------------------------------------------------------------
    def show_desk(self, desk: CashDesk) -> None:
        """Show the selected shift's count form; a Z report just shown stays up."""
        if self.stack.currentIndex() == CLOSED and self.z is not None:
            return
        self.show_shift(self.host.selected_shift(), desk)

    def show_shift(self, shift: DrawerState | None, desk: CashDesk | None = None) -> None:
        desk = desk or self.host.desk
        changed = shift is None or self.shift is None or shift.shift_id != self.shift.shift_id
        self.shift = shift
        self.z = None
        if shift is None or desk is None:
            self.stack.setCurrentIndex(NOTHING)
            return
        self.stack.setCurrentIndex(COUNT)
        if shift.username == self.host.actor.username:
            self.heading.setText(
                self.tr("Close your shift %1 (opened %2)")
                .replace("%1", str(shift.shift_id))
                .replace("%2", self.host.when(shift.opened_at))
            )
        else:
            self.heading.setText(
                self.tr("Close shift %1 of %2 (opened %3)")
                .replace("%1", str(shift.shift_id))
                .replace("%2", shift.display_name)
                .replace("%3", self.host.when(shift.opened_at))
            )
        currencies = shift.currencies or desk.float_currencies[:1]
        if changed or tuple(self.counts) != tuple(currencies):
            self._build_counts(currencies)
            self.batch.clear()
            self.vouchers_check.setChecked(False)
            self.vouchers.clear()
        self.batch.set_currencies(tuple(currencies))
        self.batch.set_schemes(shift.schemes)
        self.vouchers.set_currency(currencies[0])
        recounting = shift.shift_id in self._recount
        counted = shift.counted_at is not None and not recounting
        for widget in self.counts.values():
            widget.setVisible(not counted)
        self.count_label.setVisible(not counted)
        self.intro.setVisible(not counted)
        if counted:
            amounts = ", ".join(Money(v, c).format() for c, v in sorted(shift.counted.items()))
            self.counted_note.setText(
                self.tr("The drawer was counted at %1: %2. Closing uses this count.")
                .replace("%1", self.host.when(shift.counted_at))  # type: ignore[arg-type]
                .replace("%2", amounts or Money(0, currencies[0]).format())
            )
        self.counted_note.setVisible(counted)
        self.recount_button.setVisible(counted)
        may = desk.rights.close_shift and (
            shift.username == self.host.actor.username or desk.rights.report_z
        )
        self.close_button.setEnabled(may)
        self.close_note.setText(
            "" if may else self.tr("Your role may not close this shift: ask a supervisor.")
        )

    def _build_counts(self, currencies: tuple[str, ...]) -> None:
        for widget in self.counts.values():
            widget.deleteLater()
        self.counts = {}
        previous: QWidget | None = None
        for currency in currencies:
            widget = DenominationCount(currency)
            widget.setAccessibleName(self.tr("Count of %1").replace("%1", currency))
            self.counts_box.addWidget(widget)
            self.counts[currency] = widget
            if previous is not None:
                QWidget.setTabOrder(previous, widget.first_field())
            previous = widget.last_field()
        widgets = list(self.counts.values())
        for i, widget in enumerate(widgets):
            following = widgets[i + 1].first_field() if i + 1 < len(widgets) else None
            widget.finished.connect(
                (lambda f=following: f.setFocus())
                if following is not None
                else (lambda: self.batch.scheme.setFocus())
            )
        if widgets:
            self.count_label.setBuddy(widgets[0].first_field())
            QWidget.setTabOrder(widgets[-1].last_field(), self.batch.scheme)

    def focus_first(self) -> None:
        if self.stack.currentIndex() == COUNT:
            if self.counts and self.counted_note.isHidden():
                field = next(iter(self.counts.values())).first_field()
                field.setFocus()
                field.selectAll()
            else:
                self.close_button.setFocus()

    # -- recounting ----------------------------------------------------------------------
    def ask_recount(self) -> None:
        """A count on record is replaced only with a supervisor's approval (``count_cash``)."""
        shift = self.shift
        if shift is None or self.host.desk is None:
            return
        if self.host.desk.rights.signoff:
            self._start_recount(shift, ())
            return
        self.host.approve(
            Permission.VARIANCE_SIGNOFF,
            f"shift:{shift.shift_id}",
            self.tr("Count shift %1 again: the count on record will be replaced.").replace(
                "%1", str(shift.shift_id)
            ),
            lambda override, _why: self._start_recount(
                shift, (override,) if override is not None else ()
            ),
        )

    def _start_recount(self, shift: DrawerState, overrides: tuple[OverrideGrant, ...]) -> None:
        self._recount[shift.shift_id] = overrides
        for widget in self.counts.values():
            widget.clear()
        self.show_shift(shift)
        self.events.say(self.tr("Recount approved: count the drawer again, then close."), "info")
        self.focus_first()

    # -- closing ------------------------------------------------------------------------
    def close_shift(self) -> None:
        shift = self.shift
        if shift is None:
            return
        count: dict[str, dict[int, int]] | None = None
        if shift.counted_at is None or shift.shift_id in self._recount:
            count = {}
            for widget in self.counts.values():
                part = widget.count()
                if part is None:
                    self.events.say(widget.problem(), "error")
                    widget.first_field().setFocus()
                    return
                count.update(part)
        vouchers: dict[str, int] | None = None
        if self.vouchers_check.isChecked():
            try:
                amount = self.vouchers.money()
            except ValidationError as exc:
                self.events.say(self.host.error_text(exc), "error")
                self.vouchers.setFocus()
                return
            vouchers = {amount.currency: amount.minor}
        if count is not None:
            total = ", ".join(
                w.total().format() for w in self.counts.values() if w.total() is not None
            )
            question = self.tr(
                "Close shift %1 with %2 counted? The count cannot be changed afterwards "
                "without a supervisor."
            )
            question = question.replace("%1", str(shift.shift_id)).replace("%2", total)
        else:
            question = self.tr("Close shift %1 now?").replace("%1", str(shift.shift_id))
        self.host.ask(
            question,
            self.tr("Close shift"),
            lambda: self._submit(shift, count, vouchers),
        )

    def _submit(
        self,
        shift: DrawerState,
        count: dict[str, dict[int, int]] | None,
        vouchers: dict[str, int] | None,
        reason: str = "",
        overrides: tuple[OverrideGrant, ...] = (),
    ) -> None:
        lines = self.batch.lines()
        batch = lines if lines != self._sent_batch.get(shift.shift_id) else None
        job = cash_jobs.close_shift(
            self.host.actor,
            shift.shift_id,
            count=count,
            count_overrides=self._recount.get(shift.shift_id, ()) if count is not None else (),
            batch=batch,
            vouchers=vouchers,
            offline=self.host.offline(),
            signoff_reason=reason,
            overrides=overrides,
        )
        self.host.run(
            job,
            lambda outcome: self._closed(shift, vouchers, outcome, lines),
            busy=self.tr("Closing the shift…"),
            failed=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        if self.shift is not None:
            self._recount.pop(self.shift.shift_id, None)  # a recount is approved for one try
        self.host.fail(error)
        # The count may be stored even though the close was refused: the op's
        # change-set says so, and the screen redraws from it.

    def _closed(
        self,
        shift: DrawerState,
        vouchers: dict[str, int] | None,
        outcome: cash_jobs.CloseOutcome,
        lines: list[BatchLine],
    ) -> None:
        self._sent_batch[shift.shift_id] = lines  # stored, whatever the close said
        self._recount.pop(shift.shift_id, None)  # the recount is on record
        if outcome.signoff is not None:
            rights = self.host.desk.rights if self.host.desk else None
            needs_supervisor = not (rights and rights.signoff)
            what = self.host.error_text(outcome.signoff)
            self.events.say(what, "error")
            self.host.approve(
                Permission(outcome.signoff.permission),
                outcome.signoff.subject,
                what,
                lambda override, why: self._submit(
                    shift, None, vouchers, why, (override,) if override else ()
                ),
                needs_supervisor=needs_supervisor,
            )
            return
        assert outcome.z is not None
        self.show_z(outcome.z)
        number = outcome.z.content.get("number")
        self.events.say(
            self.tr("Shift %1 is closed: Z report %2.")
            .replace("%1", str(shift.shift_id))
            .replace("%2", str(number)),
            "ok",
        )

    def show_z(self, z: cash_jobs.ShownReport) -> None:
        self.z = z
        self.shift = None
        for widget in self.counts.values():
            widget.clear()
        self.batch.clear()
        self.vouchers_check.setChecked(False)
        self.vouchers.clear()
        self.z_view.show_report(z.report)
        self.stack.setCurrentIndex(CLOSED)
        self.z_view.setFocus()  # arrows scroll it; Tab reaches Save and Print
        self.events.reports_changed()

    # -- for the screen's Save and Print ---------------------------------------------------
    def current_report(self) -> Report | None:
        return self.z.report if self.z is not None and self.stack.currentIndex() == CLOSED else None

    def file_stem(self) -> str:
        if self.z is None:
            return "z-report"
        c = self.z.content
        return f"z-report-{c['terminal']}-{c['number']}".replace(" ", "-")
