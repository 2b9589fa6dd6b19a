"""Z slips from the desktop client: this terminal's receipt printer and the store jobs.

Nothing here touches Qt. The Cash screen prints a slip in three hops, each on
the thread that owns what it touches:

1. ``ReceiptPrinterRoute.check()`` asks the printer on the printer's own
   device thread (a switched-off printer takes seconds to time out; neither
   the UI nor the store worker waits for that);
2. ``ReceiptPrinterRoute.print_z(...)`` is a store job running the op
   ``ops.cash.print_z_slip`` on the terminal's context: it checks the
   permission, verifies the stored report against the audit chain, audits
   and queues the slip;
3. the screen follows the slip by events: the job's ``done`` Future, the
   print log's change-sets naming the job, and the printer's device
   change-sets (a pause cancels the job, again on the device thread:
   cancelling logs).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from boxoffice.context import TerminalContext
from boxoffice.errors import NeedsOverride
from boxoffice.ops import cash
from boxoffice.ops.cash import SlipQueued

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.ops.cash import ZSlipChoice
    from boxoffice.ui.screens.cash.jobs import Job

__all__ = ["ReceiptPrinterRoute", "SlipNeedsSupervisor", "SlipQueued", "todays_z_reports"]


@dataclass(frozen=True)
class SlipNeedsSupervisor:
    """The actor may not print this Z slip; a supervisor's ``report_z`` override would do."""

    error: NeedsOverride

    @property
    def message(self) -> str:
        return str(self.error)

    @property
    def subject(self) -> str:
        """What the supervisor approves ("shift:<id>"), as the op checks it."""
        return self.error.subject


class ReceiptPrinterRoute:
    """This terminal's receipt printer as the Cash screen uses it: for Z slips.

    Holds the client's device registry (the app owns and closes it); builds
    nothing until a slip is printed.
    """

    def __init__(self, registry: Any) -> None:
        self.registry = registry

    def _ctx(self) -> TerminalContext:
        """A store-less context naming only the printers (device-thread work, no store)."""
        return TerminalContext(None, "", devices=self.registry)  # type: ignore[arg-type]

    def available(self) -> bool:
        """Whether a receipt printer is set up here (a broken one too: printing says why)."""
        return bool(cash.slip_printer_name(self._ctx()))

    def printer_name(self) -> str:
        return cash.slip_printer_name(self._ctx())

    def check(self) -> Future[Any]:
        """Ask the printer, on its device thread, whether it can print a slip now."""
        return cash.check_slip_printer(self._ctx())

    def cancel(self, queued: SlipQueued) -> Future[bool]:
        """Take a waiting slip out of the queue (it is logged as cancelled), off the UI thread."""
        return cash.cancel_slip(self._ctx(), queued)

    def print_z(
        self, actor: Actor, terminal: str, number: int, overrides: Sequence[Any] = ()
    ) -> Job:
        """The store job that records and queues the slip of the stored Z ``number``.

        A refusal a supervisor could lift (``report_z``) comes back as
        ``SlipNeedsSupervisor`` when no override was given; anything else is
        raised with its code.
        """

        def job(ctx: TerminalContext) -> SlipQueued | SlipNeedsSupervisor:
            # The terminal's context (its bus hears the slip); the queue is this route's.
            queue = cash.receipt_printer_queue(self._ctx())
            ids = [int(getattr(o, "id", o)) for o in overrides]
            try:
                return cash.print_z_slip(
                    ctx, actor, terminal=terminal, number=number, overrides=ids, queue=queue
                ).value
            except NeedsOverride as needed:
                if overrides:
                    raise
                return SlipNeedsSupervisor(needed)

        return job


def todays_z_reports(terminal: str) -> Job:
    """Today's Z reports at ``terminal`` (business day in the report time zone)."""

    def job(ctx: TerminalContext) -> list[ZSlipChoice]:
        return cash.z_slips_of_day(ctx, terminal).value

    return job
