"""Refund fee rules by time before the performance."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base


class RefundFeeRule(Base):
    """From ``hours_before`` the start onwards (and until a nearer rule), charge this fee.

    ``performance_id`` NULL is the house default. ``fee_bp`` is a percentage
    of the ticket price in basis points (10000 = no refund); ``fee_minor`` a
    fixed fee per ticket; both may apply.
    """

    __tablename__ = "refund_fee_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    performance_id: Mapped[int | None] = mapped_column(
        ForeignKey("performances.id", ondelete="CASCADE"), index=True
    )
    hours_before: Mapped[int] = mapped_column(Integer)
    fee_bp: Mapped[int] = mapped_column(Integer, default=0)
    fee_minor: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(120), default="")
