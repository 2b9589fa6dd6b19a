"""Keyboard-wedge scanners: tell a scan from typing with one application-wide event filter.

A USB scanner in keyboard mode "types" its code: about 8 ms between keys,
then Enter (or Tab). A person types 80-250 ms apart. The filter holds back
printable key presses for at most ``max_gap_ms``; if the next key follows
within that gap the burst goes on, and a burst of at least ``min_length``
characters that ends with the configured suffix is a scan: it is emitted as
``scanned`` and never reaches the focused widget. Anything else — a pause,
a short burst, a key with Ctrl/Alt — is replayed to the widget it was meant
for, in order, so typing is delayed by at most one gap and never lost.

With a ``prefix`` (a character the scanner is configured to send first),
a burst that starts with it is a scan whatever the timing (some scanners
slow down on long codes); the prefix is stripped.

A Chinese (or any) input method would swallow the scanner's keys into a
composition and split the code: fields that take scans switch input
methods off (``prepare_scan_field``).

What it needs from the devices (which scanners are configured, a keyboard
scanner's settings, where scans go) comes through ``boxoffice.ops.devices``.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.ops import devices as device_ops
from boxoffice.ops.devices import Scan
from boxoffice.ui.qt import (
    QApplication,
    QEvent,
    QKeyEvent,
    QLineEdit,
    QObject,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from boxoffice.ops.devices import ScanRouter

_SUFFIX_KEYS = {
    "enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "tab": (Qt.Key.Key_Tab,),
    "": (),
}
_BLOCKING_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: With a prefix, how long a slow scanner may pause between keys.
PREFIX_GAP_MS = 300


@dataclass(frozen=True)
class WedgeSettings:
    prefix: str = ""
    suffix: str = "enter"  # "enter", "tab" or "" (the burst ends with a pause)
    max_gap_ms: int = 30
    min_length: int = 4

    def __post_init__(self) -> None:
        if self.suffix not in _SUFFIX_KEYS:
            raise ValidationError("scanner_suffix_invalid")
        if not 1 <= self.max_gap_ms <= 200:
            raise ValidationError("scanner_key_gap_invalid")


def wedge_settings(device: object) -> WedgeSettings:
    """The filter's settings from a configured ``keyboard`` scanner device (defaults if none)."""
    return _settings(device_ops.keyboard_scanner(device))


def _settings(keyboard: device_ops.KeyboardScanner | None) -> WedgeSettings:
    if keyboard is None:
        return WedgeSettings()
    return WedgeSettings(keyboard.prefix, keyboard.suffix, keyboard.max_gap_ms)


