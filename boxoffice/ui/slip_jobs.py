"""Z slips from the desktop client: this terminal's receipt printer and the store jobs.

Nothing here touches Qt. The Cash screen prints a slip in three hops, each on
the thread that owns what it touches:

1. ``ReceiptPrinterRoute.check()`` asks the printer on the printer's own
   device thread (a switched-off printer takes seconds to time out; neither
   the UI nor the store worker waits for that);
2. ``ReceiptPrinterRoute.print_z(...)`` is a store job: ``print_z_slip``
   checks the permission, verifies the stored report against the audit
   chain, audits and queues the slip;
3. the screen watches the job's ``done`` Future and the queue's state
   (a pause cancels the job, again on the device thread: cancelling logs).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from boxoffice.devices.base import DeviceKind
from boxoffice.errors import BoxOfficeError, PermissionDenied

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.devices.printing.print_queue import PrinterStatus, PrintJob, PrintQueue
    from boxoffice.devices.printing.shift_slips import ZSlipChoice
    from boxoffice.devices.registry import DeviceRegistry
    from boxoffice.store import Store
    from boxoffice.store.models import Override
    from boxoffice.ui.cash_jobs import Job


@dataclass(frozen=True)
class SlipQueued:
    """A Z slip recorded (audited) and waiting in the receipt printer's queue."""

    job: PrintJob
    queue: PrintQueue
    terminal: str
    number: int

    @property
    def printer(self) -> str:
        return self.queue.printer.name

    @property
    def reprint(self) -> bool:
        return self.job.reprint


@dataclass(frozen=True)
class SlipNeedsSupervisor:
    """The actor may not print this Z slip; a supervisor's ``report_z`` override would do."""

    message: str
    #: What the supervisor approves ("shift:<id>"), as ``print_z_slip`` checks it.
    subject: str


def _failed(error: BaseException) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_exception(error)
    return future


class ReceiptPrinterRoute:
    """This terminal's receipt printer as the Cash screen uses it: for Z slips.

    Holds the client's ``DeviceRegistry`` (the app owns and closes it); builds
    nothing until a slip is printed.
    """

    def __init__(self, registry: DeviceRegistry) -> None:
        self.registry = registry

    def available(self) -> bool:
        """Whether a receipt printer is set up here (a broken one too: printing says why)."""
        return self.registry.name_for(DeviceKind.RECEIPT_PRINTER) is not None

    def printer_name(self) -> str:
        return self.registry.name_for(DeviceKind.RECEIPT_PRINTER) or ""

    def check(self) -> Future[PrinterStatus]:
        """Ask the printer, on its device thread, whether it can print a slip now."""
        from boxoffice.devices.printing import shift_slips

        try:
            printer = shift_slips.receipt_printer(self.registry)
        except BoxOfficeError as exc:
            return _failed(exc)
        return printer.queue.submit(shift_slips.ready_for_slips, printer.print_queue)

    def cancel(self, queued: SlipQueued) -> Future[bool]:
        """Take a waiting slip out of the queue (it is logged as cancelled), off the UI thread."""
        from boxoffice.devices.printing import shift_slips

        try:
            printer = shift_slips.receipt_printer(self.registry)
        except BoxOfficeError as exc:
            return _failed(exc)
        return printer.queue.submit(queued.queue.cancel, queued.job.id)

    def print_z(
        self, actor: Actor, terminal: str, number: int, overrides: Sequence[Override] = ()
    ) -> Job:
        """The store job that records and queues the slip of the stored Z ``number``.

        A refusal a supervisor could lift (``report_z``) comes back as
        ``SlipNeedsSupervisor`` when no override was given; anything else is
        raised as the service words it.
        """
        registry = self.registry

        def job(store: Store) -> SlipQueued | SlipNeedsSupervisor:
            from boxoffice.devices.printing import shift_slips

            queue = shift_slips.receipt_printer_queue(registry)
            try:
                printed = shift_slips.print_z_slip(
                    store, actor, queue, terminal=terminal, number=number, overrides=overrides
                )
            except PermissionDenied as exc:
                if overrides:
                    raise
                with store.read() as session:
                    z = shift_slips.find_z_report(session, terminal=terminal, number=number)
                    return SlipNeedsSupervisor(str(exc), f"shift:{z.shift_id}")
            return SlipQueued(printed, queue, terminal, number)

        return job


def todays_z_reports(terminal: str) -> Job:
    """Today's Z reports at ``terminal`` (business day in the report time zone)."""

    def job(store: Store) -> list[ZSlipChoice]:
        from boxoffice.devices.printing import shift_slips

        with store.read() as session:
            return shift_slips.z_reports_of_day(session, terminal)

    return job
