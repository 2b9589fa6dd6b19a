"""Day end across the terminals of a venue.

A terminal's own store knows only its own shifts (and what sync has brought
in). ``local_day_end`` builds the figures from what this store holds and
marks them as *local and partial*; the central server's day end, once the
sync work delivers it, is merged with ``DayEnd.merge``: the server's figures
replace the local ones for every terminal the server reports, and terminals
the server does not know yet stay marked local.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.reports.model import business_day
from boxoffice.shifts import close
from boxoffice.shifts.figures import compute
from boxoffice.store.models import Shift, ShiftStatus, ZReport


@dataclass
class TerminalDay:
    """One terminal's figures for the day, from its Z reports (and open shifts)."""

    terminal: str
    source: str = "local"  # "local" (this store) or "server"
    z_numbers: list[int] = field(default_factory=list)
    open_shifts: int = 0
    #: (tender, currency) → expected / counted / variance, summed over closed shifts.
    expected: dict[tuple[str, str], int] = field(default_factory=dict)
    counted: dict[tuple[str, str], int] = field(default_factory=dict)
    #: currency → takings of shifts still open (running, from an X view).
    running_cash: dict[str, int] = field(default_factory=dict)
    unsynced_operations: int = 0

    def variance(self, tender: str, currency: str) -> int | None:
        key = (tender, currency)
        if key not in self.counted:
            return None
        return self.counted[key] - self.expected.get(key, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "terminal": self.terminal,
            "source": self.source,
            "z_numbers": self.z_numbers,
            "open_shifts": self.open_shifts,
            "expected": [[t, c, v] for (t, c), v in sorted(self.expected.items())],
            "counted": [[t, c, v] for (t, c), v in sorted(self.counted.items())],
            "running_cash": self.running_cash,
            "unsynced_operations": self.unsynced_operations,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TerminalDay:
        """Read a terminal's figures as the server sends them (same shape as ``as_dict``)."""
        try:
            return cls(
                terminal=str(data["terminal"]),
                source="server",
                z_numbers=[int(n) for n in data.get("z_numbers", [])],
                open_shifts=int(data.get("open_shifts", 0)),
                expected={(str(t), str(c)): int(v) for t, c, v in data.get("expected", [])},
                counted={(str(t), str(c)): int(v) for t, c, v in data.get("counted", [])},
                running_cash={str(c): int(v) for c, v in data.get("running_cash", {}).items()},
                unsynced_operations=0,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(f"the server's day-end figures are malformed: {exc}") from exc


@dataclass
class DayEnd:
    day: date
    terminals: dict[str, TerminalDay] = field(default_factory=dict)
    #: True until server figures have been merged in.
    local_only: bool = True
    server_as_of: datetime | None = None

    @property
    def partial(self) -> bool:
        """Some terminal's figures are only what this store knows."""
        return self.local_only or any(t.source == "local" for t in self.terminals.values())

    def merge(self, server: Mapping[str, Any]) -> DayEnd:
        """Merge the server's day end: ``{"as_of": iso, "terminals": [TerminalDay dicts]}``."""
        if not isinstance(server, Mapping) or not isinstance(server.get("terminals"), list):
            raise ValidationError("the server's day end has no list of terminals")
        try:
            as_of = datetime.fromisoformat(str(server["as_of"]))
        except (KeyError, ValueError) as exc:
            raise ValidationError("the server's day end has no valid 'as_of' time") from exc
        merged = DayEnd(self.day, dict(self.terminals), local_only=False, server_as_of=as_of)
        for item in server["terminals"]:
            if not isinstance(item, Mapping):
                raise ValidationError("a terminal in the server's day end is not a mapping")
            t = TerminalDay.from_dict(item)
            merged.terminals[t.terminal] = t
        return merged

    def totals(self) -> dict[tuple[str, str], tuple[int, int | None]]:
        """(tender, currency) → (expected, counted or None) over every terminal."""
        out: dict[tuple[str, str], tuple[int, int | None]] = {}
        for t in self.terminals.values():
            for key, value in t.expected.items():
                exp, cnt = out.get(key, (0, 0))
                got = t.counted.get(key)
                out[key] = (exp + value, None if cnt is None or got is None else cnt + got)
        return out


def local_day_end(session: Session, on: date, now: datetime | None = None) -> DayEnd:
    """What this store knows of the day: Z reports closed that day, shifts still open."""
    now = now or utc_now()
    day = business_day(session, on)
    result = DayEnd(on)
    for z in session.scalars(
        select(ZReport)
        .where(ZReport.created_at >= day.start, ZReport.created_at < day.end)
        .order_by(ZReport.terminal, ZReport.number)
    ):
        content = close.content_of(z)
        t = result.terminals.setdefault(z.terminal, TerminalDay(z.terminal))
        t.z_numbers.append(z.number)
        t.unsynced_operations = max(t.unsynced_operations, content.get("unsynced_operations", 0))
        for line in content.get("reconciliation", []):
            key = (line["tender"], line["currency"])
            t.expected[key] = t.expected.get(key, 0) + line["expected"]
            if line["counted"] is not None:
                t.counted[key] = t.counted.get(key, 0) + line["counted"]
    for shift in session.scalars(select(Shift).where(Shift.status == ShiftStatus.OPEN)):
        t = result.terminals.setdefault(shift.terminal, TerminalDay(shift.terminal))
        t.open_shifts += 1
        for cur, cash in compute(session, shift, now).cash.items():
            t.running_cash[cur] = t.running_cash.get(cur, 0) + cash.expected
    return result
