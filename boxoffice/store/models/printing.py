"""What was printed where (print log) and the blank ticket stock in each printer.

Both are append-only records the print queue writes after each job; the
end-of-day stock report and reprint investigations read them.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models._enum import str_enum


class PrintOutcome(enum.StrEnum):
    #: The printer confirmed it (FGL 0x06), or reported ready and took the job.
    PRINTED = "printed"
    #: Sent, but the printer said nothing about it: status unknown, never assumed fine.
    UNCONFIRMED = "unconfirmed"
    FAILED = "failed"
    #: Moved to another printer by the clerk; that printer's row follows.
    REDIRECTED = "redirected"
    CANCELLED = "cancelled"


class PrintLogEntry(Base):
    """One ticket (or receipt) through one printer: who, when, where, what became of it."""

    __tablename__ = "print_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    job_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # ticket, receipt, test
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(40), default="")
    terminal: Mapped[str] = mapped_column(String(80))
    printer: Mapped[str] = mapped_column(String(80), index=True)
    ticket_id: Mapped[int | None] = mapped_column(Integer, index=True)
    ticket_serial: Mapped[str | None] = mapped_column(String(32), index=True)
    order_number: Mapped[str] = mapped_column(String(32), default="")
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[PrintOutcome] = mapped_column(str_enum(PrintOutcome))
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    detail: Mapped[str] = mapped_column(String(200), default="")


class StockMovementKind(enum.StrEnum):
    LOADED = "loaded"  # blank stock put into the printer
    PRINTED = "printed"  # used by a ticket the printer printed
    VOIDED = "voided"  # a printed ticket taken back and destroyed
    SPOILED = "spoiled"  # lost to a jam, a misprint or a test print


class TicketStockMovement(Base):
    """Blank ticket stock in or out of one printer; the balance is the sum by kind."""

    __tablename__ = "ticket_stock"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    printer: Mapped[str] = mapped_column(String(80), index=True)
    terminal: Mapped[str] = mapped_column(String(80))
    kind: Mapped[StockMovementKind] = mapped_column(str_enum(StockMovementKind))
    quantity: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(40), default="")
    ticket_serial: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(String(200), default="")
