"""Reports read back: PDF text and CSV figures agree with the store."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import func, select

from boxoffice import settings
from boxoffice.money import Money
from boxoffice.reports import csv_out, exceptions, inventory, pdf, sales, zx
from boxoffice.shifts import close
from boxoffice.store.models import (
    CashMovement,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    Ticket,
    TicketStatus,
)
from tests.reports.conftest import Day
from tests.sales.conftest import World


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def gross_sales(day: Day) -> int:
    """Straight from the store: tickets of orders paid that day and not voided."""
    with day.world.store.read() as s:
        return int(
            s.scalar(
                select(func.sum(Ticket.price_minor))
                .join(Order, Order.id == Ticket.order_id)
                .where(
                    Order.status != OrderStatus.VOIDED,
                    Order.paid_at.is_not(None),
                    Ticket.status.in_(
                        (TicketStatus.VALID, TicketStatus.REFUNDED, TicketStatus.EXCHANGED)
                    ),
                )
            )
        )


def test_sales_pdf_and_csv_agree_with_the_store(busy_day: Day, tmp_path: Path) -> None:
    total = gross_sales(busy_day)
    with busy_day.world.store.read() as s:
        report = sales.build(s, busy_day.date)
    pdf_path = pdf.write(report, tmp_path / "sales.pdf")
    csv_path = csv_out.write(report, tmp_path / "sales.csv")

    text = text_of(pdf_path)
    assert Money(total, "EUR").format() in text
    for heading in ("By performance", "By price zone", "By price type", "By payment method"):
        assert heading in text
    assert "Clerk leaderboard" in text and "1. ann" in text and "2. sue" in text

    with csv_path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        if row["amount"]:
            sums[row["section"]] += Decimal(row["amount"])
    expected = Money(total, "EUR").amount
    for section in (
        "By performance",
        "By price zone",
        "By price type",
        "By payment method",
        "Clerk leaderboard",
        "Hourly sales",
    ):
        assert sums[section] == expected, section
    hourly = [r for r in rows if r["section"] == "Hourly sales"]
    assert [r["hour"] for r in hourly] == ["12:00", "13:00", "14:00", "15:00"]  # 14:00 quiet
    assert next(r for r in hourly if r["hour"] == "14:00")["amount"] == "0.00"


def test_the_payment_section_splits_cash_and_card_like_the_payments(busy_day: Day) -> None:
    with busy_day.world.store.read() as s:
        report = sales.build(s, busy_day.date)
        card = s.scalar(
            select(func.sum(Payment.amount_minor)).where(
                Payment.kind == "card", Payment.amount_minor > 0
            )
        )
    (section,) = [x for x in report.sections if x.title == "By payment method"]
    by_method = {row[0]: row[2] for row in section.rows}
    assert by_method["card VISA"] == Money(int(card), "EUR")


def test_the_z_report_pdf_shows_the_stored_figures(busy_day: Day, tmp_path: Path) -> None:
    content = close.content_of(busy_day.z)
    with busy_day.world.store.read() as s:
        (found,) = zx.z_reports(s, busy_day.date)
        drawer_sum = s.scalar(
            select(func.sum(CashMovement.amount_minor)).where(
                CashMovement.shift_id == busy_day.z.shift_id
            )
        )
    path = pdf.write(found[1], tmp_path / "z.pdf")
    text = text_of(path)
    (cash,) = [r for r in content["reconciliation"] if r["tender"] == "cash"]
    assert cash["expected"] == drawer_sum
    assert cash["counted"] == 25300
    assert "Z report 1" in text
    for amount in (cash["expected"], cash["counted"], cash["variance"]):
        assert Money(amount, "EUR").format() in text
    assert busy_day.z.sha256 in text.replace("\n", "")
    assert "counted twice" in text  # the sign-off reason


def test_the_z_slip_fits_the_receipt_printer(busy_day: Day) -> None:
    content = close.content_of(busy_day.z)
    lines = zx.slip(content, width=42)
    assert all(len(line) <= 42 for line in lines)
    (cash,) = [r for r in content["reconciliation"] if r["tender"] == "cash"]
    expected = Money(cash["expected"], "EUR").format(symbol=False)
    assert any(line.startswith("Expected cash EUR") and line.endswith(expected) for line in lines)
    assert lines[0].strip() == "Z REPORT 1"


def test_z_and_x_reports_print_times_in_the_venues_zone(world: World, tmp_path: Path) -> None:
    """A Shanghai box office reads 20:00 CST on its Z, not the 12:00 UTC it is stored as."""
    with world.store.write() as s:
        settings.put(s, "reports.timezone", "Asia/Shanghai")
    ann = world.shifts[("ann", "Window 1")]
    with world.store.write() as s:
        x = close.x_report(s, world.supervisor, ann, now=world.now)
        close.count_cash(s, world.clerk, ann, {"EUR": {5000: 4}}, now=world.now)
        z = close.close_shift(s, world.supervisor, ann, signoff_reason="ok", now=world.now)
        content, sha = close.content_of(z), z.sha256
    assert content["closed_at"] == world.now.isoformat()  # stored as UTC, as signed
    assert content["timezone"] == "Asia/Shanghai"
    # NOW is 12:00 UTC; the shift opened two hours earlier.
    as_of = next(line for line in zx.slip(x, width=42) if line.startswith("As of "))
    assert as_of.endswith("2030-06-01 20:00 CST")
    slip = zx.slip(content, 42, sha, printed_at=world.now + timedelta(minutes=5))
    closed = next(line for line in slip if line.startswith("Closed "))
    assert closed.endswith("2030-06-01 20:00 CST")
    assert any(line.endswith("2030-06-01 18:00 CST") for line in slip if "Opened" in line)
    assert any(line.endswith("2030-06-01 20:05 CST") for line in slip if "Printed" in line)
    text = text_of(pdf.write(zx.from_content(content, sha), tmp_path / "z.pdf"))
    assert "2030-06-01 20:00 CST" in text and "12:00 UTC" not in text
    assert "Asia/Shanghai" in text  # CST alone could be Chicago
    # A Z made before the zone was recorded prints in UTC, as it always did.
    older = {k: v for k, v in content.items() if k != "timezone"}
    assert any(
        line.endswith("2030-06-01 12:00 UTC") for line in zx.slip(older, 42) if "Closed" in line
    )


def test_exceptions_list_refund_void_reprint_override_and_pay_out(
    busy_day: Day, tmp_path: Path
) -> None:
    with busy_day.world.store.read() as s:
        report = exceptions.build(s, busy_day.date)
        refunded = -s.scalar(
            select(func.sum(Payment.amount_minor)).where(
                Payment.order_id == busy_day.orders["to_refund"], Payment.amount_minor < 0
            )
        )
    listing = report.sections[1]
    kinds = [row[1] for row in listing.rows]
    for kind in ("refund", "void", "reprint", "override", "price override", "pay-out"):
        assert kind in kinds, kind
    assert "variance sign-off" in kinds
    refund_row = listing.rows[kinds.index("refund")]
    assert refund_row[5] == Money(-refunded, "EUR")
    text = text_of(pdf.write(report, tmp_path / "exceptions.pdf"))
    with busy_day.world.store.read() as s:
        listed = s.get(Order, busy_day.orders["override"]).tickets[0].list_price_minor
    assert f"{Money(listed, 'EUR').format()} → €10.00: house guest" in text
    assert "void by sue" in text


def test_inventory_counts_sold_seats_per_performance(busy_day: Day, tmp_path: Path) -> None:
    with busy_day.world.store.read() as s:
        report = inventory.build(s, busy_day.date, now=busy_day.world.now)
        sold = dict(
            s.execute(
                select(Ticket.performance_id, func.count())
                .where(Ticket.status == TicketStatus.VALID)
                .group_by(Ticket.performance_id)
            ).all()
        )
    table = next(x for x in report.sections if x.title == "Inventory per performance")
    assert table.column("sold") == [sold[1], sold[2]]
    for row in table.rows:
        capacity, s_, r, h, _a, available = row[2:8]
        assert s_ + r + h + available == capacity
    text = text_of(pdf.write(report, tmp_path / "inventory.pdf", page="Letter"))
    assert "Inventory per performance" in text
    page = PdfReader(tmp_path / "inventory.pdf").pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)


def test_low_availability_alerts_show_on_the_inventory(busy_day: Day) -> None:
    from boxoffice.actor import system_actor
    from boxoffice.sales.availability import set_threshold

    with busy_day.world.store.write() as s:
        set_threshold(s, system_actor(), busy_day.world.performance, None, 5000)
    with busy_day.world.store.read() as s:
        report = inventory.build(s, busy_day.date, now=busy_day.world.now)
    alerts = report.sections[0]
    assert alerts.title == "Low availability" and alerts.rows[0][1] == "whole house"


def test_payments_for_z_include_only_captured(busy_day: Day) -> None:
    with busy_day.world.store.read() as s:
        captured = s.scalar(
            select(func.count())
            .select_from(Payment)
            .where(
                Payment.shift_id == busy_day.z.shift_id, Payment.status == PaymentStatus.CAPTURED
            )
        )
    content = close.content_of(busy_day.z)
    assert sum(t["payments"] + t["refunds"] for t in content["tenders"]) == captured


def test_the_z_lists_the_count_largest_note_first(busy_day: Day) -> None:
    report = zx.from_content(close.content_of(busy_day.z), busy_day.z.sha256)
    (count,) = [s for s in report.sections if s.title == "Counted by denomination"]
    # Counted: 5 × €50 and 3 × €1, stored under text keys, where "100" sorts before "5000".
    assert [row[0] for row in count.rows] == ["€50.00", "€1.00"]
    shuffled = {**close.content_of(busy_day.z), "count": {"EUR": {"1000": 1, "200": 2, "5000": 1}}}
    (count,) = [
        s for s in zx.from_content(shuffled).sections if s.title == "Counted by denomination"
    ]
    assert [row[0] for row in count.rows] == ["€50.00", "€10.00", "€2.00"]


def test_charts_say_what_they_draw_and_count_in_whole_numbers() -> None:
    from reportlab.graphics.shapes import String

    from boxoffice.reports.model import Chart, Section

    def strings(drawing) -> list[str]:  # type: ignore[no-untyped-def]
        return [item.text for item in drawing.contents if isinstance(item, String)]

    counts = Section("Exceptions", ["kind", "count"], [["refund", 1], ["void", 2]])
    counts.chart = Chart("bar", "kind", "count", "Exceptions by kind")
    drawing = pdf.chart_drawing(counts, counts.chart, 400)
    assert strings(drawing) == ["Exceptions by kind"]
    bars = drawing.contents[0]
    assert bars.valueAxis.valueStep == 1 and bars.barLabelFormat(2.0) == "2"

    many = Section("Seats", ["performance", "sold"], [[f"show {i}", i + 1] for i in range(20)])
    many.chart = Chart("hbar", "performance", "sold", "Seats sold")
    assert strings(pdf.chart_drawing(many, many.chart, 400)) == ["Seats sold — first 15 of 20"]

    money = Section(
        "Takings", ["tender", "net"], [["cash", Money(1050, "EUR")], ["card", Money(99, "CNY")]]
    )
    money.chart = Chart("hbar", "tender", "net", "Takings")
    drawing = pdf.chart_drawing(money, money.chart, 400)
    assert strings(drawing) == ["Takings (EUR) — EUR only; CNY in the table"]
    assert drawing.contents[0].barLabelFormat(10.5) == "10.50"
