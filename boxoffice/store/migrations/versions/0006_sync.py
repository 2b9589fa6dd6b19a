"""sync client: conflicts, remote seats, outbox send time and result

Revision ID: 0006_sync
Revises: 0005_checkin
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_sync"
down_revision: str | None = "0005_checkin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("result", sa.Text(), nullable=True))
        # Keys such as "<uuid>:sale" are longer than a bare uuid; the server keeps 80.
        batch_op.alter_column(
            "idempotency_key",
            existing_type=sa.String(length=36),
            type_=sa.String(length=80),
            existing_nullable=False,
        )

    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("server_ref", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("client_facts", sa.Text(), nullable=False),
        sa.Column("server_facts", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=40), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outbox_id"], ["outbox.id"], name=op.f("fk_sync_conflicts_outbox_id_outbox")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
        sa.UniqueConstraint("server_ref", name=op.f("uq_sync_conflicts_server_ref")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_outbox_id"), ["outbox_id"], unique=False
        )

    op.create_table(
        "remote_seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remote_seats")),
    )
    with op.batch_alter_table("remote_seats", schema=None) as batch_op:
        batch_op.create_index("uq_remote_seats_seat", ["performance_id", "seat_id"], unique=True)

    op.create_table(
        "allocation_links",
        sa.Column("allocation_id", sa.Integer(), nullable=False),
        sa.Column("server_allocation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["allocation_id"],
            ["allocations.id"],
            name=op.f("fk_allocation_links_allocation_id_allocations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("allocation_id", name=op.f("pk_allocation_links")),
    )
    with op.batch_alter_table("allocation_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_allocation_links_server_allocation_id"),
            ["server_allocation_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("allocation_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_allocation_links_server_allocation_id"))
    op.drop_table("allocation_links")
    with op.batch_alter_table("remote_seats", schema=None) as batch_op:
        batch_op.drop_index("uq_remote_seats_seat")
    op.drop_table("remote_seats")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_outbox_id"))
    op.drop_table("sync_conflicts")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column(
            "idempotency_key",
            existing_type=sa.String(length=80),
            type_=sa.String(length=36),
            existing_nullable=False,
        )
        batch_op.drop_column("result")
        batch_op.drop_column("sent_at")
