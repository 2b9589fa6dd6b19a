"""What a sale needs besides the sell op, as plain data: for the admin CLI's ``sell``.

- ``prepare_terminal(ctx)``: this terminal's ticket-signing key, devices and sync link on the
  context (``close_terminal`` sends the sale and closes them again);
- ``build_cart``: a cart from seat labels (the seat map's guids, e.g.
  ``S-A-14``), best available (``--best N [--zone Z]``) or standing places
  (``AREA:QTY``), at one price type, with voucher codes;
- ``cash`` / ``card``: tenders in the performance's currency; a card sale
  without a card terminal at this terminal is refused before anything is sold;
- after the sale: ``sold_tickets`` (serials, barcodes, seats),
  ``tickets_pdf`` (the order's tickets as one PDF) and ``print_tickets`` on
  a configured printer by name (``check_printer`` first, before selling).

Each function opens its own read transaction; refusals are coded errors.
No Qt here, and no module-level state.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from boxoffice.actor import Actor
from boxoffice.catalogue.performances import get_performance
from boxoffice.context import TerminalContext
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.printing.after_sale import order_tickets
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_queue import PrintJob
from boxoffice.errors import BoxOfficeError, NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.ops import OpResult
from boxoffice.ops import devices as device_ops
from boxoffice.ops.sell import CardPayment, Cash
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.seat_search import best_available
from boxoffice.sales.signer import open_signer
from boxoffice.store.models import GAArea, PrintOutcome, Seat

__all__ = [
    "SoldTicket",
    "build_cart",
    "card",
    "cash",
    "check_printer",
    "close_terminal",
    "prepare_terminal",
    "print_tickets",
    "sold_tickets",
    "tickets_pdf",
]


@dataclass(frozen=True)
class SoldTicket:
    """One ticket of a booked sale, as a script reads it."""

    serial: str
    barcode: str
    seat: str


# -- the terminal -----------------------------------------------------------------
def prepare_terminal(ctx: TerminalContext) -> None:
    """Put this terminal's signing key, its configured devices and its sync link on ``ctx``.

    A terminal enrolled with a central server sells as the desktop client does:
    one sync round first tells whether the server answers; online, the sell
    op holds the seats on the server before booking them; offline, it sells
    only from this terminal's allocation (invariant 3).
    """
    from boxoffice.sync.terminal import client_for
    from boxoffice.sync.worker import SyncWorker

    ctx.cache.setdefault("signer", open_signer(ctx.store.path))
    if ctx.devices is None:
        ctx.devices = device_ops.open_devices(ctx)
    if ctx.sync is None:
        client = client_for(ctx.store)
        if client is not None:
            worker = SyncWorker(ctx.store, client, terminal=ctx.terminal, bus=ctx.bus)
            with contextlib.suppress(BoxOfficeError):
                worker.sync_once()  # offline: the worker's status says so
            ctx.sync = worker


def close_terminal(ctx: TerminalContext) -> None:
    """Send the sale to the server now (when it answers), close the devices and the link."""
    worker, ctx.sync = ctx.sync, None
    if worker is not None:
        with contextlib.suppress(BoxOfficeError):
            worker.sync_once()  # what is not sent now goes at the next sync
        worker.transport.close()
    if ctx.devices is not None:
        ctx.devices.close()
        ctx.devices = None


# -- the cart ---------------------------------------------------------------------
def build_cart(
    ctx: TerminalContext,
    performance_id: int,
    *,
    seats: Sequence[str] = (),
    best: int | None = None,
    zone: str | None = None,
    allow_split: bool = False,
    standing: Sequence[tuple[str, int]] = (),
    price_type: str = "adult",
    vouchers: Sequence[str] = (),
) -> Cart:
    """The cart for ``performance_id``: named seats, or the best ``best``, plus standing places."""
    if not seats and not best and not standing:
        raise ValidationError("sell_nothing_chosen")
    with ctx.store.read() as session:
        performance = get_performance(session, performance_id)
        seat_ids = _seat_ids(session, performance.seat_map_id, seats) if seats else []
        if best:
            found = best_available(
                session,
                performance_id,
                best,
                ctx.terminal,
                zone=zone,
                now=ctx.now(),
                allow_split=allow_split,
            )
            if not found.found:
                raise ValidationError("sell_best_none", count=best, zone=zone or "-")
            seat_ids.extend(found.seat_ids)
        areas = [(_area_id(session, performance.seat_map_id, a), q) for a, q in standing]
    items = [CartItem(performance_id, price_type, seat_id=s) for s in seat_ids]
    for area_id, quantity in areas:
        items.extend(
            CartItem(performance_id, price_type, ga_area_id=area_id) for _ in range(quantity)
        )
    return Cart(items, voucher_codes=list(vouchers))


def _seat_ids(session: Any, seat_map_id: int, labels: Sequence[str]) -> list[int]:
    rows = session.execute(
        select(Seat.guid, Seat.id).where(Seat.seat_map_id == seat_map_id, Seat.guid.in_(labels))
    ).all()
    by_guid = dict(rows)
    missing = [label for label in labels if label not in by_guid]
    if missing:
        raise NotFound("sell_seat_not_found", seats=missing)
    return [by_guid[label] for label in labels]


def _area_id(session: Any, seat_map_id: int, name: str) -> int:
    areas = session.execute(
        select(GAArea.id, GAArea.name).where(GAArea.seat_map_id == seat_map_id)
    ).all()
    wanted = name.strip().casefold()
    for area_id, area_name in areas:
        if area_name.casefold() == wanted or str(area_id) == wanted:
            return int(area_id)
    raise NotFound("standing_area_not_found", area=name)


# -- tenders ----------------------------------------------------------------------
def cash(ctx: TerminalContext, performance_id: int, amount: str) -> Cash:
    """Notes and coins of ``amount`` (major units, e.g. ``100`` or ``59.50``)."""
    with ctx.store.read() as session:
        currency = get_performance(session, performance_id).currency
    return Cash(Money.of(amount, currency))


def card(ctx: TerminalContext) -> CardPayment:
    """The whole sale on this terminal's card terminal; refused if none is set up."""
    if ctx.devices is None or ctx.devices.name_for(DeviceKind.PAYMENT_TERMINAL) is None:
        raise ValidationError("card_terminal_missing")
    return CardPayment()


