"""Drawer sessions (shifts), their counted cash, card batch totals and Z reports.

A shift belongs to one clerk at one terminal; the partial unique index
``uq_shifts_open_clerk`` allows at most one open shift per clerk per
terminal in the database itself. Once closed, a shift and its Z report are
never written again: the migration adds triggers that refuse it.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models._enum import str_enum


class ShiftStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CountPurpose(enum.StrEnum):
    FLOAT = "float"  # counted into the drawer at opening
    CLOSE = "close"  # the blind count at closing


_OPEN_SQL = "status = 'open'"


class Shift(Base):
    __tablename__ = "shifts"
    __table_args__ = (
        Index(
            "uq_shifts_open_clerk",
            "terminal",
            "username",
            unique=True,
            sqlite_where=text(_OPEN_SQL),
            postgresql_where=text(_OPEN_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    terminal: Mapped[str] = mapped_column(String(80), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(40))
    status: Mapped[ShiftStatus] = mapped_column(str_enum(ShiftStatus))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: Set once, when the cash has been counted blind (before the close).
    counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str] = mapped_column(String(40), default="")
    z_number: Mapped[int | None] = mapped_column(Integer)


class ShiftCount(Base):
    """Notes and coins of one denomination, counted into or out of the drawer."""

    __tablename__ = "shift_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    purpose: Mapped[CountPurpose] = mapped_column(str_enum(CountPurpose))
    currency: Mapped[str] = mapped_column(String(3))
    denomination_minor: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CardBatchTotal(Base):
    """The card terminal's own batch total for one scheme, for reconciliation."""

    __tablename__ = "card_batch_totals"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    scheme: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(Integer)
    count: Mapped[int | None] = mapped_column(Integer)
    #: "manual" (keyed in from the terminal's printout) or "terminal" (read from it).
    source: Mapped[str] = mapped_column(String(20))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ZReport(Base):
    """The frozen figures of a closed shift: canonical JSON and its SHA-256."""

    __tablename__ = "z_reports"
    __table_args__ = (UniqueConstraint("terminal", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), unique=True)
    terminal: Mapped[str] = mapped_column(String(80))
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
