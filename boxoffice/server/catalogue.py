"""The catalogue the server is the source of, as rows of the terminals' own tables.

A catalogue row is a JSON object whose keys are the column names of the
client model (``boxoffice/store/models``), so a terminal upserts it into its
local store without translation. The server loads it from a terminal-format
store (``import_store``: how an administrator sets up, and how ``load-demo``
reuses ``boxoffice.demo``) and derives from it the few facts it checks sales
against (``inv_*`` tables, GA stock, house holds as seat claims).
"""

from __future__ import annotations

import enum
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.server import feed
from boxoffice.server.db import is_postgres
from boxoffice.server.errors import not_found
from boxoffice.server.models import (
    CatalogueRow,
    GAStock,
    InvGAArea,
    InvPerformance,
    InvSeat,
    SeatClaim,
    Terminal,
)
from boxoffice.store.catalogue_tables import CATALOGUE_TABLES

TABLES = CATALOGUE_TABLES


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


def _primary_key(table: str) -> list[str]:
    import boxoffice.store.models  # noqa: F401
    from boxoffice.store.base import Base

    return [c.name for c in Base.metadata.tables[table].primary_key.columns]


def row_key(table: str, row: dict[str, Any]) -> str:
    return "|".join(str(row[c]) for c in _primary_key(table))


def export_store(path: Path | str) -> dict[str, list[dict[str, Any]]]:
    """Every catalogue table of a terminal-format store, as JSON-ready rows."""
    from boxoffice.store import open_store
    from boxoffice.store.base import Base

    store = open_store(path)
    try:
        out: dict[str, list[dict[str, Any]]] = {}
        with store.read() as session:
            for name in TABLES:
                table = Base.metadata.tables[name]
                out[name] = [
                    {k: _json_value(v) for k, v in row._mapping.items()}
                    for row in session.execute(select(table))
                ]
        return out
    finally:
        store.dispose()


def import_tables(
    session: Session,
    tables: dict[str, list[dict[str, Any]]],
    *,
    now: datetime | None = None,
    actor: str = "cli",
) -> dict[str, int]:
    """Replace the named tables' rows (others untouched); changed rows go to the feed."""
    now = now or utc_now()
    counts: dict[str, int] = {}
    for name in TABLES:
        if name not in tables:
            continue
        existing = {
            r.row_id: r
            for r in session.scalars(select(CatalogueRow).where(CatalogueRow.table_name == name))
        }
        seen: set[str] = set()
        events: list[dict[str, Any]] = []
        for row in tables[name]:
            key = row_key(name, row)
            seen.add(key)
            body = json.dumps(row, sort_keys=True, separators=(",", ":"), default=str)
            old = existing.get(key)
            if old is None:
                session.add(CatalogueRow(table_name=name, row_id=key, body=body, updated_at=now))
            elif old.body != body:
                old.body, old.updated_at = body, now
            else:
                continue
            events.append({"table": name, "key": key, "row": row})
        for key, old in existing.items():
            if key not in seen:
                session.delete(old)
                events.append({"table": name, "key": key, "row": None})
        feed.emit_many(session, "catalogue", events, now)
        counts[name] = len(tables[name])
    session.flush()
    rebuild_inventory(session, now)
    from boxoffice.server import audit

    audit.record(session, actor, "catalogue.import", "catalogue", counts, now)
    return counts


def rows(session: Session, table: str) -> list[dict[str, Any]]:
    if table not in TABLES:
        raise not_found(f"catalogue table {table!r}; known: {', '.join(TABLES)}")
    return [
        json.loads(b)
        for b in session.scalars(
            select(CatalogueRow.body)
            .where(CatalogueRow.table_name == table)
            .order_by(CatalogueRow.row_id)
        )
    ]


