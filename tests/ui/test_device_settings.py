"""The device settings page: list, configure, test print, open drawer, scanner test."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from typing import Any, ClassVar

import pytest
from escpos.printer import Dummy
from pytestqt.qtbot import QtBot

from boxoffice.actor import Actor, system_actor
from boxoffice.context import TerminalContext
from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import Device, DeviceKind, ReceiptPrinter, Scan
from boxoffice.devices.cash_drawer import pulse_bytes
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import QApplication, Qt
from boxoffice.ui.screens.devices import DeviceSettingsPanel
from boxoffice.ui.widgets.keyboard_wedge import KeyboardWedgeFilter, WedgeSettings
from tests.devices import device_fixtures
from tests.devices.device_fixtures import TcpSink
from tests.sales import conftest as sales_fixtures
from tests.sales.conftest import World
from tests.screenshots import screenshot_dir
from tests.ui.conftest import STORE_WAIT_MS

# Fixtures shared with the device and sales tests.
_template = sales_fixtures._template
world = sales_fixtures.world
tcp_sink = device_fixtures.tcp_sink

SHOTS = screenshot_dir("devices")


class DummyReceiptPrinter(Device):
    """A receipt printer whose port is python-escpos's ``Dummy`` (stands in for the print issue)."""

    kind = DeviceKind.RECEIPT_PRINTER
    pages: ClassVar[list[bytes]] = []

    def describe(self) -> str:
        return "escpos Dummy"

    def _job(self, build: Any) -> Future[None]:
        def run() -> None:
            d = Dummy()
            build(d)
            DummyReceiptPrinter.pages.append(d.output)

        return self.run(run)

    def test_print(self) -> Future[None]:
        return self._job(lambda d: (d.text("Box office test page\n"), d.cut()))

    def print_receipt(self, receipt: Any) -> Future[None]:
        return self._job(lambda d: d.text(str(receipt)))

    def kick_drawer(self, pin: int = 2) -> Future[None]:
        return self._job(lambda d: d.cashdraw(pin))


device_registry.register_driver(
    DeviceKind.RECEIPT_PRINTER, "dummy", lambda c, r: DummyReceiptPrinter(c.name), "test printer"
)


@pytest.fixture
def worker(world: World) -> Iterator[StoreWorker]:
    w = StoreWorker(lambda: world.store)
    yield w
    w.shutdown()


def _panel(
    qtbot: QtBot, worker: StoreWorker, actor: Actor, configs: list[DeviceConfig], world: World
) -> DeviceSettingsPanel:
    ctx = TerminalContext(world.store, actor.terminal, devices=DeviceRegistry(configs))
    panel = DeviceSettingsPanel(worker, ctx, actor)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=STORE_WAIT_MS)  # shortcuts need the active window
    return panel


def _configs(sink_port: int) -> list[DeviceConfig]:
    return [
        DeviceConfig("Receipts", DeviceKind.RECEIPT_PRINTER, "dummy", {}),
        DeviceConfig("Tickets", DeviceKind.TICKET_PRINTER, "boca", {"host": "10.0.0.7"}),
        DeviceConfig(
            "Drawer", DeviceKind.CASH_DRAWER, "escpos", {"host": "127.0.0.1", "port": sink_port}
        ),
        DeviceConfig("Gun", DeviceKind.SCANNER, "serial", {"url": "/dev/ttyACM-not-here"}),
        DeviceConfig("Card", DeviceKind.PAYMENT_TERMINAL, "external", {"terminal_id": "B1"}),
    ]


def _cell(panel: DeviceSettingsPanel, name: str, column: int) -> str:
    for row in range(panel.table.rowCount()):
        if panel.table.item(row, 0).text() == name:
            return panel.table.item(row, column).text()
    raise AssertionError(f"{name} not listed")


def test_lists_devices_with_their_state_and_tests_a_printer(
    qtbot: QtBot, worker: StoreWorker, world: World, tcp_sink: TcpSink
) -> None:
    panel = _panel(qtbot, worker, world.supervisor, _configs(tcp_sink.port), world)
    assert panel.table.rowCount() == 5
    assert _cell(panel, "Tickets", 4).startswith("Not set up — Tickets: driver 'boca'")
    assert _cell(panel, "Card", 4).startswith("Ready")
    assert _cell(panel, "Drawer", 3) == f"127.0.0.1:{tcp_sink.port}"
    assert isinstance(panel.registry.get("Receipts"), ReceiptPrinter)

    DummyReceiptPrinter.pages.clear()
    panel.select("Receipts")
    qtbot.keyClick(panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "test page sent" in panel.message.text(), timeout=STORE_WAIT_MS)
    assert DummyReceiptPrinter.pages and DummyReceiptPrinter.pages[0].endswith(b"\x1dV\x00")
    assert _cell(panel, "Receipts", 4) == "Ready"

    panel.select("Tickets")
    panel.test_print()
    qtbot.waitUntil(
        lambda: "driver 'boca' is not installed" in panel.message.text(), timeout=STORE_WAIT_MS
    )

    panel.select("Drawer")
    panel.test_print()
    assert panel.message.text() == "Drawer is not a printer."
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / "device_settings.png"))


