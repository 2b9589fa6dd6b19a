"""sales orders tickets payments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "barcode_revocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=32), nullable=False),
        sa.Column("up_to_reissue", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barcode_revocations")),
    )
    with op.batch_alter_table("barcode_revocations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_barcode_revocations_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("phone_key", sa.String(length=40), nullable=False),
        sa.Column("email_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_email_key"), ["email_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_phone_key"), ["phone_key"], unique=False)

    op.create_table(
        "discounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("valid_from", sa.DateTime(), nullable=True),
        sa.Column("valid_to", sa.DateTime(), nullable=True),
        sa.Column("usage_limit", sa.Integer(), nullable=True),
        sa.Column("times_used", sa.Integer(), nullable=False),
        sa.Column("min_spend_minor", sa.Integer(), nullable=True),
        sa.Column("stackable", sa.Boolean(), nullable=False),
        sa.Column("price_types", sa.Text(), nullable=True),
        sa.Column("zones", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discounts")),
        sa.UniqueConstraint("code", name=op.f("uq_discounts_code")),
    )
    op.create_table(
        "gift_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("initial_minor", sa.Integer(), nullable=False),
        sa.Column("balance_minor", sa.Integer(), nullable=False),
        sa.Column("valid_to", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("balance_minor >= 0", name=op.f("ck_gift_cards_balance_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_cards")),
        sa.UniqueConstraint("code", name=op.f("uq_gift_cards_code")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "pending",
                "in_flight",
                "acknowledged",
                "attention",
                name="outboxstate",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_idempotency_key")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_state"), ["state"], unique=False)

    op.create_table(
        "ticket_keys",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_ticket_keys")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "reserved",
                "paid",
                "cancelled",
                "expired",
                "voided",
                name="orderstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("subtotal_minor", sa.Integer(), nullable=False),
        sa.Column("discount_minor", sa.Integer(), nullable=False),
        sa.Column("total_minor", sa.Integer(), nullable=False),
        sa.Column("tax_minor", sa.Integer(), nullable=False),
        sa.Column("discounts", sa.Text(), nullable=False),
        sa.Column("reserved_until", sa.DateTime(), nullable=True),
        sa.Column("note", sa.String(length=400), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_orders_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_orders_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_orders_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_orders_uuid")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_orders_reserved_until"), ["reserved_until"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_orders_shift_id"), ["shift_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_orders_status"), ["status"], unique=False)

    op.create_table(
        "availability_thresholds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("price_zone_id", sa.Integer(), nullable=True),
        sa.Column("remaining", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_availability_thresholds_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["price_zone_id"],
            ["price_zones.id"],
            name=op.f("fk_availability_thresholds_price_zone_id_price_zones"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availability_thresholds")),
        sa.UniqueConstraint(
            "performance_id",
            "price_zone_id",
            name=op.f("uq_availability_thresholds_performance_id_price_zone_id"),
        ),
    )
    op.create_table(
        "gift_card_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gift_card_id", sa.Integer(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gift_card_id"],
            ["gift_cards.id"],
            name=op.f("fk_gift_card_movements_gift_card_id_gift_cards"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_gift_card_movements_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_card_movements")),
    )
    with op.batch_alter_table("gift_card_movements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gift_card_movements_gift_card_id"), ["gift_card_id"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "cash",
                "card",
                "gift_card",
                "comp",
                "exchange",
                name="tenderkind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum("captured", "reversed", name="paymentstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("tendered_minor", sa.Integer(), nullable=False),
        sa.Column("change_minor", sa.Integer(), nullable=False),
        sa.Column("rounding_minor", sa.Integer(), nullable=False),
        sa.Column("card_scheme", sa.String(length=20), nullable=False),
        sa.Column("card_last4", sa.String(length=4), nullable=False),
        sa.Column("auth_code", sa.String(length=20), nullable=False),
        sa.Column("terminal_ref", sa.String(length=40), nullable=False),
        sa.Column("gift_card_id", sa.Integer(), nullable=True),
        sa.Column("refund_of_id", sa.Integer(), nullable=True),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gift_card_id"], ["gift_cards.id"], name=op.f("fk_payments_gift_card_id_gift_cards")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_payments_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["refund_of_id"], ["payments.id"], name=op.f("fk_payments_refund_of_id_payments")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_payments_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "refund_fee_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=True),
        sa.Column("hours_before", sa.Integer(), nullable=False),
        sa.Column("fee_bp", sa.Integer(), nullable=False),
        sa.Column("fee_minor", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_refund_fee_rules_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_fee_rules")),
    )
    with op.batch_alter_table("refund_fee_rules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_refund_fee_rules_performance_id"), ["performance_id"], unique=False
        )

    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "float",
                "sale",
                "refund",
                "drop",
                "pay_in",
                "pay_out",
                name="cashkind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_cash_movements_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_cash_movements_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_cash_movements_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
    )
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_movements_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cash_movements_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=True),
        sa.Column("ga_area_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ga_area_id"], ["ga_areas.id"], name=op.f("fk_allocations_ga_area_id_ga_areas")
        ),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_allocations_performance_id_performances"),
        ),
        sa.ForeignKeyConstraint(
            ["seat_id"], ["seats.id"], name=op.f("fk_allocations_seat_id_seats")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_allocations_perf_terminal", ["performance_id", "terminal"], unique=False
        )

    op.create_table(
        "cart_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cart_id", sa.String(length=36), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=True),
        sa.Column("ga_area_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ga_area_id"], ["ga_areas.id"], name=op.f("fk_cart_holds_ga_area_id_ga_areas")
        ),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_cart_holds_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seat_id"], ["seats.id"], name=op.f("fk_cart_holds_seat_id_seats")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cart_holds")),
    )
    with op.batch_alter_table("cart_holds", schema=None) as batch_op:
        batch_op.create_index("ix_cart_holds_cart", ["cart_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cart_holds_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index("uq_cart_holds_seat", ["performance_id", "seat_id"], unique=True)

    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=32), nullable=True),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=True),
        sa.Column("ga_area_id", sa.Integer(), nullable=True),
        sa.Column("price_zone_id", sa.Integer(), nullable=False),
        sa.Column("price_type_id", sa.Integer(), nullable=False),
        sa.Column("list_price_minor", sa.Integer(), nullable=False),
        sa.Column("discount_minor", sa.Integer(), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("tax_rate_bp", sa.Integer(), nullable=False),
        sa.Column("tax_minor", sa.Integer(), nullable=False),
        sa.Column("override_reason", sa.String(length=200), nullable=False),
        sa.Column("refund_fee_minor", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "reserved",
                "valid",
                "refunded",
                "voided",
                "exchanged",
                "cancelled",
                name="ticketstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("reissue", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(length=200), nullable=True),
        sa.Column("key_id", sa.String(length=16), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("printed_at", sa.DateTime(), nullable=True),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("collected_at", sa.DateTime(), nullable=True),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ga_area_id"], ["ga_areas.id"], name=op.f("fk_tickets_ga_area_id_ga_areas")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_tickets_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_tickets_performance_id_performances"),
        ),
        sa.ForeignKeyConstraint(
            ["price_type_id"], ["price_types.id"], name=op.f("fk_tickets_price_type_id_price_types")
        ),
        sa.ForeignKeyConstraint(
            ["price_zone_id"], ["price_zones.id"], name=op.f("fk_tickets_price_zone_id_price_zones")
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"], ["tickets.id"], name=op.f("fk_tickets_replaced_by_id_tickets")
        ),
        sa.ForeignKeyConstraint(["seat_id"], ["seats.id"], name=op.f("fk_tickets_seat_id_seats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("serial", name=op.f("uq_tickets_serial")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_order_id"), ["order_id"], unique=False)
        batch_op.create_index(
            "ix_tickets_performance_status", ["performance_id", "status"], unique=False
        )
        batch_op.create_index(
            "uq_tickets_live_seat",
            ["performance_id", "seat_id"],
            unique=True,
            sqlite_where=sa.text(
                "status IN ('pending', 'reserved', 'valid') AND seat_id IS NOT NULL"
            ),
            postgresql_where=sa.text(
                "status IN ('pending', 'reserved', 'valid') AND seat_id IS NOT NULL"
            ),
        )


def downgrade() -> None:

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_tickets_live_seat",
            sqlite_where=sa.text(
                "status IN ('pending', 'reserved', 'valid') AND seat_id IS NOT NULL"
            ),
            postgresql_where=sa.text(
                "status IN ('pending', 'reserved', 'valid') AND seat_id IS NOT NULL"
            ),
        )
        batch_op.drop_index("ix_tickets_performance_status")
        batch_op.drop_index(batch_op.f("ix_tickets_order_id"))

    op.drop_table("tickets")
    with op.batch_alter_table("cart_holds", schema=None) as batch_op:
        batch_op.drop_index("uq_cart_holds_seat")
        batch_op.drop_index(batch_op.f("ix_cart_holds_expires_at"))
        batch_op.drop_index("ix_cart_holds_cart")

    op.drop_table("cart_holds")
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.drop_index("ix_allocations_perf_terminal")

    op.drop_table("allocations")
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cash_movements_shift_id"))
        batch_op.drop_index(batch_op.f("ix_cash_movements_order_id"))

    op.drop_table("cash_movements")
    with op.batch_alter_table("refund_fee_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refund_fee_rules_performance_id"))

    op.drop_table("refund_fee_rules")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_shift_id"))
        batch_op.drop_index(batch_op.f("ix_payments_order_id"))

    op.drop_table("payments")
    with op.batch_alter_table("gift_card_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gift_card_movements_gift_card_id"))

    op.drop_table("gift_card_movements")
    op.drop_table("availability_thresholds")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_status"))
        batch_op.drop_index(batch_op.f("ix_orders_shift_id"))
        batch_op.drop_index(batch_op.f("ix_orders_reserved_until"))
        batch_op.drop_index(batch_op.f("ix_orders_customer_id"))

    op.drop_table("orders")
    op.drop_table("ticket_keys")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_state"))

    op.drop_table("outbox")
    op.drop_table("gift_cards")
    op.drop_table("discounts")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_phone_key"))
        batch_op.drop_index(batch_op.f("ix_customers_name_key"))
        batch_op.drop_index(batch_op.f("ix_customers_email_key"))

    op.drop_table("customers")
    op.drop_table("counters")
    with op.batch_alter_table("barcode_revocations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_barcode_revocations_ticket_id"))

    op.drop_table("barcode_revocations")
