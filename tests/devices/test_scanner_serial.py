"""Serial scanners on ``loop://`` and a real pseudo-terminal, and what their scans become."""

from __future__ import annotations

import os
import queue
import time

import pytest
import serial

from boxoffice.devices.base import DeviceKind, DeviceState, Scan
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.devices.scanners.serial_scanner import SerialScanner
from tests.devices import device_fixtures

# Fixtures shared with other test packages, bound here by name.
pty_pair = device_fixtures.pty_pair


def _collect() -> tuple[queue.Queue[Scan], object]:
    got: queue.Queue[Scan] = queue.Queue()
    return got, got.put


def _wait_state(scanner: SerialScanner, state: DeviceState, timeout: float = 3) -> None:
    deadline = time.monotonic() + timeout
    while scanner.status().state != state:
        assert time.monotonic() < deadline, f"still {scanner.status()}"
        time.sleep(0.02)


def test_codes_on_loop_url_become_scans_in_order() -> None:
    port = serial.serial_for_url("loop://", timeout=0.1)
    scanner = SerialScanner("Gate 1", "loop://", port=port)
    got, put = _collect()
    scanner.start(put)
    try:
        port.write(b"W1-000123\r131234567890123456\r")
        first, second = got.get(timeout=3), got.get(timeout=3)
        assert (first.text, second.text) == ("W1-000123", "131234567890123456")
        assert first.source == "Gate 1"
        # A code split across reads is put back together.
        port.write(b"BXABC")
        time.sleep(0.25)
        assert got.empty()
        port.write(b"DEF\r")
        assert got.get(timeout=3).text == "BXABCDEF"
    finally:
        scanner.close()


def test_prefix_is_stripped_and_noise_without_terminator_is_reported() -> None:
    port = serial.serial_for_url("loop://", timeout=0.1)
    scanner = SerialScanner("Gate 1", "loop://", port=port, prefix=b"\x02", terminator=b"\x03")
    got, put = _collect()
    scanner.start(put)
    try:
        port.write(b"\x02W1-000001\x03")
        assert got.get(timeout=3).text == "W1-000001"
        port.write(b"x" * 1100)
        _wait_state(scanner, DeviceState.ERROR)
        assert "no terminator" in scanner.status().message
        assert got.empty()
        # The next good code clears the fault.
        port.write(b"\x02W1-000002\x03")
        assert got.get(timeout=3).text == "W1-000002"
        assert scanner.status().state == DeviceState.READY
    finally:
        scanner.close()


def test_bytes_that_are_not_text_give_a_fault_not_a_scan() -> None:
    port = serial.serial_for_url("loop://", timeout=0.1)
    scanner = SerialScanner("Gate 1", "loop://", port=port)
    got, put = _collect()
    scanner.start(put)
    try:
        port.write(b"\xff\xfe\r")
        _wait_state(scanner, DeviceState.ERROR)
        assert "not utf-8" in scanner.status().message
        assert got.empty()
    finally:
        scanner.close()


def test_scanner_on_a_pty_through_the_registry(pty_pair: tuple[int, str]) -> None:
    master, path = pty_pair
    registry = DeviceRegistry(
        [DeviceConfig("Gun", DeviceKind.SCANNER, "serial", {"url": path, "terminator": "\\r\\n"})]
    )
    scanner = registry.for_kind(DeviceKind.SCANNER)
    got, put = _collect()
    scanner.start(put)  # type: ignore[attr-defined]
    try:
        _wait_state(scanner, DeviceState.READY)  # type: ignore[arg-type]
        os.write(master, b"281234567890123456\r\n")
        assert got.get(timeout=3).text == "281234567890123456"
    finally:
        registry.close()


def test_missing_port_is_offline_and_stop_does_not_hang() -> None:
    scanner = SerialScanner("Gate 1", "/dev/ttyACM-not-here", reopen_after_s=0.1)
    got, put = _collect()
    scanner.start(put)
    _wait_state(scanner, DeviceState.OFFLINE)
    assert "ttyACM-not-here cannot be opened" in scanner.status().message
    started = time.monotonic()
    scanner.close()
    assert time.monotonic() - started < 1.5
    assert got.empty()


def test_unplugged_mid_session_goes_offline() -> None:
    import tty

    master, slave = os.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    scanner = SerialScanner("Gate 1", path, reopen_after_s=0.1)
    got, put = _collect()
    scanner.start(put)
    try:
        _wait_state(scanner, DeviceState.READY)
        os.write(master, b"W1-000001\r")
        assert got.get(timeout=3).text == "W1-000001"
        os.close(master)  # the other end hangs up, as a pulled USB-serial adapter does
        _wait_state(scanner, DeviceState.OFFLINE)
        assert "disconnected" in scanner.status().message
    finally:
        scanner.close()
        os.close(slave)


@pytest.mark.parametrize(
    ("options", "message"),
    [({}, "needs its port"), ({"url": "loop://", "terminator": ""}, "terminator")],
)
def test_bad_scanner_settings_are_named(options: dict[str, str], message: str) -> None:
    registry = DeviceRegistry([DeviceConfig("Gun", DeviceKind.SCANNER, "serial", options)])
    status = registry.get("Gun").status()
    assert status.state == DeviceState.NOT_CONFIGURED
    assert message in status.message
