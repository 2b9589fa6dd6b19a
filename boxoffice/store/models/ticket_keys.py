"""Public keys trusted to sign tickets, and revoked barcodes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base, UTCDateTime


class TicketKey(Base):
    __tablename__ = "ticket_keys"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    #: Raw 32-byte Ed25519 public key, base64.
    public_key: Mapped[str] = mapped_column(String(64))
    terminal: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class BarcodeRevocation(Base):
    """A barcode that must no longer admit: every reissue ≤ ``up_to_reissue``."""

    __tablename__ = "barcode_revocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(Integer, index=True)
    serial: Mapped[str] = mapped_column(String(32), default="")
    up_to_reissue: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))  # refunded | voided | reprinted | exchanged
    #: The key that signed the revoked barcodes (ticket ids are unique per issuing
    #: terminal only); ``None`` when not known, and then the door refuses any
    #: ticket with this id (fail closed).
    key_id: Mapped[str | None] = mapped_column(String(16))
    revoked_at: Mapped[datetime] = mapped_column(UTCDateTime)
