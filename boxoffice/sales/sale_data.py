"""What a sale reads about the catalogue, shared between sessions while it is unchanged.

Performances, seats and standing areas (which map and price zone), price
zones, price types, the price table and active discounts are read by every
sale and change rarely. Each lookup here goes through ``store.versions``: it
is reused only while none of the tables it was read from has changed, and
read afresh (inside the sale's own transaction) otherwise. Values are
immutable: tuples, frozen dataclasses and read-only mappings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from boxoffice.store import fast, versions
from boxoffice.store.models import (
    Discount,
    GAArea,
    Performance,
    PerformanceStatus,
    Price,
    PriceType,
    PriceZone,
    Seat,
)


@dataclass(frozen=True)
class PerformanceFacts:
    """The columns of a performance a sale needs (a snapshot, not a live ORM object)."""

    id: int
    event_id: int
    seat_map_id: int
    starts_at: datetime
    status: PerformanceStatus
    currency: str
    sale_starts_at: datetime | None
    sale_ends_at: datetime | None


@dataclass(frozen=True)
class PriceEntry:
    amount_minor: int
    currency: str
    tax_rate_bp: int


@dataclass(frozen=True)
class PriceTypeFacts:
    """A price type's columns, with the attribute names ``PriceTypeRule.from_record`` reads."""

    id: int
    code: str
    name: str
    sale_starts_at: datetime | None
    sale_ends_at: datetime | None
    min_quantity: int | None
    complimentary: bool


_IDS = bindparam("ids", expanding=True)
_SEATS = select(Seat.id, Seat.seat_map_id, Seat.price_zone_id).where(Seat.id.in_(_IDS))
_AREAS = select(GAArea.id, GAArea.seat_map_id, GAArea.price_zone_id).where(GAArea.id.in_(_IDS))
_PRICES = select(
    Price.performance_id,
    Price.price_zone_id,
    Price.price_type_id,
    Price.amount_minor,
    Price.currency,
    Price.tax_rate_bp,
).where(Price.performance_id.in_(_IDS))
_ZONES = select(PriceZone.id, PriceZone.name)
_DISCOUNTS = select(*Discount.__table__.c).where(Discount.active.is_(True))


def performances(session: Session, ids: Iterable[int]) -> dict[int, PerformanceFacts]:
    """Facts of the performances among ``ids`` that exist."""

    def load(missing: list[int]) -> dict[int, PerformanceFacts]:
        # Through the ORM, as before there was a cache: an unflushed change to a
        # performance in this session (the cache is bypassed then) is what counts.
        return {
            p.id: PerformanceFacts(
                p.id,
                p.event_id,
                p.seat_map_id,
                p.starts_at,
                p.status,
                p.currency,
                p.sale_starts_at,
                p.sale_ends_at,
            )
            for p in session.scalars(select(Performance).where(Performance.id.in_(missing)))
        }

    return versions.cached_items(session, "sale.performances", ("performances",), ids, load)


def seat_places(session: Session, seat_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """``seat id -> (seat map id, price zone id)`` for the seats that exist."""

    def load(missing: list[int]) -> dict[int, tuple[int, int]]:
        return {sid: (m, z) for sid, m, z in fast.execute(session, _SEATS, {"ids": missing})}

    return versions.cached_items(session, "sale.seats", ("seats",), seat_ids, load)


def area_places(session: Session, area_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """``standing area id -> (seat map id, price zone id)`` for the areas that exist."""

    def load(missing: list[int]) -> dict[int, tuple[int, int]]:
        return {aid: (m, z) for aid, m, z in fast.execute(session, _AREAS, {"ids": missing})}

    return versions.cached_items(session, "sale.ga_areas", ("ga_areas",), area_ids, load)


def price_table(
    session: Session, performance_ids: Iterable[int]
) -> dict[int, Mapping[tuple[int, int], PriceEntry]]:
    """Per performance: ``(price zone id, price type id) -> price``."""

    def load(missing: list[int]) -> dict[int, Mapping[tuple[int, int], PriceEntry]]:
        table: dict[int, dict[tuple[int, int], PriceEntry]] = {p: {} for p in missing}
        for perf, zone, type_, amount, currency, tax in fast.execute(
            session, _PRICES, {"ids": missing}
        ):
            table[perf][zone, type_] = PriceEntry(amount, currency, tax)
        return {p: MappingProxyType(t) for p, t in table.items()}

    return versions.cached_items(session, "sale.prices", ("prices",), performance_ids, load)


def zone_names(session: Session) -> Mapping[int, str]:
    return versions.cached(
        session,
        "sale.zone_names",
        ("price_zones",),
        lambda: MappingProxyType(dict(fast.execute(session, _ZONES).all())),
    )


def price_types(session: Session) -> Mapping[str, PriceTypeFacts]:
    """Every price type by code."""
    return versions.cached(
        session,
        "sale.price_types",
        ("price_types",),
        lambda: MappingProxyType(
            {
                t.code: PriceTypeFacts(
                    t.id,
                    t.code,
                    t.name,
                    t.sale_starts_at,
                    t.sale_ends_at,
                    t.min_quantity,
                    t.complimentary,
                )
                for t in session.scalars(select(PriceType))  # ORM: unflushed types count
            }
        ),
    )


def active_discounts(session: Session) -> tuple[Any, ...]:
    """Rows of the active discounts (usage counts included: a use bumps the version)."""
    return versions.cached(
        session,
        "sale.discounts",
        ("discounts",),
        lambda: tuple(fast.execute(session, _DISCOUNTS)),
    )
