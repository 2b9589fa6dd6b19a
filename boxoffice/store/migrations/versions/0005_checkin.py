"""door check-in: admissions, presence, conflicts, scans, policies, redemptions

Revision ID: 0005_checkin
Revises: 0004_print
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_checkin"
down_revision: str | None = "0004_print"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "admission_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=32), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=True),
        sa.Column("kept_uuid", sa.String(length=36), nullable=False),
        sa.Column("kept_at", sa.DateTime(), nullable=False),
        sa.Column("kept_door", sa.String(length=80), nullable=False),
        sa.Column("lost_uuid", sa.String(length=36), nullable=False),
        sa.Column("lost_at", sa.DateTime(), nullable=False),
        sa.Column("lost_door", sa.String(length=80), nullable=False),
        sa.Column("lost_by", sa.String(length=40), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admission_conflicts")),
        sa.UniqueConstraint("lost_uuid", name=op.f("uq_admission_conflicts_lost_uuid")),
    )
    with op.batch_alter_table("admission_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_admission_conflicts_performance_id"), ["performance_id"], unique=False
        )

    op.create_table(
        "admissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=32), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("door", sa.String(length=80), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("order_uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admissions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_admissions_uuid")),
    )
    with op.batch_alter_table("admissions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_admissions_performance_door", ["performance_id", "door"], unique=False
        )
        batch_op.create_index("ix_admissions_ticket", ["key_id", "ticket_id"], unique=False)

    op.create_table(
        "door_scans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.Column("door", sa.String(length=80), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("performances", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("performance_id", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("admitted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_door_scans")),
    )
    with op.batch_alter_table("door_scans", schema=None) as batch_op:
        batch_op.create_index(
            "ix_door_scans_performance_door", ["performance_id", "door"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_door_scans_scanned_at"), ["scanned_at"], unique=False)

    op.create_table(
        "ticket_presence",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=True),
        sa.Column("inside", sa.Boolean(), nullable=False),
        sa.Column("first_uuid", sa.String(length=36), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("first_door", sa.String(length=80), nullable=False),
        sa.Column("first_terminal", sa.String(length=80), nullable=False),
        sa.Column("first_by", sa.String(length=40), nullable=False),
        sa.Column("last_move_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", "ticket_id", name=op.f("pk_ticket_presence")),
    )
    with op.batch_alter_table("ticket_presence", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ticket_presence_performance_inside", ["performance_id", "inside"], unique=False
        )

    op.create_table(
        "door_policies",
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("reentry", sa.Boolean(), nullable=False),
        sa.Column("opens_before_minutes", sa.Integer(), nullable=False),
        sa.Column("closes_after_end_minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_door_policies_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("performance_id", name=op.f("pk_door_policies")),
    )
    op.create_table(
        "manual_redemptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("redeemed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_manual_redemptions_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_manual_redemptions_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_manual_redemptions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manual_redemptions")),
    )
    with op.batch_alter_table("manual_redemptions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_manual_redemptions_customer_at", ["customer_id", "redeemed_at"], unique=False
        )

    with op.batch_alter_table("barcode_revocations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("barcode_revocations", schema=None) as batch_op:
        batch_op.drop_column("key_id")

    with op.batch_alter_table("manual_redemptions", schema=None) as batch_op:
        batch_op.drop_index("ix_manual_redemptions_customer_at")

    op.drop_table("manual_redemptions")
    op.drop_table("door_policies")
    with op.batch_alter_table("ticket_presence", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_presence_performance_inside")

    op.drop_table("ticket_presence")
    with op.batch_alter_table("door_scans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_door_scans_scanned_at"))
        batch_op.drop_index("ix_door_scans_performance_door")

    op.drop_table("door_scans")
    with op.batch_alter_table("admissions", schema=None) as batch_op:
        batch_op.drop_index("ix_admissions_ticket")
        batch_op.drop_index("ix_admissions_performance_door")

    op.drop_table("admissions")
    with op.batch_alter_table("admission_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admission_conflicts_performance_id"))

    op.drop_table("admission_conflicts")
