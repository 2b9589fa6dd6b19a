"""Ticket and receipt printers as devices of the device registry.

Each configured printer becomes a ``QueuedPrinter``
(``printing/queued_printer.py``): a ``Device`` (state for the status bar,
``describe()`` for settings) backed by a ``PrintQueue`` with its own worker
thread. Drivers registered here, with their options:

``escpos`` (ticket or receipt printer): ``connection`` = network (``host``,
``port``), usb (``id_vendor``, ``id_product``), serial (``devfile``,
``baudrate``) or file (``devfile``, e.g. /dev/usb/lp0); ``profile``
(python-escpos printer profile), ``text_mode`` (latin, gb18030, big5, raster),
``codepage``, ``width_dots``, ``logo``.
``fgl`` (BOCA ticket printer): ``host`` and ``port`` or ``serial_url`` and
``baudrate``; ``dpi``; ``logo``.
``pdf`` (ticket or receipt "printer" writing files): ``folder``, ``page``
(stock or a4).

A printer learns this terminal's name and where to report what it printed
(``print_log.Recorder``) from the registry that builds it
(``DeviceRegistry(..., terminal=..., recorder=...)``), never from a module
global: ``boxoffice.ops.devices.open_devices(ctx)`` wires both from the
terminal context at start-up.
"""

from __future__ import annotations

from pathlib import Path

from boxoffice.devices.base import Device, DeviceKind
from boxoffice.devices.printing.escpos_ticket import EscPosConfig, EscPosTicketDriver
from boxoffice.devices.printing.fgl import FglConfig, FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_queue import Printer
from boxoffice.devices.printing.queued_printer import QueuedPrinter, test_page
from boxoffice.devices.printing.transports import (
    FolderTransport,
    SerialTransport,
    TcpTransport,
    Transport,
    escpos_device,
)
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry, register_driver
from boxoffice.errors import ValidationError


# -- factories ------------------------------------------------------------------
def _path(value: object) -> Path | None:
    return Path(str(value)) if value else None


def _escpos_transport(config: DeviceConfig) -> Transport:
    kind = str(config.option("connection", "network"))
    if kind == "network":
        host = str(config.option("host", ""))
        if not host:
            raise ValidationError("printer_host_missing")
        return TcpTransport(host, int(config.option("port", 9100)))
    params = {
        k: config.options[k]
        for k in ("id_vendor", "id_product", "devfile", "baudrate")
        if k in config.options
    }
    return escpos_device(kind, **params)


def _escpos(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    driver = EscPosTicketDriver(
        EscPosConfig(
            profile=str(config.option("profile", "default")),
            text_mode=str(config.option("text_mode", "latin")),  # type: ignore[arg-type]
            codepage=str(config.option("codepage", "CP858")),
            width_dots=int(config.option("width_dots", 576)),
            logo=_path(config.option("logo")),
        )
    )
    return QueuedPrinter.build(
        config, registry, Printer(config.name, driver, _escpos_transport(config))
    )


def _fgl(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    host, url = str(config.option("host", "")), str(config.option("serial_url", ""))
    if bool(host) == bool(url):
        raise ValidationError("fgl_connection_missing")
    transport: Transport = (
        TcpTransport(host, int(config.option("port", 9100)))
        if host
        else SerialTransport(url, int(config.option("baudrate", 9600)))
    )
    driver = FglTicketDriver(
        FglConfig(dpi=int(config.option("dpi", 200)), logo=_path(config.option("logo")))
    )
    return QueuedPrinter.build(config, registry, Printer(config.name, driver, transport))


def _pdf(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    folder = str(config.option("folder", ""))
    if not folder:
        raise ValidationError("pdf_folder_missing")
    driver = PdfTicketDriver(page=str(config.option("page", "stock")))  # type: ignore[arg-type]
    return QueuedPrinter.build(
        config, registry, Printer(config.name, driver, FolderTransport(Path(folder)))
    )


for _kind in (DeviceKind.TICKET_PRINTER, DeviceKind.RECEIPT_PRINTER):
    register_driver(
        _kind,
        "escpos",
        _escpos,
        "ESC/POS printer (connection, host/port, usb ids or devfile; text_mode)",
    )
    register_driver(_kind, "pdf", _pdf, "PDF files in a folder (folder; page stock or a4)")
register_driver(
    DeviceKind.TICKET_PRINTER, "fgl", _fgl, "BOCA FGL ticket printer (host/port or serial_url; dpi)"
)

__all__ = ["QueuedPrinter", "test_page"]
