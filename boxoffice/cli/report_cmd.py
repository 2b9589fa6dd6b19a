"""``boxoffice-admin report``: Z/X, sales, exceptions, inventory, ticket stock and
day end as PDF or CSV, and the Z slip: as text, or (``--printer``) on a receipt printer.

Bad dates, unknown terminals, unknown or unsuitable printers, printers that
do not answer and unwritable paths are refused with one line before anything
is written; a report is written to a temporary file and moved into place, so
a failure never leaves half a PDF behind.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import date
from pathlib import Path

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.actor import system_actor
from boxoffice.context import TerminalContext
from boxoffice.devices.base import DeviceError, DeviceUnavailable
from boxoffice.devices.printing import print_log, shift_slips
from boxoffice.devices.printing.print_queue import PrintJob, PrintQueue, QueueState
from boxoffice.devices.registry import DeviceRegistry
from boxoffice.errors import NotFound, ValidationError
from boxoffice.ops import cash
from boxoffice.reports import day_end, exceptions, export, inventory, pdf, sales, stock, zx
from boxoffice.reports.model import Report, parse_date, report_timezone
from boxoffice.shifts import close
from boxoffice.store import Store
from boxoffice.store.models import Order, PrintOutcome, Shift, ZReport
from boxoffice.sync import terminal as terminal_setup

KINDS = ("z", "x", "sales", "exceptions", "inventory", "stock", "day-end")
#: How long ``--printer`` waits for a slip to come out before giving up on it.
PRINT_WAIT_S = 30.0


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


def _build(
    session: Session, kind: str, on: date, terminal: str | None
) -> tuple[list[Report], list[str], list[int]]:
    """The reports, the Z slips (plain lines) for ``--slip`` and the Z reports' ids."""
    builders: dict[str, Callable[..., Report]] = {
        "sales": sales.build,
        "exceptions": exceptions.build,
        "inventory": inventory.build,
        "stock": stock.build,
    }
    if kind in builders:
        return [builders[kind](session, on, terminal)], [], []
    if kind == "z":
        found = zx.z_reports(session, on, terminal)
        if not found:
            if terminal:
                raise NotFound("cli_no_z_reports_at", date=on.isoformat(), terminal=terminal)
            raise NotFound("cli_no_z_reports", date=on.isoformat())
        slips = [
            line for z, _ in found for line in [*zx.slip(close.content_of(z), 42, z.sha256), ""]
        ]
        return [r for _, r in found], slips, [z.id for z, _ in found]
    actor = system_actor(terminal or "admin-cli")
    found_x = zx.x_reports(session, actor, terminal)
    if not found_x:
        if terminal:
            raise NotFound("cli_no_open_shifts_at", terminal=terminal)
        raise NotFound("cli_no_open_shifts")
    return found_x, [], []


def _wait(queue: PrintQueue, job: PrintJob) -> PrintOutcome:
    """The job's outcome; a printer that stops (offline, paper, jam) cancels it instead."""
    deadline = time.monotonic() + PRINT_WAIT_S
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


def _print_slips(store: Store, printer: str, z_ids: list[int]) -> None:
    """Send each Z slip to the receipt printer ``printer``, after making sure it answers."""
    actor = system_actor("admin-cli")
    with store.read() as s:
        terminal = settings.get(s, "terminal.name")
        registry = DeviceRegistry.from_store(s, terminal=terminal, recorder=print_log.writer(store))
    try:
        queue = shift_slips.receipt_printer_queue(registry, printer)
        shift_slips.ready_for_slips(queue)  # refuses an absent or empty printer, recording nothing
        for z_id in z_ids:
            ctx = TerminalContext(store, terminal, devices=registry)
            job = cash.print_z_slip(ctx, actor, queue=queue, z_report_id=z_id).value.job
            outcome = _wait(queue, job)
            assert job.slip is not None
            what = f"Z {job.slip.content['number']} of {job.slip.content['terminal']}"
            if outcome == PrintOutcome.FAILED:
                raise DeviceError(
                    "cli_z_slip_failed",
                    printer=printer,
                    number=job.slip.content["number"],
                    terminal=job.slip.content["terminal"],
                )
            said = "printed" if outcome == PrintOutcome.PRINTED else "sent (no status reply)"
            copy = " (reprint)" if job.reprint else ""
            print(f"{what}{copy} {said} on {printer}")
    finally:
        registry.close()


def _day_end(store: Store, on: date, local: bool) -> Report:
    """The venue's day end: the central server's figures merged with this store's."""
    client = None if local else terminal_setup.client_for(store)
    try:
        ctx = TerminalContext(store, "")
        fetched = cash.day_end(
            ctx, system_actor("admin-cli"), on, server=client, local_only=client is None
        ).value
    finally:
        if client is not None:
            client.close()
    with store.read() as session:
        tz = report_timezone(session)
    report = day_end.to_report(fetched, tz)
    print(f"day end {on.isoformat()}: {report.subtitle.split(' · ', 1)[-1]}")
    if report.banner:
        print(report.banner)
    return report


def cmd_report(store: Store, args: argparse.Namespace) -> int:
    on = parse_date(args.date)
    target = export.check_target(Path(args.pdf or args.csv)) if (args.pdf or args.csv) else None
    if args.kind == "day-end" and args.terminal:
        raise ValidationError("cli_day_end_all_terminals")
    if args.local and args.kind != "day-end":
        raise ValidationError("cli_local_only_day_end")
    slip = args.slip or args.printer is not None
    if slip and args.kind != "z":
        raise ValidationError("cli_slip_only_z")
    if target is None and not (args.slip or args.printer is not None):
        raise ValidationError("cli_report_target_z" if args.kind == "z" else "cli_report_target")
    if args.kind == "day-end":
        reports, slips, z_ids = [_day_end(store, on, args.local)], [], []
    else:
        with store.write() as session:  # an X report is audited
            terminal = _check_terminal(session, args.terminal)
            reports, slips, z_ids = _build(session, args.kind, on, terminal)
    if args.printer is not None:
        _print_slips(store, args.printer, z_ids)
    elif slip:
        print("\n".join(slips))
    if target is None:
        return 0
    export.write(reports, target, "pdf" if args.pdf else "csv", page=args.page)
    print(f"{args.kind} report written to {target}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``report`` to the CLI's sub-commands."""
    p = sub.add_parser("report", help="Z/X, sales, exceptions, inventory, stock reports")
    p.set_defaults(handler=cmd_report)
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--date", required=True, help="business day, YYYY-MM-DD")
    p.add_argument("--terminal", default=None, help="only this terminal")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--pdf", default=None, metavar="FILE")
    out.add_argument("--csv", default=None, metavar="FILE")
    p.add_argument("--page", choices=sorted(pdf.PAGE_SIZES), default="A4")
    p.add_argument("--slip", action="store_true", help="also print the Z slip as text")
    p.add_argument(
        "--printer",
        default=None,
        metavar="NAME",
        help="send the Z slip to this receipt printer (see `device list`) instead",
    )
    p.add_argument(
        "--local",
        action="store_true",
        help="day end from this store only, without asking the central server",
    )
