"""Operations waiting to be sent to the central server.

An entry is written in the same transaction as the sale (or refund, ...)
it describes, and is never deleted before the server acknowledged it. Its
``id`` is the terminal's sequence number for the operation.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models._enum import str_enum


class OutboxState(enum.StrEnum):
    PENDING = "pending"
    IN_FLIGHT = "in_flight"
    ACKNOWLEDGED = "acknowledged"
    ATTENTION = "attention"


class OutboxEntry(Base):
    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[OutboxState] = mapped_column(str_enum(OutboxState), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: When the last attempt to send it started (the worker marks it in flight first).
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The server's answer (JSON), kept with the acknowledgement for audits.
    result: Mapped[str | None] = mapped_column(Text)
