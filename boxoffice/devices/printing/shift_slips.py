"""Z and X slips on the receipt printer: the driver's side only.

Finding this terminal's receipt printer (``receipt_printer``), asking it
whether it can print a slip now (``ready_for_slips``, before anything is
recorded) and refusing a ticket printer for slips. Who may print a slip and
its audit entry are the shift service's (``boxoffice.shifts.slips``); the op
that checks, records and queues a slip is ``boxoffice.ops.cash.print_z_slip``.
The queue's worker logs the outcome in the print log under the slip's
reference (Z number and SHA-256 prefix, as on the paper).
"""

from __future__ import annotations

from boxoffice.devices.base import DeviceKind, DeviceUnavailable
from boxoffice.devices.printing.print_queue import (
    STATUS_CODE,
    STOPPING,
    PrinterStatus,
    PrintQueue,
    QueueState,
)
from boxoffice.devices.printing.queued_printer import QueuedPrinter
from boxoffice.devices.printing.transports import PrinterOffline
from boxoffice.devices.registry import DeviceRegistry
from boxoffice.errors import BoxOfficeError, NotFound, ValidationError
from boxoffice.messages import Notice


def for_receipt_printer(queue: PrintQueue, slip: str) -> None:
    """Refuse before anything is recorded: BOCA ticket printers have no roll for slips.

    ``slip`` is ``"z"`` or ``"x"``.
    """
    if queue.printer.protocol == "fgl":
        raise ValidationError("slip_on_ticket_printer", printer=queue.printer.name, slip=slip)


def receipt_printer(registry: DeviceRegistry, name: str | None = None) -> QueuedPrinter:
    """Receipt printer ``name`` (default: this terminal's receipt printer) as a device.

    Refuses a device that is not a receipt printer and one that could not be set up,
    with the reason.
    """
    if name is not None:
        config = next((c for c in registry.configs() if c.name == name), None)
        if config is None:
            raise NotFound("slip_printer_not_found", printer=name)
        if config.kind != DeviceKind.RECEIPT_PRINTER:
            kind = config.kind.value.replace("_", " ")
            raise ValidationError("slip_printer_not_receipt", printer=name, kind=kind)
        device = registry.get(name)
    else:
        device = registry.for_kind(DeviceKind.RECEIPT_PRINTER)
    if not isinstance(device, QueuedPrinter):
        status = device.status()
        if status.code:  # it could not be set up: say why, by its code
            raise DeviceUnavailable(status.code, **status.params)
        if status.message:
            raise DeviceUnavailable(
                "device_failed_to_start", device=device.name, reason=status.message
            )
        raise DeviceUnavailable("device_not_a_printer", device=device.name)
    return device


def receipt_printer_queue(registry: DeviceRegistry, name: str | None = None) -> PrintQueue:
    """The print queue of receipt printer ``name`` (see ``receipt_printer``)."""
    return receipt_printer(registry, name).print_queue


class SlipPrinterProblem(DeviceUnavailable):
    """The receipt printer cannot take a slip now; ``cause`` says why (a coded refusal or notice).

    ``reason`` is the cause in English (logs); ``reason_text(lang)`` renders it
    in the terminal's language.
    """

    def __init__(self, printer: str, cause: BoxOfficeError | Notice) -> None:
        super().__init__("slip_printer_problem", printer=printer, reason=cause)
        self.printer = printer
        self.cause = cause
        self.reason = str(cause)

    def reason_text(self, lang: str = "en") -> str:
        return self.cause.message(lang)


def ready_for_slips(queue: PrintQueue) -> PrinterStatus:
    """Ask the printer how it is before a slip is recorded; refuse if it cannot print.

    Blocks for the printer's answer (connection and status timeouts), so call it
    on a device thread, never on a UI thread. A queue paused earlier (paper
    out, offline) is resumed once the printer answers well again: asking for a
    slip is the clerk saying the printer was seen to. While the queue prints,
    the printer is not asked (its connection is busy) and the slip queues
    behind. ``UNKNOWN`` (no status reply) is not refused: such printers print,
    and the slip is then logged as unconfirmed.
    """
    name = queue.printer.name
    view = queue.view()
    if view.state == QueueState.PRINTING:
        return view.status
    try:
        status = queue.probe()
    except PrinterOffline as exc:
        raise SlipPrinterProblem(name, exc) from None
    if status in STOPPING:
        raise SlipPrinterProblem(name, Notice(STATUS_CODE, {"status": status.value}))
    if view.state == QueueState.PAUSED:
        queue.resume()
    return status
