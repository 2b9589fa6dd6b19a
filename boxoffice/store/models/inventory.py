"""Short-lived cart holds, offline allocations and low-availability thresholds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base, UTCDateTime


class CartHold(Base):
    """A seat (or GA places) kept for a clerk's cart until ``expires_at``.

    Expired holds are ignored by availability and purged before new holds
    are placed, so they free their seats by themselves.
    """

    __tablename__ = "cart_holds"
    __table_args__ = (
        Index("uq_cart_holds_seat", "performance_id", "seat_id", unique=True),
        Index("ix_cart_holds_cart", "cart_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[str] = mapped_column(String(36))
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id", ondelete="CASCADE"))
    seat_id: Mapped[int | None] = mapped_column(ForeignKey("seats.id"))
    ga_area_id: Mapped[int | None] = mapped_column(ForeignKey("ga_areas.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    terminal: Mapped[str] = mapped_column(String(80))
    username: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Allocation(Base):
    """Seats (or GA places) the server set aside for one terminal to sell offline."""

    __tablename__ = "allocations"
    __table_args__ = (Index("ix_allocations_perf_terminal", "performance_id", "terminal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id"))
    terminal: Mapped[str] = mapped_column(String(80))
    seat_id: Mapped[int | None] = mapped_column(ForeignKey("seats.id"))
    ga_area_id: Mapped[int | None] = mapped_column(ForeignKey("ga_areas.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AvailabilityThreshold(Base):
    """Alert when fewer than ``remaining`` seats are left (whole house or one zone)."""

    __tablename__ = "availability_thresholds"
    __table_args__ = (UniqueConstraint("performance_id", "price_zone_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id", ondelete="CASCADE"))
    price_zone_id: Mapped[int | None] = mapped_column(ForeignKey("price_zones.id"))
    remaining: Mapped[int] = mapped_column(Integer)
