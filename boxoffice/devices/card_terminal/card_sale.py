"""A card sale end to end: charge the card, book the sale, or give the money back.

The terminal is asked first, outside the store transaction (device I/O never
holds the write lock). If the booking then fails — a seat was sold at
another window meanwhile, the show went off sale — the approval is
reversed before the error reaches the clerk, so no card is charged for a
sale that does not exist. The reference is the cart's, so a retry after a
crash between approval and booking reuses the approval (the terminal's
journal returns it) instead of charging again.

Blocking (terminal and store): run it on a worker thread.
"""

from __future__ import annotations

import logging
from datetime import datetime

from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.sales import checkout
from boxoffice.sales.cart import Cart
from boxoffice.sales.checkout import Card, Sale
from boxoffice.sales.payment_terminal import CardResult, PaymentTerminal
from boxoffice.sales.signer import Signer
from boxoffice.store import Store

log = logging.getLogger(__name__)


class CardReversed(BoxOfficeError):
    """The sale could not be booked; the card payment was reversed (message says why)."""


def sell_by_card(
    store: Store,
    actor: Actor,
    cart: Cart,
    terminal: PaymentTerminal,
    signer: Signer,
    *,
    attempt: int = 1,
    now: datetime | None = None,
) -> Sale:
    """Charge the cart's total on ``terminal`` and book the sale; never charge without a sale."""
    now = now or utc_now()
    with store.read() as session:
        due = checkout.quote(session, cart, now=now).priced.total
    reference = f"cart:{cart.cart_id}/{attempt}"
    result = terminal.authorise(due, reference)
    if not result.approved:
        raise ValidationError(f"card not approved: {result.message or 'declined'}")
    try:
        with store.write() as session:
            return checkout.sell(session, actor, cart, [Card(result)], signer, now=now)
    except BoxOfficeError as exc:
        _give_back(terminal, result, reference)
        raise CardReversed(f"{exc} — the card payment was reversed") from exc
    except Exception:
        _give_back(terminal, result, reference)
        raise


def _give_back(terminal: PaymentTerminal, result: CardResult, reference: str) -> None:
    reversal = terminal.reverse(result)
    if not reversal.approved:
        # Leave it to a supervisor, loudly: the money is on the card, the sale is not booked.
        raise ValidationError(
            f"the sale failed and the terminal would not reverse the payment {reference} "
            f"({reversal.message}); refund it on the terminal and call a supervisor"
        )
    log.info("card payment %s reversed after the sale failed", reference)
