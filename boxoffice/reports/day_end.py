"""The day end as a report, clearly marked when the figures are local or partial."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from boxoffice.money import Money
from boxoffice.reports.model import Report, Section
from boxoffice.shifts.day_end import DayEnd, local_day_end


def to_report(day_end: DayEnd) -> Report:
    report = Report("Day end", f"{day_end.day.isoformat()} · every terminal this store knows")
    if day_end.local_only:
        report.banner = (
            "LOCAL FIGURES ONLY: what this terminal's store holds. Other terminals' "
            "figures come from the central server once synced."
        )
    elif day_end.partial:
        report.banner = "PARTIAL: terminals marked 'local' have not reached the server yet."
    terminals = Section(
        "Terminals",
        ["terminal", "source", "Z reports", "open shifts", "unsynced operations"],
    )
    lines = Section(
        "Expected and counted",
        ["terminal", "tender", "currency", "expected", "counted", "variance"],
    )
    for name, t in sorted(day_end.terminals.items()):
        terminals.rows.append(
            [
                name,
                t.source,
                ", ".join(str(n) for n in t.z_numbers) or "–",
                t.open_shifts,
                t.unsynced_operations,
            ]
        )
        for (tender, cur), expected in sorted(t.expected.items()):
            variance = t.variance(tender, cur)
            counted = t.counted.get((tender, cur))
            lines.rows.append(
                [
                    name,
                    tender,
                    cur,
                    Money(expected, cur),
                    None if counted is None else Money(counted, cur),
                    None if variance is None else Money(variance, cur),
                ]
            )
        for cur, running in sorted(t.running_cash.items()):
            lines.rows.append(
                [name, "cash (shift still open)", cur, Money(running, cur), None, None]
            )
    total = Section("Venue totals", ["tender", "currency", "expected", "counted", "variance"])
    for (tender, cur), (expected, counted) in sorted(day_end.totals().items()):
        total.rows.append(
            [
                tender,
                cur,
                Money(expected, cur),
                None if counted is None else Money(counted, cur),
                None if counted is None else Money(counted - expected, cur),
            ]
        )
    report.sections = [terminals, total, lines]
    return report


def build(session: Session, on: date) -> Report:
    return to_report(local_day_end(session, on))