# -- after the sale -------------------------------------------------------------------
def sold_tickets(ctx: TerminalContext, order_id: int) -> list[SoldTicket]:
    """The order's valid tickets: serial, signed barcode and seat (or standing area)."""
    with ctx.store.read() as session:
        return [SoldTicket(t.serial, t.barcode, t.seat) for t in order_tickets(session, order_id)]


def tickets_pdf(ctx: TerminalContext, order_id: int, page: str = "stock") -> bytes:
    """The order's tickets as one PDF (``page``: ticket ``stock`` or ``a4``)."""
    with ctx.store.read() as session:
        tickets = order_tickets(session, order_id)
    return PdfTicketDriver(page=page).render(tickets)  # type: ignore[arg-type]


def _ticket_printer(ctx: TerminalContext, name: str) -> Any:
    if ctx.devices is None or all(c.name != name for c in ctx.devices.configs()):
        raise NotFound("device_not_found", device=name)
    device_ops.refuse_if_not_configured(ctx, name)
    printer = ctx.devices.get(name)
    if getattr(printer, "print_queue", None) is None:
        raise ValidationError("device_not_a_printer", device=name)
    return printer


def check_printer(ctx: TerminalContext, name: str) -> None:
    """Refuse a printer that is not set up here (before anything is sold)."""
    _ticket_printer(ctx, name)


def print_tickets(
    ctx: TerminalContext, actor: Actor, order_id: int, name: str, timeout: float = 30.0
) -> OpResult[str]:
    """Print the order's tickets on printer ``name`` and wait; returns the outcome.

    The print log is written by the printer's recorder (``print_recorder``).
    """
    printer = _ticket_printer(ctx, name)
    with ctx.store.read() as session:
        tickets = order_tickets(session, order_id)
    job = PrintJob("ticket", actor, tickets)
    printer.print_queue.submit(job)
    try:
        outcome = job.done.result(timeout=timeout)
    except FutureTimeout:
        raise ValidationError("sell_print_timeout", printer=name, seconds=int(timeout)) from None
    return OpResult(str(outcome.value if isinstance(outcome, PrintOutcome) else outcome))
