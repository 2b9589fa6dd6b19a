"""Price types and the price table (price zone × price type, per performance).

Prices are tax-inclusive integers in minor units; the tax rate is kept in
basis points (1300 = 13 %) so it too is exact.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models.catalogue import Performance
from boxoffice.store.models.seatmap import PriceZone


class PriceType(Base):
    """Adult, concession, child, complimentary, group, VIP presale, ..."""

    __tablename__ = "price_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    sale_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sale_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    min_quantity: Mapped[int] = mapped_column(Integer, default=1)
    complimentary: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Shown at the door (e.g. "check concession ID").
    door_note: Mapped[str] = mapped_column(String(200), default="")


class Price(Base):
    __tablename__ = "prices"
    __table_args__ = (
        UniqueConstraint("performance_id", "price_zone_id", "price_type_id"),
        CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
        CheckConstraint("tax_rate_bp >= 0 AND tax_rate_bp < 10000", name="tax_rate_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    performance_id: Mapped[int] = mapped_column(
        ForeignKey("performances.id", ondelete="CASCADE"), index=True
    )
    price_zone_id: Mapped[int] = mapped_column(ForeignKey("price_zones.id"))
    price_type_id: Mapped[int] = mapped_column(ForeignKey("price_types.id"))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    tax_rate_bp: Mapped[int] = mapped_column(Integer, default=0)

    performance: Mapped[Performance] = relationship()
    price_zone: Mapped[PriceZone] = relationship()
    price_type: Mapped[PriceType] = relationship()
