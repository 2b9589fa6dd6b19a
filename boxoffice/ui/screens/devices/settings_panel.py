"""Device settings: list and configure this terminal's devices, and try them out.

The hooks the main window offers an administrator (or a supervisor, for the
tests): a table of devices with their live state, an editor (name, kind,
driver, options as ``name=value; ...``), *Test print* on a printer, *Open
drawer* (a no-sale: permission-checked and audited by the service) and a
scanner test field that shows what each scan is.

Every action is an op of ``boxoffice.ops.devices`` (which owns its
transactions and keeps the live registry in step); nothing here touches the
store or a driver. Nothing blocks: ops that write run on the ``StoreWorker``,
device work on each device's own queue, and results come back as signals.
Refusals are shown by code in the terminal's language.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from boxoffice.errors import BoxOfficeError
from boxoffice.ops import devices as device_ops
from boxoffice.ops.devices import DeviceKind, DeviceRow, DeviceState, Scan, ScanKind
from boxoffice.ui.common.workers import FutureRelay
from boxoffice.ui.qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from boxoffice.ui.widgets.keyboard_wedge import ScanLineEdit

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.context import TerminalContext
    from boxoffice.ui.common.workers import StoreWorker

STATE_COLOURS = {
    DeviceState.READY: "#1b5e20",
    DeviceState.BUSY: "#0d47a1",
    DeviceState.UNKNOWN: "#616161",
    DeviceState.NOT_CONFIGURED: "#8d6e00",
    DeviceState.OFFLINE: "#b00020",
    DeviceState.ERROR: "#b00020",
}


def kind_label(kind: DeviceKind) -> str:
    return {
        DeviceKind.TICKET_PRINTER: translate("DeviceSettings", "Ticket printer"),
        DeviceKind.RECEIPT_PRINTER: translate("DeviceSettings", "Receipt printer"),
        DeviceKind.CASH_DRAWER: translate("DeviceSettings", "Cash drawer"),
        DeviceKind.SCANNER: translate("DeviceSettings", "Scanner"),
        DeviceKind.PAYMENT_TERMINAL: translate("DeviceSettings", "Card terminal"),
    }[kind]


def state_label(state: DeviceState) -> str:
    return {
        DeviceState.READY: translate("DeviceSettings", "Ready"),
        DeviceState.BUSY: translate("DeviceSettings", "Busy"),
        DeviceState.UNKNOWN: translate("DeviceSettings", "Not checked yet"),
        DeviceState.NOT_CONFIGURED: translate("DeviceSettings", "Not set up"),
        DeviceState.OFFLINE: translate("DeviceSettings", "Offline"),
        DeviceState.ERROR: translate("DeviceSettings", "Fault"),
    }[state]


def scan_kind_label(kind: ScanKind) -> str:
    return {
        ScanKind.TICKET: translate("DeviceSettings", "ticket barcode"),
        ScanKind.TICKET_SERIAL: translate("DeviceSettings", "ticket serial"),
        ScanKind.ORDER: translate("DeviceSettings", "order number"),
        ScanKind.WECHAT_PAY: translate("DeviceSettings", "WeChat Pay payment code"),
        ScanKind.ALIPAY: translate("DeviceSettings", "Alipay payment code"),
        ScanKind.OTHER: translate("DeviceSettings", "other code"),
    }[kind]


class DeviceSettingsPanel(QWidget):
    """The device page of the settings; ``ctx.devices`` is this terminal's live devices."""

    statusChanged = Signal()  # emitted from device threads; the table repaints on the UI thread
    messageShown = Signal(str)

    def __init__(
        self,
        worker: StoreWorker,
        ctx: TerminalContext,
        actor: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deviceSettings")
        self.worker, self.ctx, self.actor = worker, ctx, actor
        self._relay = FutureRelay(self)
        self._watched: set[int] = set()
        self._build()
        self.statusChanged.connect(self._paint_states)
        self._fill()

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("&Devices at this terminal"))
        title.setObjectName("panelTitle")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("deviceTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Driver"),
                self.tr("Where"),
                self.tr("State"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._edit_row(row))
        title.setBuddy(self.table)

        self.refresh_button = self._button(self.tr("&Refresh"), "F5", self.refresh)
        self.test_print_button = self._button(self.tr("&Test print"), "Ctrl+P", self.test_print)
        self.drawer_button = self._button(self.tr("Open dra&wer"), "Ctrl+D", self.open_drawer)
        actions = QHBoxLayout()
        for b in (self.refresh_button, self.test_print_button, self.drawer_button):
            actions.addWidget(b)
        actions.addStretch(1)

        # Editor
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("deviceName")
        self.kind_combo = QComboBox()
        for kind in DeviceKind:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.driver_combo = QComboBox()
        self.options_edit = QLineEdit()
        self.options_edit.setObjectName("deviceOptions")
        self.options_edit.setPlaceholderText("host=192.168.1.50; port=9100")
        self.driver_help = QLabel()
        self.driver_help.setWordWrap(True)
        self.driver_help.setObjectName("hint")
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.driver_combo.currentIndexChanged.connect(self._driver_changed)
        form = QFormLayout()
        for label, field in (
            (self.tr("&Name"), self.name_edit),
            (self.tr("&Kind"), self.kind_combo),
            (self.tr("Dri&ver"), self.driver_combo),
            (self.tr("&Options"), self.options_edit),
        ):
            form.addRow(label, field)
        form.addRow("", self.driver_help)
        self.save_button = self._button(self.tr("&Save device"), "Ctrl+S", self.save)
        self.new_button = self._button(self.tr("New d&evice"), "Ctrl+N", self.new_device)
        self.remove_button = self._button(self.tr("Re&move"), "", self.remove)
        editor_buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.remove_button):
            editor_buttons.addWidget(b)
        editor_buttons.addStretch(1)
        editor = QGroupBox(self.tr("Set up a device"))
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addLayout(editor_buttons)

        # Scanner test
        self.scan_field = ScanLineEdit()
        self.scan_field.setObjectName("scanTestField")
        self.scan_field.setPlaceholderText(self.tr("Scan a code here (or type it and press Enter)"))
        self.scan_field.returnPressed.connect(self._typed_scan)
        self.scan_result = QLabel(self.tr("No scan yet."))
        self.scan_result.setObjectName("scanResult")
        self.scan_result.setTextFormat(Qt.TextFormat.RichText)
        scanner = QGroupBox(self.tr("S&canner test"))
        scanner_layout = QVBoxLayout(scanner)
        scanner_layout.addWidget(self.scan_field)
        scanner_layout.addWidget(self.scan_result)
        scanner_layout.addStretch(1)

        self.message = QLabel()
        self.message.setObjectName("deviceMessage")
        self.message.setWordWrap(True)
        self.messageShown.connect(self.message.setText)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        lower = QHBoxLayout()
        lower.addWidget(editor, 3)
        lower.addWidget(scanner, 2)
        layout.addLayout(lower)
        self._kind_changed()

    def _button(self, text: str, shortcut: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(shortcut)
        button.clicked.connect(slot)
        return button

    @property
    def registry(self) -> Any:
        """This terminal's live devices (the context's registry)."""
        return self.ctx.devices

    # -- the device table -------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the configuration from the store (after an edit, or F5)."""
        ctx = self.ctx
        self.worker.call(lambda _: device_ops.reload_devices(ctx), self._loaded, self._failed)

    def _loaded(self, _result: Any = None) -> None:
        self._fill()

    def _fill(self) -> None:
        rows = device_ops.device_rows(self.ctx)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            device = device_ops.device(self.ctx, row.name)
            if id(device) not in self._watched:
                self._watched.add(id(device))
                device.on_status(lambda *_: self.statusChanged.emit())
            cells = [row.name, kind_label(row.kind), row.driver, row.where]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.name)
                self.table.setItem(index, column, item)
        self._paint_states(rows)

    def _paint_states(self, rows: list[DeviceRow] | None = None) -> None:
        states = {r.name: r for r in (rows or device_ops.device_rows(self.ctx))}
        for index in range(self.table.rowCount()):
            name_item = self.table.item(index, 0)
            row = states.get(name_item.text()) if name_item is not None else None
            if row is None:
                continue
            text = state_label(row.state)
            if row.message:
                text += " — " + row.message
            item = QTableWidgetItem(text)
            item.setForeground(QColor(STATE_COLOURS[row.state]))
            item.setToolTip(row.message)
            self.table.setItem(index, 4, item)

    def selected_name(self) -> str | None:
        index = self.table.currentRow()
        item = self.table.item(index, 0) if index >= 0 else None
        return item.text() if item is not None else None

    def _row(self, name: str) -> DeviceRow | None:
        return next((r for r in device_ops.device_rows(self.ctx) if r.name == name), None)

    def select(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                self.table.setCurrentCell(row, 0)
                return

    # -- editor ---------------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = DeviceKind(self.kind_combo.currentData())
        self.driver_combo.blockSignals(True)
        self.driver_combo.clear()
        self._driver_help = device_ops.driver_help(kind)
        for driver in self._driver_help:
            self.driver_combo.addItem(driver, driver)
        self.driver_combo.blockSignals(False)
        self._driver_changed()

    def _driver_changed(self) -> None:
        driver = self.driver_combo.currentData()
        help_text = self._driver_help.get(driver, "") if driver else ""
        if not self._driver_help:
            help_text = self.tr("No driver for this kind is installed yet.")
        self.driver_help.setText(help_text)

    def _edit_row(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        config = self._row(item.text())
        if config is None:
            return
        self.name_edit.setText(config.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(config.kind))
        index = self.driver_combo.findData(config.driver)
        if index < 0:
            self.driver_combo.addItem(config.driver, config.driver)
            index = self.driver_combo.count() - 1
        self.driver_combo.setCurrentIndex(index)
        self.options_edit.setText(config.options)

    def new_device(self) -> None:
        self.table.clearSelection()
        self.name_edit.clear()
        self.options_edit.clear()
        self.name_edit.setFocus()

    def save(self) -> None:
        ctx, actor = self.ctx, self.actor
        name, kind = self.name_edit.text(), self.kind_combo.currentData()
        driver, options = self.driver_combo.currentData() or "", self.options_edit.text()
        self._show(self.tr("Saving…"))
        self.worker.call(
            lambda _: device_ops.save_device(ctx, actor, name, kind, driver, options),
            lambda result: self._saved(result.value),
            self._failed,
        )

    def _saved(self, name: str) -> None:
        self._show(self.tr("Saved %1.").replace("%1", name))
        self._fill()
        self.select(name)

    def remove(self) -> None:
        name = self.selected_name()
        if name is None:
            self._show(self.tr("Choose a device first."))
            return
        ctx, actor = self.ctx, self.actor
        self.worker.call(
            lambda _: device_ops.remove_device(ctx, actor, name),
            lambda _: (self._show(self.tr("Removed %1.").replace("%1", name)), self._fill()),
            self._failed,
        )

    # -- trying devices out ------------------------------------------------------------
    def test_print(self) -> None:
        name = self.selected_name()
        row = self._row(name) if name is not None else None
        if row is None:
            self._show(self.tr("Choose a printer in the list first."))
            return
        if not row.printer:
            self._show(self.tr("%1 is not a printer.").replace("%1", row.name))
            return
        self._show(self.tr("Sending a test page to %1…").replace("%1", row.name))
        try:
            sent = device_ops.print_test_page(self.ctx, row.name).value
        except BoxOfficeError as exc:
            self._failed(exc)
            return
        self._relay.watch(sent, lambda f: self._device_done(f, row.name, "print"))

    def open_drawer(self) -> None:
        """A no-sale: the service checks the permission and audits it; the drawer opens after."""
        self._show(self.tr("Opening the drawer…"))
        ctx, actor = self.ctx, self.actor
        self.worker.call(
            lambda _: device_ops.drawer_test(ctx, actor),
            lambda _: self._show(self.tr("No-sale recorded; the drawer opens now.")),
            self._failed,
        )

    def _device_done(self, future: Future[Any], name: str, what: str) -> None:
        error = future.exception()
        if error is None:
            self._show(self.tr("%1: test page sent.").replace("%1", name))
        else:
            self._show(self.tr("%1: %2").replace("%1", name).replace("%2", self._text(error)))
        self._paint_states()

    # -- scanner test -----------------------------------------------------------------
    def show_scan(self, scan: Scan) -> None:
        """Show what a scan is (connect the keyboard wedge and serial scanners here)."""
        reading = device_ops.read_scan(scan.text, scan.source)
        if reading.error is not None or reading.kind is None:
            error = html.escape(self._text(reading.error))
            self.scan_result.setText(f'<span style="color:#b00020">{error}</span>')
            return
        self.scan_result.setText(
            self.tr("From %1: <b>%2</b> — %3")
            .replace("%1", html.escape(reading.source))
            .replace("%2", html.escape(reading.masked))
            .replace("%3", scan_kind_label(reading.kind))
        )

    def _typed_scan(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        self.show_scan(Scan(text, self.tr("keyboard")))

    # -- messages ---------------------------------------------------------------------
    def _show(self, text: str) -> None:
        self.messageShown.emit(text)

    def _text(self, error: BaseException | None) -> str:
        """A refusal in the terminal's language (by its code); anything else as it is."""
        if isinstance(error, BoxOfficeError):
            return error.message(self.ctx.language)
        return str(error)

    def _failed(self, exc: BaseException) -> None:
        self._show(self._text(exc) if isinstance(exc, BoxOfficeError) else repr(exc))
