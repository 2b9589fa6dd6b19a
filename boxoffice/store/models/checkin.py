"""The door: admission movements, who is inside, conflicts, scans and manual redemptions.

``admissions`` is the movement log (entry, exit, re-entry), local and from
other doors through the change feed; ``ticket_presence`` is one row per
admitted ticket so a verdict is one primary-key read. ``door_scans`` keeps
every scan, refused ones included, for the door report and the audit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base, UTCDateTime


class DoorPolicy(Base):
    """When the doors of a performance open and close, and whether re-entry is allowed.

    A performance without a row gets the defaults of ``boxoffice.checkin.policy``.
    """

    __tablename__ = "door_policies"

    performance_id: Mapped[int] = mapped_column(
        ForeignKey("performances.id", ondelete="CASCADE"), primary_key=True
    )
    reentry: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Doors open this many minutes before the start.
    opens_before_minutes: Mapped[int] = mapped_column(Integer, default=90)
    #: Tickets stop admitting this many minutes after the performance ends.
    closes_after_end_minutes: Mapped[int] = mapped_column(Integer, default=0)


class Admission(Base):
    """One movement through a door: ``entry`` (first admission), ``exit`` or ``reentry``."""

    __tablename__ = "admissions"
    __table_args__ = (
        Index("ix_admissions_performance_door", "performance_id", "door"),
        Index("ix_admissions_ticket", "key_id", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Globally unique; the idempotency key of the operation sent to the server.
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    #: A ticket is named by the key that signed its barcode and the id it carries:
    #: ticket ids are only unique per issuing terminal.
    key_id: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[int] = mapped_column(Integer)
    serial: Mapped[str] = mapped_column(String(32), default="")
    #: ``None`` for another door's admission of a ticket this store has never seen.
    performance_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # entry | exit | reentry
    door: Mapped[str] = mapped_column(String(80))
    terminal: Mapped[str] = mapped_column(String(80))
    username: Mapped[str] = mapped_column(String(40))
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: ``local`` (this door) or ``remote`` (another door, via the change feed).
    source: Mapped[str] = mapped_column(String(8))
    #: Set when this admission was made by an order barcode.
    order_uuid: Mapped[str] = mapped_column(String(36), default="")


class TicketPresence(Base):
    """A ticket that has been admitted: who let it in first, and whether it is inside now."""

    __tablename__ = "ticket_presence"
    __table_args__ = (Index("ix_ticket_presence_performance_inside", "performance_id", "inside"),)

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    performance_id: Mapped[int | None] = mapped_column(Integer)
    inside: Mapped[bool] = mapped_column(Boolean)
    first_uuid: Mapped[str] = mapped_column(String(36))
    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_door: Mapped[str] = mapped_column(String(80))
    first_terminal: Mapped[str] = mapped_column(String(80))
    first_by: Mapped[str] = mapped_column(String(40))
    last_move_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AdmissionConflict(Base):
    """Two doors admitted the same ticket while apart: the earlier scan is kept."""

    __tablename__ = "admission_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[int] = mapped_column(Integer)
    serial: Mapped[str] = mapped_column(String(32), default="")
    performance_id: Mapped[int | None] = mapped_column(Integer, index=True)
    kept_uuid: Mapped[str] = mapped_column(String(36))
    kept_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kept_door: Mapped[str] = mapped_column(String(80))
    #: The later admission, which should not have happened; unique, so a replay adds nothing.
    lost_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    lost_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lost_door: Mapped[str] = mapped_column(String(80))
    lost_by: Mapped[str] = mapped_column(String(40))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DoorScan(Base):
    """Every scan at a door with its verdict, refused ones included."""

    __tablename__ = "door_scans"
    __table_args__ = (Index("ix_door_scans_performance_door", "performance_id", "door"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    door: Mapped[str] = mapped_column(String(80))
    terminal: Mapped[str] = mapped_column(String(80))
    username: Mapped[str] = mapped_column(String(40))
    #: Space-separated ids of the performances the door served.
    performances: Mapped[str] = mapped_column(String(200))
    #: What was scanned, cut to 200 printable characters.
    code: Mapped[str] = mapped_column(String(200))
    ticket_id: Mapped[int | None] = mapped_column(Integer)
    performance_id: Mapped[int | None] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text)
    admitted: Mapped[int] = mapped_column(Integer, default=0)


class ManualRedemption(Base):
    """A voucher or gift card redeemed by typing its code: who, why, for whom, how much."""

    __tablename__ = "manual_redemptions"
    __table_args__ = (Index("ix_manual_redemptions_customer_at", "customer_id", "redeemed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # voucher | gift_card
    code: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    amount_minor: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="")
    reason: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(40))
    terminal: Mapped[str] = mapped_column(String(80))
    redeemed_at: Mapped[datetime] = mapped_column(UTCDateTime)
