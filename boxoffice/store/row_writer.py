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

Why the private API (``Session._register_persistent``, the raw DB-API
cursor) and not the public one: measured, the public route does not fit the
sale-commit budget (p99 <= 10 ms, fsync on). The public variant wrote the
same plans through Core ``insert()`` (executemany where ids are known) on
``session.connection()``, then made the objects persistent with
``expunge`` + ``make_transient_to_detached`` + ``add`` (and
``set_committed_value`` for dirty columns, ``make_transient`` on rollback);
it passed the sale-writer and checkout tests (commit 7608be2 has it). Sales
of 2 tickets for cash, interleaved one by one on the same store in the same
run (650 each; ``benchmarks.bench_sale_commit``'s store; a 2-core machine
shared with about ten busy processes, so wall times are inflated and the
CPU time per sale is the steadier figure):

    writer                 wall p50 / p99      CPU p50 / p99
    private (this module)  19.77 / 40.83 ms    4.11 /  8.24 ms
    public Core + ORM      23.74 / 58.62 ms    5.37 / 10.03 ms
    ORM flush              26.76 / 55.64 ms    6.21 / 11.96 ms
    bare SQLite commit      4.09 / 13.35 ms    (one row, same store, same run)

The public variant costs about 1.3 ms more CPU per sale (+31 %); its CPU
time alone reaches the 10 ms p99 before the commit's fsync, where the
private path leaves ~1.8 ms for it. If SQLAlchemy gains a public way to
register written objects as persistent, measure again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapper, Session, object_mapper
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
