"""The venue's day end as a report, saying plainly where its figures come from.

A banner says when the figures are this terminal's only (and why the server's
are missing), when some terminal is known only here, when shifts are still
open, and when a Z report differs between this store and the server.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from boxoffice.money import Money
from boxoffice.reports.model import Chart, Lines, Phrase, Report, Section, report_timezone
from boxoffice.reports.zx import CASH_LINES
from boxoffice.shifts.day_end import DayEnd, OpenShift, local_day_end


def _local(when: datetime | str | None, tz: ZoneInfo) -> str:
    if when is None:
        return "–"
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    return when.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _where(terminal: str, shift: OpenShift) -> str:
    if not shift.opened_as:
        return terminal
    return Phrase("report_terminal_opened_as", terminal=terminal, opened_as=shift.opened_as)


def _banner(day_end: DayEnd) -> str:
    """One line per finding (the screen renders them line by line)."""
    lines: list[str] = []
    if day_end.local_only:
        lines.append(
            "LOCAL FIGURES ONLY: what this terminal's store holds. Other terminals' "
            "figures come from the central server."
        )
        if day_end.server_error:
            lines.append(Phrase("report_server_figures_missing", reason=day_end.server_error))
    elif day_end.partial:
        local = [n for n, t in sorted(day_end.terminals.items()) if t.source == "local"]
        lines.append(Phrase("report_partial", terminals=local))
    if day_end.open_shifts:
        who = [
            Phrase("report_open_shift_of", clerk=o.clerk, where=_where(name, o))
            for name, o in day_end.open_shifts
        ]
        lines.append(Phrase("report_incomplete", count=len(day_end.open_shifts), shifts=who))
    if day_end.mismatches:
        which = [Phrase("report_z_of", number=n, terminal=name) for name, n in day_end.mismatches]
        lines.append(Phrase("report_mismatch", reports=which))
    return Lines(lines)


def _terminals(day_end: DayEnd, tz: ZoneInfo) -> Section:
    section = Section(
        "Terminals",
        ["terminal", "source", "last contact", "Z reports", "open shifts", "unsynced operations"],
    )
    for name, t in sorted(day_end.terminals.items()):
        section.rows.append(
            [
                Phrase("report_terminal_revoked", terminal=name) if t.revoked else name,
                t.source,
                _local(t.last_contact, tz) if t.source != "local" else "this store",
                ", ".join(str(n) for n in t.z_numbers) or "–",
                len(t.open_shifts),
                t.unsynced_operations,
            ]
        )
    section.note = (
        "source: 'server' = from the central server; 'local' = this store only; "
        "'local+server' = this store, checked against the server's copy."
    )
    return section


def _totals(day_end: DayEnd) -> Section:
    section = Section("Venue totals", ["tender", "currency", "expected", "counted", "variance"])
    for (tender, cur), (expected, counted) in sorted(day_end.totals().items()):
        variance = None if counted is None else counted - expected
        section.rows.append(
            [
                f"! {tender}" if variance else tender,
                cur,
                Money(expected, cur),
                None if counted is None else Money(counted, cur),
                None if variance is None else Money(variance, cur),
            ]
        )
    section.note = "Closed shifts only. – : not counted (no batch total entered)."
    return section


def _cash(day_end: DayEnd) -> Section:
    section = Section("Cash drawers", ["line", "currency", "amount"])
    for cur, lines in sorted(day_end.cash().items()):
        for key, label in CASH_LINES:
            section.rows.append([label, cur, Money(lines[key], cur)])
        section.rows.append(["Expected in drawers", cur, Money(lines["expected"], cur)])
    section.note = (
        "Summed over the day's Z reports: float + sales − refunds − drops ± pay-ins/outs."
    )
    return section


def _takings(day_end: DayEnd) -> Section:
    section = Section("Takings by tender", ["tender", "currency", "net"])
    for (tender, cur), net in sorted(day_end.takings().items()):
        section.rows.append([tender, cur, Money(net, cur)])
    one_currency = len({row[1] for row in section.rows}) == 1
    if one_currency and sum(isinstance(r[2], Money) and r[2].minor > 0 for r in section.rows) > 1:
        section.chart = Chart("pie", "tender", "net", "Takings by tender (net)")
    return section


def _z_label(z: dict[str, Any], terminal: str) -> str:
    """The Z number, with the name the terminal had then if it was another."""
    return str(z["number"]) if z["terminal"] == terminal else f"{z['number']} ({z['terminal']})"


def _z_lines(day_end: DayEnd, tz: ZoneInfo) -> Section:
    section = Section(
        "Z reports",
        [
            "terminal",
            "Z",
            "clerk",
            "closed",
            "tender",
            "currency",
            "expected",
            "counted",
            "variance",
        ],
    )
    for name, t in sorted(day_end.terminals.items()):
        for z in t.z_reports:
            for line in z["reconciliation"]:
                cur = line["currency"]
                section.rows.append(
                    [
                        name,
                        _z_label(z, name),
                        z["clerk"],
                        _local(z["closed_at"], tz),
                        line["tender"],
                        cur,
                        Money(line["expected"], cur),
                        None if line["counted"] is None else Money(line["counted"], cur),
                        None if line["variance"] is None else Money(line["variance"], cur),
                    ]
                )
    return section


def _notes(day_end: DayEnd) -> Section:
    """What a supervisor reads before signing: sign-offs, card mismatches, offline closes."""
    section = Section("Sign-offs and flags", ["terminal", "Z", "flag", "detail"])
    for name, t in sorted(day_end.terminals.items()):
        for z in t.z_reports:
            if z.get("signoff"):
                s: dict[str, Any] = z["signoff"]
                section.rows.append(
                    [name, _z_label(z, name), "variance signed off", f"{s['by']}: {s['reason']}"]
                )
            if z.get("card_mismatch"):
                section.rows.append(
                    [name, _z_label(z, name), "card batch mismatch", "see its Z report"]
                )
            if z.get("offline"):
                section.rows.append(
                    [
                        name,
                        _z_label(z, name),
                        "closed offline",
                        Phrase("report_unsent_then", count=z.get("unsynced_operations", 0)),
                    ]
                )
        for n in t.mismatched:
            section.rows.append([name, n, "copies differ", "this store's copy is shown"])
    return section


def _open(day_end: DayEnd, tz: ZoneInfo) -> Section:
    section = Section("Shifts still open", ["terminal", "shift", "clerk", "opened", "running cash"])
    for name, o in day_end.open_shifts:
        running = (
            ", ".join(Money(v, c).format() for c, v in sorted(o.running_cash.items())) or "–"
            if o.running_cash is not None
            else "not known here"
        )
        section.rows.append([_where(name, o), o.shift, o.clerk, _local(o.opened_at, tz), running])
    return section


def to_report(day_end: DayEnd, tz: ZoneInfo | None = None) -> Report:
    tz = tz or ZoneInfo("UTC")
    day = day_end.day.isoformat()
    subtitle = (
        Phrase("report_day_end_local", day=day, zone=tz.key)
        if day_end.local_only
        else Phrase(
            "report_day_end_server",
            day=day,
            zone=tz.key,
            as_of=_local(day_end.server_as_of, tz),
        )
    )
    report = Report("Day end", subtitle)
    report.banner = _banner(day_end)
    report.meta = [
        ("Business day", f"{day_end.day.isoformat()} ({tz.key})"),
        ("Terminals", str(len(day_end.terminals))),
        ("Z reports", str(sum(len(t.z_reports) for t in day_end.terminals.values()))),
        ("Shifts still open", str(len(day_end.open_shifts))),
    ]
    report.sections = [
        _terminals(day_end, tz),
        _totals(day_end),
        _cash(day_end),
        _takings(day_end),
        _z_lines(day_end, tz),
    ]
    notes = _notes(day_end)
    if notes.rows:
        report.sections.append(notes)
    if day_end.open_shifts:
        report.sections.append(_open(day_end, tz))
    return report


def build(session: Session, on: date) -> Report:
    """This store's figures for a day (no server): what a terminal knows offline."""
    return to_report(local_day_end(session, on), report_timezone(session))
