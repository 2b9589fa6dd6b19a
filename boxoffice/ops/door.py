"""Door ops: open a door, scan a ticket to a verdict, and the door's statistics.

The verdict is offline: the signature is checked against the trusted public
keys the door loaded when it opened, and the ticket is looked up in the
local store; one short write transaction records the scan (the journal, the
movement, its outbox operation). ``open_door`` returns a ``DoorHandle``
that the screen (or the CLI, or a turnstile script) keeps and hands back at
every scan: it holds the keys and the door's windows, so a scan reads
nothing twice. A refusal is a verdict (``admit`` false), not an exception;
exceptions are for a door that cannot judge at all (no permission, an
unknown performance).

Each scan publishes what it changed: the performance's check-ins (the door
statistics), the ticket (admitted, gone out), and the sync state (an
admission waits in the outbox).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from boxoffice.actor import Actor
from boxoffice.bus import ChangeSet
from boxoffice.checkin import stats
from boxoffice.checkin.door import Door
from boxoffice.checkin.verdicts import EXIT_CODES, Outcome, Verdict
from boxoffice.context import TerminalContext
from boxoffice.ops import OpResult

#: Outcomes after which someone went through the door (in or out).
_MOVED = frozenset({Outcome.ADMITTED, Outcome.READMITTED, Outcome.EXITED})


@dataclass(frozen=True)
class DoorHandle:
    """An open door: hand it back to ``scan``. Opaque to screens."""

    name: str
    performance_ids: tuple[int, ...]
    #: What each performance is, as the door shows it: (performance id, event, starts at).
    performances: tuple[tuple[int, str, str], ...]
    _door: Door


@dataclass(frozen=True)
class ScanVerdict:
    """What the door shows after a scan, in the terminal's language, and why (by code)."""

    #: ``admitted``, ``readmitted``, ``exited``, ``already_admitted``, ``revoked``, ...
    outcome: str
    admit: bool
    #: The reason's message code (``checkin_revoked``, ...) and the reason rendered.
    code: str
    reason: str
    #: What to look at (wheelchair space, concession ID), rendered; empty when nothing.
    attention: str
    serial: str
    ticket_id: int | None
    performance_id: int | None
    admitted_count: int
    inside: int | None
    #: The CLI's exit status for this outcome (0 only when someone may go in).
    exit_code: int
    #: The verdict itself (``message(lang)``, ``to_dict()``), for whoever needs more.
    verdict: Verdict


def verdict_data(verdict: Verdict, lang: str) -> ScanVerdict:
    """A domain verdict as the door shows it in ``lang``."""
    return ScanVerdict(
        outcome=verdict.outcome.value,
        admit=verdict.admit,
        code=verdict.code,
        reason=verdict.message(lang),
        attention=verdict.attention_text(lang),
        serial=verdict.serial,
        ticket_id=verdict.ticket_id,
        performance_id=verdict.performance_id,
        admitted_count=verdict.admitted_count,
        inside=verdict.inside,
        exit_code=verdict.exit_code,
        verdict=verdict,
    )


def open_door(
    ctx: TerminalContext, actor: Actor, performance_ids: Sequence[int], name: str
) -> OpResult[DoorHandle]:
    """Check the door's performances and load its trusted keys (once, before the first scan)."""
    door = Door(ctx.store, actor, list(performance_ids), name)
    windows = door.context.windows
    handle = DoorHandle(
        name=door.context.door,
        performance_ids=tuple(windows),
        performances=tuple((pid, w.event_name, w.local(w.starts_at)) for pid, w in windows.items()),
        _door=door,
    )
    return OpResult(handle)


def scan(
    ctx: TerminalContext, door: DoorHandle, code: object, *, now: datetime | None = None
) -> OpResult[ScanVerdict]:
    """One scan (a ticket barcode, an order code or a typed serial) to an admit/refuse verdict."""
    verdict = door._door.scan(code, now=now)
    changes = _changes(door, verdict)
    ctx.publish(changes)
    return OpResult(verdict_data(verdict, ctx.language), changes)


def _changes(door: DoorHandle, verdict: Verdict) -> ChangeSet:
    performance = verdict.performance_id
    if performance not in door.performance_ids:
        performance = door.performance_ids[0] if len(door.performance_ids) == 1 else None
    moved = verdict.outcome in _MOVED
    return ChangeSet.of(
        # Every scan is counted in the door statistics (admitted or refused).
        checkins=[performance] if performance is not None else [],
        tickets=[verdict.serial] if moved and verdict.serial else [],
        sync=moved,
    )


def door_stats(
    ctx: TerminalContext, performance_ids: Sequence[int]
) -> OpResult[list[stats.PerformanceStats]]:
    """Admitted against expected, inside, refused, per door and double admissions (a query)."""
    with ctx.store.read() as session:
        return OpResult(stats.door_report(session, list(performance_ids)))


def refresh_door(ctx: TerminalContext, door: DoorHandle) -> OpResult[DoorHandle]:
    """Reload the door's windows and trusted keys (after a policy or key change)."""
    door._door.refresh()
    return OpResult(door)


__all__ = [
    "EXIT_CODES",
    "DoorHandle",
    "ScanVerdict",
    "door_stats",
    "open_door",
    "refresh_door",
    "scan",
]
