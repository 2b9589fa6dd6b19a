"""The venue's day end: every terminal's Z reports for one business day.

Terminals send each Z report (``z_report``) and each shift opening
(``shift_open``) through the outbox; the server keeps them as shift records.
The day end is read from those records only: a Z report is the figure a
clerk counted and a supervisor signed, so the server passes it on as sent
and never recomputes it from sales. Shifts still open (or closed at a
terminal that has not synced since) are listed with the terminal's last
contact, so a supervisor can see whose figures are missing and why.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from boxoffice.server.errors import invalid
from boxoffice.server.models import CatalogueRow, ShiftRecord, Terminal


def venue_timezone(session: Session, name: str | None) -> ZoneInfo:
    """The zone named by the caller, else the first venue's in the catalogue, else UTC."""
    if not name:
        for body in session.scalars(
            select(CatalogueRow.body).where(CatalogueRow.table_name == "venues")
        ):
            name = json.loads(body).get("timezone")
            if name:
                break
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid(
            f"tz: unknown time zone {name!r} (give an IANA name such as Asia/Shanghai)"
        ) from None


def bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The business day as UTC instants: local midnight to local midnight."""
    utc = ZoneInfo("UTC")
    start = datetime.combine(day, time(0), tz).astimezone(utc)
    end = datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(utc)
    return start, end


def _body(record: ShiftRecord) -> dict[str, Any]:
    try:
        data = json.loads(record.body or "{}")
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _open_info(record: ShiftRecord) -> dict[str, Any]:
    opening = _body(record)
    floats = opening.get("float")
    return {
        "shift": record.shift,
        "clerk": str(opening.get("user") or ""),
        "opened_at": record.opened_at.isoformat() if record.opened_at else None,
        "float": floats if isinstance(floats, dict) else {},
    }


def day_end(session: Session, day: date, tz: ZoneInfo, now: datetime) -> dict[str, Any]:
    """Every terminal with a Z report closed that day or a shift still open by its end."""
    start, end = bounds(day, tz)
    closed = session.scalars(
        select(ShiftRecord)
        .where(ShiftRecord.closed_at >= start, ShiftRecord.closed_at < end)
        .order_by(ShiftRecord.terminal_id, ShiftRecord.closed_at, ShiftRecord.id)
    ).all()
    still_open = session.scalars(
        select(ShiftRecord)
        .where(
            ShiftRecord.closed_at.is_(None),
            or_(ShiftRecord.opened_at.is_(None), ShiftRecord.opened_at < end),
        )
        .order_by(ShiftRecord.terminal_id, ShiftRecord.opened_at, ShiftRecord.id)
    ).all()
    z_by_terminal: dict[int, list[dict[str, Any]]] = {}
    for record in closed:
        z = _body(record).get("close")
        if isinstance(z, dict) and "reconciliation" in z:  # a Z report, not a bare close
            z_by_terminal.setdefault(record.terminal_id, []).append(z)
    open_by_terminal: dict[int, list[dict[str, Any]]] = {}
    for record in still_open:
        open_by_terminal.setdefault(record.terminal_id, []).append(_open_info(record))
    terminals = []
    for t in session.scalars(select(Terminal).order_by(Terminal.name)):
        zs = sorted(z_by_terminal.get(t.id, []), key=lambda z: int(z.get("number", 0)))
        opened = open_by_terminal.get(t.id, [])
        if t.revoked_at is not None and not zs and not opened:
            continue  # a retired terminal with nothing that day
        terminals.append(
            {
                "terminal": t.name,
                "last_contact": t.last_contact.isoformat() if t.last_contact else None,
                "revoked": t.revoked_at is not None,
                "z_reports": zs,
                "open_shifts": opened,
            }
        )
    return {
        "day": day.isoformat(),
        "tz": tz.key,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "as_of": now.isoformat(),
        "terminals": terminals,
    }
