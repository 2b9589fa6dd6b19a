"""Price types and the price table of a performance (price zone × price type).

Prices are tax-inclusive; the rate is kept in basis points so both the price
and the tax part are exact integers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.errors import Conflict, NotFound, ValidationError
from boxoffice.money import Money, parse_tax_rate
from boxoffice.store.models import Performance, Price, PriceType, PriceZone

#: The price types every new store starts with: (code, name, complimentary, door note).
STANDARD_PRICE_TYPES: tuple[tuple[str, str, bool, str], ...] = (
    ("adult", "Adult", False, ""),
    ("concession", "Concession", False, "Check concession ID"),
    ("child", "Child", False, "Child ticket"),
    ("senior", "Senior", False, "Check age ID"),
    ("student", "Student", False, "Check student ID"),
    ("group", "Group (10+)", False, ""),
    ("vip_presale", "VIP presale", False, ""),
    ("comp", "Complimentary", True, ""),
)


def rate_to_bp(rate: Decimal) -> int:
    return int(rate * 100)


def bp_to_rate(bp: int) -> Decimal:
    return (Decimal(bp) / 100).quantize(Decimal("0.01"))


def ensure_standard_price_types(session: Session) -> None:
    """Create the standard price types that are missing (idempotent, not audited)."""
    have = set(session.scalars(select(PriceType.code)))
    for code, name, comp, note in STANDARD_PRICE_TYPES:
        if code not in have:
            session.add(
                PriceType(
                    code=code,
                    name=name,
                    complimentary=comp,
                    door_note=note,
                    min_quantity=10 if code == "group" else 1,
                )
            )
    session.flush()
    session.info.pop("price_types", None)  # the sales quote's per-session cache


def add_price_type(
    session: Session,
    actor: Actor,
    code: str,
    name: str,
    *,
    sale_starts_at: datetime | None = None,
    sale_ends_at: datetime | None = None,
    min_quantity: int = 1,
    complimentary: bool = False,
    door_note: str = "",
) -> PriceType:
    require(session, actor, Permission.PRICE_EDIT)
    code = code.strip().lower()
    if not code or not code.replace("_", "").isalnum():
        raise ValidationError("price_type_code_invalid", code=code)
    for when, what in ((sale_starts_at, "sale start"), (sale_ends_at, "sale end")):
        if when is not None and when.tzinfo is None:
            raise ValidationError("price_type_time_without_zone", field=what)
    if sale_starts_at and sale_ends_at and sale_ends_at <= sale_starts_at:
        raise ValidationError("catalogue_sale_window_reversed")
    if min_quantity < 1:
        raise ValidationError("catalogue_min_quantity_below_one")
    if session.scalar(select(PriceType.id).where(PriceType.code == code)) is not None:
        raise Conflict("price_type_exists", code=code)
    price_type = PriceType(
        code=code,
        name=name,
        sale_starts_at=sale_starts_at,
        sale_ends_at=sale_ends_at,
        min_quantity=min_quantity,
        complimentary=complimentary,
        door_note=door_note,
    )
    session.add(price_type)
    session.flush()
    session.info.pop("price_types", None)  # the sales quote's per-session cache
    audit.record(session, actor, "price_type.add", f"price_type:{code}", {"name": name})
    return price_type


def get_price_type(session: Session, code: str) -> PriceType:
    price_type = session.scalar(select(PriceType).where(PriceType.code == code))
    if price_type is None:
        codes = list(session.scalars(select(PriceType.code).order_by(PriceType.code)))
        raise NotFound("catalogue_price_type_not_found", code=code, known=codes)
    return price_type


def list_price_types(session: Session) -> list[PriceType]:
    return list(session.scalars(select(PriceType).order_by(PriceType.id)))


def get_zone(session: Session, performance: Performance, zone_name: str) -> PriceZone:
    zone = session.scalar(
        select(PriceZone).where(
            PriceZone.seat_map_id == performance.seat_map_id, PriceZone.name == zone_name
        )
    )
    if zone is None:
        names = list(
            session.scalars(
                select(PriceZone.name)
                .where(PriceZone.seat_map_id == performance.seat_map_id)
                .order_by(PriceZone.id)
            )
        )
        raise NotFound(
            "catalogue_price_zone_not_found",
            performance=performance.id,
            zone=zone_name,
            known=names,
        )
    return zone


def set_price(
    session: Session,
    actor: Actor,
    performance: Performance,
    zone_name: str,
    price_type_code: str,
    amount: Money,
    tax_rate: Decimal | str,
) -> Price:
    """Set (create or change) one cell of the price table; changes are audited old → new."""
    require(session, actor, Permission.PRICE_EDIT)
    if not isinstance(amount, Money):
        raise TypeError("amount must be Money")
    if amount.currency != performance.currency:
        raise ValidationError(
            "price_currency_mismatch",
            performance=performance.id,
            currency=performance.currency,
            given=amount.currency,
        )
    if amount.minor < 0:
        raise ValidationError("catalogue_price_negative")
    rate = parse_tax_rate(tax_rate)
    zone = get_zone(session, performance, zone_name)
    price_type = get_price_type(session, price_type_code)
    if price_type.complimentary and amount.minor != 0:
        raise ValidationError("price_complimentary_not_zero", code=price_type.code)
    price = session.scalar(
        select(Price).where(
            Price.performance_id == performance.id,
            Price.price_zone_id == zone.id,
            Price.price_type_id == price_type.id,
        )
    )
    old = None
    if price is None:
        price = Price(
            performance_id=performance.id,
            price_zone_id=zone.id,
            price_type_id=price_type.id,
            amount_minor=amount.minor,
            currency=amount.currency,
            tax_rate_bp=rate_to_bp(rate),
        )
        session.add(price)
    else:
        old = {"amount": price.amount_minor, "tax_rate_bp": price.tax_rate_bp}
        price.amount_minor = amount.minor
        price.tax_rate_bp = rate_to_bp(rate)
    session.flush()
    audit.record(
        session,
        actor,
        "price.set",
        f"performance:{performance.id}",
        {
            "zone": zone.name,
            "type": price_type.code,
            "amount": amount.minor,
            "currency": amount.currency,
            "tax_rate_bp": rate_to_bp(rate),
            "old": old,
        },
    )
    return price


@dataclass(frozen=True)
class PriceRow:
    zone: str
    price_type: str
    price: Money
    tax_rate: Decimal

    @property
    def tax(self) -> Money:
        return self.price.tax_included(self.tax_rate)


def price_table(session: Session, performance_id: int) -> list[PriceRow]:
    prices = session.scalars(
        select(Price)
        .where(Price.performance_id == performance_id)
        .options(joinedload(Price.price_zone), joinedload(Price.price_type))
        .order_by(Price.price_zone_id, Price.price_type_id)
    )
    return [
        PriceRow(
            p.price_zone.name,
            p.price_type.code,
            Money(p.amount_minor, p.currency),
            bp_to_rate(p.tax_rate_bp),
        )
        for p in prices
    ]
