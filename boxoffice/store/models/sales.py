"""Orders, tickets and payments.

A ticket row is created when its order is (status ``pending`` or
``reserved``) and so holds its seat from then on; the partial unique index
``uq_tickets_live_seat`` makes a second live ticket for the same seat of the
same performance impossible in the database itself (invariant 1).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boxoffice.store.base import Base, UTCDateTime
from boxoffice.store.models._enum import str_enum


class OrderStatus(enum.StrEnum):
    PENDING = "pending"  # lines priced, being paid at the window
    RESERVED = "reserved"  # unpaid, held until a payment deadline
    PAID = "paid"
    CANCELLED = "cancelled"  # never paid; seats released
    EXPIRED = "expired"  # a reservation whose deadline passed
    VOIDED = "voided"  # a sale undone the same shift


class TicketStatus(enum.StrEnum):
    PENDING = "pending"
    RESERVED = "reserved"
    VALID = "valid"
    REFUNDED = "refunded"
    VOIDED = "voided"
    EXCHANGED = "exchanged"
    CANCELLED = "cancelled"


#: Ticket states that occupy their seat.
LIVE_TICKET_STATES = (TicketStatus.PENDING, TicketStatus.RESERVED, TicketStatus.VALID)
_LIVE_SQL = "status IN ('pending', 'reserved', 'valid') AND seat_id IS NOT NULL"


class TenderKind(enum.StrEnum):
    CASH = "cash"
    CARD = "card"
    GIFT_CARD = "gift_card"
    COMP = "comp"
    #: Value carried from exchanged tickets to the new order (no money moves).
    EXCHANGE = "exchange"


class PaymentStatus(enum.StrEnum):
    CAPTURED = "captured"
    REVERSED = "reversed"  # cancelled before the order completed


class Customer(Base):
    """Who bought: for will-call, refunds and phone bookings; searchable offline."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    #: Lower-cased name and digits-only phone, for lookups that ignore formatting.
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone_key: Mapped[str] = mapped_column(String(40), default="", index=True)
    email_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Human order number, terminal prefix + counter (e.g. W1-000123).
    number: Mapped[str] = mapped_column(String(32), unique=True)
    #: Globally unique id, also the idempotency key of the sale operation.
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    terminal: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(40))
    shift_id: Mapped[int | None] = mapped_column(Integer, index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_minor: Mapped[int] = mapped_column(Integer, default=0)
    discount_minor: Mapped[int] = mapped_column(Integer, default=0)
    total_minor: Mapped[int] = mapped_column(Integer, default=0)
    tax_minor: Mapped[int] = mapped_column(Integer, default=0)
    #: JSON list of discount codes/names applied.
    discounts: Mapped[str] = mapped_column(Text, default="[]")
    reserved_until: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    note: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    tickets: Mapped[list[Ticket]] = relationship(back_populates="order", order_by="Ticket.id")
    payments: Mapped[list[Payment]] = relationship(back_populates="order", order_by="Payment.id")
    customer: Mapped[Customer | None] = relationship()


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index(
            "uq_tickets_live_seat",
            "performance_id",
            "seat_id",
            unique=True,
            sqlite_where=text(_LIVE_SQL),
            postgresql_where=text(_LIVE_SQL),
        ),
        Index("ix_tickets_performance_status", "performance_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    #: Human serial (terminal prefix + counter); set when the ticket is issued.
    serial: Mapped[str | None] = mapped_column(String(32), unique=True)
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id"))
    seat_id: Mapped[int | None] = mapped_column(ForeignKey("seats.id"))
    ga_area_id: Mapped[int | None] = mapped_column(ForeignKey("ga_areas.id"))
    price_zone_id: Mapped[int] = mapped_column(ForeignKey("price_zones.id"))
    price_type_id: Mapped[int] = mapped_column(ForeignKey("price_types.id"))
    list_price_minor: Mapped[int] = mapped_column(Integer)
    discount_minor: Mapped[int] = mapped_column(Integer, default=0)
    price_minor: Mapped[int] = mapped_column(Integer)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    tax_minor: Mapped[int] = mapped_column(Integer)
    override_reason: Mapped[str] = mapped_column(String(200), default="")
    #: Kept by the house when the ticket was refunded.
    refund_fee_minor: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[TicketStatus] = mapped_column(str_enum(TicketStatus))
    #: Barcode generation: 0 when first issued, +1 at each reprint.
    reissue: Mapped[int] = mapped_column(Integer, default=0)
    barcode: Mapped[str | None] = mapped_column(String(200))
    key_id: Mapped[str | None] = mapped_column(String(16))
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    collected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Set when an exchange replaced this ticket.
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    order: Mapped[Order] = relationship(back_populates="tickets")


class Payment(Base):
    """One tender (or its refund, with a negative amount) on an order."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[TenderKind] = mapped_column(str_enum(TenderKind))
    status: Mapped[PaymentStatus] = mapped_column(str_enum(PaymentStatus))
    #: Positive: money taken for the order; negative: money given back.
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    #: Cash only: what the customer handed over, and the change given.
    tendered_minor: Mapped[int] = mapped_column(Integer, default=0)
    change_minor: Mapped[int] = mapped_column(Integer, default=0)
    #: Cash only: cash-rounding adjustment (e.g. CNY to 0.1), booked separately.
    rounding_minor: Mapped[int] = mapped_column(Integer, default=0)
    # Card: only what a receipt may show (invariant 9): never a PAN or CVV.
    card_scheme: Mapped[str] = mapped_column(String(20), default="")
    card_last4: Mapped[str] = mapped_column(String(4), default="")
    auth_code: Mapped[str] = mapped_column(String(20), default="")
    terminal_ref: Mapped[str] = mapped_column(String(40), default="")
    gift_card_id: Mapped[int | None] = mapped_column(ForeignKey("gift_cards.id"))
    refund_of_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    terminal: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    order: Mapped[Order] = relationship(back_populates="payments")
