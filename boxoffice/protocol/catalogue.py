"""The catalogue on the wire: the server's venues, seat maps, shows, prices, users and keys.

This is the protocol's own schema, one model per table, not the terminal's
table columns: a client migration changes how a terminal stores a row
(``boxoffice.sync.catalogue`` maps both ways), not what travels. The server
checks every row it imports against these models and hands rows out as
imported; a terminal upserts them by ``key``.

Rows may be partial: a field left out is not sent (the receiver keeps what
it has, or its default); only fields typed ``... | None`` may be null.
Times are ISO 8601 text with a zone; money is in minor units; ``TABLES``
is in an order that satisfies references when rows are applied top to bottom.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError


def _aware_time(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return value


#: A moment as ISO 8601 text with its zone ("2030-01-01T19:30:00+00:00"), kept as sent.
Time = Annotated[str, AfterValidator(_aware_time)]


class Row(BaseModel):
    """A catalogue row: its table's fields, nothing else (unknown fields are refused)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    #: The table's name on the wire.
    table: ClassVar[str]
    #: The fields that identify a row (a deletion names them joined by "|").
    key: ClassVar[tuple[str, ...]] = ("id",)


#: The default of a field that may be left out but not be null: pydantic does not
#: check defaults, so a row without the field is fine and ``"field": null`` is refused.
NOT_SENT: Any = None


class Venue(Row):
    table = "venues"
    id: int
    name: str = NOT_SENT
    city: str = NOT_SENT
    timezone: str = NOT_SENT
    currency: str = NOT_SENT


class SeatMap(Row):
    table = "seat_maps"
    id: int
    venue_id: int = NOT_SENT
    name: str = NOT_SENT
    width: float = NOT_SENT
    height: float = NOT_SENT
    source_format: str = NOT_SENT
    imported_at: Time = NOT_SENT


class Section(Row):
    table = "sections"
    id: int
    seat_map_id: int = NOT_SENT
    name: str = NOT_SENT
    position: int = NOT_SENT


class SeatRow(Row):
    table = "rows"
    id: int
    section_id: int = NOT_SENT
    name: str = NOT_SENT
    position: int = NOT_SENT


class PriceZone(Row):
    table = "price_zones"
    id: int
    seat_map_id: int = NOT_SENT
    name: str = NOT_SENT
    color: str = NOT_SENT


class Seat(Row):
    table = "seats"
    id: int
    seat_map_id: int
    row_id: int = NOT_SENT
    price_zone_id: int = NOT_SENT
    guid: str = NOT_SENT
    number: str = NOT_SENT
    position: int = NOT_SENT
    x: float = NOT_SENT
    y: float = NOT_SENT
    wheelchair: bool = NOT_SENT
    companion: bool = NOT_SENT
    restricted_view: bool = NOT_SENT


class GAArea(Row):
    table = "ga_areas"
    id: int
    seat_map_id: int
    capacity: int
    price_zone_id: int = NOT_SENT
    name: str = NOT_SENT


class Event(Row):
    table = "events"
    id: int
    name: str = NOT_SENT
    category: str = NOT_SENT
    description: str = NOT_SENT
    duration_minutes: int = NOT_SENT


PerformanceStatus = Literal["scheduled", "on_sale", "off_sale", "cancelled"]


class Performance(Row):
    table = "performances"
    id: int
    seat_map_id: int
    starts_at: Time
    status: PerformanceStatus
    currency: str
    event_id: int = NOT_SENT
    sale_starts_at: Time | None = None
    sale_ends_at: Time | None = None


class PriceType(Row):
    table = "price_types"
    id: int
    code: str = NOT_SENT
    name: str = NOT_SENT
    sale_starts_at: Time | None = None
    sale_ends_at: Time | None = None
    min_quantity: int = NOT_SENT
    complimentary: bool = NOT_SENT
    door_note: str = NOT_SENT


class Price(Row):
    table = "prices"
    id: int
    performance_id: int = NOT_SENT
    price_zone_id: int = NOT_SENT
    price_type_id: int = NOT_SENT
    amount_minor: int = NOT_SENT
    currency: str = NOT_SENT
    tax_rate_bp: int = NOT_SENT


