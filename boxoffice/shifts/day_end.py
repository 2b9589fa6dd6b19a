"""Day end across the terminals of a venue.

A store is one terminal's: every Z report and shift in it was made on this
device, whatever the terminal was called at the time (a terminal takes the
server's name when it enrols). ``local_day_end`` therefore lists them all
under this terminal's name, marked *local*. The central server collects
every terminal's Z reports (each is an outbox operation) and hands them out
per device as the venue's day end (``GET /api/v1/day-end``);
``DayEnd.merge`` joins the two:

- every other terminal is taken from the server;
- this terminal keeps its local Z reports (the store may hold reports the
  server has not received yet) plus any the server has that this store lacks
  (a store restored from a backup), matched by shift; a Z report whose
  content differs between the two is listed as a mismatch, never silently
  picked; its open shifts are this store's (a close not yet synced would
  otherwise show as open).

The day end a supervisor asks for is put together by ``ops.cash.day_end``:
``record_request`` (permission and audit), ``local_day_end``, the server's
figures through the terminal's sync link, and ``DayEnd.merge``; when the
server does not answer, the local figures come back with ``server_error``
saying why, so the report can say "LOCAL FIGURES ONLY" and why. This module
never talks to the network itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.shifts import close
from boxoffice.shifts.business_day import business_day
from boxoffice.shifts.figures import compute
from boxoffice.store import outbox
from boxoffice.store.models import Shift, ShiftStatus, ZReport

#: The drawer lines of a Z report, summed over a day.
CASH_FIELDS = ("float", "sales", "refunds", "drops", "pay_ins", "pay_outs", "expected")


@dataclass(frozen=True)
class OpenShift:
    """A drawer not closed by the day's end; running cash only where this store holds it."""

    shift: str
    clerk: str
    opened_at: datetime | None
    running_cash: dict[str, int] | None = None
    #: The terminal's name when the shift was opened, if it was called otherwise then.
    opened_as: str = ""


@dataclass
class TerminalDay:
    """One terminal's day: its Z reports (as stored and signed) and its open shifts."""

    terminal: str
    source: str = "local"  # "local" (this store), "server", or "local+server"
    z_reports: list[dict[str, Any]] = field(default_factory=list)
    open_shifts: list[OpenShift] = field(default_factory=list)
    last_contact: datetime | None = None
    revoked: bool = False
    #: Operations this store has not delivered yet (known only for this store's terminals).
    unsynced_operations: int | None = None
    #: Z numbers whose content differs between this store and the server.
    mismatched: list[int] = field(default_factory=list)

    @property
    def z_numbers(self) -> list[int]:
        return [int(z["number"]) for z in self.z_reports]

    def _sum_lines(self, column: str) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for z in self.z_reports:
            for line in z.get("reconciliation", []):
                if line[column] is None:
                    continue
                key = (line["tender"], line["currency"])
                out[key] = out.get(key, 0) + line[column]
        return out

    @property
    def expected(self) -> dict[tuple[str, str], int]:
        """(tender, currency) → expected, summed over the day's Z reports."""
        return self._sum_lines("expected")

    @property
    def counted(self) -> dict[tuple[str, str], int]:
        """(tender, currency) → counted, over the Z reports that counted that tender."""
        return self._sum_lines("counted")

    def variance(self, tender: str, currency: str) -> int | None:
        """Counted − expected over the Z reports that counted it (None if none did)."""
        got = None
        for z in self.z_reports:
            for line in z.get("reconciliation", []):
                same = (line["tender"], line["currency"]) == (tender, currency)
                if same and line["variance"] is not None:
                    got = (got or 0) + line["variance"]
        return got

    def cash(self) -> dict[str, dict[str, int]]:
        """currency → the drawer lines (float, sales, refunds, …) summed over the Z reports."""
        out: dict[str, dict[str, int]] = {}
        for z in self.z_reports:
            for line in z.get("cash", []):
                row = out.setdefault(line["currency"], dict.fromkeys(CASH_FIELDS, 0))
                for name in CASH_FIELDS:
                    row[name] += line[name]
        return out

    def takings(self) -> dict[tuple[str, str], int]:
        """(tender, currency) → net takings over the Z reports."""
        out: dict[tuple[str, str], int] = {}
        for z in self.z_reports:
            for t in z.get("tenders", []):
                key = (t["tender"], t["currency"])
                out[key] = out.get(key, 0) + t["net"]
        return out


