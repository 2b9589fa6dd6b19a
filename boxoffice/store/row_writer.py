"""Write a sale's new rows in a few driver calls instead of a unit-of-work flush.

A sale builds its order, tickets, payments, cash movement, outbox and audit
entries as ORM objects (so every service and every later column, e.g. a
shift id, is set in one familiar way) and writes them once, at its end. The
ORM flush that would do that costs more than SQLite itself: dependency
sorting, per-object bookkeeping and one SQLAlchemy execution per table. Here
the pending objects are written with one prepared ``INSERT`` per table on the
session's own SQLite connection and transaction, executemany where the ids
are already known, and then handed to the session exactly as a flush would
(``Session._register_persistent``, the flush's own last step), so they are
persistent, clean, and are expunged again if the transaction rolls back.

Anything this writer is not sure to write the way the ORM would (another
database, deletions, inheritance, server-side defaults, callable defaults,
insert events, a changed relationship on an already stored row, rows whose
foreign key points at another new row of the same table, any change to a
catalogue or user table, whose flush events matter) falls back to
``session.flush()``: the result is the same, only slower.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, event, insert, inspect, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import (
    Mapper,
    Session,
    make_transient,
    make_transient_to_detached,
    object_mapper,
)
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.interfaces import MANYTOONE, ONETOMANY
from sqlalchemy.sql.schema import ColumnDefault

from boxoffice.store.base import Base
from boxoffice.store.versions import WATCHED

_NO_DEFAULT = object()


@dataclass(frozen=True)
class _Column:
    key: str  # the mapped attribute
    default: Any  # a scalar default, ``None`` for nullable, or _NO_DEFAULT
    process: Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Plan:
    """How to insert a mapped class's rows, prepared once per (class, dialect)."""

    table: Table
    columns: tuple[_Column, ...]
    insert_sql: str
    pk_key: str | None  # the single integer primary key attribute, if there is one
    many_to_one: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # rel, (local, remote)
    one_to_many: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # rel, (remote, local)


_PLANS: dict[tuple[type, str], _Plan | None] = {}
_ORDER = {table: n for n, table in enumerate(Base.metadata.sorted_tables)}


def _plan(mapper: Mapper[Any], dialect: Dialect) -> _Plan | None:
    """The insert plan, or ``None`` when this class must go through the ORM flush."""
    key = (mapper.class_, dialect.name)
    if key in _PLANS:
        return _PLANS[key]
    plan = _make_plan(mapper, dialect)
    _PLANS[key] = plan
    return plan


def _make_plan(mapper: Mapper[Any], dialect: Dialect) -> _Plan | None:
    if (
        mapper.inherits is not None
        or mapper.polymorphic_on is not None
        or mapper.version_id_col is not None
        or len(mapper.tables) != 1
        or mapper.dispatch.before_insert
        or mapper.dispatch.after_insert
    ):
        return None
    table = mapper.local_table
    if not isinstance(table, Table) or table not in _ORDER:
        return None
    columns = []
    for col in table.columns:
        prop = mapper.get_property_by_column(col)
        if col.server_default is not None:
            return None
        default: Any
        if col.default is None:
            default = None if col.nullable or col.primary_key else _NO_DEFAULT
        elif isinstance(col.default, ColumnDefault) and col.default.is_scalar:
            default = col.default.arg
        else:
            return None
        process = col.type.dialect_impl(dialect).bind_processor(dialect)
        columns.append(_Column(prop.key, default, process))
    pks = list(table.primary_key.columns)
    pk_key = None
    if len(pks) == 1 and pks[0].autoincrement in (True, "auto") and _is_int(pks[0].type):
        pk_key = mapper.get_property_by_column(pks[0]).key
    many_to_one, one_to_many = [], []
    for rel in mapper.relationships:
        if rel.secondary is not None:
            return None
        if rel.direction is MANYTOONE:
            pairs = tuple(
                (
                    mapper.get_property_by_column(local).key,
                    rel.mapper.get_property_by_column(remote).key,
                )
                for local, remote in rel.local_remote_pairs
            )
            many_to_one.append((rel.key, pairs))
        elif rel.direction is ONETOMANY:
            pairs = tuple(
                (
                    rel.mapper.get_property_by_column(remote).key,
                    mapper.get_property_by_column(local).key,
                )
                for local, remote in rel.local_remote_pairs
            )
            one_to_many.append((rel.key, pairs))
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    return _Plan(
        table,
        tuple(columns),
        f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})",
        pk_key,
        tuple(many_to_one),
        tuple(one_to_many),
    )


def _is_int(type_: Any) -> bool:
    try:
        return type_.python_type is int
    except NotImplementedError:
        return False


class _Fallback(Exception):
    """This batch needs the ORM's unit of work."""


