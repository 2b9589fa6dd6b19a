"""Serial and USB-COM barcode scanners, opened through ``serial.serial_for_url``.

A scanner in serial mode sends each code followed by a terminator (CR by
default, configurable), optionally wrapped in a prefix/suffix. The reader
runs on its own thread with a short read timeout, so ``stop()`` returns
promptly; a pulled cable turns the state to *offline* and the reader tries
to reopen the port until stopped. ``serial_for_url`` also takes ``loop://``
and ``socket://host:port`` URLs (tests, network scanners).
"""

from __future__ import annotations

import logging
import threading
import time

import serial

from boxoffice.devices.base import (
    Device,
    DeviceError,
    DeviceKind,
    DeviceState,
    DeviceUnavailable,
    Scan,
    ScanListener,
)
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry, register_driver
from boxoffice.errors import ValidationError

log = logging.getLogger(__name__)

#: A code longer than this without a terminator is noise (wrong baud rate, no suffix set).
MAX_FRAME = 1024


class SerialScanner(Device):
    kind = DeviceKind.SCANNER

    def __init__(
        self,
        name: str,
        url: str,
        *,
        baudrate: int = 9600,
        terminator: bytes = b"\r",
        prefix: bytes = b"",
        encoding: str = "utf-8",
        reopen_after_s: float = 2.0,
        port: serial.SerialBase | None = None,
    ) -> None:
        super().__init__(name)
        if not url and port is None:
            raise ValidationError("scanner_serial_port_missing")
        if not terminator:
            raise ValidationError("scanner_terminator_missing")
        self.url, self.baudrate, self.terminator, self.prefix = url, baudrate, terminator, prefix
        self.encoding, self.reopen_after_s = encoding, reopen_after_s
        self._port = port
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_scan: ScanListener | None = None

    def describe(self) -> str:
        return self.url

    def start(self, on_scan: ScanListener) -> None:
        if self._thread is not None:
            raise ValidationError("scanner_already_reading", scanner=self.name)
        self._on_scan = on_scan
        self._stop.clear()
        self._thread = threading.Thread(target=self._read_loop, name=f"scanner-{self.name}")
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def close(self) -> None:
        self.stop()
        super().close()

    # -- the reader thread ----------------------------------------------------
    def _reading(self) -> None:
        self.set_status_code(DeviceState.READY, "scanner_reading", port=self.url)

    def _open(self) -> serial.SerialBase | None:
        if self._port is not None:
            return self._port
        try:
            return serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=0.1)
        except (serial.SerialException, ValueError) as exc:
            self.set_status(
                DeviceState.OFFLINE,
                DeviceUnavailable(
                    "scanner_port_unavailable", scanner=self.name, port=self.url, reason=str(exc)
                ),
            )
            return None

    def _read_loop(self) -> None:
        while not self._stop.is_set():
            port = self._open()
            if port is None:
                self._stop.wait(self.reopen_after_s)
                continue
            self._reading()
            try:
                self._read_port(port)
            except (serial.SerialException, OSError) as exc:
                self.set_status(
                    DeviceState.OFFLINE,
                    DeviceUnavailable("scanner_disconnected", scanner=self.name, reason=str(exc)),
                )
                self._stop.wait(self.reopen_after_s)
            finally:
                if self._port is None:
                    port.close()
        if self.status().state == DeviceState.READY:
            self.set_status_code(DeviceState.UNKNOWN, "scanner_stopped")

    def _read_port(self, port: serial.SerialBase) -> None:
        buffer = bytearray()
        port.timeout = 0.1
        while not self._stop.is_set():
            chunk = port.read(port.in_waiting or 1)
            if not chunk:
                continue
            buffer += chunk
            while (end := buffer.find(self.terminator)) >= 0:
                frame = bytes(buffer[:end])
                del buffer[: end + len(self.terminator)]
                self._deliver(frame)
            if len(buffer) > MAX_FRAME:
                self.set_status(
                    DeviceState.ERROR,
                    DeviceError("scanner_no_terminator", scanner=self.name, size=len(buffer)),
                )
                buffer.clear()

    def _deliver(self, frame: bytes) -> None:
        if self.prefix and frame.startswith(self.prefix):
            frame = frame[len(self.prefix) :]
        try:
            text = frame.decode(self.encoding)
        except UnicodeDecodeError:
            self.set_status(
                DeviceState.ERROR,
                DeviceError("scanner_bad_encoding", scanner=self.name, encoding=self.encoding),
            )
            return
        if self.status().state == DeviceState.ERROR:
            self._reading()
        if self._on_scan is not None:
            started = time.perf_counter()
            self._on_scan(Scan(text, self.name))
            if time.perf_counter() - started > 0.5:
                log.warning("scan handler of %s is slow; hand work to another thread", self.name)


def _bytes(value: object, what: str) -> bytes:
    text = str(value)
    try:
        return text.encode("latin-1").decode("unicode_escape").encode("latin-1")
    except (UnicodeError, ValueError):
        raise ValidationError("scanner_bytes_invalid", what=what, text=text) from None


def _factory(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    return SerialScanner(
        config.name,
        str(config.option("url", "")),
        baudrate=int(config.option("baudrate", 9600)),
        terminator=_bytes(config.option("terminator", "\\r"), "the terminator"),
        prefix=_bytes(config.option("prefix", ""), "the prefix"),
    )


register_driver(
    DeviceKind.SCANNER,
    "serial",
    _factory,
    "serial/USB-COM scanner (url, baudrate, terminator such as \\r, optional prefix)",
)


#: The keyboard-wedge scanner has no port: the UI's event filter reads it.
class KeyboardWedgeScanner(Device):
    kind = DeviceKind.SCANNER

    def __init__(self, name: str, prefix: str, suffix: str, max_gap_ms: int) -> None:
        if not 1 <= max_gap_ms <= 200:
            raise ValidationError("scanner_key_gap_invalid")
        if suffix not in ("enter", "tab", ""):
            raise ValidationError("scanner_suffix_invalid")
        super().__init__(name)
        self.prefix, self.suffix, self.max_gap_ms = prefix, suffix, max_gap_ms
        self.set_status_code(DeviceState.UNKNOWN, "scanner_keyboard")

    def describe(self) -> str:
        return "keyboard"

    def start(self, on_scan: ScanListener) -> None:
        return None  # the UI's KeyboardWedgeFilter delivers its scans

    def stop(self) -> None:
        return None


def _wedge(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    return KeyboardWedgeScanner(
        config.name,
        prefix=str(config.option("prefix", "")),
        suffix=str(config.option("suffix", "enter")),
        max_gap_ms=int(config.option("max_gap_ms", 30)),
    )


register_driver(
    DeviceKind.SCANNER,
    "keyboard",
    _wedge,
    "keyboard-wedge scanner (prefix, suffix 'enter'/'tab', max_gap_ms between keys)",
)
