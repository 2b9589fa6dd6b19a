"""The exceptions report: refunds, voids, reprints, overrides, price changes, exchanges,
pay-outs and variance sign-offs of one business day, read from the audit log.

The audit log is the record of every sensitive action (invariant 7), so the
report lists exactly what a supervisor approved or a clerk was allowed to do.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.money import Money
from boxoffice.reports.model import Chart, Report, Section, business_day
from boxoffice.store.models import AuditEntry, Order

ACTIONS = (
    "refund",
    "void",
    "reprint",
    "exchange",
    "override.used",
    "sale",
    "price.set",
    "cash.pay_out",
    "shift.close",
)
COLUMNS = ["time", "kind", "terminal", "user", "subject", "amount", "currency", "detail"]


def build(session: Session, on: date, terminal: str | None = None) -> Report:
    day = business_day(session, on)
    query = select(AuditEntry).where(
        AuditEntry.at >= day.start, AuditEntry.at < day.end, AuditEntry.action.in_(ACTIONS)
    )
    if terminal:
        query = query.where(AuditEntry.terminal == terminal)
    entries = session.scalars(query.order_by(AuditEntry.seq)).all()
    numbers = {e.subject.split(":", 1)[1] for e in entries if e.subject.startswith("order:")}
    currency_of = dict(
        session.execute(select(Order.number, Order.currency).where(Order.number.in_(numbers))).all()
    )
    listing = Section("Exceptions", list(COLUMNS))
    for e in entries:
        for kind, amount, currency, detail in _rows(e, currency_of):
            listing.rows.append(
                [
                    f"{e.at.astimezone(day.tz):%H:%M:%S}",
                    kind,
                    e.terminal,
                    e.username,
                    e.subject,
                    None if amount is None else Money(amount, currency),
                    currency,
                    detail,
                ]
            )
    counts = Counter(str(r[1]) for r in listing.rows)
    summary = Section("Summary", ["kind", "count"])
    summary.rows = [[k, n] for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if summary.rows:
        summary.chart = Chart("bar", "kind", "count", "Exceptions by kind")
    where = f"terminal {terminal}" if terminal else "all terminals"
    report = Report("Exceptions", f"{day.label} · {where}", [summary, listing])
    return report


def _rows(e: AuditEntry, currency_of: dict[str, str]) -> list[tuple[str, int | None, str, str]]:
    d: dict[str, Any] = json.loads(e.details or "{}")
    cur = currency_of.get(e.subject.split(":", 1)[-1], "") or d.get("currency", "")
    if e.action == "refund":
        fee = Money(int(d.get("fee", 0)), cur).format() if cur else str(d.get("fee", 0))
        return [("refund", -int(d.get("net", 0)), cur, _reason(d, f"fee {fee}"))]
    if e.action == "void":
        return [("void", -int(d.get("total", 0)), cur, _reason(d))]
    if e.action == "reprint":
        return [("reprint", None, "", _reason(d))]
    if e.action == "exchange":
        return [("exchange", -int(d.get("refunded", 0)), cur, _reason(d))]
    if e.action == "override.used":
        return [("override", None, "", f"{d.get('permission')} by {d.get('supervisor')}")]
    if e.action == "cash.pay_out":
        return [("pay-out", -int(d.get("amount", 0)), d.get("currency", ""), _reason(d))]
    if e.action == "price.set" and d.get("old"):  # a change, not a new price
        old, cur = d.get("old") or {}, d.get("currency", "")
        before = Money(int(old["amount"]), cur).format() if "amount" in old else "new"
        detail = (
            f"{d.get('zone')} / {d.get('type')}: {before} → {Money(int(d['amount']), cur).format()}"
        )
        return [("price change", int(d["amount"]), cur, detail)]
    if e.action == "shift.close" and d.get("signoff"):
        s = d["signoff"]
        return [("variance sign-off", None, "", f"{s.get('by')}: {s.get('reason')}")]
    if e.action == "sale":
        return [
            (
                "price override",
                int(o["price"]) - int(o["list"]),
                cur,
                f"{Money(int(o['list']), cur).format() if cur else o['list']} → "
                f"{Money(int(o['price']), cur).format() if cur else o['price']}"
                + (f": {o['reason']}" if o.get("reason") else ""),
            )
            for o in d.get("overrides") or []
        ]
    return []


def _reason(d: dict[str, Any], extra: str = "") -> str:
    parts = [str(d["reason"])] if d.get("reason") else []
    if extra:
        parts.append(extra)
    return "; ".join(parts)