def test_open_drawer_is_a_permission_checked_no_sale(
    qtbot: QtBot, worker: StoreWorker, world: World, tcp_sink: TcpSink
) -> None:
    configs = _configs(tcp_sink.port)
    # The panel's context carries this terminal's devices: the op opens its drawer.
    clerk_panel = _panel(qtbot, worker, world.clerk, configs, world)
    clerk_panel.drawer_button.click()
    qtbot.waitUntil(
        lambda: "override is needed" in clerk_panel.message.text(), timeout=STORE_WAIT_MS
    )
    assert "open the cash drawer without a sale" in clerk_panel.message.text()
    assert tcp_sink.connections == 0

    sup_panel = _panel(qtbot, worker, world.supervisor, configs, world)
    qtbot.keyClick(sup_panel, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "No-sale recorded" in sup_panel.message.text(), timeout=STORE_WAIT_MS)
    assert tcp_sink.got.wait(3)
    assert bytes(tcp_sink.received) == pulse_bytes(2)


def test_configure_a_device_from_the_editor(
    qtbot: QtBot, worker: StoreWorker, world: World
) -> None:
    panel = _panel(qtbot, worker, system_actor("Window 1"), [], world)
    panel.new_button.click()
    qtbot.keyClicks(panel.name_edit, "Drawer 2")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(DeviceKind.CASH_DRAWER))
    panel.driver_combo.setCurrentIndex(panel.driver_combo.findData("serial"))
    assert "stand-alone serial drawer" in panel.driver_help.text()

    qtbot.keyClicks(panel.options_edit, "url /dev/ttyS0")
    panel.save_button.click()
    qtbot.waitUntil(lambda: "name=value" in panel.message.text(), timeout=STORE_WAIT_MS)
    assert panel.table.rowCount() == 0

    panel.options_edit.setText("url=/dev/ttyS0; baudrate=9600")
    qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=STORE_WAIT_MS)
    assert _cell(panel, "Drawer 2", 3) == "/dev/ttyS0"
    with world.store.read() as s:
        assert device_registry.assignments(s) == {DeviceKind.CASH_DRAWER: "Drawer 2"}

    panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=STORE_WAIT_MS)


def test_a_clerk_cannot_configure_devices(qtbot: QtBot, worker: StoreWorker, world: World) -> None:
    panel = _panel(qtbot, worker, world.clerk, [], world)
    panel.name_edit.setText("Drawer")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(DeviceKind.CASH_DRAWER))
    panel.options_edit.setText("host=10.0.0.2")
    panel.save()
    qtbot.waitUntil(lambda: "manage devices" in panel.message.text(), timeout=STORE_WAIT_MS)
    with world.store.read() as s:
        assert device_registry.load_configs(s) == []


def test_scanner_test_field_shows_what_a_scan_is(
    qtbot: QtBot, worker: StoreWorker, world: World
) -> None:
    panel = _panel(qtbot, worker, world.supervisor, [], world)
    wedge = KeyboardWedgeFilter(WedgeSettings(max_gap_ms=100))  # room for a busy test machine
    wedge.install(QApplication.instance())  # type: ignore[arg-type]
    wedge.scanned.connect(lambda text: panel.show_scan(Scan(text, "keyboard wedge")))
    try:
        panel.scan_field.setFocus()
        qtbot.keyClicks(panel.scan_field, "134567890123456789", delay=8)
        qtbot.keyClick(panel.scan_field, Qt.Key.Key_Return, delay=8)
        qtbot.waitUntil(lambda: "WeChat Pay" in panel.scan_result.text(), timeout=STORE_WAIT_MS)
        assert "13…6789" in panel.scan_result.text()
        assert "134567890123456789" not in panel.scan_result.text()
        assert panel.scan_field.text() == ""
        SHOTS.mkdir(parents=True, exist_ok=True)
        panel.grab().save(str(SHOTS / "device_settings_scan.png"))
    finally:
        wedge.uninstall()
    # Typed by hand, with Enter: still checked, and a garbled code is named.
    qtbot.keyClicks(panel.scan_field, "w1-000123", delay=100)
    qtbot.keyClick(panel.scan_field, Qt.Key.Key_Return)
    assert "order number" in panel.scan_result.text()
    panel.show_scan(Scan("W1-\x1b", "Gun"))
    assert "U+001B" in panel.scan_result.text()


def test_every_shortcut_letter_on_the_panel_is_used_once(
    qtbot: QtBot, worker: StoreWorker, world: World
) -> None:
    """Alt+letter must reach exactly one control, or the keyboard user cycles between two."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    panel = _panel(qtbot, worker, world.supervisor, [], world)
    letters: list[str] = []
    for kind in (QAbstractButton, QLabel, QGroupBox):
        for widget in panel.findChildren(kind):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            found = re.search(r"&([^&])", text.replace("&&", ""))
            if found:
                letters.append(found.group(1).lower())
    assert len(letters) >= 8
    assert len(letters) == len(set(letters)), " ".join(sorted(letters))
