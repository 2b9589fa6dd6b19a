"""Small helpers shared by the after-sale tests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from boxoffice.context import TerminalContext
from boxoffice.money import Money
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.shifts import close, drawer, figures
from boxoffice.store.models import CashMovement
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


#: Cash movements of sales, refunds and voids (not the shift's float, drops, pay-ins/outs).
SALE_MONEY = CashMovement.order_id.is_not(None)


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


def close_shift_of(world: World, username: str, *, at: datetime) -> None:
    """The supervisor counts exactly what ``username``'s drawer should hold and closes it."""
    shift_id = world.shifts[(username, world.clerk.terminal)]
    with world.store.write() as s:
        shift = drawer.get_shift(s, shift_id)
        expected = figures.compute(s, shift, at).expected("cash", "EUR")
        coins = {"EUR": {1: expected}} if expected else {}
        close.count_cash(s, world.supervisor, shift_id, coins, now=at)
        close.close_shift(s, world.supervisor, shift_id, now=at)


def terminal_context(world: World, **kw: object) -> TerminalContext:
    """The terminal context the sell op runs in: the world's store, clock and ticket signer."""
    kw.setdefault("clock", lambda: world.now)
    ctx = TerminalContext(world.store, world.clerk.terminal, **kw)  # type: ignore[arg-type]
    ctx.cache["signer"] = world.signer
    return ctx
