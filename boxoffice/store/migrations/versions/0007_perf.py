"""data versions: counters that let caches shared between sessions see any change

Revision ID: 0007_perf
Revises: 0006_sync
Create Date: 2026-11-25

The triggers that bump the counters are not created here but by
``boxoffice.store.versions.arm`` each time a store is opened: Alembic's batch
mode drops a table's triggers when it rebuilds the table, so they are checked
and re-created after every migration rather than trusted to survive it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_perf"
down_revision: str | None = "0006_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "data_versions",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_versions")),
    )


def downgrade() -> None:
    bind = op.get_bind()
    for (name,) in bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dv\\_%' ESCAPE '\\'"
    ).all():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.drop_table("data_versions")
