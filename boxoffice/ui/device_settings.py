"""Device settings: list and configure this terminal's devices, and try them out.

The hooks the main window offers an administrator (or a supervisor, for the
tests): a table of devices with their live state, an editor (name, kind,
driver, options as ``name=value; ...``), *Test print* on a printer, *Open
drawer* (a no-sale: permission-checked and audited by the service) and a
scanner test field that shows what each scan is.

Nothing here blocks: store work goes through the ``StoreWorker``, device
work through each device's own queue, and results come back as signals.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import Device, DeviceKind, DeviceState, DeviceStatus, Scan
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.devices.scanners.codes import ScanKind, classify
from boxoffice.errors import BoxOfficeError
from boxoffice.ui.keyboard_wedge import ScanLineEdit
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
from boxoffice.ui.workers import FutureRelay

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.store import Store
    from boxoffice.ui.workers import StoreWorker

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


# -- store jobs (run on the store worker's thread) ---------------------------------------
def _load(session: Any) -> tuple[list[DeviceConfig], dict[DeviceKind, str]]:
    return device_registry.load_configs(session), device_registry.assignments(session)


def _save_job(
    actor: Actor, name: str, kind: DeviceKind, driver: str, options: str
) -> Callable[[Store], None]:
    def job(store: Store) -> None:
        config = DeviceConfig(name, kind, driver, device_registry.parse_options(options))
        with store.write() as session:
            device_registry.save_config(session, actor, config)

    return job


def _remove_job(actor: Actor, name: str) -> Callable[[Store], None]:
    def job(store: Store) -> None:
        with store.write() as session:
            device_registry.remove_config(session, actor, name)

    return job


def _no_sale_job(actor: Actor, reason: str) -> Callable[[Store], None]:
    def job(store: Store) -> None:
        from boxoffice.sales.no_sale import no_sale

        with store.write() as session:
            no_sale(session, actor, reason)

    return job


class DeviceSettingsPanel(QWidget):
    """The device page of the settings; ``registry`` is this terminal's live devices."""

    statusChanged = Signal()  # emitted from device threads; the table repaints on the UI thread
    messageShown = Signal(str)

    def __init__(
        self,
        worker: StoreWorker,
        actor: Actor,
        registry: DeviceRegistry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deviceSettings")
        self.worker, self.actor, self.registry = worker, actor, registry
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

    # -- the device table -------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the configuration from the store (after an edit, or F5)."""
        self.worker.read(_load, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[DeviceConfig], dict[DeviceKind, str]]) -> None:
        configs, use = result
        self.registry.replace(configs, use)
        self._fill()

    def _fill(self) -> None:
        configs = self.registry.configs()
        self.table.setRowCount(len(configs))
        for row, config in enumerate(configs):
            device = self.registry.get(config.name)
            if id(device) not in self._watched:
                self._watched.add(id(device))
                device.on_status(lambda *_: self.statusChanged.emit())
            cells = [
                config.name,
                kind_label(config.kind),
                config.driver,
                device.describe() or device_registry.format_options(config.options),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, config.name)
                self.table.setItem(row, column, item)
        self._paint_states()

    def _paint_states(self) -> None:
        for row in range(self.table.rowCount()):
            name_item = self.table.item(row, 0)
            if name_item is None:
                continue
            status: DeviceStatus = self.registry.get(name_item.text()).status()
            text = state_label(status.state)
            if status.message:
                text += " — " + status.message
            item = QTableWidgetItem(text)
            item.setForeground(QColor(STATE_COLOURS[status.state]))
            item.setToolTip(status.message)
            self.table.setItem(row, 4, item)

    def selected_device(self) -> Device | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return self.registry.get(item.text()) if item is not None else None

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
        self._driver_help = device_registry.drivers(kind)
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
        config = next((c for c in self.registry.configs() if c.name == item.text()), None)
        if config is None:
            return
        self.name_edit.setText(config.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(config.kind))
        index = self.driver_combo.findData(config.driver)
        if index < 0:
            self.driver_combo.addItem(config.driver, config.driver)
            index = self.driver_combo.count() - 1
        self.driver_combo.setCurrentIndex(index)
        self.options_edit.setText(device_registry.format_options(config.options))

    def new_device(self) -> None:
        self.table.clearSelection()
        self.name_edit.clear()
        self.options_edit.clear()
        self.name_edit.setFocus()

    def save(self) -> None:
        name = self.name_edit.text()
        driver = self.driver_combo.currentData() or ""
        job = _save_job(
            self.actor, name, self.kind_combo.currentData(), driver, self.options_edit.text()
        )
        self._show(self.tr("Saving…"))
        self.worker.call(job, lambda _: self._saved(name.strip()), self._failed)

    def _saved(self, name: str) -> None:
        self._show(self.tr("Saved %1.").replace("%1", name))
        self.worker.read(_load, lambda result: (self._loaded(result), self.select(name)))

    def remove(self) -> None:
        device = self.selected_device()
        if device is None:
            self._show(self.tr("Choose a device first."))
            return
        name = device.name
        self.worker.call(
            _remove_job(self.actor, name),
            lambda _: (self._show(self.tr("Removed %1.").replace("%1", name)), self.refresh()),
            self._failed,
        )

    # -- trying devices out ------------------------------------------------------------
    def test_print(self) -> None:
        device = self.selected_device()
        if device is None:
            self._show(self.tr("Choose a printer in the list first."))
            return
        action = getattr(device, "test_print", None)
        if action is None:
            self._show(self.tr("%1 is not a printer.").replace("%1", device.name))
            return
        self._show(self.tr("Sending a test page to %1…").replace("%1", device.name))
        self._relay.watch(action(), lambda f: self._device_done(f, device.name, "print"))

    def open_drawer(self) -> None:
        """A no-sale: the service checks the permission and audits it; the drawer opens after."""
        self._show(self.tr("Opening the drawer…"))
        reason = "drawer test from device settings"
        self.worker.call(
            _no_sale_job(self.actor, reason),
            lambda _: self._show(self.tr("No-sale recorded; the drawer opens now.")),
            self._failed,
        )

    def _device_done(self, future: Future[Any], name: str, what: str) -> None:
        error = future.exception()
        if error is None:
            self._show(self.tr("%1: test page sent.").replace("%1", name))
        else:
            self._show(self.tr("%1: %2").replace("%1", name).replace("%2", str(error)))
        self._paint_states()

    # -- scanner test -----------------------------------------------------------------
    def show_scan(self, scan: Scan) -> None:
        """Show what a scan is (connect the keyboard wedge and serial scanners here)."""
        try:
            code = classify(scan.text)
        except BoxOfficeError as exc:
            self.scan_result.setText(f'<span style="color:#b00020">{html.escape(str(exc))}</span>')
            return
        self.scan_result.setText(
            self.tr("From %1: <b>%2</b> — %3")
            .replace("%1", html.escape(scan.source))
            .replace("%2", html.escape(code.masked()))
            .replace("%3", scan_kind_label(code.kind))
        )

    def _typed_scan(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        self.show_scan(Scan(text, self.tr("keyboard")))

    # -- messages ---------------------------------------------------------------------
    def _show(self, text: str) -> None:
        self.messageShown.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self._show(str(exc) if isinstance(exc, BoxOfficeError) else repr(exc))
