"""Seat holds and kills set by the house: not for general sale.

These are the long-lived holds a box-office manager places (house seats,
press, wheelchair companions, production kills), distinct from the short
cart holds a clerk takes while selling.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models.seatmap import Seat


class HoldKind(enum.StrEnum):
    HOUSE = "house"
    PRESS = "press"
    COMPANION = "companion"
    PRODUCTION = "production"
    KILL = "kill"


class SeatHold(Base):
    __tablename__ = "seat_holds"
    __table_args__ = (UniqueConstraint("performance_id", "seat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    performance_id: Mapped[int] = mapped_column(
        ForeignKey("performances.id", ondelete="CASCADE"), index=True
    )
    seat_id: Mapped[int] = mapped_column(ForeignKey("seats.id", ondelete="CASCADE"))
    kind: Mapped[HoldKind] = mapped_column(
        Enum(HoldKind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])
    )
    note: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    seat: Mapped[Seat] = relationship()
