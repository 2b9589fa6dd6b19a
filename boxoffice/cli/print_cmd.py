"""``boxoffice-admin print ...``: render a ticket for a printer (or as a picture), and read
the print log and ticket stock (through ``boxoffice.ops.devices``, imported when a command
runs)."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from boxoffice.cli.output import emit
from boxoffice.context import TerminalContext


def _context(ctx: TerminalContext) -> TerminalContext:
    """The CLI's context, named after the CLI (as its audit entries are)."""
    return dataclasses.replace(ctx, terminal="admin-cli")


def cmd_ticket(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import devices as device_ops

    out: Path = args.out
    png = out.suffix.lower() == ".png"
    result = device_ops.render_ticket(
        _context(ctx), args.serial, args.format, text_mode=args.text_mode, preview=png
    )
    if png:
        result.save(out)
    else:
        out.write_bytes(result)
    print(f"ticket {args.serial} written to {out} ({args.format}{', preview' if png else ''})")
    return 0


def cmd_log(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import devices as device_ops

    rows = [
        {
            "at": e.at,
            "printer": e.printer,
            "serial": e.serial,
            "order": e.order,
            "kind": e.kind + (" (reprint)" if e.reprint else ""),
            "outcome": e.outcome,
            "user": e.user,
            "terminal": e.terminal,
            "detail": e.detail,
        }
        for e in device_ops.print_history(_context(ctx), serial=args.serial, printer=args.printer)
    ]
    emit(rows, args.json, ["at", "printer", "serial", "kind", "outcome", "user", "terminal"])
    return 0


def cmd_stock(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import devices as device_ops

    rows = [
        {
            "printer": sm.printer,
            "loaded": sm.loaded,
            "printed": sm.printed,
            "voided": sm.voided,
            "spoiled": sm.spoiled,
            "on_hand": sm.on_hand,
        }
        for sm in device_ops.stock_levels(_context(ctx), args.printer)
    ]
    emit(rows, args.json, ["printer", "loaded", "printed", "voided", "spoiled", "on_hand"])
    return 0


def register(add: Callable[..., argparse.ArgumentParser], group: Callable[..., Any]) -> None:
    """Add the ``print`` commands to ``boxoffice-admin``."""
    pg = group("print", "render tickets, read the print log and ticket stock")
    p = add("ticket", cmd_ticket, pg, help="write a sold ticket as printer bytes, PNG or PDF")
    p.defer(_ticket_arguments)
    p = add("log", cmd_log, pg, help="the print log (every print and reprint)")
    p.add_argument("--serial", default=None)
    p.add_argument("--printer", default=None)
    p.add_argument("--json", action="store_true")
    p = add("stock", cmd_stock, pg, help="ticket stock per printer")
    p.add_argument("--printer", default=None)
    p.add_argument("--json", action="store_true")


def _ticket_arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops.devices import TEXT_MODES, TICKET_FORMATS

    p.add_argument("serial")
    p.add_argument("--format", choices=TICKET_FORMATS, default="escpos")
    p.add_argument("--text-mode", choices=TEXT_MODES, default="latin", help="ESC/POS text mode")
    p.add_argument("--out", type=Path, required=True, help="file; .png draws the ticket")
