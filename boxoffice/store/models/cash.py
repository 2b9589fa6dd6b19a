"""Cash movements in and out of a drawer, signed: + into the drawer, − out of it."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models._enum import str_enum


class CashKind(enum.StrEnum):
    FLOAT = "float"
    SALE = "sale"
    REFUND = "refund"
    DROP = "drop"
    PAY_IN = "pay_in"
    PAY_OUT = "pay_out"


class CashMovement(Base):
    __tablename__ = "cash_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    terminal: Mapped[str] = mapped_column(String(80))
    shift_id: Mapped[int | None] = mapped_column(Integer, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[CashKind] = mapped_column(str_enum(CashKind))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    order: Mapped[Order | None] = relationship()  # noqa: F821
    payment: Mapped[Payment | None] = relationship()  # noqa: F821
