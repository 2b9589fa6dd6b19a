"""Z and X reports as printable reports, and the short Z slip for the receipt printer.

Both are drawn from the report content of ``boxoffice.shifts.close``: for a
Z report the stored, hashed JSON (so the printout shows exactly what was
signed), for an X report the running figures of an open shift.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.money import Money
from boxoffice.reports.model import Chart, Report, Section, business_day
from boxoffice.shifts import close
from boxoffice.store.models import Shift, ShiftStatus, ZReport

CASH_LINES = (
    ("float", "Opening float"),
    ("sales", "Cash sales"),
    ("refunds", "Cash refunds"),
    ("drops", "Drops to the safe"),
    ("pay_ins", "Pay-ins"),
    ("pay_outs", "Pay-outs"),
)


def _when(text: str) -> str:
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M UTC")


def from_content(content: dict[str, Any], sha256: str = "") -> Report:
    """The report for one shift's content (kind "Z" or "X")."""
    kind = content["kind"]
    if kind == "Z":
        title = f"Z report {content['number']} — {content['terminal']}"
    else:
        title = f"X report (running, not closed) — {content['terminal']}"
    report = Report(title, f"shift {content['shift']} · clerk {content['clerk']}")
    report.meta = [
        ("Terminal", content["terminal"]),
        ("Clerk", content["clerk"]),
        ("Shift", str(content["shift"])),
        ("Opened", _when(content["opened_at"])),
    ]
    if kind == "Z":
        report.meta += [
            ("Closed", _when(content["closed_at"])),
            ("Closed by", content["closed_by"]),
            ("Z number", str(content["number"])),
        ]
        if content.get("offline"):
            report.banner = (
                f"Closed offline: {content['unsynced_operations']} operations had not "
                "reached the central server yet."
            )
        report.meta.append(("Unsynced operations", str(content.get("unsynced_operations", 0))))
        if content.get("signoff"):
            s = content["signoff"]
            report.meta.append(("Variance signed off", f"{s['by']}: {s['reason']}"))
        if sha256:
            report.meta.append(("SHA-256", sha256))
    else:
        report.meta.append(("As of", _when(content["as_of"])))
        report.banner = "X report: running figures. The shift stays open; nothing is reset."

    if "reconciliation" in content:
        rec = Section(
            "Expected and counted", ["tender", "currency", "expected", "counted", "variance"]
        )
        for line in content["reconciliation"]:
            cur = line["currency"]
            counted = line["counted"]
            variance = line["variance"]
            rec.rows.append(
                [
                    line["tender"] if not variance else f"! {line['tender']}",
                    cur,
                    Money(line["expected"], cur),
                    None if counted is None else Money(counted, cur),
                    None if variance is None else Money(variance, cur),
                ]
            )
        rec.note = "– : nothing counted (electronic tender, or no batch total entered)."
        report.sections.append(rec)

    drawer = Section("Cash drawer", ["line", "currency", "amount"])
    for cash in content["cash"]:
        cur = cash["currency"]
        for key, label in CASH_LINES:
            drawer.rows.append([label, cur, Money(cash[key], cur)])
        drawer.rows.append(["Expected in drawer", cur, Money(cash["expected"], cur)])
    drawer.note = "Expected = float + cash sales − refunds − drops + pay-ins − pay-outs."
    report.sections.append(drawer)

    tenders = Section(
        "Takings by tender",
        ["tender", "currency", "payments", "taken", "refunds", "given back", "net"],
    )
    for t in content["tenders"]:
        cur = t["currency"]
        tenders.rows.append(
            [
                t["tender"],
                cur,
                t["payments"],
                Money(t["taken"], cur),
                t["refunds"],
                Money(t["given_back"], cur),
                Money(t["net"], cur),
            ]
        )
    if tenders.rows:
        tenders.chart = Chart("pie", "tender", "taken", "Takings by tender")
    report.sections.append(tenders)

    cards = Section(
        "Card reconciliation",
        ["scheme", "currency", "shift", "shift count", "batch", "difference", "status"],
    )
    for r in content["card_reconciliation"]:
        cur = r["currency"]
        cards.rows.append(
            [
                r["scheme"],
                cur,
                Money(r["shift"], cur),
                r["shift_count"],
                None if r["batch"] is None else Money(r["batch"], cur),
                None if r["difference"] is None else Money(r["difference"], cur),
                ("! no batch total" if r["batch"] is None else "! mismatch")
                if r["mismatch"]
                else "ok",
            ]
        )
    report.sections.append(cards)

    if content.get("count"):
        count = Section(
            "Counted by denomination", ["denomination", "currency", "quantity", "value"]
        )
        for cur, lines in content["count"].items():
            for denom, qty in lines.items():
                count.rows.append(
                    [Money(int(denom), cur).format(), cur, qty, Money(int(denom) * qty, cur)]
                )
        report.sections.append(count)

    activity = Section("Activity", ["item", "count"])
    for status, n in content["orders"].items():
        activity.rows.append([f"orders {status}", n])
    for status, n in content["tickets"].items():
        activity.rows.append([f"tickets {status}", n])
    for cur, total in content["sales_total"].items():
        activity.rows.append([f"sales total {cur}", Money(total, cur).format()])
    for cur, total in content["discounts"].items():
        activity.rows.append([f"discounts given {cur}", Money(total, cur).format()])
    report.sections.append(activity)
    return report


