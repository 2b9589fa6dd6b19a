"""What the door must look at before letting someone in: from the price type and the seat.

A child ticket, a concession that needs an ID, a wheelchair space that needs
an usher: the price type's ``door_note`` and the seat's accessibility flags
say so; the door screen shows the text next to the verdict.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.store.models import PriceType, Seat


def price_type_notes(session: Session) -> dict[int, str]:
    """Door note per price type id (loaded once per door session: a handful of rows)."""
    return {
        pt_id: note.strip()
        for pt_id, note in session.execute(select(PriceType.id, PriceType.door_note))
        if note and note.strip()
    }


def seat_note(session: Session, seat_id: int | None) -> str:
    if seat_id is None:
        return ""
    seat = session.get(Seat, seat_id)
    if seat is None:
        return ""
    if seat.wheelchair:
        return f"Wheelchair space (row {seat.row.name}, seat {seat.number}): usher to assist"
    if seat.companion:
        return (
            f"Companion seat next to a wheelchair space (row {seat.row.name}, seat {seat.number})"
        )
    return ""


def combine(*notes: str) -> str:
    seen: list[str] = []
    for note in notes:
        if note and note not in seen:
            seen.append(note)
    return "; ".join(seen)
