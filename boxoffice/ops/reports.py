"""Report ops: build the reports of a business day, write them, print Z slips.

``build`` makes Z/X, sales, exceptions, inventory and ticket-stock reports
(an X report is audited, so it runs in a write transaction);
``write_reports`` writes them as PDF or CSV through a temporary file;
``print_z_slips`` sends stored Z reports' slips to a receipt printer after
making sure it answers, and waits for each to come out. The day end is
``ops.cash.day_end_report``.

Reports are ``boxoffice.reports.model.Report`` (plain sections and cells),
never ORM rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.actor import Actor, system_actor
from boxoffice.context import TerminalContext
from boxoffice.devices.base import DeviceError, DeviceUnavailable
from boxoffice.devices.printing import print_log, shift_slips
from boxoffice.devices.printing.print_queue import PrintJob, PrintQueue, QueueState
from boxoffice.devices.registry import DeviceRegistry
from boxoffice.errors import NotFound
from boxoffice.ops import OpResult, cash
from boxoffice.reports import exceptions, export, inventory, pdf, sales, stock, zx
from boxoffice.reports.model import Report, parse_date
from boxoffice.shifts import close
from boxoffice.store.models import Order, PrintOutcome, Shift, ZReport

#: The paper sizes a PDF report can have.
PAGE_SIZES: tuple[str, ...] = tuple(sorted(pdf.PAGE_SIZES))
#: How long ``print_z_slips`` waits for a slip to come out before giving up on it.
PRINT_WAIT_S = 30.0


@dataclass(frozen=True)
class BuiltReports:
    """The reports, the Z slips as plain lines (``--slip``) and the Z reports' ids."""

    reports: list[Report]
    slips: list[str] = field(default_factory=list)
    z_report_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class SlipPrinted:
    """One Z slip that came out: which Z, on which printer, and how it was confirmed."""

    number: int
    terminal: str
    printer: str
    reprint: bool
    #: True when the printer confirmed it; False when it was sent without a status reply.
    confirmed: bool


def business_date(text: str) -> date:
    """A business day as ``YYYY-MM-DD`` (a clear refusal otherwise)."""
    return parse_date(text)


def check_target(path: Path) -> Path:
    """A clear refusal for a folder, a missing folder or one we may not write to."""
    return export.check_target(path)


def write_reports(
    ctx: TerminalContext, reports: Sequence[Report], target: Path, fmt: str, *, page: str = "A4"
) -> OpResult[Path]:
    """Write ``reports`` as ``fmt`` (``pdf``/``csv``) to ``target``, never half a file."""
    return OpResult(export.write(list(reports), target, fmt, page=page))


def known_terminals(session: Session) -> list[str]:
    names = session.scalars(
        union(select(Shift.terminal), select(Order.terminal), select(ZReport.terminal))
    ).all()
    return sorted({*names, settings.get(session, "terminal.name")})


def _check_terminal(session: Session, terminal: str | None) -> str | None:
    if terminal is None:
        return None
    terminal = terminal.strip()
    known = known_terminals(session)
    if terminal not in known:
        raise NotFound("cli_terminal_unknown", terminal=terminal, known=known)
    return terminal


def build(
    ctx: TerminalContext, kind: str, on: date, terminal: str | None = None
) -> OpResult[BuiltReports]:
    """The ``kind`` report(s) of business day ``on`` (of ``terminal`` only, if given).

    ``kind``: ``sales``, ``exceptions``, ``inventory``, ``stock``, ``z`` (the
    day's stored Z reports, with their slips) or ``x`` (every open shift's
    running figures, audited). Refuses an unknown terminal, and a day without
    Z reports or open shifts.
    """
    with ctx.store.write() as session:  # an X report is audited
        terminal = _check_terminal(session, terminal)
        return OpResult(_build(session, kind, on, terminal))


def _build(session: Session, kind: str, on: date, terminal: str | None) -> BuiltReports:
    builders: dict[str, Callable[..., Report]] = {
        "sales": sales.build,
        "exceptions": exceptions.build,
        "inventory": inventory.build,
        "stock": stock.build,
    }
    if kind in builders:
        return BuiltReports([builders[kind](session, on, terminal)])
    if kind == "z":
        found = zx.z_reports(session, on, terminal)
        if not found:
            if terminal:
                raise NotFound("cli_no_z_reports_at", date=on.isoformat(), terminal=terminal)
            raise NotFound("cli_no_z_reports", date=on.isoformat())
        slips = [
            line for z, _ in found for line in [*zx.slip(close.content_of(z), 42, z.sha256), ""]
        ]
        return BuiltReports([r for _, r in found], slips, [z.id for z, _ in found])
    actor = system_actor(terminal or "admin-cli")
    found_x = zx.x_reports(session, actor, terminal)
    if not found_x:
        if terminal:
            raise NotFound("cli_no_open_shifts_at", terminal=terminal)
        raise NotFound("cli_no_open_shifts")
    return BuiltReports(found_x)


def _wait(queue: PrintQueue, job: PrintJob, wait_s: float) -> PrintOutcome:
    """The job's outcome; a printer that stops (offline, paper, jam) cancels it instead."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return job.done.result(timeout=0.1)
        except FutureTimeout:
            view = queue.view()
            if view.state == QueueState.PAUSED or time.monotonic() > deadline:
                queue.cancel(job.id)
                raise DeviceUnavailable(
                    "cli_slip_not_printed", printer=queue.printer.name, reason=view.message
                ) from None


def print_z_slips(
    ctx: TerminalContext,
    actor: Actor,
    printer: str,
    z_report_ids: Sequence[int],
    *,
    printed: Callable[[SlipPrinted], None] | None = None,
    wait_s: float = PRINT_WAIT_S,
) -> OpResult[list[SlipPrinted]]:
    """Send each Z report's slip to receipt printer ``printer`` and wait for it.

    The printer must answer first (an absent or empty printer is refused,
    recording nothing). ``printed`` hears of each slip as it comes out; a
    slip that fails or stops the printer raises, after the ones before it.
    """
    with ctx.store.read() as s:
        registry = DeviceRegistry.from_store(
            s, terminal=ctx.terminal, recorder=print_log.writer(ctx.store)
        )
    done: list[SlipPrinted] = []
    try:
        queue = shift_slips.receipt_printer_queue(registry, printer)
        shift_slips.ready_for_slips(queue)  # refuses an absent or empty printer, recording nothing
        slip_ctx = TerminalContext(
            ctx.store, ctx.terminal, bus=ctx.bus, devices=registry, language=ctx.language
        )
        for z_id in z_report_ids:
            job = cash.print_z_slip(slip_ctx, actor, queue=queue, z_report_id=z_id).value.job
            outcome = _wait(queue, job, wait_s)
            assert job.slip is not None
            if outcome == PrintOutcome.FAILED:
                raise DeviceError(
                    "cli_z_slip_failed",
                    printer=printer,
                    number=job.slip.content["number"],
                    terminal=job.slip.content["terminal"],
                )
            slip = SlipPrinted(
                number=job.slip.content["number"],
                terminal=job.slip.content["terminal"],
                printer=printer,
                reprint=job.reprint,
                confirmed=outcome == PrintOutcome.PRINTED,
            )
            done.append(slip)
            if printed is not None:
                printed(slip)
    finally:
        registry.close()
    return OpResult(done)


__all__ = [
    "PAGE_SIZES",
    "PRINT_WAIT_S",
    "BuiltReports",
    "SlipPrinted",
    "build",
    "business_date",
    "check_target",
    "known_terminals",
    "print_z_slips",
    "write_reports",
]
