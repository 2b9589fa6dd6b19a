"""Paper ticket stock per printer for one business day: opening, loaded, printed,
voided, spoiled, and the closing figure the stock on hand is counted against.

On hand = loaded − printed − spoiled (voided tickets were printed and then
destroyed; they are listed but do not come back as blank stock). The figures
are the printing module's stock movements (``TicketStockMovement``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from boxoffice.reports.model import Chart, Report, Section, business_day
from boxoffice.store.models.printing import TicketStockMovement as Move

KINDS = ("loaded", "printed", "voided", "spoiled")


def build(session: Session, on: date, terminal: str | None = None) -> Report:
    day = business_day(session, on)
    before: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KINDS, 0))
    during: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KINDS, 0))
    windows: tuple[tuple[dict[str, dict[str, int]], ColumnElement[bool]], ...] = (
        (before, Move.at < day.start),
        (during, (Move.at >= day.start) & (Move.at < day.end)),
    )
    for bucket, window in windows:
        query = select(Move.printer, Move.kind, func.sum(Move.quantity)).where(window)
        if terminal:
            query = query.where(Move.terminal == terminal)
        for printer, kind, quantity in session.execute(query.group_by(Move.printer, Move.kind)):
            bucket[printer][str(kind)] += int(quantity or 0)
    section = Section(
        "Ticket stock per printer",
        ["printer", "opening", "loaded", "printed", "voided", "spoiled", "on hand", "counted"],
    )
    for printer in sorted(set(before) | set(during)):
        b, d = before[printer], during[printer]
        opening = b["loaded"] - b["printed"] - b["spoiled"]
        closing = opening + d["loaded"] - d["printed"] - d["spoiled"]
        section.rows.append(
            [printer, opening, d["loaded"], d["printed"], d["voided"], d["spoiled"], closing, ""]
        )
    section.note = (
        "on hand = opening + loaded − printed − spoiled; voided tickets were printed and "
        "destroyed. Write the physical count in the last column and sign."
    )
    if section.rows:
        section.chart = Chart("bar", "printer", "printed", "Tickets printed")
    where_label = f"terminal {terminal}" if terminal else "all terminals"
    return Report("Ticket stock", f"{day.label} · {where_label}", [section])
