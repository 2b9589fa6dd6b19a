"""Keyboard-wedge scans with real key events: a fast burst is a scan, typing stays typing."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from boxoffice.devices.base import Scan
from boxoffice.ui.qt import QApplication, QEvent, QKeyEvent, QLineEdit, Qt, QVBoxLayout, QWidget
from boxoffice.ui.widgets.keyboard_wedge import (
    KeyboardWedgeFilter,
    ScanBridge,
    ScanLineEdit,
    WedgeSettings,
)
from tests.devices import device_fixtures

pty_pair = device_fixtures.pty_pair

SCANNER_MS = 8  # what USB scanners do
#: QTest types on the UI thread of a shared, busy test machine, where a key
#: "8 ms" after the last can arrive 50 ms late. These tests therefore use a
#: wide gap and a slow person; the exact default (30 ms against 8 ms and
#: 150 ms) is checked with time-stamped events, which load cannot stretch.
GAP_MS = 100
PERSON_MS = 300
#: How long to wait for a scan that is due; the fixed waits left are for
#: proving that nothing is scanned.
WAIT_MS = 10_000


class Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.name = QLineEdit()
        self.code = ScanLineEdit()
        layout.addWidget(self.name)
        layout.addWidget(self.code)


@pytest.fixture
def screen(qtbot: QtBot) -> Screen:
    w = Screen()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@contextlib.contextmanager
def _wedge(settings: WedgeSettings | None = None) -> Iterator[tuple[KeyboardWedgeFilter, list]]:
    wedge = KeyboardWedgeFilter(settings)
    wedge.install(QApplication.instance())  # type: ignore[arg-type]
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    try:
        yield wedge, scans
    finally:
        wedge.uninstall()


@pytest.fixture
def wedge() -> Iterator[tuple[KeyboardWedgeFilter, list]]:
    with _wedge(WedgeSettings(max_gap_ms=GAP_MS)) as w:
        yield w


def test_a_scan_is_caught_and_does_not_land_in_the_field(
    qtbot: QtBot, screen: Screen, wedge: tuple[KeyboardWedgeFilter, list]
) -> None:
    _, scans = wedge
    screen.name.setFocus()
    qtbot.keyClicks(screen.name, "W1-000123", delay=SCANNER_MS)
    qtbot.keyClick(screen.name, Qt.Key.Key_Return, delay=SCANNER_MS)
    qtbot.waitUntil(lambda: scans == ["W1-000123"], timeout=WAIT_MS)
    assert screen.name.text() == ""


def test_typing_slowly_stays_typing(
    qtbot: QtBot, screen: Screen, wedge: tuple[KeyboardWedgeFilter, list]
) -> None:
    _, scans = wedge
    submitted: list[str] = []
    screen.name.returnPressed.connect(lambda: submitted.append(screen.name.text()))
    qtbot.keyClicks(screen.name, "Ann Lee", delay=PERSON_MS)
    qtbot.keyClick(screen.name, Qt.Key.Key_Return, delay=PERSON_MS)
    qtbot.wait(80)
    assert scans == []
    assert screen.name.text() == "Ann Lee"
    assert submitted == ["Ann Lee"]  # Enter still reaches the field


def test_a_short_fast_burst_is_typing_and_keeps_its_order(
    qtbot: QtBot, screen: Screen, wedge: tuple[KeyboardWedgeFilter, list]
) -> None:
    _, scans = wedge
    qtbot.keyClicks(screen.name, "ab", delay=SCANNER_MS)  # a key-roll, not a scan
    qtbot.keyClick(screen.name, Qt.Key.Key_Return, delay=SCANNER_MS)
    qtbot.keyClicks(screen.name, "cd", delay=PERSON_MS)
    qtbot.wait(80)
    assert scans == []
    assert screen.name.text() == "abcd"


def test_ctrl_shortcuts_pass_straight_through(
    qtbot: QtBot, screen: Screen, wedge: tuple[KeyboardWedgeFilter, list]
) -> None:
    screen.name.setText("hello")
    qtbot.keyClick(screen.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert screen.name.selectedText() == "hello"


def test_scans_back_to_back_and_typing_between(
    qtbot: QtBot, screen: Screen, wedge: tuple[KeyboardWedgeFilter, list]
) -> None:
    _, scans = wedge
    for code in ("134567890123456789", "BXABCDEFGHIJKLMNOPQRSTUV"):
        qtbot.keyClicks(screen.code, code, delay=SCANNER_MS)
        qtbot.keyClick(screen.code, Qt.Key.Key_Return, delay=SCANNER_MS)
        qtbot.keyClicks(screen.name, "x", delay=PERSON_MS)
    qtbot.waitUntil(
        lambda: scans == ["134567890123456789", "BXABCDEFGHIJKLMNOPQRSTUV"], timeout=WAIT_MS
    )
    assert screen.name.text() == "xx"
    assert screen.code.text() == ""


def test_a_prefixed_scanner_may_be_slow(qtbot: QtBot, screen: Screen) -> None:
    with _wedge(WedgeSettings(prefix="§", max_gap_ms=20)) as (_wedge_filter, scans):
        qtbot.keyClicks(screen.name, "§W1-000777", delay=60)  # slower than the gap
        qtbot.keyClick(screen.name, Qt.Key.Key_Return, delay=10)
        qtbot.waitUntil(lambda: scans == ["W1-000777"], timeout=WAIT_MS)
        assert screen.name.text() == ""


def test_a_scanner_without_suffix_ends_on_a_pause(qtbot: QtBot, screen: Screen) -> None:
    with _wedge(WedgeSettings(suffix="", max_gap_ms=GAP_MS)) as (_wedge_filter, scans):
        qtbot.keyClicks(screen.name, "W1-000555", delay=SCANNER_MS)
        qtbot.waitUntil(lambda: scans == ["W1-000555"], timeout=WAIT_MS)
        qtbot.keyClicks(screen.name, "hi", delay=PERSON_MS)
        qtbot.wait(3 * GAP_MS)
        assert scans == ["W1-000555"]
        assert screen.name.text() == "hi"


def _stamped(text: str, key: int, ms: int) -> QKeyEvent:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    event.setTimestamp(ms)
    return event


def test_default_settings_with_platform_time_stamps(qtbot: QtBot, screen: Screen) -> None:
    """The defaults (30 ms) against a scanner's 8 ms and a person's 150 ms, as the
    platform stamped the keys: a person's keys queued behind a busy UI arrive in a
    burst and are still typing."""
    with _wedge() as (_filter, scans):
        _check_stamped(qtbot, screen, scans)


def _check_stamped(qtbot: QtBot, screen: Screen, scans: list[str]) -> None:
    typed = "W1-000123"
    for i, ch in enumerate(typed):  # 150 ms apart when pressed, delivered at once
        QApplication.sendEvent(screen.name, _stamped(ch, ord(ch.upper()), 10_000 + 150 * i))
    QApplication.sendEvent(screen.name, _stamped("\r", Qt.Key.Key_Return, 10_000 + 150 * 9))
    qtbot.wait(80)
    assert scans == []
    assert screen.name.text() == typed
    screen.name.clear()
    for i, ch in enumerate(typed):  # a scanner's 8 ms spacing
        QApplication.sendEvent(screen.name, _stamped(ch, ord(ch.upper()), 20_000 + 8 * i))
    QApplication.sendEvent(screen.name, _stamped("\r", Qt.Key.Key_Return, 20_000 + 8 * 9))
    assert scans == [typed]
    assert screen.name.text() == ""


def test_a_key_held_down_is_typing(
    qtbot: QtBot, screen: Screen, wedge: tuple[KeyboardWedgeFilter, list]
) -> None:
    _, scans = wedge
    first = _stamped("x", Qt.Key.Key_X, 30_000)
    QApplication.sendEvent(screen.name, first)
    for i in range(1, 8):  # auto-repeat, 8 ms apart
        repeat = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x", True
        )
        repeat.setTimestamp(30_000 + 8 * i)
        QApplication.sendEvent(screen.name, repeat)
    QApplication.sendEvent(screen.name, _stamped("\r", Qt.Key.Key_Return, 30_000 + 64))
    qtbot.wait(3 * GAP_MS)
    assert scans == []
    assert screen.name.text() == "x" * 8


def test_scan_fields_have_the_input_method_off(screen: Screen) -> None:
    assert not screen.code.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert screen.code.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly
    assert screen.name.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_bad_wedge_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="'enter', 'tab' or nothing"):
        WedgeSettings(suffix="space")
    with pytest.raises(ValueError, match="1-200 ms"):
        WedgeSettings(max_gap_ms=0)


def test_settings_come_from_the_configured_keyboard_scanner() -> None:
    from boxoffice.devices.base import DeviceKind
    from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
    from boxoffice.ui.widgets.keyboard_wedge import wedge_settings

    registry = DeviceRegistry(
        [
            DeviceConfig(
                "Wedge", DeviceKind.SCANNER, "keyboard", {"prefix": "§", "max_gap_ms": 20}
            ),
            DeviceConfig("Bad", DeviceKind.SCANNER, "keyboard", {"suffix": "space"}),
        ]
    )
    assert wedge_settings(registry.get("Wedge")) == WedgeSettings("§", "enter", 20)
    assert "'enter', 'tab' or nothing" in registry.get("Bad").status().message
    assert wedge_settings(registry.get("Bad")) == WedgeSettings()


def test_bridge_brings_serial_scans_to_the_ui_thread(qtbot: QtBot) -> None:
    bridge = ScanBridge()
    seen: list[tuple[str, bool]] = []
    main = threading.current_thread()
    bridge.received.connect(lambda s: seen.append((s.text, threading.current_thread() is main)))
    worker = threading.Thread(target=bridge.deliver, args=(Scan("W1-000001", "Gun"),))
    with qtbot.waitSignal(bridge.received, timeout=2000):
        worker.start()
    worker.join()
    assert seen == [("W1-000001", True)]


def test_scan_input_routes_every_scanner_to_the_screen_on_the_ui_thread(
    qtbot: QtBot, screen: Screen, pty_pair: tuple[int, str]
) -> None:
    import os

    from boxoffice.devices.base import DeviceKind
    from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
    from boxoffice.devices.scanners.router import ScanRouter
    from boxoffice.ui.widgets.keyboard_wedge import ScanInput

    master, path = pty_pair
    registry = DeviceRegistry(
        [
            DeviceConfig("Gun", DeviceKind.SCANNER, "serial", {"url": path}),
            DeviceConfig("Wedge", DeviceKind.SCANNER, "keyboard", {"max_gap_ms": GAP_MS}),
        ]
    )
    main = threading.current_thread()
    seen: list[tuple[str, str, bool]] = []
    refused: list[str] = []
    router = ScanRouter(on_rejected=lambda scan, reason: refused.append(reason))
    router.activate(
        "lookup",
        lambda code: seen.append((code.text, code.kind.value, threading.current_thread() is main)),
    )
    scans = ScanInput(registry, router)
    try:
        qtbot.waitUntil(lambda: registry.get("Gun").status().state.value == "ready", timeout=3000)
        os.write(master, b"W1-000123\r")
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=3000)
        qtbot.keyClicks(screen.name, "W1-T0000042", delay=SCANNER_MS)
        qtbot.keyClick(screen.name, Qt.Key.Key_Return, delay=SCANNER_MS)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
        assert seen == [("W1-000123", "order", True), ("W1-T0000042", "ticket_serial", True)]
        assert screen.name.text() == ""
        os.write(master, b"281234567890123456\r")  # a wallet code, no payment open
        qtbot.waitUntil(lambda: len(refused) == 1, timeout=3000)
        assert "no payment is waiting" in refused[0]
    finally:
        scans.stop()
        registry.close()
