"""Door statistics: admitted against expected, per performance and per door.

``expected`` counts the valid tickets of the performance in this store plus
the seats other terminals sold, as the change feed reports them (standing
places sold elsewhere are not in the feed's cache yet);
``admitted`` counts tickets let in at least once (this door's scans and
other doors' admissions from the change feed); ``inside`` those in the
house now (differs from admitted only with re-entry). Refused scans are
counted from this terminal's door journal (refusals are not synced).
Double admissions reconciled from the feed are listed as conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice.checkin.verdicts import ADMITTING
from boxoffice.errors import NotFound
from boxoffice.store.models import (
    AdmissionConflict,
    DoorScan,
    Performance,
    RemoteSeat,
    Ticket,
    TicketPresence,
    TicketStatus,
)

_ADMITTING = [o.value for o in ADMITTING]


@dataclass(frozen=True)
class DoorLine:
    door: str
    admitted: int
    refused: int


@dataclass(frozen=True)
class ConflictLine:
    ticket_id: int
    serial: str
    kept_at: datetime
    kept_door: str
    lost_at: datetime
    lost_door: str
    lost_by: str


@dataclass(frozen=True)
class PerformanceStats:
    performance_id: int
    event: str
    starts_at: datetime
    expected: int
    admitted: int
    inside: int
    refused: int
    doors: list[DoorLine] = field(default_factory=list)
    conflicts: list[ConflictLine] = field(default_factory=list)

    @property
    def missing(self) -> int:
        """Expected but not (yet) admitted: the no-shows at the end of the night."""
        return max(self.expected - self.admitted, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "performance_id": self.performance_id,
            "event": self.event,
            "starts_at": self.starts_at.isoformat(),
            "expected": self.expected,
            "admitted": self.admitted,
            "inside": self.inside,
            "missing": self.missing,
            "refused": self.refused,
            "doors": [d.__dict__ for d in self.doors],
            "conflicts": [
                {**c.__dict__, "kept_at": c.kept_at.isoformat(), "lost_at": c.lost_at.isoformat()}
                for c in self.conflicts
            ],
        }


def performance_stats(session: Session, performance_id: int) -> PerformanceStats:
    performance = session.get(Performance, performance_id)
    if performance is None:
        raise NotFound("checkin_no_performance", performance=performance_id)
    expected = session.scalar(
        select(func.count())
        .select_from(Ticket)
        .where(Ticket.performance_id == performance_id, Ticket.status == TicketStatus.VALID)
    )
    sold_elsewhere = session.scalar(
        select(func.count())
        .select_from(RemoteSeat)
        .where(RemoteSeat.performance_id == performance_id, RemoteSeat.state == "sold")
    )
    expected = (expected or 0) + (sold_elsewhere or 0)
    admitted_by_door = dict(
        session.execute(
            select(TicketPresence.first_door, func.count())
            .where(TicketPresence.performance_id == performance_id)
            .group_by(TicketPresence.first_door)
        ).all()
    )
    inside = session.scalar(
        select(func.count())
        .select_from(TicketPresence)
        .where(TicketPresence.performance_id == performance_id, TicketPresence.inside)
    )
    refused_by_door = dict(
        session.execute(
            select(DoorScan.door, func.count())
            .where(
                DoorScan.performance_id == performance_id,
                DoorScan.verdict.not_in(_ADMITTING),
                DoorScan.verdict != "exited",
            )
            .group_by(DoorScan.door)
        ).all()
    )
    doors = [
        DoorLine(door, int(admitted_by_door.get(door, 0)), int(refused_by_door.get(door, 0)))
        for door in sorted(set(admitted_by_door) | set(refused_by_door))
    ]
    conflicts = [
        ConflictLine(
            c.ticket_id, c.serial, c.kept_at, c.kept_door, c.lost_at, c.lost_door, c.lost_by
        )
        for c in session.scalars(
            select(AdmissionConflict)
            .where(AdmissionConflict.performance_id == performance_id)
            .order_by(AdmissionConflict.lost_at)
        )
    ]
    return PerformanceStats(
        performance_id=performance_id,
        event=performance.event.name,
        starts_at=performance.starts_at,
        expected=int(expected or 0),
        admitted=sum(int(n) for n in admitted_by_door.values()),
        inside=int(inside or 0),
        refused=sum(d.refused for d in doors),
        doors=doors,
        conflicts=conflicts,
    )


def door_report(session: Session, performance_ids: list[int]) -> list[PerformanceStats]:
    return [performance_stats(session, pid) for pid in performance_ids]
