"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_action"), ["action"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("name", name=op.f("uq_events_name")),
    )
    op.create_table(
        "price_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sale_starts_at", sa.DateTime(), nullable=True),
        sa.Column("sale_ends_at", sa.DateTime(), nullable=True),
        sa.Column("min_quantity", sa.Integer(), nullable=False),
        sa.Column("complimentary", sa.Boolean(), nullable=False),
        sa.Column("door_note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_types")),
        sa.UniqueConstraint("code", name=op.f("uq_price_types_code")),
    )
    op.create_table(
        "roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roles")),
        sa.UniqueConstraint("name", name=op.f("uq_roles_name")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "venues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venues")),
        sa.UniqueConstraint("name", name=op.f("uq_venues_name")),
    )
    op.create_table(
        "role_permissions",
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("permission", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["roles.id"],
            name=op.f("fk_role_permissions_role_id_roles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("role_id", "permission", name=op.f("pk_role_permissions")),
    )
    op.create_table(
        "seat_maps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("width", sa.Float(), nullable=False),
        sa.Column("height", sa.Float(), nullable=False),
        sa.Column("source_format", sa.String(length=16), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["venue_id"],
            ["venues.id"],
            name=op.f("fk_seat_maps_venue_id_venues"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seat_maps")),
        sa.UniqueConstraint("venue_id", "name", name=op.f("uq_seat_maps_venue_id_name")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("secret_hash", sa.Text(), nullable=False),
        sa.Column("secret_kind", sa.String(length=8), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], name=op.f("fk_users_role_id_roles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("permission", sa.String(length=40), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("granted_by", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_grants_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grants")),
    )
    with op.batch_alter_table("grants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grants_user_id"), ["user_id"], unique=False)

    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("permission", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("for_user_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["for_user_id"], ["users.id"], name=op.f("fk_overrides_for_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["users.id"], name=op.f("fk_overrides_supervisor_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overrides")),
    )
    op.create_table(
        "performances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("seat_map_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "on_sale",
                "off_sale",
                "cancelled",
                name="performancestatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("sale_starts_at", sa.DateTime(), nullable=True),
        sa.Column("sale_ends_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_performances_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["seat_map_id"], ["seat_maps.id"], name=op.f("fk_performances_seat_map_id_seat_maps")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performances")),
    )
    with op.batch_alter_table("performances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_performances_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_performances_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "price_zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seat_map_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("color", sa.String(length=9), nullable=False),
        sa.ForeignKeyConstraint(
            ["seat_map_id"],
            ["seat_maps.id"],
            name=op.f("fk_price_zones_seat_map_id_seat_maps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_zones")),
        sa.UniqueConstraint("seat_map_id", "name", name=op.f("uq_price_zones_seat_map_id_name")),
    )
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seat_map_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["seat_map_id"],
            ["seat_maps.id"],
            name=op.f("fk_sections_seat_map_id_seat_maps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sections")),
        sa.UniqueConstraint("seat_map_id", "name", name=op.f("uq_sections_seat_map_id_name")),
    )
    op.create_table(
        "ga_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seat_map_id", sa.Integer(), nullable=False),
        sa.Column("price_zone_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["price_zone_id"],
            ["price_zones.id"],
            name=op.f("fk_ga_areas_price_zone_id_price_zones"),
        ),
        sa.ForeignKeyConstraint(
            ["seat_map_id"],
            ["seat_maps.id"],
            name=op.f("fk_ga_areas_seat_map_id_seat_maps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ga_areas")),
        sa.UniqueConstraint("seat_map_id", "name", name=op.f("uq_ga_areas_seat_map_id_name")),
    )
    op.create_table(
        "prices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("price_zone_id", sa.Integer(), nullable=False),
        sa.Column("price_type_id", sa.Integer(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("tax_rate_bp", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_prices_amount_not_negative")),
        sa.CheckConstraint(
            "tax_rate_bp >= 0 AND tax_rate_bp < 10000", name=op.f("ck_prices_tax_rate_range")
        ),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_prices_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["price_type_id"], ["price_types.id"], name=op.f("fk_prices_price_type_id_price_types")
        ),
        sa.ForeignKeyConstraint(
            ["price_zone_id"], ["price_zones.id"], name=op.f("fk_prices_price_zone_id_price_zones")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prices")),
        sa.UniqueConstraint(
            "performance_id",
            "price_zone_id",
            "price_type_id",
            name=op.f("uq_prices_performance_id_price_zone_id_price_type_id"),
        ),
    )
    with op.batch_alter_table("prices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_prices_performance_id"), ["performance_id"], unique=False
        )

    op.create_table(
        "rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["sections.id"],
            name=op.f("fk_rows_section_id_sections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rows")),
        sa.UniqueConstraint("section_id", "name", name=op.f("uq_rows_section_id_name")),
    )
    op.create_table(
        "seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seat_map_id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("price_zone_id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("wheelchair", sa.Boolean(), nullable=False),
        sa.Column("companion", sa.Boolean(), nullable=False),
        sa.Column("restricted_view", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["price_zone_id"], ["price_zones.id"], name=op.f("fk_seats_price_zone_id_price_zones")
        ),
        sa.ForeignKeyConstraint(
            ["row_id"], ["rows.id"], name=op.f("fk_seats_row_id_rows"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["seat_map_id"],
            ["seat_maps.id"],
            name=op.f("fk_seats_seat_map_id_seat_maps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seats")),
        sa.UniqueConstraint("seat_map_id", "guid", name=op.f("uq_seats_seat_map_id_guid")),
    )
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seats_price_zone_id"), ["price_zone_id"], unique=False)
        batch_op.create_index("ix_seats_row_position", ["row_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_seats_seat_map_id"), ["seat_map_id"], unique=False)

    op.create_table(
        "seat_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("performance_id", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "house",
                "press",
                "companion",
                "production",
                "kill",
                name="holdkind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_seat_holds_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seat_id"], ["seats.id"], name=op.f("fk_seat_holds_seat_id_seats"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seat_holds")),
        sa.UniqueConstraint(
            "performance_id", "seat_id", name=op.f("uq_seat_holds_performance_id_seat_id")
        ),
    )
    with op.batch_alter_table("seat_holds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_seat_holds_performance_id"), ["performance_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("seat_holds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seat_holds_performance_id"))

    op.drop_table("seat_holds")
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seats_seat_map_id"))
        batch_op.drop_index("ix_seats_row_position")
        batch_op.drop_index(batch_op.f("ix_seats_price_zone_id"))

    op.drop_table("seats")
    op.drop_table("rows")
    with op.batch_alter_table("prices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prices_performance_id"))

    op.drop_table("prices")
    op.drop_table("ga_areas")
    op.drop_table("sections")
    op.drop_table("price_zones")
    with op.batch_alter_table("performances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_performances_starts_at"))
        batch_op.drop_index(batch_op.f("ix_performances_event_id"))

    op.drop_table("performances")
    op.drop_table("overrides")
    with op.batch_alter_table("grants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grants_user_id"))

    op.drop_table("grants")
    op.drop_table("users")
    op.drop_table("seat_maps")
    op.drop_table("role_permissions")
    op.drop_table("venues")
    op.drop_table("settings")
    op.drop_table("roles")
    op.drop_table("price_types")
    op.drop_table("events")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_action"))

    op.drop_table("audit_log")
    op.drop_table("audit_head")
