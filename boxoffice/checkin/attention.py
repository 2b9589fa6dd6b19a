"""What the door must look at before letting someone in: from the price type and the seat.

A child ticket, a concession that needs an ID, a wheelchair space that needs
an usher: the price type's ``door_note`` and the seat's accessibility flags
say so; the door screen shows the notes next to the verdict, in its language.
A standard price type's note (``catalogue.prices.STANDARD_PRICE_TYPES``) left
as shipped is shown by its code (``checkin_note_<price type code>``); a note
an administrator typed is shown as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from boxoffice.catalogue.prices import STANDARD_PRICE_TYPES
from boxoffice.checkin.verdicts import Reason, note
from boxoffice.store.models import PriceType, Row, Seat

#: The shipped door note of each standard price type, by price type code.
_STANDARD_NOTES = {code: text for code, _name, _comp, text in STANDARD_PRICE_TYPES if text}


def price_type_note(code: str, text: str) -> Reason:
    """A price type's door note: by code when it is the shipped one, else as typed."""
    if _STANDARD_NOTES.get(code) == text:
        return Reason(f"checkin_note_{code}")
    return note(text)


def price_type_notes(session: Session) -> dict[int, Reason]:
    """Door note per price type id (loaded once per door session: a handful of rows)."""
    return {
        pt_id: price_type_note(code, text.strip())
        for pt_id, code, text in session.execute(
            select(PriceType.id, PriceType.code, PriceType.door_note)
        )
        if text and text.strip()
    }


def seat_notes(session: Session, seat_map_ids: Iterable[int]) -> dict[int, Reason]:
    """Note per seat id for the seats that need one, on the door's seat maps (loaded once)."""
    rows = session.execute(
        select(Seat.id, Seat.wheelchair, Seat.number, Row.name)
        .join(Row, Row.id == Seat.row_id)
        .where(
            Seat.seat_map_id.in_(list(set(seat_map_ids))),
            or_(Seat.wheelchair.is_(True), Seat.companion.is_(True)),
        )
    )
    notes: dict[int, Reason] = {}
    for seat_id, wheelchair, number, row in rows:
        code = "checkin_wheelchair_space" if wheelchair else "checkin_companion_seat"
        notes[seat_id] = Reason(code, {"row": row, "seat": number})
    return notes


def combine(*notes: Reason | None) -> tuple[Reason, ...]:
    """The notes that are there, each once, in order."""
    seen: list[Reason] = []
    for item in notes:
        if item is not None and item not in seen:
            seen.append(item)
    return tuple(seen)