def user_may(session: Session, username: str, permission: str, now: datetime) -> bool:
    """Whether a catalogue user holds ``permission`` (by role, or by an unexpired grant)."""
    user = next(
        (u for u in rows(session, "users") if u.get("username") == username and u.get("active")),
        None,
    )
    if user is None:
        return False
    if any(
        rp.get("role_id") == user.get("role_id") and rp.get("permission") == permission
        for rp in rows(session, "role_permissions")
    ):
        return True
    for g in rows(session, "grants"):
        if g.get("user_id") != user.get("id") or g.get("permission") != permission:
            continue
        if g.get("revoked_at") is None and datetime.fromisoformat(g["expires_at"]) > now:
            return True
    return False


def put_ticket_key(session: Session, terminal: Terminal, now: datetime) -> None:
    """A terminal's ticket key as a trusted key (revoked with the terminal)."""
    row = {
        "key_id": terminal.key_id,
        "public_key": terminal.public_key,
        "terminal": terminal.name,
        "created_at": terminal.enrolled_at.isoformat(),
        "revoked_at": terminal.revoked_at.isoformat() if terminal.revoked_at else None,
    }
    body = json.dumps(row, sort_keys=True, separators=(",", ":"))
    existing = session.get(CatalogueRow, ("ticket_keys", terminal.key_id))
    if existing is None:
        session.add(
            CatalogueRow(
                table_name="ticket_keys", row_id=terminal.key_id, body=body, updated_at=now
            )
        )
    else:
        existing.body, existing.updated_at = body, now
    feed.emit(session, "catalogue", {"table": "ticket_keys", "key": terminal.key_id, "row": row})


def rebuild_inventory(session: Session, now: datetime) -> None:
    """Derive what sales are checked against: performances, seats, GA areas, house holds."""

    def load(table: str) -> list[dict[str, Any]]:
        return rows(session, table)

    session.execute(delete(InvPerformance))
    session.execute(delete(InvSeat))
    session.execute(delete(InvGAArea))
    performances = load("performances")
    session.add_all(
        InvPerformance(
            id=p["id"],
            seat_map_id=p["seat_map_id"],
            status=p["status"],
            currency=p["currency"],
            starts_at=datetime.fromisoformat(p["starts_at"]),
        )
        for p in performances
    )
    session.add_all(
        InvSeat(id=s["id"], seat_map_id=s["seat_map_id"], label=str(s.get("guid", ""))[:40])
        for s in load("seats")
    )
    areas = load("ga_areas")
    session.add_all(
        InvGAArea(id=a["id"], seat_map_id=a["seat_map_id"], capacity=a["capacity"]) for a in areas
    )
    session.flush()
    stock = {(g.performance_id, g.ga_area_id): g for g in session.scalars(select(GAStock))}
    for p in performances:
        for a in areas:
            if a["seat_map_id"] != p["seat_map_id"]:
                continue
            row = stock.get((p["id"], a["id"]))
            if row is None:
                session.add(
                    GAStock(
                        performance_id=p["id"], ga_area_id=a["id"], capacity=a["capacity"], taken=0
                    )
                )
            else:
                row.capacity = a["capacity"]
    # House holds and kills block the seat for everybody: a claim of kind "house".
    wanted = {(h["performance_id"], h["seat_id"]) for h in load("seat_holds")}
    have = {
        (c.performance_id, c.seat_id): c
        for c in session.scalars(select(SeatClaim).where(SeatClaim.kind == "house"))
    }
    for key, claim in have.items():
        if key not in wanted:
            session.delete(claim)
    session.flush()
    from boxoffice.server import inventory

    for perf, seat in sorted(wanted - set(have)):
        inventory.insert_claims(
            session, [dict(performance_id=perf, seat_id=seat, kind="house", created_at=now)]
        )
    _ = is_postgres  # both dialects share this code path


def load_demo(session: Session, workdir: Path, now: datetime | None = None) -> dict[str, int]:
    """Seed the demo into a scratch terminal store, then import its catalogue."""
    from boxoffice import demo
    from boxoffice.actor import system_actor
    from boxoffice.store import open_store

    path = workdir / "demo-catalogue.sqlite3"
    store = open_store(path)
    try:
        with store.write() as s:
            demo.seed(s, system_actor("server"), now=now)
    finally:
        store.dispose()
    return import_tables(session, export_store(path), now=now)
