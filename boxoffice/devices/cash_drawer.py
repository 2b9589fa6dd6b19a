"""Cash drawers: a pulse through the receipt printer, or a drawer on its own serial port.

Most box-office drawers hang off the receipt printer's RJ11 "DK" port and
open on the ESC/POS pulse ``ESC p m t1 t2`` (python-escpos ``cashdraw``);
some stand alone on a serial/USB-COM port and open on a byte. Either way the
pulse goes out on the drawer's own thread, so ``open()`` returns at once,
and an absent drawer says so instead of hanging (every connection has a
timeout).

When it opens is not decided here: the ops that take cash or record a
no-sale call ``boxoffice.ops.devices.open_drawer`` after their commit, which
queues the pulse — before any ticket reaches the printer.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

import serial

from boxoffice.devices.base import Device, DeviceKind, DeviceUnavailable, ReceiptPrinter
from boxoffice.devices.printing.escpos_ticket import dummy
from boxoffice.devices.registry import DeviceConfig, register_driver
from boxoffice.errors import ValidationError

if TYPE_CHECKING:
    from boxoffice.devices.registry import DeviceRegistry

#: Connection timeout: a drawer that does not take a pulse in this time is "offline".
TIMEOUT_S = 3.0


def pulse_bytes(pin: int = 2) -> bytes:
    """The ESC/POS drawer pulse for connector pin 2 or 5, as python-escpos builds it."""
    if pin not in (2, 5):
        raise ValidationError("drawer_pin_invalid", pin=pin)
    job = dummy()
    job.cashdraw(pin)
    return job.output


class EscposDrawer(Device):
    """A drawer on an ESC/POS receipt printer reached over TCP (port 9100) or serial."""

    kind = DeviceKind.CASH_DRAWER

    def __init__(
        self,
        name: str,
        *,
        host: str = "",
        port: int = 9100,
        serial_url: str = "",
        baudrate: int = 19200,
        pin: int = 2,
        timeout: float = TIMEOUT_S,
    ) -> None:
        super().__init__(name)
        if bool(host) == bool(serial_url):
            raise ValidationError("drawer_printer_address_missing")
        self.pulse = pulse_bytes(pin)
        self.host, self.port, self.serial_url, self.baudrate = host, port, serial_url, baudrate
        self.timeout = timeout

    def describe(self) -> str:
        return f"{self.host}:{self.port}" if self.host else self.serial_url

    def open(self) -> Future[None]:
        return self.run(self._send)

    def _send(self) -> None:
        if self.host:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as sock:
                sock.sendall(self.pulse)
        else:
            _write_serial(self.serial_url, self.baudrate, self.pulse, self.timeout)


class SerialDrawer(Device):
    """A stand-alone drawer on a serial/USB-COM port that opens on a command byte."""

    kind = DeviceKind.CASH_DRAWER

    def __init__(
        self,
        name: str,
        url: str,
        *,
        baudrate: int = 9600,
        command: bytes = b"\x07",
        timeout: float = TIMEOUT_S,
    ) -> None:
        super().__init__(name)
        if not url:
            raise ValidationError("drawer_serial_port_missing")
        if not command:
            raise ValidationError("drawer_serial_command_missing")
        self.url, self.baudrate, self.command, self.timeout = url, baudrate, command, timeout

    def describe(self) -> str:
        return self.url

    def open(self) -> Future[None]:
        return self.run(_write_serial, self.url, self.baudrate, self.command, self.timeout)


class PrinterDrawer(Device):
    """A drawer on the receipt printer that the print queue already drives (shares its port)."""

    kind = DeviceKind.CASH_DRAWER

    def __init__(
        self, name: str, printer: Callable[[], ReceiptPrinter | Device], pin: int = 2
    ) -> None:
        super().__init__(name)
        pulse_bytes(pin)  # validates the pin
        self._printer, self.pin = printer, pin

    def open(self) -> Future[None]:
        printer = self._printer()
        kick = getattr(printer, "kick_drawer", None)
        if kick is None:
            return self.run(_refuse, "drawer_not_on_printer", printer.name)
        return kick(self.pin)


def _refuse(code: str, printer: str) -> None:
    raise DeviceUnavailable(code, printer=printer)


def _write_serial(url: str, baudrate: int, data: bytes, timeout: float) -> None:
    try:
        port = serial.serial_for_url(url, baudrate=baudrate, timeout=timeout, write_timeout=timeout)
    except (serial.SerialException, ValueError) as exc:
        raise DeviceUnavailable("drawer_port_unavailable", port=url, reason=str(exc)) from exc
    try:
        port.write(data)
        port.flush()
    except serial.SerialTimeoutException as exc:
        raise DeviceUnavailable("drawer_pulse_timeout", port=url) from exc
    finally:
        port.close()


# -- driver registration ----------------------------------------------------------
def _hex(value: object, what: str) -> bytes:
    try:
        return bytes.fromhex(str(value))
    except ValueError:
        raise ValidationError("drawer_hex_invalid", what=what) from None


def _escpos(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    return EscposDrawer(
        config.name,
        host=str(config.option("host", "")),
        port=int(config.option("port", 9100)),
        serial_url=str(config.option("serial_url", "")),
        baudrate=int(config.option("baudrate", 19200)),
        pin=int(config.option("pin", 2)),
    )


def _serial(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    return SerialDrawer(
        config.name,
        str(config.option("url", "")),
        baudrate=int(config.option("baudrate", 9600)),
        command=_hex(config.option("command", "07"), "the open command"),
    )


def _printer(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    printer = str(config.option("printer", ""))
    if not printer:
        raise ValidationError("drawer_printer_missing")
    return PrinterDrawer(config.name, lambda: registry.get(printer), int(config.option("pin", 2)))


register_driver(
    DeviceKind.CASH_DRAWER,
    "printer",
    _printer,
    "drawer on the receipt printer device named in 'printer' (shares its queue)",
)
register_driver(
    DeviceKind.CASH_DRAWER,
    "escpos",
    _escpos,
    "drawer on an ESC/POS receipt printer (host/port or serial_url; pin 2 or 5)",
)
register_driver(
    DeviceKind.CASH_DRAWER,
    "serial",
    _serial,
    "stand-alone serial drawer (url, baudrate, command in hex)",
)
