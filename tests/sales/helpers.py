"""Small helpers shared by the after-sale tests."""

from __future__ import annotations

from sqlalchemy import text

from boxoffice.money import Money
from boxoffice.sales.cart import Cart, CartItem
from tests.sales.conftest import World

#: Tables a refused operation must leave exactly as they were.
WATCHED = (
    "orders",
    "tickets",
    "payments",
    "cash_movements",
    "barcode_revocations",
    "outbox",
    "audit_log",
    "overrides",
    "cart_holds",
    "counters",
)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def snapshot(world: World) -> dict[str, list[tuple[object, ...]]]:
    with world.store.read() as s:
        return {
            t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in WATCHED
        }


def cart(world: World, *guids: str, price_type: str = "adult", performance: int = 0) -> Cart:
    perf = performance or world.performance
    return Cart([CartItem(perf, price_type, seat_id=world.seats[g]) for g in guids])
