"""Ticket and receipt printers as devices of the device registry.

Each configured printer becomes a ``QueuedPrinter``: a ``Device`` (state for
the status bar, ``describe()`` for settings) backed by a ``PrintQueue`` with
its own worker thread. Drivers registered here, with their options:

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

from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from boxoffice.actor import Actor, system_actor
from boxoffice.devices.base import Device, DeviceKind, DeviceState, DeviceUnavailable
from boxoffice.devices.printing.escpos_ticket import (
    EscPosConfig,
    EscPosTicketDriver,
    EscPosWriter,
    dummy,
)
from boxoffice.devices.printing.fgl import FglBuilder, FglConfig, FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_log import Recorder
from boxoffice.devices.printing.print_queue import (
    Printer,
    PrinterStatus,
    PrintJob,
    PrintQueue,
    QueueState,
    QueueView,
)
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.devices.printing.transports import (
    FolderTransport,
    SerialTransport,
    TcpTransport,
    Transport,
    escpos_device,
)
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry, register_driver
from boxoffice.errors import ValidationError

_STATE = {
    PrinterStatus.READY: DeviceState.READY,
    PrinterStatus.PAPER_LOW: DeviceState.READY,
    PrinterStatus.UNKNOWN: DeviceState.UNKNOWN,
    PrinterStatus.OFFLINE: DeviceState.OFFLINE,
    PrinterStatus.OUT_OF_PAPER: DeviceState.ERROR,
    PrinterStatus.PAPER_JAM: DeviceState.ERROR,
    PrinterStatus.CUTTER_JAM: DeviceState.ERROR,
}


class QueuedPrinter(Device):
    """A ticket or receipt printer: jobs go to its print queue and never block the caller."""

    def __init__(
        self,
        name: str,
        kind: DeviceKind,
        printer: Printer,
        *,
        terminal: str = "",
        recorder: Recorder | None = None,
    ) -> None:
        super().__init__(name)
        self.kind = kind
        self.printer = printer
        self.terminal = terminal
        self.print_queue = PrintQueue(
            printer, recorder=recorder, terminal=terminal, on_change=self._changed
        ).start()

    @classmethod
    def build(
        cls, config: DeviceConfig, registry: DeviceRegistry, printer: Printer
    ) -> QueuedPrinter:
        """``printer`` as the registry's device: its terminal and recorder come from there."""
        return cls(
            config.name,
            config.kind,
            printer,
            terminal=registry.terminal,
            recorder=registry.recorder,
        )

    def _actor(self, actor: Actor | None) -> Actor:
        return actor or system_actor(self.terminal or "terminal")

    def _changed(self, view: QueueView) -> None:
        if view.state == QueueState.PRINTING:
            self.set_status(DeviceState.BUSY, "printing")
        else:
            state = DeviceState.ERROR if view.state == QueueState.PAUSED else _STATE[view.status]
            if view.status == PrinterStatus.OFFLINE:
                state = DeviceState.OFFLINE
            self.set_status(state, view.message)

    def describe(self) -> str:
        return f"{self.printer.protocol} on {self.printer.transport.description}"

    def print_tickets(
        self, tickets: Sequence[TicketData], actor: Actor | None = None, reprint: bool = False
    ) -> Future[Any]:
        job = PrintJob("ticket", self._actor(actor), tuple(tickets), reprint=reprint)
        self.print_queue.submit(job)
        return job.done

    def print_receipt(self, receipt: Any, actor: Actor | None = None) -> Future[Any]:
        job = PrintJob("receipt", self._actor(actor), receipt=receipt)
        self.print_queue.submit(job)
        return job.done

    def test_print(self) -> Future[Any]:
        job = PrintJob("test", self._actor(None), data=test_page(self.printer))
        self.print_queue.submit(job)
        return job.done

    def kick_drawer(self, pin: int = 2) -> Future[Any]:
        if self.printer.protocol != "escpos":
            future: Future[Any] = Future()
            future.set_exception(DeviceUnavailable("drawer_not_on_printer", printer=self.name))
            return future
        if pin not in (2, 5):
            raise ValidationError("drawer_pin_invalid", pin=pin)
        d = dummy()
        d.cashdraw(pin)
        return self.print_queue.send_raw(d.output, self._actor(None))

    def resume(self) -> None:
        self.print_queue.resume()

    def redirect(self, other: QueuedPrinter) -> int:
        return self.print_queue.redirect(other.print_queue)

    def close(self) -> None:
        self.print_queue.stop()
        super().close()


def test_page(printer: Printer) -> bytes:
    """A short page proving text, barcode and cutter: what "test print" sends."""
    driver = printer.driver
    title = f"Test print: {printer.name}"
    if isinstance(driver, EscPosTicketDriver):
        w = EscPosWriter(driver.config)
        w.line(title, "large", True, "center")
        w.line(printer.transport.description, "small", False, "center")
        w.qr("TEST", 20)
        w.cut()
        return w.finish()
    if isinstance(driver, FglTicketDriver):
        b = FglBuilder().rc(40, 40).font(3).hw(1, 1).text(title)
        b.rc(100, 40).font(2).text(printer.transport.description)
        return b.rc(150, 40).code128("TEST", 2).print_and_cut().bytes()
    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(72, 760, title)
    c.save()
    return buf.getvalue()


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
