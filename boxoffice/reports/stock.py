"""Paper ticket stock per printer for one business day: opening, loaded, printed,
voided, spoiled, and the closing figure the stock on hand is counted against.

On hand = loaded − printed − spoiled (voided tickets were printed and then
destroyed; they are listed but do not come back as blank stock). Reads the
``ticket_stock`` table of the printing module by name, so the report says
plainly when a store does not record ticket stock.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from boxoffice.errors import NotFound
from boxoffice.reports.model import Chart, Report, Section, business_day

KINDS = ("loaded", "printed", "voided", "spoiled")


def build(session: Session, on: date, terminal: str | None = None) -> Report:
    if "ticket_stock" not in inspect(session.connection()).get_table_names():
        raise NotFound(
            "this store does not record paper ticket stock (no ticket_stock table); "
            "it comes with the printing module"
        )
    day = business_day(session, on)
    naive = {"start": day.start.replace(tzinfo=None), "end": day.end.replace(tzinfo=None)}
    where = " AND terminal = :terminal" if terminal else ""
    params: dict[str, object] = {**naive, "terminal": terminal}
    before: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KINDS, 0))
    during: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KINDS, 0))
    for bucket, condition in ((before, "at < :start"), (during, "at >= :start AND at < :end")):
        rows = session.execute(
            text(
                "SELECT printer, kind, SUM(quantity) FROM ticket_stock "
                f"WHERE {condition}{where} GROUP BY printer, kind"
            ),
            params,
        )
        for printer, kind, quantity in rows:
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
