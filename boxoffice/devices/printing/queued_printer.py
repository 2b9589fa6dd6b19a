"""A ticket or receipt printer as a device: a ``Device`` in front of its print queue.

``QueuedPrinter`` gives the status bar and the settings screen a printer's
state (from its ``PrintQueue``'s view) and never blocks its caller: tickets,
receipts, test pages and drawer kicks are jobs on the queue's own thread.
Which printers exist and how they are reached is ``boxoffice.devices.printers``
(the registry's drivers); a printer learns this terminal's name and where to
report what it printed (``print_log.Recorder``) from the registry that builds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from boxoffice.actor import Actor, system_actor
from boxoffice.devices.base import Device, DeviceKind, DeviceState, DeviceUnavailable
from boxoffice.devices.printing.escpos_ticket import EscPosTicketDriver, EscPosWriter, dummy
from boxoffice.devices.printing.fgl import FglBuilder, FglTicketDriver
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
from boxoffice.errors import BoxOfficeError, ValidationError

if TYPE_CHECKING:
    from boxoffice.devices.registry import DeviceConfig, DeviceRegistry

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
            self.set_status_code(DeviceState.BUSY, "printer_printing")
        else:
            state = DeviceState.ERROR if view.state == QueueState.PAUSED else _STATE[view.status]
            if view.status == PrinterStatus.OFFLINE:
                state = DeviceState.OFFLINE
            self.set_status(state, BoxOfficeError(view.code, **view.params))

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


__all__ = ["QueuedPrinter", "test_page"]
