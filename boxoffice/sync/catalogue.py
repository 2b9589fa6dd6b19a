"""The catalogue cache: the server's venues, seat maps, shows, prices, users and keys.

Rows travel in the protocol's catalogue schema (``boxoffice.protocol.catalogue``),
not as this client's table columns; this module maps between the two: a
protocol field is stored in the column of the same name, a field this client
does not store is dropped, and a column the protocol lacks keeps its default
(``export_tables`` does the reverse, for a catalogue made on a terminal).
Rows are upserted by primary key, so the local
ids are the server's ids and operations can name seats and performances
the way the server knows them. A snapshot is applied in one transaction,
in an order that is safe for foreign keys; a bad row stops the whole load
with the table and field named, and nothing is changed.
"""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Enum, Table, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

import boxoffice.store.models  # noqa: F401  (fills Base.metadata with the catalogue tables)
from boxoffice.protocol import catalogue as schema
from boxoffice.store.base import Base, UTCDateTime
from boxoffice.sync.errors import BadServerReply

TABLES = schema.TABLES


def _table(name: str) -> Table:
    table = Base.metadata.tables.get(name)
    if name not in TABLES or table is None:
        raise BadServerReply("sync_catalogue_unknown_table", table=name)
    return table


def _value(table: Table, column: str, value: Any) -> Any:
    col = table.columns[column]
    if value is None:
        return None
    if isinstance(col.type, UTCDateTime):
        if not isinstance(value, str):
            raise BadServerReply(
                "sync_catalogue_expected_time", table=table.name, column=column, value=repr(value)
            )
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise BadServerReply(
                "sync_catalogue_not_a_time", table=table.name, column=column, value=repr(value)
            ) from None
        if parsed.tzinfo is None:
            raise BadServerReply(
                "sync_catalogue_no_time_zone", table=table.name, column=column, value=repr(value)
            )
        return parsed
    if isinstance(col.type, Enum) and col.type.enum_class is not None:
        enum_class: type[enum.Enum] = col.type.enum_class
        try:
            return enum_class(value)
        except ValueError:
            raise BadServerReply(
                "sync_catalogue_not_one_of",
                table=table.name,
                column=column,
                value=repr(value),
                allowed=[str(m.value) for m in enum_class],
            ) from None
    python_type: type | None
    try:
        python_type = col.type.python_type
    except NotImplementedError:
        python_type = None
    if python_type is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise BadServerReply(
            "sync_catalogue_expected_int", table=table.name, column=column, value=repr(value)
        )
    if python_type is bool and not isinstance(value, bool):
        raise BadServerReply(
            "sync_catalogue_expected_bool", table=table.name, column=column, value=repr(value)
        )
    if python_type is str and not isinstance(value, str):
        raise BadServerReply(
            "sync_catalogue_expected_text", table=table.name, column=column, value=repr(value)
        )
    return value


def _row(table: Table, row: Any) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise BadServerReply("sync_catalogue_row_not_object", table=table.name, row=f"{row!r:.80}")
    unknown = set(row) - set(schema.fields(table.name))
    if unknown:
        raise BadServerReply(
            "sync_catalogue_unknown_columns", table=table.name, columns=sorted(unknown)
        )
    for pk in table.primary_key.columns:
        if row.get(pk.name) is None:
            raise BadServerReply(
                "sync_catalogue_row_without_key", table=table.name, key=pk.name, row=f"{row!r:.80}"
            )
    return {k: _value(table, k, v) for k, v in row.items() if k in table.columns}


def upsert(session: Session, name: str, rows: list[Any]) -> int:
    """Insert or update ``rows`` of catalogue table ``name`` by primary key."""
    if not rows:
        return 0
    table = _table(name)
    clean = [_row(table, r) for r in rows]
    keys = [c.name for c in table.primary_key.columns]
    for row in clean:  # rows may carry different column sets
        stmt = insert(table).values(**row)
        updates = {k: stmt.excluded[k] for k in row if k not in keys}
        stmt = (
            stmt.on_conflict_do_update(index_elements=keys, set_=updates)
            if updates
            else stmt.on_conflict_do_nothing(index_elements=keys)
        )
        session.execute(stmt)
    return len(clean)


def remove(session: Session, name: str, key: Any) -> None:
    """A row the server deleted; ``key`` is the primary key (``"a|b"`` for a composite one)."""
    table = _table(name)
    columns = list(table.primary_key.columns)
    if isinstance(key, str):
        parts: list[Any] = key.split("|")
    elif isinstance(key, dict):
        parts = [key.get(c.name) for c in columns]
    else:
        parts = [key]
    if len(parts) != len(columns):
        raise BadServerReply("sync_catalogue_partial_key", table=name, key=repr(key))
    values = []
    for column, part in zip(columns, parts, strict=True):
        if column.type.python_type is int and isinstance(part, str):
            if not part.lstrip("-").isdigit():
                raise BadServerReply(
                    "sync_catalogue_key_not_int", table=name, column=column.name, value=repr(part)
                )
            part = int(part)
        values.append(_value(table, column.name, part))
    session.execute(delete(table).where(*(c == v for c, v in zip(columns, values, strict=True))))


def apply_snapshot(session: Session, tables: dict[str, list[Any]]) -> dict[str, int]:
    """Load a whole catalogue (one transaction, the caller's); counts by table."""
    try:
        for name in tables:
            _table(name)  # refuse unknown tables before writing anything
        counts = {}
        for name in TABLES:
            if name in tables:
                counts[name] = upsert(session, name, tables[name])
    except BadServerReply as exc:
        raise BadServerReply("sync_catalogue_not_loaded", reason=exc) from None
    session.flush()
    session.info.pop("settings", None)
    return counts


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def export_tables(session: Session) -> dict[str, list[dict[str, Any]]]:
    """This store's catalogue as the protocol's rows (what a server imports), table by table.

    Each protocol field is read from the column of the same name; a column the
    protocol lacks stays home. Every row is checked against the schema
    (``BadCatalogueRow`` names a row this store cannot describe).
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for name in TABLES:
        table = Base.metadata.tables[name]
        columns = [table.columns[f] for f in schema.fields(name) if f in table.columns]
        out[name] = [
            schema.check_row(name, {k: _json_value(v) for k, v in row._mapping.items()})
            for row in session.execute(select(*columns))
        ]
    return out
