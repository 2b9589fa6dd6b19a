"""Seat maps: sections, rows and seats with stable ids, plus standing areas.

A seat's ``guid`` is its stable identity across re-imports and terminals
(pretix calls it ``seat_guid``); the integer ``id`` is only local.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models.venue import Venue


class SeatMap(Base):
    __tablename__ = "seat_maps"
    __table_args__ = (UniqueConstraint("venue_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    width: Mapped[float] = mapped_column(Float, default=0)
    height: Mapped[float] = mapped_column(Float, default=0)
    source_format: Mapped[str] = mapped_column(String(16), default="own")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)

    venue: Mapped[Venue] = relationship(back_populates="seat_maps")
    price_zones: Mapped[list[PriceZone]] = relationship(
        back_populates="seat_map", cascade="all, delete-orphan", order_by="PriceZone.id"
    )
    sections: Mapped[list[Section]] = relationship(
        back_populates="seat_map", cascade="all, delete-orphan", order_by="Section.id"
    )
    ga_areas: Mapped[list[GAArea]] = relationship(
        back_populates="seat_map", cascade="all, delete-orphan", order_by="GAArea.id"
    )


class PriceZone(Base):
    """A category of seats priced alike (pretix: ``category``)."""

    __tablename__ = "price_zones"
    __table_args__ = (UniqueConstraint("seat_map_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_map_id: Mapped[int] = mapped_column(ForeignKey("seat_maps.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    color: Mapped[str] = mapped_column(String(9), default="#888888")

    seat_map: Mapped[SeatMap] = relationship(back_populates="price_zones")


class Section(Base):
    """A block of the house (stalls, circle, box A) — pretix: ``zone``."""

    __tablename__ = "sections"
    __table_args__ = (UniqueConstraint("seat_map_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_map_id: Mapped[int] = mapped_column(ForeignKey("seat_maps.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)

    seat_map: Mapped[SeatMap] = relationship(back_populates="sections")
    rows: Mapped[list[Row]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="Row.position"
    )


class Row(Base):
    __tablename__ = "rows"
    __table_args__ = (UniqueConstraint("section_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    #: Order of the row from the stage (0 = nearest); best-available prefers low values.
    position: Mapped[int] = mapped_column(Integer, default=0)

    section: Mapped[Section] = relationship(back_populates="rows")
    seats: Mapped[list[Seat]] = relationship(
        back_populates="row", cascade="all, delete-orphan", order_by="Seat.position"
    )


class Seat(Base):
    __tablename__ = "seats"
    __table_args__ = (
        UniqueConstraint("seat_map_id", "guid"),
        Index("ix_seats_row_position", "row_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_map_id: Mapped[int] = mapped_column(
        ForeignKey("seat_maps.id", ondelete="CASCADE"), index=True
    )
    row_id: Mapped[int] = mapped_column(ForeignKey("rows.id", ondelete="CASCADE"))
    price_zone_id: Mapped[int] = mapped_column(ForeignKey("price_zones.id"), index=True)
    guid: Mapped[str] = mapped_column(String(64))
    number: Mapped[str] = mapped_column(String(20))
    #: Order of the seat along its row, left to right as seen from the stage.
    position: Mapped[int] = mapped_column(Integer, default=0)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    wheelchair: Mapped[bool] = mapped_column(Boolean, default=False)
    companion: Mapped[bool] = mapped_column(Boolean, default=False)
    restricted_view: Mapped[bool] = mapped_column(Boolean, default=False)

    row: Mapped[Row] = relationship(back_populates="seats")
    price_zone: Mapped[PriceZone] = relationship()


class GAArea(Base):
    """A general-admission (standing) area sold by quantity up to ``capacity``."""

    __tablename__ = "ga_areas"
    __table_args__ = (UniqueConstraint("seat_map_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_map_id: Mapped[int] = mapped_column(ForeignKey("seat_maps.id", ondelete="CASCADE"))
    price_zone_id: Mapped[int] = mapped_column(ForeignKey("price_zones.id"))
    name: Mapped[str] = mapped_column(String(120))
    capacity: Mapped[int] = mapped_column(Integer)

    seat_map: Mapped[SeatMap] = relationship(back_populates="ga_areas")
    price_zone: Mapped[PriceZone] = relationship()
