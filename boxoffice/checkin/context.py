"""What a door serves: its name, its performances' door windows, and what to point out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from boxoffice.checkin import attention
from boxoffice.checkin.policy import DoorWindow, window
from boxoffice.checkin.verdicts import Reason
from boxoffice.errors import ValidationError

MAX_DOOR_NAME = 80


@dataclass(frozen=True)
class DoorContext:
    """What a door serves: its name and the door windows of its performances."""

    door: str
    windows: dict[int, DoorWindow]
    price_type_notes: dict[int, Reason] = field(default_factory=dict)
    #: Notes for the few seats that need one (wheelchair spaces, companion seats).
    seat_notes: dict[int, Reason] = field(default_factory=dict)

    @property
    def event_ids(self) -> set[int]:
        return {w.event_id for w in self.windows.values()}

    def describe(self) -> list[Reason]:
        """The door's performances, one ``Reason`` each (a message parameter)."""
        return [
            Reason(
                "checkin_door_performance",
                {"event": w.event_name, "at": w.local(w.starts_at), "performance": p},
            )
            for p, w in self.windows.items()
        ]


def load_context(session: Session, performance_ids: Iterable[int], door: str) -> DoorContext:
    """The door's performances, checked once when the door opens (unknown ids refused)."""
    ids = list(dict.fromkeys(performance_ids))
    if not ids:
        raise ValidationError("checkin_door_needs_performance")
    for pid in ids:
        if isinstance(pid, bool) or not isinstance(pid, int) or pid < 1:
            raise ValidationError("checkin_performance_id_invalid", value=repr(pid))
    name = door.strip() if isinstance(door, str) else ""
    if not name or len(name) > MAX_DOOR_NAME or not name.isprintable():
        raise ValidationError("checkin_door_name_invalid", limit=MAX_DOOR_NAME)
    windows = {pid: window(session, pid) for pid in ids}
    return DoorContext(
        door=name,
        windows=windows,
        price_type_notes=attention.price_type_notes(session),
        seat_notes=attention.seat_notes(session, [w.seat_map_id for w in windows.values()]),
    )
