"""The catalogue the server is the source of, in the protocol's catalogue schema.

A catalogue row is a JSON object of ``boxoffice.protocol.catalogue`` (its own
schema, not a terminal's table columns). The server checks every row it
imports against that schema, keeps it as imported, hands it out to
terminals, and derives from it the few facts it checks sales against
(``inv_*`` tables, GA stock, house holds as seat claims). Making a catalogue
from a terminal-format store (``import-catalogue --from-store``, ``load-demo``)
is the client's side: ``boxoffice.catalogue_export``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.protocol import catalogue as schema
from boxoffice.server import feed
from boxoffice.server.db import is_postgres
from boxoffice.server.errors import invalid, not_found
from boxoffice.server.models import (
    CatalogueRow,
    GAStock,
    InvGAArea,
    InvPerformance,
    InvSeat,
    SeatClaim,
    Terminal,
)

TABLES = schema.TABLES


def row_key(table: str, row: dict[str, Any]) -> str:
    return schema.row_key(table, row)


def checked(tables: dict[str, list[Any]]) -> dict[str, list[dict[str, Any]]]:
    """``tables`` checked against the catalogue schema; 422 naming the first bad field."""
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise invalid(f"unknown catalogue tables: {unknown}")
    out: dict[str, list[dict[str, Any]]] = {}
    for name, rows_ in tables.items():
        try:
            out[name] = [schema.check_row(name, row) for row in rows_]
        except schema.BadCatalogueRow as exc:
            raise invalid(f"catalogue row not valid: {exc}; nothing was imported") from None
    return out


def import_tables(
    session: Session,
    tables: dict[str, list[dict[str, Any]]],
    *,
    now: datetime | None = None,
    actor: str = "cli",
) -> dict[str, int]:
    """Replace the named tables' rows (others untouched); changed rows go to the feed.

    Every row is checked against the catalogue schema first: a bad one imports nothing.
    """
    tables = checked(tables)
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
