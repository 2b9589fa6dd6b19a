"""The sell op: from a cart and the customer's tenders to a booked, printed sale.

One function, read top to bottom; every sale goes through it, whatever the
tender (cash, card, mobile wallet, gift card, comp, or a split of them):

1. **quote**: what the cart costs, and the open shift it is booked on, when
   money is to be taken outside the store (card, wallet);
2. **places**: online, the cart's places are held on the central server
   (all or none; a refusal names the seats); offline, the sale must come
   from this terminal's allocation (invariant 3);
3. **external tenders**: a card is charged on the terminal's card terminal,
   a wallet code collected from its provider, *before* the store
   transaction (device and network I/O never hold the write lock);
4. **one commit**: order, tickets, payments, cash movements, the outbox
   entry (marked offline once, when sold offline) and the audit entry
   (``checkout.sell``). If anything up to here fails, every external payment
   is given back (``_give_back``) and the server holds are released, before
   the refusal reaches the clerk: no card is charged for a sale that does
   not exist;
5. after the commit: the **drawer** opens for cash, the **print jobs**
   (tickets, receipt) are queued, the sync worker is **woken** so the sale
   reaches the server now, and the **change-set** is published.

Blocking (card terminal, wallet provider, server, store): run it off the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from boxoffice.actor import Actor
from boxoffice.auth import guard
from boxoffice.auth.permissions import Permission
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.mobile_wallet import SCHEME, WalletProvider, collect
from boxoffice.devices.printing import receipts
from boxoffice.devices.printing.after_sale import order_tickets
from boxoffice.devices.printing.print_queue import PrintJob
from boxoffice.devices.scanners.codes import ScanKind, ScannedCode
from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.messages import Notice
from boxoffice.money import Money
from boxoffice.ops import OpResult
from boxoffice.ops import devices as device_ops
from boxoffice.sales import checkout, holds
from boxoffice.sales.cart import Cart, CustomerDetails, split_places
from boxoffice.sales.checkout import Card, Cash, Comp, GiftCardTender
from boxoffice.sales.payment_terminal import CardResult, PaymentTerminal
from boxoffice.sales.signer import Signer
from boxoffice.store.models import Override, TicketStatus
from boxoffice.sync.errors import ServerRefused

log = logging.getLogger(__name__)

__all__ = [
    "Card",
    "CardPayment",
    "Cash",
    "Comp",
    "GiftCardTender",
    "PaymentGivenBack",
    "SaleDone",
    "WalletPayment",
    "sell",
]


# -- what the clerk hands in -------------------------------------------------------
@dataclass(frozen=True)
class CardPayment:
    """Charge a card on the card terminal: ``amount``, or the whole sale when ``None``.

    ``terminal`` is the terminal's card terminal by default (``ctx.devices``).
    """

    amount: Money | None = None
    terminal: PaymentTerminal | None = None


@dataclass(frozen=True)
class WalletPayment:
    """Collect a scanned WeChat Pay / Alipay code: ``amount``, or the whole sale when ``None``.

    ``providers`` are the box office's wallet accounts (default ``ctx.cache["wallet_providers"]``).
    """

    code: ScannedCode
    amount: Money | None = None
    providers: Mapping[ScanKind, WalletProvider] | None = None


External = CardPayment | WalletPayment
Tender = checkout.Tender | External


class PaymentGivenBack(ValidationError):
    """The sale could not be booked; the card or wallet payment went back (``error`` says why)."""

    @property
    def error(self) -> BoxOfficeError:
        return self.params["error"]  # type: ignore[no-any-return]


#: The old name (a card sale that was reversed).
CardReversed = PaymentGivenBack


# -- what the sale gives back --------------------------------------------------------
@dataclass(frozen=True)
class PaymentLine:
    kind: str  # cash, card, gift_card, comp
    amount: Money
    scheme: str = ""
    last4: str = ""
    auth_code: str = ""


@dataclass(frozen=True)
class SaleDone:
    """A booked sale, as plain data."""

    order_id: int
    order_uuid: str
    number: str
    total: Money
    change: Money
    shift_id: int | None
    offline: bool
    ticket_ids: tuple[int, ...]
    serials: tuple[str, ...]
    payments: tuple[PaymentLine, ...]
    #: (performance id, seat id) of every seated ticket.
    seats: tuple[tuple[int, int], ...]
    performances: tuple[int, ...]
    print_jobs: tuple[str, ...] = ()


# -- the op ------------------------------------------------------------------------
def sell(
    ctx: TerminalContext,
    actor: Actor,
    cart: Cart,
    tenders: Sequence[Tender],
    *,
    overrides: Sequence[Override] = (),
    customer: CustomerDetails | None = None,
    signer: Signer | None = None,
    attempt: int = 1,
    now: datetime | None = None,
    print_after: bool = True,
) -> OpResult[SaleDone]:
    """Sell ``cart`` for ``tenders``: no sale without its money, no money without its sale.

    ``attempt`` numbers the clerk's tries of this cart: the card and wallet
    references are the cart's, so a retry after a crash between the approval
    and the booking reuses the approval (the terminal's journal, the
    provider's trade) instead of charging again.
    """
    now = now or ctx.now()
    signer = signer or ctx.cache["signer"]
    external = [t for t in tenders if isinstance(t, CardPayment | WalletPayment)]

    # 1. The quote, the shift and the permissions, before any money is taken outside
    #    the store: a sale a supervisor must approve asks for the override now, not
    #    after the customer's card was charged (and would have to be reversed).
    due: Money | None = None
    if external:
        with ctx.store.read() as session:
            quoted = checkout.quote(session, cart, now=now)
            due = quoted.priced.total
            checkout.open_shift(session, actor)
            needs = set(quoted.priced.needs_permissions)
            if any(isinstance(t, Comp) for t in tenders):
                needs.add(Permission.SELL_COMPLIMENTARY.value)
            for name in sorted(needs):
                guard.check(
                    session,
                    actor,
                    Permission(name),
                    subject=f"cart:{cart.cart_id}",
                    overrides=overrides,
                    now=now,
                )

    # 2. The places: held on the server (online), or from our allocation (offline).
    status = getattr(ctx.sync, "status", None)
    offline = status is not None and status.offline
    server = _server(ctx) if status is not None and status.online else None
    server_holds = hold_on_server(ctx, server, cart) if server is not None else []
    taken: list[_Taken] = []
    try:
        if offline and external:
            with ctx.store.read() as session:
                holds.require_allocated(session, actor.terminal, cart.items, now)

        # 3. Card and wallet: take the money now, give it back if the booking fails.
        booked: list[checkout.Tender] = []
        for tender in tenders:
            if isinstance(tender, CardPayment | WalletPayment):
                assert due is not None
                reference = f"cart:{cart.cart_id}/{attempt}" + (f".{len(taken)}" if taken else "")
                took = _take(ctx, tender, tender.amount or due, reference)
                taken.append(took)
                booked.append(Card(took.result))
            else:
                booked.append(tender)

        # 4. One commit: order, tickets, payments, cash, outbox, audit. The shift is
        #    looked up again inside it: one closed while the card was being read must
        #    not receive the sale after its Z report (the card is given back).
        with ctx.store.write() as session:
            shift_id = checkout.open_shift(session, actor)
            sale = checkout.sell(
                session,
                actor,
                cart,
                booked,
                signer,
                now=now,
                overrides=overrides,
                customer=customer,
                offline=offline,
                shift_id=shift_id,
            )
            done = _done(sale, offline)
    except BaseException as exc:
        try:
            _give_back(taken, exc)  # the customer's money first
        finally:
            if server is not None:
                _release(server, server_holds)
        raise

    # 5. After the commit: drawer (the clerk gives change first), paper, server, views.
    if any(isinstance(t, Cash) for t in tenders):
        _open_drawer(ctx)
    jobs = _queue_printing(ctx, actor, done) if print_after else ()
    if ctx.sync is not None:
        ctx.sync.wake()
    changes = ChangeSet.of(
        performances=done.performances,
        seats=done.seats,
        orders=[done.order_uuid],
        tickets=done.serials,
        shifts=[shift_id],
        print_jobs=jobs,
        sync=ctx.sync is not None,
    )
    if jobs:
        done = _with_jobs(done, jobs)
    return OpResult(done, ctx.publish(changes))


# -- 2. server holds ------------------------------------------------------------------
def _server(ctx: TerminalContext) -> Any:
    """The sync link's server client (``client``, or the worker's ``transport``)."""
    return getattr(ctx.sync, "client", None) or getattr(ctx.sync, "transport", None)


def hold_on_server(ctx: TerminalContext, server: Any, cart: Cart) -> list[Any]:
    """Hold every place of the cart on the server, or none (naming what was refused)."""
    places = split_places(cart.items)
    placed: list[Any] = []
    try:
        for performance_id, seat_ids in places.seats.items():
            placed.append(server.place_hold(performance_id, seat_ids))
        for (performance_id, area_id), quantity in places.standing.items():
            placed.append(
                server.place_hold(performance_id, [], ga_area_id=area_id, quantity=quantity)
            )
    except BaseException as exc:
        _release(server, placed)
        if isinstance(exc, ServerRefused) and exc.status == 409:
            with ctx.store.read() as session:
                raise holds.refused_by_server(session, exc.body, str(exc)) from exc
        raise
    return placed


def _release(server: Any, placed: Sequence[Any]) -> None:
    """Give server holds back (best effort: they expire by themselves anyway)."""
    for hold in placed:
        try:
            server.release_hold(hold.hold_id)
        except Exception:  # no keyring, no network: the hold runs out by itself
            log.warning("server hold %s not released; it expires on its own", hold.hold_id)


# -- 3. take, and give back ---------------------------------------------------------
@dataclass(frozen=True)
class _Taken:
    """Money taken outside the store, and how to give it back."""

    tender: External
    result: CardResult
    reference: str
    source: Any  # the card terminal, or the wallet provider

    def give_back(self) -> None:
        if isinstance(self.tender, CardPayment):
            reversal = self.source.reverse(self.result)
            if not reversal.approved:
                # Loudly: the money is on the card, the sale is not booked.
                raise ValidationError(
                    "card_reversal_failed",
                    reference=self.reference,
                    reason=reversal.message or Notice("card_declined_no_reason"),
                )
            log.info("card payment %s reversed after the sale failed", self.reference)
        else:
            back = self.source.refund(self.reference, self.result.amount, f"{self.reference}/back")
            if getattr(back, "status", "refunded") != "refunded":
                raise ValidationError(
                    "wallet_give_back_failed", reference=self.reference, status=back.status
                )
            log.info("wallet payment %s refunded after the sale failed", self.reference)


def _take(ctx: TerminalContext, tender: External, amount: Money, reference: str) -> _Taken:
    """Charge the card or collect the wallet code; a refusal takes nothing."""
    if isinstance(tender, CardPayment):
        terminal = tender.terminal or _card_terminal(ctx)
        if hasattr(terminal, "authorise"):
            result = terminal.authorise(amount, reference)
        else:  # a device that only answers asynchronously (or a missing one, which says why)
            result = terminal.authorise_async(amount, reference).result()
        if not result.approved:
            raise ValidationError(
                "card_declined", reason=result.message or Notice("card_declined_no_reason")
            )
        return _Taken(tender, result, reference, terminal)
    providers = tender.providers or ctx.cache.get("wallet_providers")
    if not providers:
        raise ValidationError("wallet_providers_missing")
    paid = collect(providers, tender.code, amount, reference)
    if not paid.paid:
        raise ValidationError(
            "wallet_not_paid", wallet=SCHEME[tender.code.kind].title(), reason=paid.why()
        )
    return _Taken(tender, paid.as_card_result(), reference, providers[tender.code.kind])


def _card_terminal(ctx: TerminalContext) -> Any:
    if ctx.devices is None:
        raise ValidationError("card_terminal_missing")
    return ctx.devices.for_kind(DeviceKind.PAYMENT_TERMINAL)


def _give_back(taken: Sequence[_Taken], cause: BaseException) -> None:
    """Give back every external payment of a sale that failed; say so in the refusal."""
    if not taken:
        return
    for took in reversed(taken):
        took.give_back()  # a refusal here (the money could not go back) replaces the cause
    if isinstance(cause, BoxOfficeError):
        card = any(isinstance(t.tender, CardPayment) for t in taken)
        code = "sale_failed_card_reversed" if card else "sale_failed_wallet_refunded"
        raise PaymentGivenBack(code, error=cause) from cause


# -- 4. the booked sale as plain data --------------------------------------------------
def _done(sale: checkout.Sale, offline: bool) -> SaleDone:
    order = sale.order
    issued = [t for t in order.tickets if t.status == TicketStatus.VALID]
    return SaleDone(
        order_id=order.id,
        order_uuid=order.uuid,
        number=order.number,
        total=Money(order.total_minor, order.currency),
        change=sale.change,
        shift_id=order.shift_id,
        offline=offline,
        ticket_ids=tuple(t.id for t in issued),
        serials=tuple(t.serial for t in issued if t.serial),
        payments=tuple(
            PaymentLine(
                p.kind.value,
                Money(p.amount_minor, p.currency),
                p.card_scheme or "",
                p.card_last4 or "",
                p.auth_code or "",
            )
            for p in order.payments
        ),
        seats=tuple((t.performance_id, t.seat_id) for t in issued if t.seat_id is not None),
        performances=tuple(sorted({t.performance_id for t in issued})),
    )


def _with_jobs(done: SaleDone, jobs: Sequence[str]) -> SaleDone:
    return replace(done, print_jobs=tuple(jobs))


# -- 5. after the commit ---------------------------------------------------------------
def _open_drawer(ctx: TerminalContext) -> None:
    """Pulse the drawer (it queues on its own thread); a drawer fault never undoes the sale."""
    device_ops.open_drawer(ctx, "sale")


def _queue_printing(ctx: TerminalContext, actor: Actor, done: SaleDone) -> tuple[str, ...]:
    """Queue the tickets and the receipt on this terminal's printers; returns the job ids."""
    if ctx.devices is None:
        return ()
    printers = {
        kind: ctx.devices.for_kind(kind)
        for kind in (DeviceKind.TICKET_PRINTER, DeviceKind.RECEIPT_PRINTER)
        if ctx.devices.name_for(kind) is not None
    }
    queues = {k: q for k, p in printers.items() if (q := getattr(p, "print_queue", None))}
    if not queues:
        return ()
    jobs: list[str] = []
    try:
        with ctx.store.read() as session:
            tickets = order_tickets(session, done.order_id)
            slip = (
                receipts.sale_receipt(session, done.order_id)
                if DeviceKind.RECEIPT_PRINTER in queues
                else None
            )
        if DeviceKind.TICKET_PRINTER in queues and tickets:
            job = PrintJob("ticket", actor, tickets)
            jobs.append(queues[DeviceKind.TICKET_PRINTER].submit(job))
        if slip is not None:
            job = PrintJob("receipt", actor, receipt=slip)
            jobs.append(queues[DeviceKind.RECEIPT_PRINTER].submit(job))
    except BoxOfficeError:  # the sale is booked; the clerk reprints from the order
        log.exception("printing after sale %s failed", done.number)
    return tuple(jobs)
