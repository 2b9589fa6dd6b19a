"""Z and X reports as printable reports, and the short Z slip for the receipt printer.

Both are drawn from the report content of ``boxoffice.shifts.close``: for a
Z report the stored, hashed JSON (so the printout shows exactly what was
signed), for an X report the running figures of an open shift.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.money import Money
from boxoffice.reports.model import Chart, Phrase, Report, Section, business_day
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


def _zone(content: dict[str, Any]) -> ZoneInfo:
    """The venue's zone the shift was reported in; UTC for reports made before it was kept."""
    try:
        return ZoneInfo(content.get("timezone") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(text: str, zone: ZoneInfo) -> str:
    """A stored UTC instant in the venue's local time, with the zone's abbreviation."""
    at = datetime.fromisoformat(text)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def from_content(content: dict[str, Any], sha256: str = "") -> Report:
    """The report for one shift's content (kind "Z" or "X")."""
    kind = content["kind"]
    if kind == "Z":
        title = Phrase("report_z_title", number=content["number"], terminal=content["terminal"])
    else:
        title = Phrase("report_x_title", terminal=content["terminal"])
    report = Report(
        title, Phrase("report_zx_subtitle", shift=content["shift"], clerk=content["clerk"])
    )
    zone = _zone(content)
    report.meta = [
        ("Terminal", content["terminal"]),
        ("Clerk", content["clerk"]),
        ("Shift", str(content["shift"])),
        ("Opened", _when(content["opened_at"], zone)),
        # "CST" alone could be Shanghai or Chicago: name the zone once.
        ("Time zone", zone.key),
    ]
    if kind == "Z":
        report.meta += [
            ("Closed", _when(content["closed_at"], zone)),
            ("Closed by", content["closed_by"]),
            ("Z number", str(content["number"])),
        ]
        if content.get("offline"):
            report.banner = Phrase("report_z_closed_offline", count=content["unsynced_operations"])
        report.meta.append(("Unsynced operations", str(content.get("unsynced_operations", 0))))
        if content.get("signoff"):
            s = content["signoff"]
            report.meta.append(("Variance signed off", f"{s['by']}: {s['reason']}"))
        if sha256:
            report.meta.append(("SHA-256", sha256))
    else:
        report.meta.append(("As of", _when(content["as_of"], zone)))
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
        tenders.chart = Chart("pie", "tender", "taken", "Takings by tender (taken)")
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
            # Stored with sorted string keys ("1", "10", "2" …): list them largest first.
            for denom, qty in sorted(lines.items(), key=lambda kv: -int(kv[0])):
                count.rows.append(
                    [Money(int(denom), cur).format(), cur, qty, Money(int(denom) * qty, cur)]
                )
        report.sections.append(count)

    activity = Section("Activity", ["item", "count"])
    for status, n in content["orders"].items():
        activity.rows.append([Phrase("report_orders_in_status", status=status), n])
    for status, n in content["tickets"].items():
        activity.rows.append([Phrase("report_tickets_in_status", status=status), n])
    for cur, total in content["sales_total"].items():
        activity.rows.append(
            [Phrase("report_sales_total", currency=cur), Money(total, cur).format()]
        )
    for cur, total in content["discounts"].items():
        activity.rows.append(
            [Phrase("report_discounts_total", currency=cur), Money(total, cur).format()]
        )
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


#: How many hex digits of the Z report's SHA-256 the slip shows: enough to tell
#: the paper from any other Z, short enough to read out when checking it.
SLIP_HASH_DIGITS = 16

SlipKind = Literal["title", "center", "warning", "heading", "pair", "text", "rule", "signature"]


@dataclass(frozen=True)
class SlipLine:
    """One line of the Z/X slip; each printer lays it out to its own width.

    ``title``/``center``/``warning`` are centred (the title large, warnings
    bold), ``heading`` and ``text`` are left-aligned paragraphs, ``pair`` is a
    label with its value at the right edge, ``rule`` spans the paper and
    ``signature`` leaves room to sign above a line labelled ``left``.
    """

    kind: SlipKind
    left: str = ""
    right: str = ""
    bold: bool = False


def _signed(minor: int, currency: str) -> str:
    text = Money(minor, currency).format(symbol=False)
    return f"+{text}" if minor > 0 else text


def slip_lines(
    content: dict[str, Any],
    sha256: str = "",
    *,
    printed_at: datetime | None = None,
    reprint: bool = False,
) -> list[SlipLine]:
    """What the Z (or X) slip says, line by line: the one place that decides it.

    The text slip (``slip``), the ESC/POS and the PDF slip
    (``devices/printing/z_slip.py``) all lay out these lines.
    """
    z = content["kind"] == "Z"
    out: list[SlipLine] = []

    def pair(left: str, right: str, bold: bool = False) -> None:
        out.append(SlipLine("pair", left, right, bold))

    def money(minor: int, currency: str) -> str:
        return Money(minor, currency).format(symbol=False)

    rule = SlipLine("rule")
    zone = _zone(content)
    out.append(SlipLine("title", f"Z REPORT {content['number']}" if z else "X REPORT", bold=True))
    out.append(SlipLine("center", content["terminal"], bold=True))
    if not z:
        out.append(SlipLine("center", "Running figures: the shift stays open"))
    if reprint:
        out.append(SlipLine("warning", "*** REPRINT ***", bold=True))
    out.append(rule)
    pair("Clerk", content["clerk"])
    pair("Shift", str(content["shift"]))
    pair("Opened", _when(content["opened_at"], zone))
    if z:
        pair("Closed", _when(content["closed_at"], zone))
        pair("Closed by", content["closed_by"])
    else:
        pair("As of", _when(content["as_of"], zone))
    for cash in content["cash"]:
        cur = cash["currency"]
        out += [rule, SlipLine("heading", f"Cash drawer {cur}", bold=True)]
        for key, label in CASH_LINES:
            if cash[key]:
                pair(label, money(cash[key], cur))
        pair(f"Expected cash {cur}", money(cash["expected"], cur), bold=True)
    if content["tenders"]:
        out += [rule, SlipLine("heading", "Takings by tender (net)", bold=True)]
    for t in content["tenders"]:
        cur = t["currency"]
        n = t["payments"]
        pair(f"{t['tender']} {cur}, {n} payment{'' if n == 1 else 's'}", money(t["net"], cur))
        if t["refunds"]:
            n = t["refunds"]
            pair(f"  incl. {n} refund{'' if n == 1 else 's'}", money(t["given_back"], cur))
    if content.get("reconciliation"):
        out += [rule, SlipLine("heading", "Expected / counted", bold=True)]
    for line in content.get("reconciliation", []):
        cur, variance = line["currency"], line["variance"]
        out.append(SlipLine("text", f"{line['tender']} {cur}", bold=bool(variance)))
        pair("  Expected", money(line["expected"], cur))
        counted = line["counted"]
        pair("  Counted", "not counted" if counted is None else money(counted, cur))
        if variance is not None:
            pair("  Variance", _signed(variance, cur), bold=bool(variance))
    if content.get("card_mismatch"):
        out += [rule, SlipLine("warning", "*** CARD BATCH MISMATCH ***", bold=True)]
        for r in content["card_reconciliation"]:
            if not r["mismatch"]:
                continue
            cur = r["currency"]
            pair(f"{r['scheme']} {cur} in shift", money(r["shift"], cur))
            batch = r["batch"]
            pair("  card batch", "none entered" if batch is None else money(batch, cur))
            if r["difference"] is not None:
                pair("  difference", _signed(r["difference"], cur))
    if z and content.get("signoff"):
        s = content["signoff"]
        out.append(rule)
        pair("Variance signed off by", s["by"], bold=True)
        out.append(SlipLine("text", f"Reason: {s['reason']}"))
        if s.get("supervisor_override"):
            pair("Supervisor override", f"#{s['supervisor_override']}")
    if z:
        out.append(rule)
        if content.get("offline"):
            out.append(SlipLine("warning", "*** CLOSED OFFLINE ***", bold=True))
        pair("Unsynced operations", str(content.get("unsynced_operations", 0)))
    out.append(rule)
    if z:
        pair("Z number", str(content["number"]), bold=True)
        if sha256:
            pair("SHA-256", sha256[:SLIP_HASH_DIGITS])
    if printed_at is not None:
        pair("Printed", _when(printed_at.isoformat(), zone))
    out.append(SlipLine("signature", "Supervisor signature"))
    return out


def _cols(text: str) -> int:
    """Columns on a fixed-pitch device: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> list[str]:
    """``text`` cut into pieces of at most ``width`` columns."""
    parts, part = [], ""
    for ch in text:
        if part and _cols(part + ch) > width:
            parts.append(part)
            part = ""
        part += ch
    return [*parts, part]


def slip(
    content: dict[str, Any],
    width: int = 42,
    sha256: str = "",
    *,
    printed_at: datetime | None = None,
    reprint: bool = False,
) -> list[str]:
    """The Z (or X) slip as plain lines of ``width`` columns (for a terminal or a text file)."""
    out: list[str] = []
    for line in slip_lines(content, sha256, printed_at=printed_at, reprint=reprint):
        if line.kind == "rule":
            out.append("-" * width)
        elif line.kind in ("title", "center", "warning"):
            for part in _fit(line.left, width):
                pad = (width - _cols(part)) // 2
                out.append(" " * pad + part)
        elif line.kind in ("heading", "text"):
            out += _fit(line.left, width)
        elif line.kind == "pair":
            gap = width - _cols(line.left) - _cols(line.right)
            if gap >= 1:
                out.append(line.left + " " * gap + line.right)
            else:  # too long for one line: the label, then the value at the right edge
                out += _fit(line.left, width)
                out += [" " * (width - _cols(p)) + p for p in _fit(line.right, width)]
        elif line.kind == "signature":
            label = line.left[:width]
            out += ["", "", "_" * width, " " * ((width - _cols(label)) // 2) + label]
    return out