def write_pending(session: Session) -> None:
    """Write what the session holds pending; same effect as ``session.flush()``.

    Raises the driver's ``sqlite3.IntegrityError`` (not SQLAlchemy's) when a
    constraint refuses a row; the caller's transaction is then to be rolled
    back, as after a failed flush.
    """
    bind = session.get_bind()
    dialect = bind.dialect
    if (
        dialect.name != "sqlite"
        or dialect.paramstyle != "qmark"
        or session.deleted
        or not hasattr(session, "_register_persistent")
    ):
        session.flush()
        return
    new = list(session.new)
    if not new:
        if session.dirty:
            session.flush()
        return
    try:
        batches = _batches(new, dialect)
        dirty = _updates(session, dialect)
    except _Fallback:
        session.flush()
        return
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    cursor = raw.cursor()
    try:
        for plan, objects in batches:
            _insert(cursor, plan, objects)
        for sql, params in dirty:
            cursor.execute(sql, params)
    finally:
        cursor.close()
    states = {o._sa_instance_state for o in new}  # type: ignore[attr-defined]
    states.update(s._sa_instance_state for s in session.dirty)  # type: ignore[attr-defined]
    session._register_persistent(states)


def _batches(new: list[Any], dialect: Dialect) -> list[tuple[_Plan, list[Any]]]:
    by_plan: dict[int, tuple[_Plan, list[Any]]] = {}
    new_ids = {id(o) for o in new}
    for obj in new:
        plan = _plan(object_mapper(obj), dialect)
        if plan is None or plan.table.name in WATCHED:
            # Catalogue and user changes keep the unit of work (and its flush
            # events, which clear per-session permission caches).
            raise _Fallback
        by_plan.setdefault(id(plan), (plan, []))[1].append(obj)
    batches = sorted(by_plan.values(), key=lambda b: _ORDER[b[0].table])
    for plan, objects in batches:
        # The order they were added in, as the flush does (outbox ids follow it).
        objects.sort(key=lambda o: o._sa_instance_state.insert_order)
        for obj in objects:
            for rel, pairs in plan.many_to_one:
                target = obj.__dict__.get(rel)
                if target is None:
                    continue
                if id(target) in new_ids:
                    if object_mapper(target).local_table is plan.table:
                        raise _Fallback  # a new row pointing at a new row of its own table
                elif any(remote not in target.__dict__ for _local, remote in pairs):
                    raise _Fallback  # a stored row whose key is not loaded
            for rel, _pairs in plan.one_to_many:
                for child in obj.__dict__.get(rel) or ():
                    if id(child) not in new_ids:
                        raise _Fallback  # that would be an UPDATE of a stored row
    return batches


def _insert(cursor: sqlite3.Cursor, plan: _Plan, objects: list[Any]) -> None:
    rows, later = [], []
    for obj in objects:
        values = obj.__dict__
        for rel, pairs in plan.many_to_one:
            target = values.get(rel)
            if target is not None:
                for local, remote in pairs:
                    values[local] = target.__dict__[remote]
        row = []
        for col in plan.columns:
            value = values.get(col.key, _NO_DEFAULT)
            if value is _NO_DEFAULT:
                if col.default is _NO_DEFAULT:
                    raise sqlite3.IntegrityError(
                        f"NOT NULL constraint failed: {plan.table.name}.{col.key}"
                    )
                value = values[col.key] = col.default
            row.append(col.process(value) if col.process and value is not None else value)
        if plan.pk_key is not None and values.get(plan.pk_key) is None:
            later.append((obj, row))
        else:
            rows.append(row)
    if rows:
        cursor.executemany(plan.insert_sql, rows)
    for obj, row in later:
        cursor.execute(plan.insert_sql, row)
        obj.__dict__[plan.pk_key] = cursor.lastrowid  # type: ignore[index]
    for obj in objects:
        for rel, pairs in plan.one_to_many:
            for child in obj.__dict__.get(rel) or ():
                for remote, local in pairs:
                    child.__dict__[remote] = obj.__dict__[local]


def _updates(session: Session, dialect: Dialect) -> list[tuple[str, list[Any]]]:
    """UPDATEs for stored rows whose plain columns changed (e.g. the audit chain head)."""
    statements = []
    for obj in session.dirty:
        state = obj._sa_instance_state
        mapper = state.mapper
        plan = _plan(mapper, dialect)
        if plan is None or state.key is None or plan.table.name in WATCHED:
            raise _Fallback
        changed = [c for c in plan.columns if c.key in state.committed_state]
        if any(k not in {c.key for c in plan.columns} for k in state.committed_state):
            raise _Fallback  # a relationship changed
        if not changed:
            continue
        pk_cols = list(plan.table.primary_key.columns)
        pk_keys = [mapper.get_property_by_column(c).key for c in pk_cols]
        if any(c.key in pk_keys for c in changed):
            raise _Fallback
        quote = dialect.identifier_preparer.quote
        by_key = {mapper.get_property_by_column(c).key: c for c in plan.table.columns}
        sets = ", ".join(f"{quote(by_key[c.key].name)} = ?" for c in changed)
        where = " AND ".join(f"{quote(c.name)} = ?" for c in pk_cols)
        params = [
            c.process(state.dict[c.key])
            if c.process and state.dict[c.key] is not None
            else state.dict[c.key]
            for c in changed
        ]
        params.extend(state.key[1])
        statements.append((f"UPDATE {quote(plan.table.name)} SET {sets} WHERE {where}", params))
    return statements