def z_reports(
    session: Session, on: date, terminal: str | None = None
) -> list[tuple[ZReport, Report]]:
    """The Z reports of shifts closed on the business day (at one terminal or all)."""
    day = business_day(session, on)
    query = select(ZReport).where(ZReport.created_at >= day.start, ZReport.created_at < day.end)
    if terminal:
        query = query.where(ZReport.terminal == terminal)
    rows = session.scalars(query.order_by(ZReport.terminal, ZReport.number)).all()
    return [(z, from_content(close.content_of(z), z.sha256)) for z in rows]


def x_reports(
    session: Session, actor: Actor, terminal: str | None = None, now: datetime | None = None
) -> list[Report]:
    """X reports of the shifts open now (at one terminal or all)."""
    now = now or utc_now()
    query = select(Shift.id).where(Shift.status == ShiftStatus.OPEN)
    if terminal:
        query = query.where(Shift.terminal == terminal)
    ids = session.scalars(query.order_by(Shift.terminal, Shift.id)).all()
    return [from_content(close.x_report(session, actor, i, now=now)) for i in ids]


def slip(content: dict[str, Any], width: int = 42) -> list[str]:
    """The Z (or X) report as short plain lines for a receipt printer."""

    def pair(left: str, right: str) -> str:
        room = width - len(right) - 1
        return f"{left[:room]:<{room}} {right}"

    rule = "-" * width
    head = f"Z REPORT {content['number']}" if content["kind"] == "Z" else "X REPORT (RUNNING)"
    lines = [head.center(width), content["terminal"].center(width), rule]
    lines.append(pair("Clerk", content["clerk"]))
    lines.append(pair("Opened", _when(content["opened_at"])[:16]))
    if content["kind"] == "Z":
        lines.append(pair("Closed", _when(content["closed_at"])[:16]))
    lines.append(rule)
    for cash in content["cash"]:
        cur = cash["currency"]
        for key, label in CASH_LINES:
            if cash[key]:
                lines.append(pair(label, Money(cash[key], cur).format(symbol=False)))
        lines.append(
            pair(f"Expected cash {cur}", Money(cash["expected"], cur).format(symbol=False))
        )
    for t in content["tenders"]:
        lines.append(
            pair(
                f"{t['tender']} {t['currency']} net",
                Money(t["net"], t["currency"]).format(symbol=False),
            )
        )
    for line in content.get("reconciliation", []):
        if line["variance"] is not None:
            lines.append(
                pair(
                    f"Variance {line['tender']} {line['currency']}",
                    Money(line["variance"], line["currency"]).format(symbol=False),
                )
            )
    if content.get("card_mismatch"):
        lines.append("CARD BATCH MISMATCH".center(width))
    if content["kind"] == "Z":
        if content.get("offline"):
            lines.append(pair("Unsynced operations", str(content["unsynced_operations"])))
        if content.get("signoff"):
            lines.append(pair("Signed off by", content["signoff"]["by"]))
    lines.append(rule)
    return lines
