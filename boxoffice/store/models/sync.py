"""What the sync client keeps: conflicts the server reported, and seats sold elsewhere.

A conflict is never silent (invariant 4): when the server cannot apply an
operation as sent, the local effect (the money taken) stays, the outbox entry
goes to *needs attention*, and a row here carries both sides' facts until a
supervisor resolves it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base, UTCDateTime


class SyncConflict(Base):
    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The operation the server refused (None for conflicts found server-side, e.g.
    #: a double admission by two offline scanners, that arrive through the feed).
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"), index=True)
    #: The server's own id for the conflict, so a feed replay does not add it twice.
    server_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(60))
    message: Mapped[str] = mapped_column(Text)
    #: JSON: what this terminal did (the operation body).
    client_facts: Mapped[str] = mapped_column(Text)
    #: JSON: what the server knew (who holds the seat now, ...).
    server_facts: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str] = mapped_column(String(40), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")


class RemoteSeat(Base):
    """A seat another terminal sold or holds, as the server's change feed says.

    Kept apart from ``tickets`` (which are this terminal's own sales) so a
    feed replay can overwrite it freely.
    """

    __tablename__ = "remote_seats"
    __table_args__ = (Index("uq_remote_seats_seat", "performance_id", "seat_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    performance_id: Mapped[int] = mapped_column(Integer)
    seat_id: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20))  # sold | held | allocated
    terminal: Mapped[str] = mapped_column(String(80), default="")
    #: A hold frees the seat by itself at this time (no further event comes).
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AllocationLink(Base):
    """Which server allocation a local ``allocations`` row came from.

    The server grants one allocation for a block of seats; locally each seat
    (or the standing quantity) is one row, so a release or reclaim names the
    server's id and finds its rows here.
    """

    __tablename__ = "allocation_links"

    allocation_id: Mapped[int] = mapped_column(
        ForeignKey("allocations.id", ondelete="CASCADE"), primary_key=True
    )
    server_allocation_id: Mapped[int] = mapped_column(Integer, index=True)
