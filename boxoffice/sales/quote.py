"""Price a cart from the store: gathers the inputs, lets ``pricing`` decide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.catalogue.prices import bp_to_rate
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.sales import pricing, sale_data
from boxoffice.sales.cart import Cart, CartItem


@dataclass(frozen=True)
class QuotedItem:
    item: CartItem
    price_zone_id: int
    price_type_id: int


@dataclass(frozen=True)
class Quote:
    priced: pricing.PricedCart
    items: tuple[QuotedItem, ...]
    discount_ids: tuple[int, ...]

    @property
    def currency(self) -> str:
        return self.priced.currency


def cash_rounding(session: Session, currency: str) -> pricing.CashRounding | None:
    """The venue's configured rule (``cash_rounding.CNY`` = step in minor units), if any."""
    step = settings.find(session, f"cash_rounding.{currency}")
    if step is None:
        return None
    if not step.isdigit() or int(step) < 1:
        raise ValidationError("cash_rounding_setting_invalid", currency=currency)
    return pricing.CashRounding(int(step)) if int(step) > 1 else None


def quote(
    session: Session, cart: Cart, *, now: datetime, voucher_codes: Sequence[str] | None = None
) -> Quote:
    """Price every item; raises with a clear message for anything that cannot be sold.

    Everything the cart needs is read in a handful of set queries, whatever
    its size: this runs inside every sale's transaction.
    """
    if not cart.items:
        raise ValidationError("cart_empty")
    perf_ids = {item.performance_id for item in cart.items}
    perfs = sale_data.performances(session, perf_ids)
    seat_ids = [i.seat_id for i in cart.items if i.seat_id is not None]
    area_ids = [i.ga_area_id for i in cart.items if i.ga_area_id is not None]
    places: dict[tuple[str, int], tuple[int, int]] = {}
    if seat_ids:
        for sid, place in sale_data.seat_places(session, seat_ids).items():
            places["seat", sid] = place
    if area_ids:
        for aid, place in sale_data.area_places(session, area_ids).items():
            places["ga", aid] = place
    price_rows = sale_data.price_table(session, perf_ids)
    zone_names = sale_data.zone_names(session)
    all_types = sale_data.price_types(session)

    currencies: set[str] = set()
    lines: list[pricing.CartLine] = []
    quoted: list[QuotedItem] = []
    types: dict[str, pricing.PriceTypeRule] = {}
    for n, item in enumerate(cart.items):
        performance = perfs.get(item.performance_id)
        if performance is None:
            raise NotFound("sale_performance_not_found", performance=item.performance_id)
        currencies.add(performance.currency)
        if (item.seat_id is None) == (item.ga_area_id is None):
            raise ValidationError("cart_item_seat_or_standing")
        if item.seat_id is not None:
            place = places.get(("seat", item.seat_id))
            if place is None or place[0] != performance.seat_map_id:
                raise NotFound(
                    "seat_not_at_performance", seat=item.seat_id, performance=performance.id
                )
        else:
            place = places.get(("ga", item.ga_area_id or 0))
            if place is None or place[0] != performance.seat_map_id:
                raise NotFound(
                    "standing_area_not_at_performance_id",
                    area=item.ga_area_id,
                    performance=performance.id,
                )
        zone_id = place[1]
        price_type = all_types.get(item.price_type)
        if price_type is None:
            raise NotFound("sale_price_type_not_found", price_type=item.price_type)
        price = price_rows.get(performance.id, {}).get((zone_id, price_type.id))
        if price is None:
            raise ValidationError(
                "price_type_not_sold_in_zone", price_type=price_type.name, zone=zone_names[zone_id]
            )
        types[price_type.code] = pricing.PriceTypeRule.from_record(price_type)
        lines.append(
            pricing.CartLine(
                key=str(n),
                zone=zone_names[zone_id],
                price_type=price_type.code,
                list_price=Money(price.amount_minor, price.currency),
                tax_rate=bp_to_rate(price.tax_rate_bp),
                override_price=item.override_price,
                override_reason=item.override_reason,
            )
        )
        quoted.append(QuotedItem(item, zone_id, price_type.id))
    if len(currencies) != 1:
        raise ValidationError("order_mixes_currencies")
    currency = currencies.pop()
    rows = sale_data.active_discounts(session)
    by_id = {
        r.id: pricing.Discount.from_record(r, currency)
        for r in rows
        if r.currency in (None, currency)
    }
    chosen = {i: d for i, d in by_id.items() if d.code is None}
    for code in voucher_codes if voucher_codes is not None else cart.voucher_codes:
        voucher = pricing.apply_voucher_code(code, list(by_id.values()), now=now)
        chosen.update({i: d for i, d in by_id.items() if d is voucher})
    priced = pricing.price_cart(
        lines,
        price_types=types,
        discounts=list(chosen.values()),
        now=now,
        currency=currency,
        cash_rounding=cash_rounding(session, currency),
    )
    labels = set(priced.applied_discounts)
    used = tuple(i for i, d in chosen.items() if d.label in labels)
    return Quote(priced, tuple(quoted), used)