# -- the same, through SQLAlchemy's public API only ------------------------------------
def write_pending_public(session: Session) -> None:
    """``write_pending`` through public SQLAlchemy API only (measured against it; see above).

    The same plans and batches, but each table's rows go through a Core
    ``insert()`` (executemany when their ids are known) on the session's
    connection, dirty rows through a Core ``update()``; the written objects
    are then taken out of the unit of work and put back as stored rows
    (``expunge``, ``make_transient_to_detached``, ``add``), and the changed
    columns of the dirty ones marked committed (``set_committed_value``).
    If the transaction rolls back, the written objects are made transient
    again (``make_transient``), as after a failed flush.
    """
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite" or session.deleted:
        session.flush()
        return
    new = list(session.new)
    if not new:
        if session.dirty:
            session.flush()
        return
    try:
        batches = _batches(new, dialect)
        dirty = _public_updates(session)
    except _Fallback:
        session.flush()
        return
    connection = session.connection()  # Core on the session's transaction: no autoflush
    for plan, objects in batches:
        _insert_public(connection, plan, objects)
    for statement, obj, changed in dirty:
        connection.execute(statement)
        for key, value in changed.items():
            set_committed_value(obj, key, value)
    ordered = [obj for _plan, objects in batches for obj in objects]
    for obj in ordered:
        if obj in session:  # (an expunge may cascade to the object already)
            session.expunge(obj)
    for obj in ordered:
        make_transient_to_detached(obj)
    for obj in ordered:
        session.add(obj)
    session.info.setdefault(_WRITTEN, []).extend(ordered)


_WRITTEN = "row_writer.written"


@event.listens_for(Session, "after_soft_rollback")
def _forget_written(session: Session, _previous: object) -> None:
    """Rows written by ``write_pending_public`` vanish with a rollback: so do their objects."""
    for obj in session.info.pop(_WRITTEN, ()):
        if obj in session:
            session.expunge(obj)
        make_transient(obj)


@event.listens_for(Session, "after_commit")
def _written_for_good(session: Session) -> None:
    session.info.pop(_WRITTEN, None)


def _insert_public(connection: Connection, plan: _Plan, objects: list[Any]) -> None:
    rows, later = [], []
    names = [(col, plan.table.columns[i].key) for i, col in enumerate(plan.columns)]
    for obj in objects:
        values = obj.__dict__
        for rel, pairs in plan.many_to_one:
            target = values.get(rel)
            if target is not None:
                for local, remote in pairs:
                    values[local] = target.__dict__[remote]
        row = {}
        for col, name in names:
            value = values.get(col.key, _NO_DEFAULT)
            if value is _NO_DEFAULT:
                if col.default is _NO_DEFAULT:
                    raise sqlite3.IntegrityError(
                        f"NOT NULL constraint failed: {plan.table.name}.{col.key}"
                    )
                value = values[col.key] = col.default
            row[name] = value
        if plan.pk_key is not None and values.get(plan.pk_key) is None:
            later.append((obj, row))
        else:
            rows.append(row)
    statement = insert(plan.table)
    if rows:
        connection.execute(statement, rows)
    for obj, row in later:
        pk = {k: v for k, v in row.items() if k != plan.table.primary_key.columns[0].key}
        result = connection.execute(statement, pk)
        obj.__dict__[plan.pk_key] = result.inserted_primary_key[0]  # type: ignore[index]
    for obj in objects:
        for rel, pairs in plan.one_to_many:
            for child in obj.__dict__.get(rel) or ():
                for remote, local in pairs:
                    child.__dict__[remote] = obj.__dict__[local]


def _public_updates(session: Session) -> list[tuple[Any, Any, dict[str, Any]]]:
    """Core UPDATEs for stored rows whose plain columns changed, with what changed."""
    statements = []
    for obj in session.dirty:
        state = inspect(obj)
        mapper = state.mapper
        plan = _plan(mapper, session.get_bind().dialect)
        if plan is None or state.key is None or plan.table.name in WATCHED:
            raise _Fallback
        keys = {c.key for c in plan.columns}
        changed = {}
        for attr in state.attrs:
            history = attr.history
            if not history.has_changes():
                continue
            if attr.key not in keys:
                raise _Fallback  # a relationship changed
            changed[attr.key] = attr.value
        if not changed:
            continue
        by_key = {mapper.get_property_by_column(c).key: c for c in plan.table.columns}
        pk_cols = list(plan.table.primary_key.columns)
        if any(by_key[k].primary_key for k in changed):
            raise _Fallback
        where = [c == v for c, v in zip(pk_cols, state.key[1], strict=True)]
        values = {by_key[k].key: v for k, v in changed.items()}
        statements.append((update(plan.table).where(*where).values(values), obj, changed))
    return statements
