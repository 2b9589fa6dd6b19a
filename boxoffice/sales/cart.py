"""What the clerk is about to sell: plain data, priced by ``quote``."""

from __future__ import annotations

import uuid
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
