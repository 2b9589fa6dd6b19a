"""``boxoffice-admin report``: Z/X, sales, exceptions, inventory, ticket stock and
day end as PDF or CSV, and the Z slip: as text, or (``--printer``) on a receipt printer.

Bad dates, unknown terminals, unknown or unsuitable printers, printers that
do not answer and unwritable paths are refused with one line before anything
is written; a report is written to a temporary file and moved into place, so
a failure never leaves half a PDF behind. The work is done by
``boxoffice.ops.reports`` (and ``ops.cash.day_end_report``), imported when
the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from boxoffice.actor import system_actor
from boxoffice.context import TerminalContext
from boxoffice.errors import ValidationError

if TYPE_CHECKING:
    from boxoffice.ops.reports import SlipPrinted

KINDS = ("z", "x", "sales", "exceptions", "inventory", "stock", "day-end")
#: How long ``--printer`` waits for a slip to come out before giving up on it.
PRINT_WAIT_S = 30.0


def _day_end(ctx: TerminalContext, on: Any, local: bool) -> Any:
    """The venue's day end: the central server's figures merged with this store's."""
    from boxoffice.ops import cash

    report = cash.day_end_report(ctx, system_actor("admin-cli"), on, local_only=local).value
    print(f"day end {on.isoformat()}: {report.subtitle.split(' · ', 1)[-1]}")
    if report.banner:
        print(report.banner)
    return report


def _said(slip: SlipPrinted) -> None:
    said = "printed" if slip.confirmed else "sent (no status reply)"
    copy = " (reprint)" if slip.reprint else ""
    print(f"Z {slip.number} of {slip.terminal}{copy} {said} on {slip.printer}")


def cmd_report(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import reports as report_ops

    on = report_ops.business_date(args.date)
    target = report_ops.check_target(Path(args.pdf or args.csv)) if (args.pdf or args.csv) else None
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
        reports, slips, z_ids = [_day_end(ctx, on, args.local)], [], []
    else:
        built = report_ops.build(ctx, args.kind, on, args.terminal).value
        reports, slips, z_ids = built.reports, built.slips, built.z_report_ids
    if args.printer is not None:
        report_ops.print_z_slips(
            ctx,
            system_actor("admin-cli"),
            args.printer,
            z_ids,
            printed=_said,
            wait_s=PRINT_WAIT_S,
        )
    elif slip:
        print("\n".join(slips))
    if target is None:
        return 0
    report_ops.write_reports(ctx, reports, target, "pdf" if args.pdf else "csv", page=args.page)
    print(f"{args.kind} report written to {target}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``report`` to the CLI's sub-commands (its options are declared when it runs)."""
    p = sub.add_parser("report", help="Z/X, sales, exceptions, inventory, stock reports")
    p.set_defaults(handler=cmd_report)
    p.defer(_arguments)


def _arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops.reports import PAGE_SIZES

    p.add_argument("kind", choices=KINDS)
    p.add_argument("--date", required=True, help="business day, YYYY-MM-DD")
    p.add_argument("--terminal", default=None, help="only this terminal")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--pdf", default=None, metavar="FILE")
    out.add_argument("--csv", default=None, metavar="FILE")
    p.add_argument("--page", choices=PAGE_SIZES, default="A4")
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
