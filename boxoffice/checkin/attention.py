"""What the door must look at before letting someone in: from the price type and the seat.

A child ticket, a concession that needs an ID, a wheelchair space that needs
an usher: the price type's ``door_note`` and the seat's accessibility flags
say so; the door screen shows the text next to the verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from boxoffice.store.models import PriceType, Row, Seat


def price_type_notes(session: Session) -> dict[int, str]:
    """Door note per price type id (loaded once per door session: a handful of rows)."""
    return {
        pt_id: note.strip()
        for pt_id, note in session.execute(select(PriceType.id, PriceType.door_note))
        if note and note.strip()
    }


def seat_notes(session: Session, seat_map_ids: Iterable[int]) -> dict[int, str]:
    """Note per seat id for the seats that need one, on the door's seat maps (loaded once)."""
    rows = session.execute(
        select(Seat.id, Seat.wheelchair, Seat.number, Row.name)
        .join(Row, Row.id == Seat.row_id)
        .where(
            Seat.seat_map_id.in_(list(set(seat_map_ids))),
            or_(Seat.wheelchair.is_(True), Seat.companion.is_(True)),
        )
    )
    notes: dict[int, str] = {}
    for seat_id, wheelchair, number, row in rows:
        where = f"row {row}, seat {number}"
        notes[seat_id] = (
            f"Wheelchair space ({where}): usher to assist"
            if wheelchair
            else f"Companion seat next to a wheelchair space ({where})"
        )
    return notes


def combine(*notes: str) -> str:
    seen: list[str] = []
    for note in notes:
        if note and note not in seen:
            seen.append(note)
    return "; ".join(seen)