class Discount(Row):
    table = "discounts"
    id: int
    code: str | None = None
    name: str = NOT_SENT
    kind: str = NOT_SENT
    value: int = NOT_SENT
    currency: str | None = None
    scope: str = NOT_SENT
    valid_from: Time | None = None
    valid_to: Time | None = None
    usage_limit: int | None = None
    times_used: int = NOT_SENT
    min_spend_minor: int | None = None
    stackable: bool = NOT_SENT
    #: JSON text: the price type codes the discount applies to.
    price_types: str | None = None
    #: JSON text: the price zone names the discount applies to.
    zones: str | None = None
    active: bool = NOT_SENT


class RefundFeeRule(Row):
    table = "refund_fee_rules"
    id: int
    performance_id: int | None = None
    hours_before: int = NOT_SENT
    fee_bp: int = NOT_SENT
    fee_minor: int = NOT_SENT
    label: str = NOT_SENT


SeatHoldKind = Literal["house", "press", "companion", "production", "kill"]


class SeatHold(Row):
    table = "seat_holds"
    id: int
    performance_id: int
    seat_id: int
    kind: SeatHoldKind = NOT_SENT
    note: str = NOT_SENT
    created_by: str = NOT_SENT
    created_at: Time = NOT_SENT


class Role(Row):
    table = "roles"
    id: int
    name: str = NOT_SENT
    description: str = NOT_SENT


class RolePermission(Row):
    table = "role_permissions"
    key = ("role_id", "permission")
    role_id: int
    permission: str


class User(Row):
    table = "users"
    id: int
    username: str = NOT_SENT
    display_name: str = NOT_SENT
    role_id: int = NOT_SENT
    secret_hash: str = NOT_SENT
    secret_kind: str = NOT_SENT
    active: bool = NOT_SENT
    failed_attempts: int = NOT_SENT
    locked_until: Time | None = None
    created_at: Time = NOT_SENT


class Grant(Row):
    table = "grants"
    id: int
    user_id: int
    permission: str
    expires_at: Time
    granted_by: str = NOT_SENT
    reason: str = NOT_SENT
    created_at: Time = NOT_SENT
    revoked_at: Time | None = None


class TicketKey(Row):
    table = "ticket_keys"
    key = ("key_id",)
    key_id: str
    public_key: str = NOT_SENT
    terminal: str = NOT_SENT
    created_at: Time = NOT_SENT
    revoked_at: Time | None = None


#: Every catalogue table's model, in an order that satisfies references.
MODELS: tuple[type[Row], ...] = (
    Venue,
    SeatMap,
    Section,
    SeatRow,
    PriceZone,
    Seat,
    GAArea,
    Event,
    Performance,
    PriceType,
    Price,
    Discount,
    RefundFeeRule,
    SeatHold,
    Role,
    RolePermission,
    User,
    Grant,
    TicketKey,
)
#: The tables' names, in that order.
TABLES: tuple[str, ...] = tuple(m.table for m in MODELS)
_BY_TABLE = {m.table: m for m in MODELS}


class BadCatalogueRow(ValueError):
    """A row that does not follow the catalogue schema; the message names table and field."""


def model(table: str) -> type[Row]:
    """The model of ``table``; ``KeyError`` for a table the catalogue does not have."""
    return _BY_TABLE[table]


def fields(table: str) -> tuple[str, ...]:
    """The fields a row of ``table`` may carry."""
    return tuple(model(table).model_fields)


def row_key(table: str, row: dict[str, Any]) -> str:
    """A row's key as the feed names it: its key fields joined by "|"."""
    return "|".join(str(row[f]) for f in model(table).key)


def check_row(table: str, row: Any) -> dict[str, Any]:
    """``row`` checked against its table's model: the fields it carries, as the wire has them.

    Raises ``BadCatalogueRow`` naming the table and the first bad field.
    """
    try:
        return model(table).model_validate(row).model_dump(exclude_unset=True)
    except PydanticValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(row)"
        raise BadCatalogueRow(f"{table}.{where}: {first['msg']}") from None
