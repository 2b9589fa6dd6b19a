"""Tables of the central server (its own schema, not a terminal's store).

The one guarantee that must never rest on code alone (invariant 1) is
``seat_claims``' unique key: one claim (a hold, an allocation, a house hold
or a sale) per (performance, seat), and ``server_tickets``' partial unique
index: one live ticket per (performance, seat). Two server processes on one
PostgreSQL therefore cannot sell a seat twice, whatever their code does.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boxoffice.server.db import BigId, ServerBase
from boxoffice.sqltypes import UTCDateTime

_LIVE_TICKET = "status IN ('valid', 'reserved') AND seat_id IS NOT NULL"


class Terminal(ServerBase):
    __tablename__ = "terminals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    prefix: Mapped[str] = mapped_column(String(8), unique=True)
    #: SHA-256 (hex) of the device token; the token itself is never stored.
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    public_key: Mapped[str] = mapped_column(String(64), default="")
    key_id: Mapped[str | None] = mapped_column(String(16), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Highest terminal_seq with a receipt: operations are applied in this order.
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_contact: Mapped[datetime | None] = mapped_column(UTCDateTime)
    clock_offset_ms: Mapped[int | None] = mapped_column(Integer)


class EnrolCode(ServerBase):
    __tablename__ = "enrol_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    prefix: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))


class EnrolFailure(ServerBase):
    """A failed enrolment attempt, counted per address for rate limiting."""

    __tablename__ = "enrol_failures"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class AdminToken(ServerBase):
    __tablename__ = "admin_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CatalogueRow(ServerBase):
    """One row of a client catalogue table, as the JSON the terminals upsert."""

    __tablename__ = "catalogue_rows"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InvPerformance(ServerBase):
    """What the server checks a sale against, derived from the catalogue."""

    __tablename__ = "inv_performances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seat_map_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InvSeat(ServerBase):
    __tablename__ = "inv_seats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seat_map_id: Mapped[int] = mapped_column(Integer, index=True)
    label: Mapped[str] = mapped_column(String(40), default="")


class InvGAArea(ServerBase):
    __tablename__ = "inv_ga_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seat_map_id: Mapped[int] = mapped_column(Integer, index=True)
    capacity: Mapped[int] = mapped_column(Integer)


class SeatClaim(ServerBase):
    """Who has a seat of a performance: a hold, an allocation, a house hold or a sale."""

    __tablename__ = "seat_claims"
    __table_args__ = (UniqueConstraint("performance_id", "seat_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    performance_id: Mapped[int] = mapped_column(Integer)
    seat_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))  # hold | allocation | house | sale
    terminal_id: Mapped[int | None] = mapped_column(Integer)
    hold_id: Mapped[str | None] = mapped_column(String(36), index=True)
    allocation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    ticket_serial: Mapped[str | None] = mapped_column(String(32))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GAStock(ServerBase):
    """Places of a general-admission area taken (sold + held + allocated) per performance."""

    __tablename__ = "ga_stock"

    performance_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ga_area_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    capacity: Mapped[int] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer, default=0)


class GAClaim(ServerBase):
    __tablename__ = "ga_claims"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    performance_id: Mapped[int] = mapped_column(Integer)
    ga_area_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))  # hold | allocation
    quantity: Mapped[int] = mapped_column(Integer)
    terminal_id: Mapped[int] = mapped_column(Integer)
    hold_id: Mapped[str | None] = mapped_column(String(36), index=True)
    allocation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Hold(ServerBase):
    __tablename__ = "holds"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), index=True)
    performance_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Allocation(ServerBase):
    __tablename__ = "allocations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), index=True)
    performance_id: Mapped[int] = mapped_column(Integer)
    ga_area_id: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    used: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(12))  # active | released | reclaimed
    requested_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ServerOrder(ServerBase):
    __tablename__ = "server_orders"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(32))
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), index=True)
    #: paid | reserved | conflict | refunded | voided | cancelled | exchanged
    status: Mapped[str] = mapped_column(String(12))
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    shift: Mapped[str | None] = mapped_column(String(40))
    username: Mapped[str] = mapped_column(String(40), default="")
    body: Mapped[str] = mapped_column(Text)
    client_time: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)

    tickets: Mapped[list[ServerTicket]] = relationship()
    payments: Mapped[list[ServerPayment]] = relationship()


class ServerTicket(ServerBase):
    __tablename__ = "server_tickets"
    __table_args__ = (
        Index(
            "uq_server_tickets_live_seat",
            "performance_id",
            "seat_id",
            unique=True,
            sqlite_where=text(_LIVE_TICKET),
            postgresql_where=text(_LIVE_TICKET),
        ),
        UniqueConstraint("terminal_id", "client_ticket_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("server_orders.id"), index=True)
    terminal_id: Mapped[int] = mapped_column(Integer)
    client_ticket_id: Mapped[int] = mapped_column(BigInteger)
    key_id: Mapped[str | None] = mapped_column(String(16))
    performance_id: Mapped[int] = mapped_column(Integer)
    seat_id: Mapped[int | None] = mapped_column(Integer)
    ga_area_id: Mapped[int | None] = mapped_column(Integer)
    price_type_id: Mapped[int | None] = mapped_column(Integer)
    price_minor: Mapped[int] = mapped_column(BigInteger)
    #: valid | reserved | refunded | voided | exchanged | cancelled | conflict
    status: Mapped[str] = mapped_column(String(12))
    reissue: Mapped[int] = mapped_column(Integer, default=0)


class ServerPayment(ServerBase):
    """A tender as the terminal booked it: money taken is kept even on a conflict."""

    __tablename__ = "server_payments"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("server_orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    detail: Mapped[str] = mapped_column(Text, default="{}")


class Admission(ServerBase):
    """The admission that counts for a ticket: the earliest scan."""

    __tablename__ = "admissions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("server_tickets.id"), unique=True)
    terminal_id: Mapped[int] = mapped_column(Integer)
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    gate: Mapped[str] = mapped_column(String(40), default="")
    reissue: Mapped[int] = mapped_column(Integer, default=0)


class ShiftRecord(ServerBase):
    __tablename__ = "shift_records"
    __table_args__ = (UniqueConstraint("terminal_id", "shift"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(Integer)
    shift: Mapped[str] = mapped_column(String(40))
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    body: Mapped[str] = mapped_column(Text, default="{}")


class CashRecord(ServerBase):
    __tablename__ = "cash_records"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(Integer, index=True)
    shift: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(12))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(200), default="")
    client_time: Mapped[datetime] = mapped_column(UTCDateTime)


class Receipt(ServerBase):
    """The permanent answer to one operation, stored with its effect."""

    __tablename__ = "receipts"
    __table_args__ = (
        UniqueConstraint("terminal_id", "idempotency_key"),
        UniqueConstraint("terminal_id", "terminal_seq"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    terminal_seq: Mapped[int] = mapped_column(BigInteger)
    idempotency_key: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    body_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))  # applied | conflict | rejected
    answer: Mapped[str] = mapped_column(Text)  # JSON {result, conflict, error}
    client_time: Mapped[datetime] = mapped_column(UTCDateTime)
    clock_offset_ms: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FeedEvent(ServerBase):
    """One change for terminals; read in (tx, seq) order up to the oldest running tx."""

    __tablename__ = "feed_events"
    __table_args__ = (Index("ix_feed_events_tx_seq", "tx", "seq"),)

    seq: Mapped[int] = mapped_column(BigId, primary_key=True)
    #: PostgreSQL transaction id of the writer (0 on SQLite, where writers are serial).
    tx: Mapped[int] = mapped_column(BigInteger, default=0)
    kind: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConflictRecord(ServerBase):
    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), index=True)
    idempotency_key: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(12), index=True)  # open | resolved
    client_facts: Mapped[str] = mapped_column(Text)
    server_facts: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolution: Mapped[str | None] = mapped_column(String(40))
    resolved_by: Mapped[str | None] = mapped_column(String(80))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(String(400), default="")


class ServerAuditEntry(ServerBase):
    """Administrative actions on the server, hash-chained like the terminals' audit log."""

    __tablename__ = "server_audit_log"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ServerAuditHead(ServerBase):
    """The last entry's seq and hash; its row lock also serialises appends."""

    __tablename__ = "server_audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
