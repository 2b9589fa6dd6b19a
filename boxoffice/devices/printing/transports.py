"""How job bytes reach a printer: TCP (port 9100), serial (``serial_for_url``), python-escpos
devices (Usb, Serial, Network, File), or a folder of files (PDF "printers").

A transport writes a whole job at once and reads whatever the printer sends
back (status bytes). Every failure to reach the printer is a
``PrinterOffline`` with a message for the clerk, never a hang: sockets and
ports have timeouts.
"""

from __future__ import annotations

import contextlib
import itertools
import select
import socket
import threading
import time
from pathlib import Path
from typing import Any, Protocol

import serial

from boxoffice.errors import BoxOfficeError, ValidationError


class PrinterOffline(BoxOfficeError, OSError):
    """The printer cannot be reached (unplugged, switched off, wrong address).

    An ``OSError`` (transports fail like sockets do) with a code and parameters.
    """

    default_code = "printer_offline"


class Transport(Protocol):
    description: str

    def write(self, data: bytes) -> None: ...

    def read(self, timeout: float) -> bytes: ...

    def close(self) -> None: ...


class TcpTransport:
    """Raw TCP, the ``JetDirect`` port 9100 that network ticket and receipt printers listen on."""

    def __init__(self, host: str, port: int = 9100, timeout: float = 3.0) -> None:
        if not host or not 0 < port < 65536:
            raise ValidationError("printer_address_invalid", host=host, port=port)
        self.host, self.port, self.timeout = host, port, timeout
        self.description = f"tcp://{host}:{port}"
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()

    def _connect(self) -> socket.socket:
        with self._lock:
            if self._sock is None:
                try:
                    self._sock = socket.create_connection((self.host, self.port), self.timeout)
                except OSError as exc:
                    raise PrinterOffline(
                        "printer_not_answering", printer=self.description, reason=str(exc)
                    ) from None
            return self._sock

    def write(self, data: bytes) -> None:
        sock = self._connect()
        try:
            sock.sendall(data)
        except OSError as exc:
            self.close()
            raise PrinterOffline(
                "printer_lost", printer=self.description, reason=str(exc)
            ) from None

    def read(self, timeout: float) -> bytes:
        sock = self._sock
        if sock is None:
            time.sleep(timeout)
            return b""
        try:
            # select, not settimeout: the worker may be writing on this socket meanwhile.
            ready, _, _ = select.select([sock], [], [], timeout)
            if not ready:
                return b""
            data = sock.recv(64)
        except (OSError, ValueError):
            return b""
        if not data:  # the printer closed the connection
            self.close()
        return data

    def close(self) -> None:
        with self._lock:
            if self._sock is not None:
                try:
                    self._sock.close()
                finally:
                    self._sock = None


class SerialTransport:
    """A serial or USB-serial printer; ``url`` is anything ``serial_for_url`` takes."""

    def __init__(self, url: str, baudrate: int = 9600, timeout: float = 3.0) -> None:
        self.url, self.baudrate, self.timeout = url, baudrate, timeout
        self.description = url
        self._port: serial.SerialBase | None = None
        self._lock = threading.Lock()

    def _open(self) -> serial.SerialBase:
        with self._lock:
            if self._port is None:
                try:
                    self._port = serial.serial_for_url(
                        self.url, baudrate=self.baudrate, timeout=0.05, write_timeout=self.timeout
                    )
                except (serial.SerialException, ValueError) as exc:
                    raise PrinterOffline(
                        "printer_port_unavailable", port=self.url, reason=str(exc)
                    ) from None
            return self._port

    def write(self, data: bytes) -> None:
        port = self._open()
        try:
            port.write(data)
            port.flush()
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise PrinterOffline("printer_lost_on_port", port=self.url, reason=str(exc)) from None

    def read(self, timeout: float) -> bytes:
        port = self._port
        if port is None:
            time.sleep(timeout)
            return b""
        deadline = time.monotonic() + timeout
        try:
            while True:
                data = port.read(64)
                if data or time.monotonic() >= deadline:
                    return data
        except Exception:  # closed under us (pyserial then fails in odd ways) or unplugged
            return b""

    def close(self) -> None:
        with self._lock:
            if self._port is not None:
                try:
                    self._port.close()
                finally:
                    self._port = None


class EscposTransport:
    """A python-escpos device (Usb, Serial, Network, File) used only to move bytes."""

    def __init__(self, device: Any, description: str) -> None:
        self.device = device
        self.description = description
        self._open = False

    def write(self, data: bytes) -> None:
        try:
            if not self._open:
                self.device.open()
                self._open = True
            self.device._raw(data)
        except Exception as exc:  # python-escpos raises its own, usb.core and OSError kinds
            self.close()
            raise PrinterOffline(
                "printer_unreachable", printer=self.description, reason=str(exc)
            ) from None

    def read(self, timeout: float) -> bytes:
        if not self._open or not hasattr(self.device, "_read"):
            time.sleep(timeout)
            return b""
        try:
            return bytes(self.device._read() or b"")
        except Exception:
            return b""

    def close(self) -> None:
        if self._open:
            with contextlib.suppress(Exception):  # closing a vanished device
                self.device.close()
            self._open = False


def escpos_device(kind: str, **params: Any) -> EscposTransport:
    """``usb`` (id_vendor, id_product), ``serial`` (devfile, baudrate), ``network`` (host,
    port), ``file`` (devfile): the python-escpos connection classes."""
    from escpos import printer as ep

    try:
        if kind == "usb":
            dev = ep.Usb(int(params["id_vendor"]), int(params["id_product"]), timeout=3000)
            desc = f"usb:{int(params['id_vendor']):04x}:{int(params['id_product']):04x}"
        elif kind == "serial":
            dev = ep.Serial(
                devfile=str(params["devfile"]),
                baudrate=int(params.get("baudrate", 9600)),
                timeout=3,
            )
            desc = str(params["devfile"])
        elif kind == "network":
            host, port = str(params["host"]), int(params.get("port", 9100))
            dev = ep.Network(host, port, timeout=3)
            desc = f"tcp://{host}:{port}"
        elif kind == "file":
            dev = ep.File(devfile=str(params["devfile"]))
            desc = str(params["devfile"])
        else:
            raise ValidationError("escpos_connection_unknown", connection=kind)
    except KeyError as exc:
        raise ValidationError(
            "escpos_connection_incomplete", connection=kind, setting=exc.args[0]
        ) from None
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            "escpos_connection_invalid", connection=kind, reason=str(exc)
        ) from None
    return EscposTransport(dev, desc)


class FolderTransport:
    """A "printer" that saves each job as a file: PDFs for email, demos and tests."""

    _counter = itertools.count(1)

    def __init__(self, folder: Path, suffix: str = ".pdf") -> None:
        self.folder, self.suffix = Path(folder), suffix
        self.description = str(folder)

    def write(self, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = self.folder / f"job-{stamp}-{next(self._counter):05d}{self.suffix}"
            path.write_bytes(data)
        except OSError as exc:
            raise PrinterOffline(
                "pdf_folder_unwritable", folder=str(self.folder), reason=str(exc)
            ) from None

    def read(self, timeout: float) -> bytes:
        time.sleep(timeout)
        return b""

    def close(self) -> None:
        return None
