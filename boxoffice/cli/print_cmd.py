"""``boxoffice-admin print ...``: render a ticket for a printer (or as a picture), and read
the print log and ticket stock."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from boxoffice.cli.output import emit
from boxoffice.devices.printing import escpos_preview, fgl_preview, print_log, ticket_data
from boxoffice.devices.printing import ticket_stock as stock
from boxoffice.devices.printing.escpos_ticket import TEXT_MODES, EscPosConfig, EscPosTicketDriver
from boxoffice.devices.printing.fgl import FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.errors import NotFound, ValidationError
from boxoffice.store import Store
from boxoffice.store.models import Ticket

FORMATS = ("escpos", "fgl", "pdf", "pdf-a4")


def cmd_ticket(store: Store, args: argparse.Namespace) -> int:
    with store.read() as s:
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.serial == args.serial))
        if ticket_id is None:
            raise NotFound(f"no ticket with serial {args.serial!r}")
        data = ticket_data.load(s, ticket_id)
    out: Path = args.out
    png = out.suffix.lower() == ".png"
    if args.format == "escpos":
        raw = EscPosTicketDriver(EscPosConfig(text_mode=args.text_mode)).render([data])
        if png:
            escpos_preview.render(raw).image().save(out)
    elif args.format == "fgl":
        raw = FglTicketDriver().render([data])
        if png:
            fgl_preview.render(raw)[0].image.save(out)
    else:
        if png:
            raise ValidationError("PDF tickets are written as .pdf files")
        raw = PdfTicketDriver(page="a4" if args.format == "pdf-a4" else "stock").render([data])
    if not png:
        out.write_bytes(raw)
    print(f"ticket {args.serial} written to {out} ({args.format}{', preview' if png else ''})")
    return 0


def cmd_log(store: Store, args: argparse.Namespace) -> int:
    with store.read() as s:
        rows = [
            {
                "at": e.at.isoformat(timespec="seconds"),
                "printer": e.printer,
                "serial": e.ticket_serial or "",
                "order": e.order_number,
                "kind": e.kind + (" (reprint)" if e.reprint else ""),
                "outcome": e.outcome.value,
                "user": e.username,
                "terminal": e.terminal,
                "detail": e.detail,
            }
            for e in print_log.history(s, ticket_serial=args.serial, printer=args.printer)
        ]
    emit(rows, args.json, ["at", "printer", "serial", "kind", "outcome", "user", "terminal"])
    return 0


def cmd_stock(store: Store, args: argparse.Namespace) -> int:
    with store.read() as s:
        names = [args.printer] if args.printer else stock.printers(s)
        rows = []
        for name in names:
            sm = stock.summary(s, name)
            rows.append(
                {
                    "printer": name,
                    "loaded": sm.loaded,
                    "printed": sm.printed,
                    "voided": sm.voided,
                    "spoiled": sm.spoiled,
                    "on_hand": sm.on_hand,
                }
            )
    emit(rows, args.json, ["printer", "loaded", "printed", "voided", "spoiled", "on_hand"])
    return 0


def register(add: Callable[..., argparse.ArgumentParser], group: Callable[..., Any]) -> None:
    """Add the ``print`` commands to ``boxoffice-admin``."""
    pg = group("print", "render tickets, read the print log and ticket stock")
    p = add("ticket", cmd_ticket, pg, help="write a sold ticket as printer bytes, PNG or PDF")
    p.add_argument("serial")
    p.add_argument("--format", choices=FORMATS, default="escpos")
    p.add_argument("--text-mode", choices=TEXT_MODES, default="latin", help="ESC/POS text mode")
    p.add_argument("--out", type=Path, required=True, help="file; .png draws the ticket")
    p = add("log", cmd_log, pg, help="the print log (every print and reprint)")
    p.add_argument("--serial", default=None)
    p.add_argument("--printer", default=None)
    p.add_argument("--json", action="store_true")
    p = add("stock", cmd_stock, pg, help="ticket stock per printer")
    p.add_argument("--printer", default=None)
    p.add_argument("--json", action="store_true")
