"""Z and X slips to the receipt printer: who may print them, the audit entry, the queue.

A Z slip is a print of a report that is already signed and stored, so printing
it is a supervisor's job (``report_z``), with one exception: the clerk whose
shift it is may print it for ``OWN_SLIP_WINDOW`` after the close (the slip
that goes into the cash bag with the count, or again if that one jammed).
Every Z slip is audited (``report.z_slip``) before it is queued; the queue's
worker logs the outcome in the print log under the slip's reference (Z number
and SHA-256 prefix, as on the paper). Once a slip of a Z report has come out,
every later one says REPRINT and is logged as a reprint.

An X slip shows the running expected cash, so it needs ``report_x``
(``close.x_report`` checks and audits it as ``report.x``).

Before a slip is recorded, ``ready_for_slips`` asks the printer how it is
(the admin CLI and the desktop client both do), so a printer that is off or
out of paper is refused with nothing audited or logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.devices.base import DeviceKind, DeviceUnavailable
from boxoffice.devices.printers import QueuedPrinter
from boxoffice.devices.printing import print_log, z_slip
from boxoffice.devices.printing.print_queue import (
    MESSAGES,
    STOPPING,
    PrinterStatus,
    PrintJob,
    PrintQueue,
    QueueState,
)
from boxoffice.devices.printing.transports import PrinterOffline
from boxoffice.devices.registry import DeviceRegistry
from boxoffice.errors import NotFound, ValidationError
from boxoffice.reports.model import business_day, report_timezone
from boxoffice.shifts import close
from boxoffice.store import Store
from boxoffice.store.models import Override, PrintOutcome, Shift, ZReport

#: How long after the close the clerk may print their own Z slip without a supervisor.
OWN_SLIP_WINDOW = timedelta(minutes=15)


def find_z_report(
    session: Session, *, z_report_id: int | None = None, terminal: str = "", number: int = 0
) -> ZReport:
    """A stored Z report by id, or by terminal and number."""
    if z_report_id is not None:
        row = session.get(ZReport, z_report_id)
        if row is None:
            raise NotFound(f"no Z report with id {z_report_id}")
        return row
    if not terminal or number < 1:
        raise ValidationError("name the Z report: its id, or its terminal and number")
    return close.z_report(session, terminal=terminal, number=number)


def _own_fresh(shift: Shift, z: ZReport, actor: Actor, now: datetime) -> bool:
    own = shift.username == actor.username and shift.terminal == actor.terminal
    return own and timedelta(0) <= now - z.created_at <= OWN_SLIP_WINDOW


def _copies(session: Session, reference: str) -> int:
    """Slips of this Z that came out (printed, or sent without a status reply)."""
    return sum(
        e.outcome in (PrintOutcome.PRINTED, PrintOutcome.UNCONFIRMED)
        for e in print_log.history(session, kind="z_slip", order_number=reference)
    )


def _for_receipt_printer(queue: PrintQueue, what: str) -> None:
    """Refuse before anything is recorded: BOCA ticket printers have no roll for slips."""
    if queue.printer.protocol == "fgl":
        raise ValidationError(
            f"{queue.printer.name} is a ticket printer; {what} print on the receipt printer"
        )


def print_z_slip(
    store: Store,
    actor: Actor,
    queue: PrintQueue,
    *,
    z_report_id: int | None = None,
    terminal: str = "",
    number: int = 0,
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> PrintJob:
    """Queue the slip of a stored Z report on the receipt printer's ``queue``; returns the job.

    ``job.done`` resolves with the ``PrintOutcome`` once the printer is done
    (``job.id`` cancels it while it waits). Refuses, recording nothing, when the
    actor may not print it, the report is unknown, or its stored content no
    longer matches the hash the audit chain holds (a changed report is never
    printed as if it were the signed one).
    """
    now = now or utc_now()
    _for_receipt_printer(queue, "Z slips")
    with store.write() as s:
        z = find_z_report(s, z_report_id=z_report_id, terminal=terminal, number=number)
        shift = s.get(Shift, z.shift_id)
        if shift is None:  # pragma: no cover - the foreign key forbids it
            raise NotFound(f"the shift of Z {z.number} at {z.terminal} is missing")
        own = _own_fresh(shift, z, actor, now)
        if not own:
            require(
                s,
                actor,
                Permission.REPORT_Z,
                subject=f"shift:{shift.id}",
                overrides=overrides,
                now=now,
            )
        if not close.verify(s, z):
            raise ValidationError(
                f"Z {z.number} at {z.terminal} does not match the hash in the audit log; "
                "it is not printed (run verify-audit)"
            )
        slip = z_slip.from_z_report(z, printed_at=now)
        reprint = _copies(s, slip.reference) > 0
        slip = replace(slip, reprint=reprint)
        audit.record(
            s,
            actor,
            "report.z_slip",
            f"shift:{shift.id}",
            {
                "terminal": z.terminal,
                "z_number": z.number,
                "sha256": z.sha256,
                "printer": queue.printer.name,
                "reprint": reprint,
                "own_shift": own,
            },
            at=now,
        )
    job = PrintJob("z_slip", actor, slip=slip, reprint=reprint)
    queue.submit(job)
    return job


def print_x_slip(
    store: Store, actor: Actor, queue: PrintQueue, shift_id: int, *, now: datetime | None = None
) -> PrintJob:
    """Queue the running figures of an open shift as a slip (``report_x``, audited)."""
    now = now or utc_now()
    _for_receipt_printer(queue, "X slips")
    with store.write() as s:
        content = close.x_report(s, actor, shift_id, now=now)
    job = PrintJob("x_slip", actor, slip=z_slip.Slip(content, printed_at=now))
    queue.submit(job)
    return job


def receipt_printer(registry: DeviceRegistry, name: str | None = None) -> QueuedPrinter:
    """Receipt printer ``name`` (default: this terminal's receipt printer) as a device.

    Refuses a device that is not a receipt printer and one that could not be set up,
    with the reason.
    """
    if name is not None:
        config = next((c for c in registry.configs() if c.name == name), None)
        if config is None:
            raise NotFound(f"no printer named {name!r} (see `device list`)")
        if config.kind != DeviceKind.RECEIPT_PRINTER:
            kind = config.kind.value.replace("_", " ")
            raise ValidationError(
                f"{name} is a {kind}, not a receipt printer; Z slips print on the receipt printer"
            )
        device = registry.get(name)
    else:
        device = registry.for_kind(DeviceKind.RECEIPT_PRINTER)
    if not isinstance(device, QueuedPrinter):
        raise DeviceUnavailable(device.status().message or f"{device.name} is not a printer")
    return device


def receipt_printer_queue(registry: DeviceRegistry, name: str | None = None) -> PrintQueue:
    """The print queue of receipt printer ``name`` (see ``receipt_printer``)."""
    return receipt_printer(registry, name).print_queue


class SlipPrinterProblem(DeviceUnavailable):
    """The receipt printer cannot take a slip now; ``reason`` is the printer's or queue's words."""

    def __init__(self, printer: str, reason: str) -> None:
        super().__init__(f"{printer}: {reason}")
        self.printer = printer
        self.reason = reason


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
        raise SlipPrinterProblem(name, str(exc)) from None
    if status in STOPPING:
        raise SlipPrinterProblem(name, MESSAGES[status])
    if view.state == QueueState.PAUSED:
        queue.resume()
    return status


@dataclass(frozen=True)
class ZSlipChoice:
    """A stored Z report someone may want a (new) slip of, and how many slips came out."""

    z_report_id: int
    terminal: str
    number: int
    shift_id: int
    clerk: str
    closed_by: str
    closed_at: datetime
    reference: str
    #: Slips printed or sent (unconfirmed) so far; the next one says REPRINT if above 0.
    copies: int


def z_reports_of_day(
    session: Session, terminal: str, on: date | None = None, *, now: datetime | None = None
) -> list[ZSlipChoice]:
    """The Z reports closed at ``terminal`` on business day ``on`` (default today), in order.

    Listing them needs no permission (printing one does): it shows who closed
    when, never an amount.
    """
    if on is None:
        on = (now or utc_now()).astimezone(report_timezone(session)).date()
    day = business_day(session, on)
    rows = session.scalars(
        select(ZReport)
        .where(
            ZReport.terminal == terminal,
            ZReport.created_at >= day.start,
            ZReport.created_at < day.end,
        )
        .order_by(ZReport.number)
    ).all()
    choices = []
    for z in rows:
        content = close.content_of(z)
        reference = z_slip.from_z_report(z).reference
        copies = _copies(session, reference)
        choices.append(
            ZSlipChoice(
                z_report_id=z.id,
                terminal=z.terminal,
                number=z.number,
                shift_id=z.shift_id,
                clerk=str(content.get("clerk", "")),
                closed_by=str(content.get("closed_by", "")),
                closed_at=z.created_at,
                reference=reference,
                copies=copies,
            )
        )
    return choices
