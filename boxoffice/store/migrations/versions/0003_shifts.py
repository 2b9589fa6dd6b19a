"""shifts

Revision ID: 0003_shifts
Revises: 0002
Create Date: 2026-11-25

Shifts (drawer sessions), their counts, card batch totals and Z reports.
On SQLite, triggers refuse any change to a closed shift, its counts, its
cash movements and its Z report (a signed report never changes).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_shifts"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "closed", name="shiftstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("counted_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=40), nullable=False),
        sa.Column("z_number", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_shifts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
    )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shifts_terminal"), ["terminal"], unique=False)
        batch_op.create_index(
            "uq_shifts_open_clerk",
            ["terminal", "username"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )

    op.create_table(
        "card_batch_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_card_batch_totals_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_batch_totals")),
    )
    with op.batch_alter_table("card_batch_totals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_card_batch_totals_shift_id"), ["shift_id"], unique=False
        )

    op.create_table(
        "shift_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum("float", "close", name="countpurpose", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("denomination_minor", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("counted_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_shift_counts_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_counts")),
    )
    with op.batch_alter_table("shift_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_counts_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "z_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_z_reports_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_z_reports")),
        sa.UniqueConstraint("shift_id", name=op.f("uq_z_reports_shift_id")),
        sa.UniqueConstraint("terminal", "number", name=op.f("uq_z_reports_terminal_number")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("z_reports")
    with op.batch_alter_table("shift_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_counts_shift_id"))

    op.drop_table("shift_counts")
    with op.batch_alter_table("card_batch_totals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_batch_totals_shift_id"))

    op.drop_table("card_batch_totals")
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_shifts_open_clerk",
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )
        batch_op.drop_index(batch_op.f("ix_shifts_terminal"))

    op.drop_table("shifts")


_CLOSED = "(SELECT status FROM shifts WHERE id = {}) = 'closed'"

#: name → (event, table, condition): each refuses the statement with a message.
_GUARDS = {
    "z_reports_no_update": ("UPDATE", "z_reports", "1", "a Z report never changes"),
    "z_reports_no_delete": ("DELETE", "z_reports", "1", "a Z report is never deleted"),
    "shifts_closed_no_update": (
        "UPDATE",
        "shifts",
        "OLD.status = 'closed'",
        "a closed shift never changes",
    ),
    "shifts_closed_no_delete": (
        "DELETE",
        "shifts",
        "OLD.status = 'closed'",
        "a closed shift is never deleted",
    ),
    "shift_counts_closed_no_insert": (
        "INSERT",
        "shift_counts",
        _CLOSED.format("NEW.shift_id"),
        "the shift is closed",
    ),
    "shift_counts_closed_no_update": (
        "UPDATE",
        "shift_counts",
        _CLOSED.format("OLD.shift_id"),
        "the shift is closed",
    ),
    "shift_counts_closed_no_delete": (
        "DELETE",
        "shift_counts",
        _CLOSED.format("OLD.shift_id"),
        "the shift is closed",
    ),
    "cash_movements_closed_no_insert": (
        "INSERT",
        "cash_movements",
        _CLOSED.format("NEW.shift_id"),
        "the shift is closed",
    ),
    "cash_movements_closed_no_update": (
        "UPDATE",
        "cash_movements",
        _CLOSED.format("OLD.shift_id"),
        "the shift is closed",
    ),
    "cash_movements_closed_no_delete": (
        "DELETE",
        "cash_movements",
        _CLOSED.format("OLD.shift_id"),
        "the shift is closed",
    ),
    "card_batch_totals_closed_no_insert": (
        "INSERT",
        "card_batch_totals",
        _CLOSED.format("NEW.shift_id"),
        "the shift is closed",
    ),
}
TRIGGER_NAMES = tuple(_GUARDS)
TRIGGERS = tuple(
    f"CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN {condition} "
    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    for name, (event, table, condition, message) in _GUARDS.items()
)
