"""print log and ticket stock

Revision ID: 0004_print
Revises: 0003_shifts
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_print"
down_revision: str | None = "0003_shifts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "print_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("printer", sa.String(length=80), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("ticket_serial", sa.String(length=32), nullable=True),
        sa.Column("order_number", sa.String(length=32), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "printed",
                "unconfirmed",
                "failed",
                "redirected",
                "cancelled",
                name="printoutcome",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_log")),
    )
    with op.batch_alter_table("print_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_log_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_log_printer"), ["printer"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_log_ticket_id"), ["ticket_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_print_log_ticket_serial"), ["ticket_serial"], unique=False
        )

    op.create_table(
        "ticket_stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("printer", sa.String(length=80), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "loaded",
                "printed",
                "voided",
                "spoiled",
                name="stockmovementkind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("ticket_serial", sa.String(length=32), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_ticket_stock_quantity_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_stock")),
    )
    with op.batch_alter_table("ticket_stock", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_stock_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_ticket_stock_printer"), ["printer"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket_stock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_stock_printer"))
        batch_op.drop_index(batch_op.f("ix_ticket_stock_at"))

    op.drop_table("ticket_stock")
    with op.batch_alter_table("print_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_log_ticket_serial"))
        batch_op.drop_index(batch_op.f("ix_print_log_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_print_log_printer"))
        batch_op.drop_index(batch_op.f("ix_print_log_job_id"))
        batch_op.drop_index(batch_op.f("ix_print_log_at"))

    op.drop_table("print_log")
