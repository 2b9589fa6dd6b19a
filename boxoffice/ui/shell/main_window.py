"""The main window after sign-in: performances, the seat map, and prices.

Left, the performance list (event, venue, local start, status) with a
filter; centre, the selected performance's seat map; right, its price table.
Its menus are the shell's navigation: the Cash screen, the door screen and
the device settings open from them (each with a keyboard shortcut shown in
the menu), offered to the users whose permissions allow them.

Every read is a query (``boxoffice.ops.queries``) run on the store worker
(off the UI thread), and a result that arrives after the clerk has already
picked another performance is dropped, so a slow 20,000-seat load never
paints over a newer choice. The window redraws on change-sets from the bus:
the seat map and prices when one names the performance on screen (only the
seats whose state changed are re-coloured), the list when the catalogue
changed.
"""

from __future__ import annotations

import contextlib
import html
from typing import TYPE_CHECKING, Any

from boxoffice.ops import queries
from boxoffice.ui.common.bus_adapter import BusAdapter
from boxoffice.ui.qt import (
    QAbstractItemView,
    QAction,
    QColor,
    QDate,
    QFont,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QLocale,
    QMainWindow,
    QMessageBox,
    QPixmap,
    QSize,
    QSortFilterProxyModel,
    QSplitter,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTime,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from boxoffice.ui.shell.status_bar import StatusBarLabels, role_text
from boxoffice.ui.widgets.seat_map import (
    CURSOR_COLOUR,
    HELD,
    KILLED,
    SOLD,
    STATE_COLOURS,
    SeatMapView,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from boxoffice.actor import Actor
    from boxoffice.bus import ChangeSet
    from boxoffice.context import TerminalContext
    from boxoffice.ops.queries import (
        PerformanceSummary,
        PerformanceView,
        PriceRow,
        SeatMapData,
        SignedInUser,
    )
    from boxoffice.ops.session import SyncStatus
    from boxoffice.ui.common.workers import StoreWorker
    from boxoffice.ui.screens.cash.screen import CashScreen
    from boxoffice.ui.screens.devices.settings_panel import DeviceSettingsPanel
    from boxoffice.ui.screens.door import DoorScreen

PERFORMANCE_ID = Qt.ItemDataRole.UserRole + 1
STATUS_COLOURS = {
    "on_sale": "#1b5e20",
    "scheduled": "#0d47a1",
    "off_sale": "#8d6e00",
    "cancelled": "#b00020",
}
SELECTION_SHOWN = 6
#: The permission each screen opened from the menus needs (the services check again).
DOOR_PERMISSION = "checkin"
DEVICES_PERMISSION = "device_manage"


class MainWindow(QMainWindow):
    """What a signed-in clerk works in; emits requests, the app acts on them."""

    logoutRequested = Signal()
    quitRequested = Signal()
    seatMapShown = Signal(int)  # performance id, once its map and prices are on screen
    nothingToShow = Signal()  # the store has no performances
    performanceRefreshed = Signal(int)  # performance id, redrawn after a change-set named it

    def __init__(
        self,
        worker: StoreWorker,
        context: TerminalContext,
        actor: Actor,
        user: SignedInUser,
        *,
        changes: BusAdapter | None = None,
        select: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``changes``: the app's bus adapter (a window made on its own makes its own)."""
        super().__init__(parent)
        self.context = context
        sync = context.sync
        #: The sync worker's state; None: working alone.
        self.sync_status: Callable[[], SyncStatus] | None = (
            (lambda: sync.status) if sync is not None else None
        )
        self.devices = context.devices  # this terminal's devices (the app owns and closes them)
        self.changes = changes if changes is not None else BusAdapter(context.bus, self)
        self.setObjectName("mainWindow")
        self.worker = worker
        self.actor = actor
        self.user = user
        self.terminal = context.terminal
        terminal = self.terminal
        self._select_first = select
        self._wanted: int | None = None  # the performance whose map we are waiting for
        self._shown: int | None = None
        self._summaries: dict[int, PerformanceSummary] = {}
        self._logging_out = False
        self.cash_screen: CashScreen | None = None
        self.door_screen: DoorScreen | None = None
        self._door_performances: list[int] = []
        self.device_settings: DeviceSettingsPanel | None = None
        self.setWindowTitle(
            self.tr("Box Office — %1 — %2").replace("%1", user.display_name).replace("%2", terminal)
        )
        self._build_panels()
        self._build_menus()
        self._build_status_bar()
        self.resize(1440, 880)
        self.changes.changed.connect(self._changed)
        self._load_performances()

    # -- layout ----------------------------------------------------------------
    def _build_panels(self) -> None:
        # Left: performances.
        self.filter = QLineEdit()
        self.filter.setObjectName("performanceFilter")
        self.filter.setPlaceholderText(self.tr("Find event or venue (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Performance"), self.tr("Starts (local)"), self.tr("Status")]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.performances = QTreeView()
        self.performances.setObjectName("performanceList")
        self.performances.setModel(self.proxy)
        self.performances.setRootIsDecorated(False)
        self.performances.setUniformRowHeights(True)  # every row has two lines
        self.performances.setAlternatingRowColors(True)
        self.performances.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.performances.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.performances.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.performances.selectionModel().currentRowChanged.connect(self._current_changed)
        header = self.performances.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        list_title = QLabel(self.tr("&Performances"))
        list_title.setObjectName("panelTitle")
        list_title.setBuddy(self.performances)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 6, 10)
        left_layout.addWidget(list_title)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.performances, 1)

        # Centre: the seat map with its title, legend and selection.
        self.title = QLabel(self.tr("No performance selected"))
        self.title.setObjectName("performanceTitle")
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("performanceSubtitle")
        self.seat_map = SeatMapView()
        self.seat_map.selectionChanged.connect(self._selection_changed)
        self.seat_map.seatRefused.connect(self._seat_refused)
        self.legend = QLabel("")
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.selection = QLabel("")
        self.selection.setObjectName("selectionSummary")
        self.selection.setWordWrap(True)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 10, 6, 10)
        centre_layout.setSpacing(6)
        centre_layout.addWidget(self.title)
        centre_layout.addWidget(self.subtitle)
        centre_layout.addWidget(self.seat_map, 1)
        centre_layout.addWidget(self.legend)
        centre_layout.addWidget(self.selection)

        # Right: prices.
        prices_title = QLabel(self.tr("P&rices"))
        prices_title.setObjectName("panelTitle")
        self.prices = QTableWidget(0, 2)
        self.prices.setObjectName("priceTable")
        self.prices.setHorizontalHeaderLabels([self.tr("Price type"), self.tr("Price")])
        self.prices.verticalHeader().hide()
        self.prices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.prices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.prices.setShowGrid(False)
        prices_header = self.prices.horizontalHeader()
        prices_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        prices_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        prices_title.setBuddy(self.prices)
        self.prices_note = QLabel(self.tr("Prices include tax."))
        self.prices_note.setObjectName("note")
        self.prices_note.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 10, 10, 10)
        right_layout.addWidget(prices_title)
        right_layout.addWidget(self.prices, 1)
        right_layout.addWidget(self.prices_note)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([480, 680, 280])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.setTabOrder(self.filter, self.performances)
        self.setTabOrder(self.performances, self.seat_map)
        self.setTabOrder(self.seat_map, self.prices)

    def _action(
        self, text: str, shortcuts: list[QKeySequence | str], slot: Any, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.logout_action = self._action(
            self.tr("&Log out"), ["Ctrl+L"], self._log_out, self.tr("Sign out and hand over")
        )
        self.quit_action = self._action(self.tr("&Quit"), ["Ctrl+Q"], self._quit)
        file_menu.addAction(self.logout_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"), ["Ctrl++", "Ctrl+="], self.seat_map.zoom_in
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"), ["Ctrl+-"], self.seat_map.zoom_out
        )
        self.fit_action = self._action(self.tr("&Fit seat map"), ["Ctrl+0"], self.seat_map.fit)
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        view_menu.addAction(self.fit_action)
        view_menu.addSeparator()
        self.find_action = self._action(self.tr("F&ind performance"), ["Ctrl+F"], self._find)
        self.go_list_action = self._action(
            self.tr("Go to &performances"), ["Alt+1"], self.performances.setFocus
        )
        self.go_map_action = self._action(
            self.tr("Go to &seat map"), ["Alt+2"], self.seat_map.setFocus
        )
        self.go_prices_action = self._action(
            self.tr("Go to p&rices"), ["Alt+3"], self.prices.setFocus
        )
        self.clear_action = self._action(
            self.tr("&Clear seat selection"), ["Ctrl+Shift+A"], self.seat_map.clear_selection
        )
        for action in (
            self.find_action,
            self.go_list_action,
            self.go_map_action,
            self.go_prices_action,
            self.clear_action,
        ):
            view_menu.addAction(action)

        cash_menu = bar.addMenu(self.tr("&Cash"))
        self.cash_drawer_action = self._action(
            self.tr("&Drawer (open shift, drop, pay-in, pay-out)…"),
            ["Ctrl+Shift+D"],
            lambda: self.open_cash("drawer"),
        )
        self.cash_close_action = self._action(
            self.tr("&Close shift (count and Z report)…"),
            ["Ctrl+Shift+C"],
            lambda: self.open_cash("close"),
        )
        self.cash_x_action = self._action(
            self.tr("&X report…"), ["Ctrl+Shift+X"], lambda: self.open_cash("x")
        )
        self.cash_day_end_action = self._action(
            self.tr("Day &end…"), ["Ctrl+Shift+E"], lambda: self.open_cash("day_end")
        )
        for action in (
            self.cash_drawer_action,
            self.cash_close_action,
            self.cash_x_action,
            self.cash_day_end_action,
        ):
            cash_menu.addAction(action)

        self.door_menu = bar.addMenu(self.tr("&Door"))
        self.door_action = self._action(
            self.tr("&Check tickets at the door…"), ["Ctrl+Shift+K"], self.open_door
        )
        self.door_menu.addAction(self.door_action)
        self.terminal_menu = bar.addMenu(self.tr("&Terminal"))
        self.devices_action = self._action(
            self.tr("&Devices at this terminal…"), ["Ctrl+Shift+V"], self.open_device_settings
        )
        self.terminal_menu.addAction(self.devices_action)
        # Offered only to those who may use them; the services check every action again.
        for menu, action, permission in (
            (self.door_menu, self.door_action, DOOR_PERMISSION),
            (self.terminal_menu, self.devices_action, DEVICES_PERMISSION),
        ):
            allowed = self.user.may(permission)
            if action is self.devices_action:
                allowed = allowed and self.devices is not None
            action.setEnabled(allowed)
            action.setVisible(allowed)
            menu.menuAction().setVisible(allowed)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About Box Office"), ["F1"], self._about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        labels = StatusBarLabels(
            self.statusBar(), self.user, self.terminal, self.sync_status, self.changes
        )
        self.user_label, self.role_label = labels.user, labels.role
        self.terminal_label, self.sync_label = labels.terminal, labels.sync
        self.worker.busyChanged.connect(self._busy)

    # -- texts -----------------------------------------------------------------
    def role_text(self, role: str) -> str:
        return role_text(role)

    def status_text(self, status: str) -> str:
        names = {
            "scheduled": self.tr("Scheduled"),
            "on_sale": self.tr("On sale"),
            "off_sale": self.tr("Off sale"),
            "cancelled": self.tr("Cancelled"),
        }
        return names.get(status, status)

    def price_type_text(self, code: str) -> str:
        names = {
            "adult": self.tr("Adult"),
            "concession": self.tr("Concession"),
            "child": self.tr("Child"),
            "senior": self.tr("Senior"),
            "student": self.tr("Student"),
            "group": self.tr("Group (10+)"),
            "vip_presale": self.tr("VIP presale"),
            "comp": self.tr("Complimentary"),
        }
        return names.get(code, code.replace("_", " ").capitalize())

    def when_text(
        self, summary: PerformanceSummary, separator: str = "  ", year: bool = True
    ) -> str:
        """The start in the venue's own time (with its zone), in the UI language's style."""
        local = summary.starts_local
        locale = QLocale()
        pattern = (
            self.tr("ddd d MMM yyyy", "date format")
            if year
            else self.tr("ddd d MMM", "short date format")
        )
        date = locale.toString(QDate(local.year, local.month, local.day), pattern)
        time = locale.toString(QTime(local.hour, local.minute), "HH:mm")
        return f"{date}{separator}{time} {local.tzname() or ''}".rstrip()

    # -- performances ----------------------------------------------------------
    def _load_performances(self) -> None:
        self.statusBar().showMessage(self.tr("Loading performances…"))
        self.worker.run(queries.performance_summaries, self._show_performances, self._load_failed)

    def _show_performances(self, summaries: list[PerformanceSummary]) -> None:
        self.statusBar().clearMessage()
        self.model.removeRows(0, self.model.rowCount())
        self._summaries = {s.id: s for s in summaries}
        bold = QFont(self.font())
        bold.setBold(True)
        # Two lines each; CJK fallback fonts paint taller lines than the primary
        # font's metrics say, so leave room or the second line is cut off.
        line = self.performances.fontMetrics().height() + 5
        row_size = QSize(0, 2 * line + 12)
        for s in summaries:
            event = QStandardItem(f"{s.event}\n{s.venue}")
            event.setData(s.id, PERFORMANCE_ID)
            event.setSizeHint(row_size)
            event.setToolTip(f"{s.event}\n{s.venue}\n{self.when_text(s)}")
            status = QStandardItem(self.status_text(s.status))
            status.setForeground(QColor(STATUS_COLOURS.get(s.status, "#333333")))
            status.setFont(bold)
            row = [event, QStandardItem(self.when_text(s, "\n", year=False)), status]
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
        # Sized once with room to spare: fallback fonts (CJK) can be measured
        # narrower than they paint, which would elide the date.
        header = self.performances.header()
        for column in (1, 2):
            self.performances.resizeColumnToContents(column)
            header.resizeSection(column, header.sectionSize(column) + 24)
        if not summaries:
            self.seat_map.show_message(
                self.tr("There are no performances yet. An administrator adds them.")
            )
            self.nothingToShow.emit()
            return
        keep = self._wanted if self._wanted in self._summaries else None
        if keep is not None:  # a reload after a catalogue change: stay where the clerk was
            self._wanted = None
            self.select_performance(keep)
            return
        self.select_performance(self._select_first or summaries[0].id)
        self.performances.setFocus()

    def select_performance(self, performance_id: int) -> bool:
        """Make ``performance_id`` the current row (which loads its map)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(PERFORMANCE_ID) == performance_id:
                self.performances.setCurrentIndex(index)
                self.performances.scrollTo(index)
                return True
        return False

    def performance_rows(self) -> int:
        return self.proxy.rowCount()

    def _current_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        performance_id = current.sibling(current.row(), 0).data(PERFORMANCE_ID)
        if performance_id is None or performance_id == self._wanted:
            return
        self._wanted = performance_id
        summary = self._summaries[performance_id]
        self.title.setText(summary.event)
        self.subtitle.setText(
            f"{summary.venue} · {self.when_text(summary)} · {self.status_text(summary.status)}"
        )
        self.seat_map.show_message(self.tr("Loading seat map…"))
        self.legend.setText("")
        self.selection.setText("")
        self.prices.setRowCount(0)

        self._load_performance(performance_id, self._show_performance)

    def _load_performance(
        self, performance_id: int, show: Callable[[PerformanceView], None]
    ) -> None:
        """Query the performance's seat map and prices; ``show`` them if still wanted."""

        def job(ctx: TerminalContext) -> PerformanceView | None:
            if self._wanted != performance_id:
                return None  # the clerk has moved on; skip the work
            return queries.performance_view(ctx, performance_id)

        def done(view: PerformanceView | None) -> None:
            if view is not None and view.performance_id == self._wanted:
                show(view)

        self.worker.run(job, done, self._load_failed)

    def _show_performance(self, view: PerformanceView) -> None:
        performance_id, data, prices = view.performance_id, view.seat_map, view.prices
        if len(data) == 0 and not data.standing:
            self.seat_map.show_message(self.tr("This seat map has no seats."))
        else:
            self.seat_map.show_map(data)
        self._fill_legend(data)
        self._fill_prices(data, prices)
        self._selection_changed([])
        if len(data) == 0:
            self.selection.setText(self.tr("Standing only — sold by quantity, not by seat."))
        self._shown = performance_id
        self.seatMapShown.emit(performance_id)

    def _load_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        self.seat_map.show_message(self.tr("Could not load: %1").replace("%1", str(error)))
        QMessageBox.warning(self, self.tr("Box Office"), str(error))

    def shown_performance(self) -> int | None:
        return self._shown

    # -- change-sets -------------------------------------------------------------
    def _changed(self, changes: ChangeSet) -> None:
        """Redraw what ``changes`` names: the performance on screen, or the whole list."""
        if changes.catalogue:
            self._load_performances()  # keeps the current performance; reloads its map
            return
        shown = self._shown
        if shown is not None and shown == self._wanted and shown in changes.performances:
            self._load_performance(shown, self._refresh_performance)

    def _refresh_performance(self, view: PerformanceView) -> None:
        """Re-colour the seats whose state changed, refill the prices; selection and zoom stay."""
        if view.performance_id != self._shown:
            return
        if self.seat_map.refresh_states(view.seat_map) is None:
            self._show_performance(view)  # another seat map: draw it afresh
            return
        self._fill_prices(view.seat_map, view.prices)
        self._selection_changed(self.seat_map.selected_seat_ids())
        self.performanceRefreshed.emit(view.performance_id)

    # -- legend, prices, selection --------------------------------------------
    def _fill_legend(self, data: SeatMapData) -> None:
        def swatch(colour: str, text: str, symbol: str = "●") -> str:
            style = f"color:{colour}; font-size:18px;"
            # U+2060 WORD JOINER between letters: no line break inside an entry.
            joined = "\u2060".join(html.escape(text))
            return f'<span style="{style}">{symbol}</span>&nbsp;{joined}'

        parts = [swatch(z.color, z.name) for z in data.zones]
        if len(data):  # seat states mean nothing on a standing-only map
            parts.append(swatch(STATE_COLOURS[HELD], self.tr("Held")))
            parts.append(swatch(STATE_COLOURS[KILLED], self.tr("Killed")))
            parts.append(swatch(STATE_COLOURS[SOLD], self.tr("Sold")))
            parts.append(swatch("#111111", self.tr("Selected"), "◉"))
        self.legend.setText("&nbsp;&nbsp; ".join(parts))
        self.legend.setToolTip(self.tr("Dashed ring: keyboard cursor (arrow keys, Space selects)"))
        self.legend.setProperty("cursorColour", CURSOR_COLOUR)

    def _fill_prices(self, data: SeatMapData, prices: list[PriceRow]) -> None:
        colours = {z.name: z.color for z in data.zones}
        table = self.prices
        table.setRowCount(0)
        zone_font = QFont(self.font())
        zone_font.setBold(True)
        current_zone = None
        for row in prices:
            if row.zone != current_zone:
                current_zone = row.zone
                r = table.rowCount()
                table.insertRow(r)
                item = QTableWidgetItem(row.zone)
                item.setFont(zone_font)
                pixmap = QPixmap(14, 14)
                pixmap.fill(QColor(colours.get(row.zone, "#888888")))
                item.setIcon(pixmap)
                item.setBackground(QColor("#eef1f6"))
                table.setItem(r, 0, item)
                table.setSpan(r, 0, 1, 2)
            r = table.rowCount()
            table.insertRow(r)
            name = QTableWidgetItem("    " + self.price_type_text(row.price_type))
            amount = QTableWidgetItem(row.price.format())
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 0, name)
            table.setItem(r, 1, amount)
        if not prices:
            table.insertRow(0)
            table.setItem(0, 0, QTableWidgetItem(self.tr("No prices set")))
            table.setSpan(0, 0, 1, 2)

    def price_cells(self) -> list[tuple[str, str]]:
        """(price type, amount) rows as shown, for tests and screen readers."""
        out = []
        for r in range(self.prices.rowCount()):
            amount = self.prices.item(r, 1)
            if amount is not None:
                out.append((self.prices.item(r, 0).text().strip(), amount.text()))
        return out

    def _selection_changed(self, seat_ids: list[int]) -> None:
        if not seat_ids:
            self.selection.setText(
                self.tr("No seats selected — click a seat, or use the arrow keys and Space.")
            )
            return
        names = []
        for seat_id in seat_ids[:SELECTION_SHOWN]:
            label = self.seat_map.seat_label(seat_id)
            names.append(
                self.tr("%1 row %2 seat %3")
                .replace("%1", label.section)
                .replace("%2", label.row)
                .replace("%3", label.number)
            )
        more = len(seat_ids) - SELECTION_SHOWN
        text = ", ".join(names) + (
            self.tr(" and %1 more").replace("%1", str(more)) if more > 0 else ""
        )
        self.selection.setText(
            self.tr("Selected (%1): %2").replace("%1", str(len(seat_ids))).replace("%2", text)
        )

    def _seat_refused(self, seat_id: int, reason: str) -> None:
        label = self.seat_map.seat_label(seat_id)
        self.statusBar().showMessage(
            self.tr("%1 row %2 seat %3 is not for sale: %4")
            .replace("%1", label.section)
            .replace("%2", label.row)
            .replace("%3", label.number)
            .replace("%4", reason),
            6000,
        )

    # -- actions ---------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(self.tr("Working…"))
        elif self.statusBar().currentMessage() == self.tr("Working…"):
            self.statusBar().clearMessage()

    def _find(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Box Office"),
            self.tr(
                "<h3>Box Office</h3>"
                "<p>Offline-first point of sale for venue box offices.</p>"
                "<p><b>Keyboard</b><br>"
                "Alt+1 performances · Alt+2 seat map · Alt+3 prices · Ctrl+F find<br>"
                "Seat map: arrow keys move, Space selects, Esc clears, + / − zoom, 0 fits<br>"
                "Cash: Ctrl+Shift+D drawer · Ctrl+Shift+C close shift · Ctrl+Shift+X X report"
                " · Ctrl+Shift+E day end<br>"
                "Ctrl+Shift+K door check-in · Ctrl+Shift+V devices at this terminal<br>"
                "Ctrl+L log out · Ctrl+Q quit</p>"
            ),
        )

    def open_cash(self, page: str = "drawer") -> CashScreen:
        """The Cash screen (one per window), brought forward on ``page``."""
        from boxoffice.ui.screens.cash.screen import CashScreen
        from boxoffice.ui.screens.cash.slip_jobs import ReceiptPrinterRoute

        if self.cash_screen is None:
            route = ReceiptPrinterRoute(self.devices) if self.devices is not None else None
            self.cash_screen = CashScreen(
                self.worker,
                self.actor,
                sync_status=self.sync_status,
                receipt_printer=route,
                changes=self.changes,
                parent=self,
            )
        screen = self.cash_screen
        screen.show()
        screen.raise_()
        screen.activateWindow()
        screen.show_page(page)
        return screen

    def _screen_window(self, screen: QWidget) -> QWidget:
        """Show ``screen`` as a window of its own, in front."""
        screen.setWindowFlag(Qt.WindowType.Window, True)
        screen.show()
        screen.raise_()
        screen.activateWindow()
        return screen

    def open_door(self) -> DoorScreen:
        """The door screen (one per window) for the performance on screen, named after the terminal.

        With no performance on screen it checks tickets for every listed performance.
        """
        from boxoffice.ui.screens.door import DoorScreen

        performances = [self._shown] if self._shown is not None else list(self._summaries)
        if self.door_screen is None or self._door_performances != performances:
            if self.door_screen is not None:
                self.door_screen.close()
                self.door_screen.deleteLater()
            self.door_screen = DoorScreen(
                self.context,
                self.worker,
                self.actor,
                performances,
                self.terminal,
                parent=self,
                bus=self.changes,
            )
            self.door_screen.resize(900, 700)
            self._door_performances = performances
        self._screen_window(self.door_screen)
        return self.door_screen

    def open_device_settings(self) -> DeviceSettingsPanel:
        """This terminal's device settings (one per window)."""
        from boxoffice.ui.screens.devices.settings_panel import DeviceSettingsPanel

        if self.device_settings is None:
            self.device_settings = DeviceSettingsPanel(
                self.worker, self.context, self.actor, parent=self
            )
            self.device_settings.resize(900, 640)
            if not self.device_settings.windowTitle():
                self.device_settings.setWindowTitle(self.tr("Devices at this terminal"))
        self._screen_window(self.device_settings)
        return self.device_settings

    def _log_out(self) -> None:
        self.logoutRequested.emit()

    def _quit(self) -> None:
        self.quitRequested.emit()

    def close_for_logout(self) -> None:
        """Close without treating it as a request to quit the client."""
        self._logging_out = True
        self.close()

    def closeEvent(self, event: Any) -> None:
        for screen in (self.cash_screen, self.door_screen, self.device_settings):
            if screen is not None:
                screen.close()  # a window of its own: Qt would leave it open
        with contextlib.suppress(RuntimeError, TypeError):  # closed before: already gone
            self.changes.changed.disconnect(self._changed)
        if not self._logging_out and event.spontaneous():
            self.quitRequested.emit()
        super().closeEvent(event)