@dataclass
class _Held:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class KeyboardWedgeFilter(QObject):
    """Installed on the QApplication; emits ``scanned(text)`` for each scan."""

    scanned = Signal(str)

    def __init__(self, settings: WedgeSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings or WedgeSettings()
        self._held: list[_Held] = []
        self._last = 0.0
        self._clock = ""
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._pause)
        self._app: QApplication | None = None

    def install(self, app: QApplication | None = None) -> None:
        app = app or QApplication.instance()  # type: ignore[assignment]
        assert app is not None
        self._app = app
        app.installEventFilter(self)

    def uninstall(self) -> None:
        self._replay()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    # -- the filter -----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not watched.isWidgetType():
            return False  # the window forwards the key to the focus widget: catch it there
        assert isinstance(event, QKeyEvent)
        now = self._when(event)
        if event.modifiers() & _BLOCKING_MODIFIERS or event.isAutoRepeat():
            self._replay()  # shortcuts, and a key held down (auto-repeat is fast, not a scan)
            return False
        key = event.key()
        text = event.text()
        gap_ms = (now - self._last) * 1000
        if self._held and gap_ms > self._gap_ms():
            self._replay()  # the timer has not run yet (busy event loop): the burst ended
        if key in _SUFFIX_KEYS[self.settings.suffix]:
            code = self._code()
            if code is not None:
                self._finish(code)
                return True
            self._replay()
            return False
        if not text or not text.isprintable():
            self._replay()
            return False
        self._held.append(_Held(watched, key, event.modifiers(), text))
        self._last = now
        self._timer.start(self._gap_ms())
        return True

    def _when(self, event: QKeyEvent) -> float:
        """When the key was pressed, in seconds: the platform's own time stamp when it has
        one (keys queued behind a busy UI thread keep their real spacing), else now."""
        stamp = event.timestamp()
        source = "platform" if stamp > 0 else "clock"
        if source != self._clock:
            self._clock = source
            self._replay()  # gaps across two clocks mean nothing
        return stamp / 1000 if stamp > 0 else time.monotonic()

    def _gap_ms(self) -> int:
        if self.settings.prefix and self._text().startswith(self.settings.prefix):
            return max(PREFIX_GAP_MS, self.settings.max_gap_ms)
        return self.settings.max_gap_ms

    def _text(self) -> str:
        return "".join(h.text for h in self._held)

    def _code(self) -> str | None:
        """The scanned code if what is held is one, else ``None``."""
        text, prefix = self._text(), self.settings.prefix
        if prefix:
            if text.startswith(prefix) and len(text) > len(prefix):
                return text[len(prefix) :]
            if len(text) < self.settings.min_length:
                return None
        return text if len(text) >= self.settings.min_length else None

    def _finish(self, code: str) -> None:
        self._timer.stop()
        self._held.clear()
        self.scanned.emit(code)

    def _pause(self) -> None:
        """No key for one gap: a suffix-less scanner has finished, or a person is typing."""
        if not self.settings.suffix:
            code = self._code()
            if code is not None:
                self._finish(code)
                return
        self._replay()

    def _replay(self) -> None:
        """Give the held keys to the widgets they were meant for, in order."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for h in held:
                press = QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, h.text)
                try:
                    QApplication.sendEvent(h.target, press)
                except RuntimeError:  # the widget was closed meanwhile
                    continue
        finally:
            self._replaying = False


def prepare_scan_field(field: QWidget) -> None:
    """Switch input methods off on a field that takes scans (an IME would split the code)."""
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhLatinOnly
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhNoAutoUppercase
    )


class ScanLineEdit(QLineEdit):
    """A line edit for codes (ticket, order, voucher): no input method, Latin only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_scan_field(self)


class ScanBridge(QObject):
    """Hands scans from a scanner's thread to the UI thread (a queued signal)."""

    received = Signal(object)

    def deliver(self, scan: Scan) -> None:
        """Callable from any thread: the connected slots run on the UI thread."""
        self.received.emit(scan)


class ScanInput(QObject):
    """Every scanner of this terminal, feeding one ``ScanRouter`` on the UI thread.

    Installs the keyboard-wedge filter (settings from the configured
    ``keyboard`` scanner, if any) and starts each serial scanner in the
    registry; their scans reach ``router.dispatch`` on the UI thread, so the
    screens' handlers may touch widgets. ``stop()`` at log-out.
    """

    def __init__(
        self,
        registry: object,
        router: ScanRouter,
        app: QApplication | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.router = router
        keyboard, self.serial = device_ops.serial_scanners(registry)  # type: ignore[arg-type]
        self.wedge = KeyboardWedgeFilter(_settings(keyboard), self)
        source = keyboard.name if keyboard is not None else "keyboard"
        self.wedge.scanned.connect(lambda text: router.dispatch(Scan(text, source)))
        self.wedge.install(app)
        self.bridge = ScanBridge(self)
        self.bridge.received.connect(router.dispatch)
        for scanner in self.serial:
            # A scanner that is not set up refuses here and says so in its status.
            with contextlib.suppress(BoxOfficeError):
                scanner.start(self.bridge.deliver)  # type: ignore[attr-defined]

    def stop(self) -> None:
        self.wedge.uninstall()
        for scanner in self.serial:
            scanner.stop()  # type: ignore[attr-defined]
