"""Charging a gift card: the one place its balance goes down.

A gift card pays (part of) a sale at the terminal (``sales.checkout``) or is
redeemed by hand at the will-call window when its barcode will not scan
(``willcall.redeem``); both take the amount off through ``charge``. The card
must be active, not expired (it ends at ``valid_to``) and in the sale's
currency, and must hold the amount: the balance check and the decrement are
one statement, so two terminals can never spend the same balance twice. Each
charge leaves a ``GiftCardMovement``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from boxoffice.errors import NotFound, ValidationError
from boxoffice.messages import Notice
from boxoffice.money import Money
from boxoffice.store.models import GiftCard, GiftCardMovement, Order


class GiftCardNotFound(NotFound, ValidationError):
    """No active gift card with that code (a lookup that failed, and bad input at the terminal)."""


@dataclass(frozen=True)
class Charge:
    """What ``charge`` took: from which card, how much, and the balance left."""

    gift_card_id: int
    code: str
    amount: Money
    balance: Money


def charge(
    session: Session,
    code: str,
    amount: Money | None,
    *,
    currency: str,
    now: datetime,
    due: Money | None = None,
    order: Order | None = None,
    order_id: int | None = None,
) -> Charge:
    """Take ``amount`` (or, when None, as much of ``due`` as the card holds) off a card.

    ``currency`` is the sale's; ``due``, when given, caps the amount. The
    movement is tied to ``order`` (an order being sold, maybe not flushed yet)
    or ``order_id``. Refusals change nothing.
    """
    wanted = code.strip().upper() if isinstance(code, str) else ""
    card = session.scalar(select(GiftCard).where(func.upper(GiftCard.code) == wanted))
    if card is None or not card.active:
        raise GiftCardNotFound("gift_card_not_found", code=wanted or Notice("gift_card_code_empty"))
    if card.valid_to is not None and now >= card.valid_to:
        raise ValidationError("gift_card_expired", code=card.code, day=f"{card.valid_to:%Y-%m-%d}")
    if card.currency != currency:
        raise ValidationError(
            "gift_card_wrong_currency", code=card.code, card=card.currency, sale=currency
        )
    if amount is not None and amount.currency != currency:
        raise ValidationError("gift_card_sale_currency", currency=currency)
    if amount is None:
        if due is None:
            raise ValidationError("gift_card_amount_missing")
        minor = min(card.balance_minor, due.minor)
        if minor <= 0:
            raise ValidationError("gift_card_empty", code=card.code)
    else:
        minor = amount.minor
        if minor <= 0:
            raise ValidationError("gift_card_charge_not_positive")
    if due is not None and minor > due.minor:
        raise ValidationError("gift_card_more_than_due", due=due)
    done = session.execute(
        update(GiftCard)
        .where(GiftCard.id == card.id, GiftCard.balance_minor >= minor)
        .values(balance_minor=GiftCard.balance_minor - minor)
    ).rowcount
    if not done:
        raise ValidationError(
            "gift_card_insufficient",
            code=card.code,
            balance=Money(card.balance_minor, card.currency),
        )
    movement = GiftCardMovement(gift_card_id=card.id, amount_minor=-minor, created_at=now)
    if order is not None:
        movement.order = order
    else:
        movement.order_id = order_id
    session.add(movement)
    # The ORM-enabled UPDATE above synchronised ``card`` in the session already.
    return Charge(
        card.id, card.code, Money(minor, currency), Money(card.balance_minor, card.currency)
    )