@dataclass
class DayEnd:
    day: date
    terminals: dict[str, TerminalDay] = field(default_factory=dict)
    #: True until the server's figures have been merged in.
    local_only: bool = True
    server_as_of: datetime | None = None
    #: Why the server's figures are missing (offline, not enrolled, refused…).
    server_error: str | None = None

    @property
    def partial(self) -> bool:
        """Some terminal's figures are only what this store knows."""
        return self.local_only or any(t.source == "local" for t in self.terminals.values())

    @property
    def open_shifts(self) -> list[tuple[str, OpenShift]]:
        return [(name, o) for name, t in sorted(self.terminals.items()) for o in t.open_shifts]

    @property
    def mismatches(self) -> list[tuple[str, int]]:
        return [(name, n) for name, t in sorted(self.terminals.items()) for n in t.mismatched]

    def merge(self, server: ServerDayEnd, *, same: SameReport | None = None) -> DayEnd:
        """Join the server's day end (already validated) with what this store knows.

        ``same(local, server)`` tells whether two copies of a Z report say the
        same (the caller compares them in the wire's shape); by default their
        canonical JSON is compared.
        """
        same = same or _same
        merged = DayEnd(self.day, dict(self.terminals), local_only=False)
        merged.server_as_of = server.as_of
        for remote in server.terminals:
            zs = [z.model_dump(mode="json", exclude_unset=True) for z in remote.z_reports]
            local = merged.terminals.get(remote.terminal)
            if local is not None:
                merged.terminals[remote.terminal] = _join(local, zs, remote, same)
                continue
            merged.terminals[remote.terminal] = TerminalDay(
                remote.terminal,
                source="server",
                z_reports=zs,
                open_shifts=[OpenShift(o.shift, o.clerk, o.opened_at) for o in remote.open_shifts],
                last_contact=remote.last_contact,
                revoked=remote.revoked,
            )
        return merged

    def totals(self) -> dict[tuple[str, str], tuple[int, int | None]]:
        """(tender, currency) → (expected, counted or None) over every terminal."""
        out: dict[tuple[str, str], tuple[int, int | None]] = {}
        for t in self.terminals.values():
            counted = t.counted
            for key, value in t.expected.items():
                exp, cnt = out.get(key, (0, 0))
                got = counted.get(key)
                out[key] = (exp + value, None if cnt is None or got is None else cnt + got)
        return out

    def cash(self) -> dict[str, dict[str, int]]:
        """currency → the drawer lines summed over every terminal's Z reports."""
        out: dict[str, dict[str, int]] = {}
        for t in self.terminals.values():
            for cur, lines in t.cash().items():
                row = out.setdefault(cur, dict.fromkeys(CASH_FIELDS, 0))
                for name in CASH_FIELDS:
                    row[name] += lines[name]
        return out

    def takings(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for t in self.terminals.values():
            for key, value in t.takings().items():
                out[key] = out.get(key, 0) + value
        return out


SameReport = Callable[[dict[str, Any], dict[str, Any]], bool]


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two copies of a Z report say the same (compared as canonical JSON)."""
    return close.canonical(a) == close.canonical(b)


class ServerZReport(Protocol):
    def model_dump(self, *, mode: str, exclude_unset: bool) -> dict[str, Any]: ...


class ServerOpenShift(Protocol):
    shift: str
    clerk: str
    opened_at: datetime | None


class ServerTerminalDay(Protocol):
    """One terminal's day as the server hands it out (``protocol.TerminalDay``)."""

    terminal: str
    z_reports: Sequence[ServerZReport]
    open_shifts: Sequence[ServerOpenShift]
    last_contact: datetime | None
    revoked: bool


class ServerDayEnd(Protocol):
    """The server's day end (``protocol.DayEnd``), already validated."""

    as_of: datetime | None
    terminals: Sequence[ServerTerminalDay]


def _closed(z: dict[str, Any]) -> tuple[datetime, int]:
    return datetime.fromisoformat(str(z["closed_at"])), int(z["number"])


def _join(
    local: TerminalDay,
    server_zs: list[dict[str, Any]],
    remote: ServerTerminalDay,
    same: SameReport,
) -> TerminalDay:
    """This terminal's day: its own Z reports, and the server's copies it lacks (by shift)."""
    by_shift = {str(z["shift"]): z for z in local.z_reports}
    mismatched = list(local.mismatched)
    for z in server_zs:
        mine = by_shift.get(str(z["shift"]))
        if mine is None:
            by_shift[str(z["shift"])] = z
        elif not same(mine, z):
            mismatched.append(int(z["number"]))
    return TerminalDay(
        local.terminal,
        source="local+server",
        z_reports=sorted(by_shift.values(), key=_closed),
        open_shifts=list(local.open_shifts),
        last_contact=remote.last_contact,
        revoked=remote.revoked,
        unsynced_operations=local.unsynced_operations,
        mismatched=sorted(set(mismatched)),
    )


def local_day_end(session: Session, on: date, now: datetime | None = None) -> DayEnd:
    """What this store knows of the day: its Z reports closed that day, shifts still open."""
    now = now or utc_now()
    day = business_day(session, on)
    own = settings.get(session, "terminal.name")
    mine = TerminalDay(own, unsynced_operations=outbox.waiting(session))
    for z in session.scalars(
        select(ZReport)
        .where(ZReport.created_at >= day.start, ZReport.created_at < day.end)
        .order_by(ZReport.created_at, ZReport.id)
    ):
        mine.z_reports.append(close.content_of(z))
    for shift in session.scalars(
        select(Shift)
        .where(Shift.status == ShiftStatus.OPEN, Shift.opened_at < day.end)
        .order_by(Shift.opened_at, Shift.id)
    ):
        running = {cur: c.expected for cur, c in compute(session, shift, now).cash.items()}
        mine.open_shifts.append(
            OpenShift(
                str(shift.id),
                shift.username,
                shift.opened_at,
                running,
                opened_as="" if shift.terminal == own else shift.terminal,
            )
        )
    return DayEnd(on, {own: mine})


def record_request(session: Session, actor: Actor, on: date, now: datetime | None = None) -> None:
    """Check and audit a supervisor's day end request (``report_z``: it shows every
    open drawer's running cash, which a clerk's blind count must not see)."""
    now = now or utc_now()
    require(session, actor, Permission.REPORT_Z, subject=f"day:{on.isoformat()}", now=now)
    audit.record(session, actor, "report.day_end", f"day:{on.isoformat()}", {}, at=now)
