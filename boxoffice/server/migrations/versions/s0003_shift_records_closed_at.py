"""shift records by close time, for the day end

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-04 03:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "s0003"
down_revision: str | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The day end reads a day's closes (and the shifts not closed) out of years of them.
    with op.batch_alter_table("shift_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_records_closed_at"), ["closed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("shift_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_records_closed_at"))
