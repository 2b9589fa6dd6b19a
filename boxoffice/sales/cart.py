"""What the clerk is about to sell: plain data, priced by ``quote``, split by ``split_places``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from boxoffice.money import Money


@dataclass(frozen=True)
class CartItem:
    """One ticket: a seat or one standing place, at a price type."""

    performance_id: int
    price_type: str
    seat_id: int | None = None
    ga_area_id: int | None = None
    #: A manual price (needs ``price_override`` and a reason).
    override_price: Money | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class CustomerDetails:
    name: str = ""
    phone: str = ""
    email: str = ""

    def __bool__(self) -> bool:
        return bool(self.name.strip() or self.phone.strip() or self.email.strip())


@dataclass
class Cart:
    items: list[CartItem] = field(default_factory=list)
    voucher_codes: list[str] = field(default_factory=list)
    customer: CustomerDetails | None = None
    cart_id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass(frozen=True)
class Places:
    """A cart's places, split once: seats by performance, standing places by area.

    ``seats`` maps a performance to its seat ids in cart order (a seat asked
    for twice stays twice, so the caller can refuse it); ``standing`` maps
    (performance, standing area) to the quantity asked for.
    """

    seats: dict[int, list[int]]
    standing: dict[tuple[int, int], int]

    @property
    def only_seats_of_one_performance(self) -> bool:
        return len(self.seats) == 1 and not self.standing


def split_places(items: Iterable[CartItem]) -> Places:
    """The one place the cart is split into seats and standing places."""
    seats: dict[int, list[int]] = {}
    standing: dict[tuple[int, int], int] = {}
    for item in items:
        if item.seat_id is not None:
            seats.setdefault(item.performance_id, []).append(item.seat_id)
        elif item.ga_area_id is not None:
            key = (item.performance_id, item.ga_area_id)
            standing[key] = standing.get(key, 0) + 1
    return Places(seats, standing)
