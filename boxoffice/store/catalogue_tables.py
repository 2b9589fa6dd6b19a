"""The catalogue the central server publishes and terminals cache, table by table.

One list for both ends of the sync, in an order that satisfies foreign keys
when rows are applied top to bottom.
"""

CATALOGUE_TABLES = (
    "venues",
    "seat_maps",
    "sections",
    "rows",
    "price_zones",
    "seats",
    "ga_areas",
    "events",
    "performances",
    "price_types",
    "prices",
    "discounts",
    "refund_fee_rules",
    "seat_holds",
    "roles",
    "role_permissions",
    "users",
    "grants",
    "ticket_keys",
)
