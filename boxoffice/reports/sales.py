"""Sales of one business day: by performance, price zone, price type, payment method,
clerk (a leaderboard) and hour, plus what discounts and vouchers brought in.

A ticket counts as sold on the day its order was paid, unless the order was
voided (a void undoes the sale); refunds and exchanges made later are in the
exceptions report, so every section here sums to the same gross total.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice.money import Money
from boxoffice.reports.model import Chart, Day, Report, Section, business_day
from boxoffice.shifts.figures import TENDER_NAMES
from boxoffice.store.models import (
    Event,
    GiftCard,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    Performance,
    PriceType,
    PriceZone,
    TenderKind,
    Ticket,
    TicketStatus,
)

SOLD = (TicketStatus.VALID, TicketStatus.REFUNDED, TicketStatus.EXCHANGED)


def _orders_of_day(day: Day, terminal: str | None) -> list:  # type: ignore[type-arg]
    cond = [
        Order.paid_at >= day.start,
        Order.paid_at < day.end,
        Order.status != OrderStatus.VOIDED,
    ]
    if terminal:
        cond.append(Order.terminal == terminal)
    return cond


def _table(
    title: str,
    key: str,
    totals: dict[tuple[str, str], list[int]],
    chart: str | None,
    *,
    sort_by_amount: bool = True,
) -> Section:
    """Rows of (label, tickets, amount) per currency, biggest first."""
    items = list(totals.items())
    if sort_by_amount:
        items.sort(key=lambda kv: (-kv[1][1], kv[0]))
    section = Section(title, [key, "tickets", "amount", "currency"])
    for (label, currency), (tickets, amount) in items:
        section.rows.append([label, tickets, Money(amount, currency), currency])
    by_cur: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (_, currency), (tickets, amount) in items:
        by_cur[currency][0] += tickets
        by_cur[currency][1] += amount
    if len(by_cur) == 1:
        ((currency, (tickets, amount)),) = by_cur.items()
        section.total = ["Total", tickets, Money(amount, currency), currency]
    if chart and section.rows:
        section.chart = Chart(chart, key, "amount", title)
    return section


def build(session: Session, on: date, terminal: str | None = None) -> Report:
    day = business_day(session, on)
    cond = _orders_of_day(day, terminal)
    rows = session.execute(
        select(
            Ticket.price_minor,
            Order.currency,
            Order.username,
            Order.paid_at,
            Ticket.performance_id,
            Ticket.price_zone_id,
            Ticket.price_type_id,
        )
        .join(Order, Order.id == Ticket.order_id)
        .where(*cond, Ticket.status.in_(SOLD))
    ).all()
    perf_names = _performance_names(session, {r.performance_id for r in rows}, day)
    zone_names = dict(session.execute(select(PriceZone.id, PriceZone.name)).all())
    type_names = dict(session.execute(select(PriceType.id, PriceType.name)).all())

    def tally(key_of: Iterable[str]) -> dict[tuple[str, str], list[int]]:
        out: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for label, r in zip(key_of, rows, strict=True):
            out[(label, r.currency)][0] += 1
            out[(label, r.currency)][1] += r.price_minor
        return dict(out)

    report = Report(
        "Sales",
        f"{day.label}" + (f" · terminal {terminal}" if terminal else " · all terminals"),
    )
    report.sections.append(
        _table(
            "By performance",
            "performance",
            tally(perf_names[r.performance_id] for r in rows),
            "hbar",
        )
    )
    report.sections.append(
        _table(
            "By price zone", "price zone", tally(zone_names[r.price_zone_id] for r in rows), "pie"
        )
    )
    report.sections.append(
        _table(
            "By price type", "price type", tally(type_names[r.price_type_id] for r in rows), "bar"
        )
    )
    report.sections.append(_payments(session, cond))
    clerks = _table("Clerk leaderboard", "clerk", tally(r.username for r in rows), "hbar")
    clerks.rows.sort(key=lambda r: (str(r[3]), -_minor(r[2])))
    rank: dict[object, int] = defaultdict(int)
    for row in clerks.rows:  # ranked within each currency
        rank[row[3]] += 1
        row[0] = f"{rank[row[3]]}. {row[0]}"
    report.sections.append(clerks)
    by_hour = tally(f"{r.paid_at.astimezone(day.tz):%H}:00" for r in rows)
    hours = sorted({int(h[:2]) for h, _ in by_hour})
    for cur in {c for _, c in by_hour}:  # quiet hours show as zero, not as a gap
        for h in range(hours[0], hours[-1] + 1):
            by_hour.setdefault((f"{h:02d}:00", cur), [0, 0])
    hourly = _table("Hourly sales", "hour", by_hour, "bar", sort_by_amount=False)
    hourly.rows.sort(key=lambda r: (str(r[3]), str(r[0])))
    report.sections.append(hourly)
    report.sections.extend(_discounts(session, cond))
    return report


def _minor(cell: object) -> int:
    return cell.minor if isinstance(cell, Money) else 0


def _performance_names(session: Session, ids: set[int], day: Day) -> dict[int, str]:
    if not ids:
        return {}
    names = {}
    for pid, name, starts in session.execute(
        select(Performance.id, Event.name, Performance.starts_at)
        .join(Event, Event.id == Performance.event_id)
        .where(Performance.id.in_(ids))
    ):
        names[pid] = f"{name} {starts.astimezone(day.tz):%a %d %b %H:%M}"
    return names


def _payments(session: Session, cond: list) -> Section:  # type: ignore[type-arg]
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for kind, scheme, currency, amount, rounding in session.execute(
        select(
            Payment.kind,
            Payment.card_scheme,
            Payment.currency,
            Payment.amount_minor,
            Payment.rounding_minor,
        )
        .join(Order, Order.id == Payment.order_id)
        .where(
            *cond,
            Payment.status == PaymentStatus.CAPTURED,
            Payment.amount_minor > 0,
        )
    ):
        name = TENDER_NAMES[TenderKind(kind)]
        if kind == TenderKind.CARD and scheme:
            name = f"card {scheme}"
        totals[(name, currency)][0] += 1
        totals[(name, currency)][1] += amount + (rounding or 0)
    section = _table("By payment method", "payment method", dict(totals), "pie")
    section.columns[1] = "payments"
    section.note = "Cash includes rounding to the nearest coin."
    return section


def _discounts(session: Session, cond: list) -> list[Section]:  # type: ignore[type-arg]
    used: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for discounts, currency, discount, total in session.execute(
        select(Order.discounts, Order.currency, Order.discount_minor, Order.total_minor).where(
            *cond, Order.status == OrderStatus.PAID
        )
    ):
        for name in json.loads(discounts or "[]"):
            line = used[(str(name), currency)]
            line[0] += 1
            line[1] += discount
            line[2] += total
    disc = Section(
        "Discount effectiveness", ["discount", "orders", "discount given", "revenue", "currency"]
    )
    for (name, currency), (orders, given, revenue) in sorted(
        used.items(), key=lambda kv: -kv[1][2]
    ):
        disc.rows.append([name, orders, Money(given, currency), Money(revenue, currency), currency])
    disc.note = "An order with several discounts counts under each of them."
    if disc.rows:
        disc.chart = Chart("hbar", "discount", "revenue", "Revenue from discounted orders")
    vouchers = Section("Vouchers redeemed", ["voucher", "payments", "amount", "currency"])
    for code, currency, n, amount in session.execute(
        select(GiftCard.code, Payment.currency, func.count(), func.sum(Payment.amount_minor))
        .join(Order, Order.id == Payment.order_id)
        .join(GiftCard, GiftCard.id == Payment.gift_card_id)
        .where(
            *cond,
            Payment.kind == TenderKind.GIFT_CARD,
            Payment.status == PaymentStatus.CAPTURED,
            Payment.amount_minor > 0,
        )
        .group_by(GiftCard.code, Payment.currency)
        .order_by(func.sum(Payment.amount_minor).desc())
    ):
        vouchers.rows.append([code, int(n), Money(int(amount), currency), currency])
    return [disc, vouchers]
