"""Events (the show) and performances (one showing of it, at a venue, at a time)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models.seatmap import SeatMap


class PerformanceStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    ON_SALE = "on_sale"
    OFF_SALE = "off_sale"
    CANCELLED = "cancelled"


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)

    performances: Mapped[list[Performance]] = relationship(
        back_populates="event", order_by="Performance.starts_at"
    )


class Performance(Base):
    __tablename__ = "performances"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    seat_map_id: Mapped[int] = mapped_column(ForeignKey("seat_maps.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[PerformanceStatus] = mapped_column(
        Enum(
            PerformanceStatus,
            native_enum=False,
            length=16,
            values_callable=lambda e: [m.value for m in e],
        ),
        default=PerformanceStatus.SCHEDULED,
    )
    currency: Mapped[str] = mapped_column(String(3))
    sale_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sale_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    event: Mapped[Event] = relationship(back_populates="performances")
    seat_map: Mapped[SeatMap] = relationship()
