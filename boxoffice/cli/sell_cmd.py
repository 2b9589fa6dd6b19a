"""``boxoffice-admin sell``: sell tickets from the command line (scripts, kiosks, tests).

``sell --user ann --performance 1 --best 2 --cash 100 --json`` signs ``ann`` in
(the PIN is read from the terminal, or one line of stdin: never an argument),
builds the cart (``--seat`` labels as the seat map names them, ``--best N
[--zone Z]``, ``--ga AREA:QTY``), and sells it through the sell op on her open
shift at this terminal, paid by ``--cash AMOUNT`` or ``--card`` (the terminal's
card terminal). ``--print PRINTER`` prints the tickets on a configured printer,
``--pdf FILE`` writes them as a PDF. Every refusal is one line by its code,
exit 2, nothing sold; exit 1 means sold but not printed (reprint). The work is
done by ``boxoffice.ops`` (``sell``, ``sell_queries``, ``session``), imported
when the command runs.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from boxoffice.cli.output import fail
from boxoffice.cli.parsing import ArgumentRefused, positive_int
from boxoffice.context import TerminalContext
from boxoffice.errors import ValidationError


def standing(text: str) -> tuple[str, int]:
    """``AREA:QTY`` (``Standing:2``)."""
    area, sep, quantity = text.rpartition(":")
    if not sep or not area.strip() or not quantity.strip().isdigit() or int(quantity) < 1:
        raise ArgumentRefused("sell_ga_invalid", text=text)
    return area.strip(), int(quantity)


def read_pin() -> str:
    """The PIN once from the terminal (not echoed), or one line of stdin."""
    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    line = sys.stdin.readline()
    if not line.strip():
        raise ValidationError("cli_no_secret_on_stdin", kind="pin")
    return line.rstrip("\r\n")


def cmd_sell(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import sell_queries
    from boxoffice.ops.sell import sell
    from boxoffice.ops.session import sign_in

    pin = read_pin()
    actor = sign_in(ctx, args.user, pin).value.actor
    sell_queries.prepare_terminal(ctx)
    try:
        if args.print:
            sell_queries.check_printer(ctx, args.print)
        cart = sell_queries.build_cart(
            ctx,
            args.performance,
            seats=args.seat,
            best=args.best,
            zone=args.zone,
            allow_split=args.allow_split,
            standing=args.ga,
            price_type=args.price_type,
            vouchers=args.voucher,
        )
        tenders: list[Any] = []
        if args.cash is not None:
            tenders.append(sell_queries.cash(ctx, args.performance, args.cash))
        if args.card:
            tenders.append(sell_queries.card(ctx))
        done = sell(ctx, actor, cart, tenders, print_after=False).value
        tickets = sell_queries.sold_tickets(ctx, done.order_id)
        _report(done, tickets, args.json)
        if args.pdf is not None:
            args.pdf.write_bytes(sell_queries.tickets_pdf(ctx, done.order_id))
        if args.print:
            outcome = sell_queries.print_tickets(ctx, actor, done.order_id, args.print).value
            if outcome != "printed":
                error = ValidationError("sell_print_failed", printer=args.print, outcome=outcome)
                return fail(error, args.lang, code=1)
        return 0
    finally:
        sell_queries.close_terminal(ctx)


def _report(done: Any, tickets: list[Any], as_json: bool) -> None:
    if as_json:
        body = {
            "order": done.number,
            "total": str(done.total.amount),
            "change": str(done.change.amount),
            "currency": done.total.currency,
            "serials": [t.serial for t in tickets],
            "barcodes": [t.barcode for t in tickets],
            "seats": [t.seat for t in tickets],
        }
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return
    print(
        f"order {done.number}: {len(tickets)} tickets, total {done.total.format()}, "
        f"change {done.change.format()}"
    )
    for t in tickets:
        print(f"  {t.serial}  {t.seat}")


def register(add: Any) -> None:
    """Add ``sell`` to ``boxoffice-admin``."""
    p = add("sell", cmd_sell, help="sell tickets as a signed-in clerk (PIN from stdin)")
    p.add_argument("--user", required=True, help="the clerk; the PIN is read from stdin")
    p.add_argument("--performance", type=positive_int, required=True)
    p.add_argument("--seat", action="append", default=[], help="a seat label, e.g. S-A-14")
    p.add_argument("--best", type=positive_int, default=None, help="best N available seats")
    p.add_argument("--zone", default=None, help="price zone for --best")
    p.add_argument("--allow-split", action="store_true", help="--best may split the party")
    p.add_argument("--ga", type=standing, action="append", default=[], help="AREA:QTY")
    p.add_argument("--price-type", default="adult")
    p.add_argument("--voucher", action="append", default=[], help="voucher or discount code")
    pay = p.add_mutually_exclusive_group()
    pay.add_argument("--cash", default=None, help="notes and coins handed over, e.g. 100")
    pay.add_argument("--card", action="store_true", help="the terminal's card terminal")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--print", default=None, metavar="PRINTER", help="a configured printer")
    out.add_argument("--pdf", type=Path, default=None, metavar="FILE", help="tickets as a PDF")
    p.add_argument("--json", action="store_true")
