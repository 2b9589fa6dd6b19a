"""Receipts for sales, refunds and exchanges: built from the store, printed as ESC/POS or PDF.

A receipt carries the venue header, one line a ticket (negative for tickets
given back), discounts and fees, the tax contained per rate, the tenders
(cash handed over and change; for cards only scheme, last four digits,
authorisation code and terminal reference, invariant 9), and the order
number. ``Receipt`` is plain data so the print queue can render it in its
worker thread for whichever printer it ends up on.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.catalogue import venues
from boxoffice.devices.printing import text_safety
from boxoffice.devices.printing.escpos_ticket import EscPosConfig, EscPosTicketDriver, EscPosWriter
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.pdf_fonts import font_for, has_cjk
from boxoffice.sales.checkout import get_order
from boxoffice.store.models import (
    Event,
    Order,
    Payment,
    PaymentStatus,
    Performance,
    PriceType,
    Row,
    Seat,
    Section,
    TenderKind,
    Ticket,
)

KINDS = ("sale", "refund", "exchange")
LABELS = {
    "en": {
        "sale": "SALE",
        "refund": "REFUND",
        "exchange": "EXCHANGE",
        "order": "Order",
        "total": "TOTAL",
        "refunded": "REFUNDED",
        "tax": "incl. {rate}% tax on {gross}",
        "change": "Change",
        "tendered": "Cash tendered",
        "cash": "Cash",
        "card": "Card",
        "gift_card": "Gift card",
        "comp": "Complimentary",
        "exchange_credit": "Exchange credit",
        "auth": "Auth code",
        "term": "Terminal ref",
        "discount": "Discount",
        "fee": "Refund fee",
        "clerk": "Served by",
        "thanks": "Thank you for your visit",
    },
    "zh": {
        "sale": "销售小票",
        "refund": "退票凭证",
        "exchange": "换票凭证",
        "order": "订单号",
        "total": "合计",
        "refunded": "退款合计",
        "tax": "含税{rate}%（含税总额 {gross}）",
        "change": "找零",
        "tendered": "实收现金",
        "cash": "现金",
        "card": "银行卡",
        "gift_card": "礼品卡",
        "comp": "赠票",
        "exchange_credit": "换票抵扣",
        "auth": "授权码",
        "term": "终端参考号",
        "discount": "优惠",
        "fee": "退票手续费",
        "clerk": "收银员",
        "thanks": "谢谢惠顾",
    },
}


@dataclass(frozen=True)
class ReceiptLine:
    text: str
    amount: Money
    detail: str = ""


@dataclass(frozen=True)
class TaxLine:
    rate: Decimal
    gross: Money
    tax: Money


@dataclass(frozen=True)
class TenderLine:
    kind: str
    amount: Money
    tendered: Money | None = None
    change: Money | None = None
    card_scheme: str = ""
    card_last4: str = ""
    auth_code: str = ""
    terminal_ref: str = ""


@dataclass(frozen=True)
class Receipt:
    kind: str
    venue: str
    order_number: str
    at: datetime
    clerk: str
    terminal: str
    currency: str
    lines: tuple[ReceiptLine, ...]
    taxes: tuple[TaxLine, ...]
    tenders: tuple[TenderLine, ...]
    total: Money
    header: tuple[str, ...] = ()
    language: str = "en"
    footer: str = field(default="")

    @property
    def change(self) -> Money:
        return sum(
            (t.change for t in self.tenders if t.change is not None), Money.zero(self.currency)
        )


# -- building from the store ---------------------------------------------------------
def _ticket_line(session: Session, t: Ticket, sign: int, lang: str) -> ReceiptLine:
    perf = session.get(Performance, t.performance_id)
    assert perf is not None
    event = session.get(Event, perf.event_id)
    assert event is not None
    venue = venues.of_performance(session, perf)
    when = perf.starts_at.astimezone(ZoneInfo(venue.timezone or "UTC"))
    price_type = session.get(PriceType, t.price_type_id)
    assert price_type is not None
    if t.seat_id is not None:
        seat = session.get(Seat, t.seat_id)
        assert seat is not None
        row = session.get(Row, seat.row_id)
        assert row is not None
        section = session.get(Section, row.section_id)
        assert section is not None
        place = f"{section.name} {row.name}-{seat.number}"
    else:
        place = "GA"
    stamp = when.strftime("%m-%d %H:%M" if lang == "zh" else "%d %b %H:%M")
    amount = Money(sign * t.list_price_minor, perf.currency)
    return ReceiptLine(
        f"{event.name} {stamp}", amount, f"{place} · {price_type.name} · {t.serial or ''}"
    )


def _context(session: Session, order: Order) -> tuple[str, str, tuple[str, ...], str]:
    """Venue name, language, header lines and time zone of ``order``."""
    first = order.tickets[0] if order.tickets else None
    venue_name, tz, lang = "", "UTC", "en"
    if first is not None:
        perf = session.get(Performance, first.performance_id)
        assert perf is not None
        venue = venues.of_performance(session, perf)
        event = session.get(Event, perf.event_id)
        venue_name, tz = venue.name, venue.timezone or "UTC"
        if (event is not None and has_cjk(event.name)) or has_cjk(venue_name):
            lang = "zh"
    header = tuple(
        line for line in (settings.find(session, "receipt.header") or "").split("\n") if line
    )
    return venue_name, lang, header, tz


def _taxes(tickets: Sequence[Ticket], currency: str, sign: int) -> tuple[TaxLine, ...]:
    gross: dict[int, int] = defaultdict(int)
    tax: dict[int, int] = defaultdict(int)
    for t in tickets:
        gross[t.tax_rate_bp] += sign * t.price_minor
        tax[t.tax_rate_bp] += sign * t.tax_minor
    return tuple(
        TaxLine(Decimal(bp) / 100, Money(gross[bp], currency), Money(tax[bp], currency))
        for bp in sorted(gross)
    )


def _tender(p: Payment) -> TenderLine:
    money = Money(p.amount_minor, p.currency)
    if p.kind == TenderKind.CASH:
        tendered = Money(p.tendered_minor, p.currency) if p.tendered_minor else None
        return TenderLine("cash", money, tendered, Money(p.change_minor, p.currency))
    if p.kind == TenderKind.CARD:
        return TenderLine(
            "card",
            money,
            card_scheme=p.card_scheme,
            card_last4=p.card_last4,
            auth_code=p.auth_code,
            terminal_ref=p.terminal_ref,
        )
    kind = "exchange_credit" if p.kind == TenderKind.EXCHANGE else p.kind.value
    return TenderLine(kind, money)


def sale_receipt(session: Session, order_ref: int | str, *, kind: str = "sale") -> Receipt:
    """The receipt of a paid order (``kind="exchange"`` for the new order of an exchange)."""
    if kind not in ("sale", "exchange"):
        raise ValidationError("receipt_kind_invalid", kind=kind)
    order = get_order(session, order_ref)
    if order.paid_at is None:
        raise ValidationError("receipt_order_unpaid", order=order.number, status=order.status.value)
    venue, lang, header, tz = _context(session, order)
    lines = [_ticket_line(session, t, 1, lang) for t in order.tickets]
    if order.discount_minor:
        lines.append(
            ReceiptLine(LABELS[lang]["discount"], Money(-order.discount_minor, order.currency))
        )
    tenders = tuple(
        _tender(p)
        for p in order.payments
        if p.status == PaymentStatus.CAPTURED and p.amount_minor > 0
    )
    return Receipt(
        kind=kind,
        venue=venue,
        order_number=order.number,
        at=(order.paid_at or order.created_at).astimezone(ZoneInfo(tz)),
        clerk=order.username,
        terminal=order.terminal,
        currency=order.currency,
        lines=tuple(lines),
        taxes=_taxes(order.tickets, order.currency, 1),
        tenders=tenders,
        total=Money(order.total_minor, order.currency),
        header=header,
        language=lang,
    )


def refund_receipt(
    session: Session,
    order_ref: int | str,
    ticket_ids: Sequence[int],
    payments: Sequence[Payment],
    *,
    at: datetime,
    clerk: str,
    terminal: str,
) -> Receipt:
    """The receipt of a refund: the tickets given back, the fee kept, the money returned."""
    order = get_order(session, order_ref)
    venue, lang, header, tz = _context(session, order)
    tickets = [t for t in order.tickets if t.id in set(ticket_ids)]
    if len(tickets) != len(set(ticket_ids)):
        raise ValidationError("receipt_tickets_not_in_order", order=order.number)
    lines = [_ticket_line(session, t, -1, lang) for t in tickets]
    fee = sum(t.refund_fee_minor for t in tickets)
    if fee:
        lines.append(ReceiptLine(LABELS[lang]["fee"], Money(fee, order.currency)))
    refunded = sum(p.amount_minor for p in payments)
    return Receipt(
        kind="refund",
        venue=venue,
        order_number=order.number,
        at=at.astimezone(ZoneInfo(tz)),
        clerk=clerk,
        terminal=terminal,
        currency=order.currency,
        lines=tuple(lines),
        taxes=_taxes(tickets, order.currency, -1),
        tenders=tuple(_tender(p) for p in payments),
        total=Money(refunded, order.currency),
        header=header,
        language=lang,
    )


# -- rendering -----------------------------------------------------------------------
def _tender_rows(r: Receipt, words: dict[str, str]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for t in r.tenders:
        label = words.get(t.kind, t.kind)
        if t.kind == "card" and t.card_scheme:
            label = f"{label} {t.card_scheme}"
        rows.append((label, t.amount.format()))
        if t.kind == "cash" and t.tendered is not None:
            rows.append((f"  {words['tendered']}", t.tendered.format()))
        if t.kind == "card":
            if t.card_last4:
                rows.append(("  **** **** **** " + t.card_last4, ""))
            if t.auth_code:
                rows.append((f"  {words['auth']}", t.auth_code))
            if t.terminal_ref:
                rows.append((f"  {words['term']}", t.terminal_ref))
    if r.change:
        rows.append((words["change"], r.change.format()))
    return rows


def escpos(r: Receipt, config: EscPosConfig) -> bytes:
    """The receipt on a roll printer, cut at the end."""
    words = LABELS[r.language]
    w = EscPosWriter(config)
    w.paragraph(r.venue, "large", True, "center")
    for line in r.header:
        w.paragraph(line, "small", False, "center")
    w.line(words[r.kind], "normal", True, "center")
    w.line(f"{words['order']} {r.order_number}", "normal", True, "center")
    w.line(r.at.strftime("%Y-%m-%d %H:%M"), "small", False, "center")
    w.line("-" * w.columns("normal"))
    for item in r.lines:
        w.columns_line(item.text, item.amount.format())
        if item.detail:
            w.paragraph("  " + item.detail, "small")
    w.line("-" * w.columns("normal"))
    total_label = words["refunded"] if r.kind == "refund" else words["total"]
    w.columns_line(total_label, r.total.format(), "large", True)
    for tax in r.taxes:
        rate = f"{tax.rate.normalize():f}"
        w.columns_line(
            words["tax"].format(rate=rate, gross=tax.gross.format()), tax.tax.format(), "small"
        )
    w.line("-" * w.columns("normal"))
    for label, amount in _tender_rows(r, words):
        w.columns_line(label, amount)
    w.feed()
    w.line(f"{words['clerk']} {r.clerk} · {r.terminal}", "small", False, "center")
    w.line(words["thanks"], "normal", False, "center")
    w.cut()
    return w.finish()


def pdf(r: Receipt) -> bytes:
    """The receipt as an 80 mm wide PDF (to email or to print on an office printer)."""
    words = LABELS[r.language]
    rows: list[tuple[str, str, int, bool]] = [(r.venue, "", 12, True)]
    rows += [(h, "", 8, False) for h in r.header]
    rows += [(words[r.kind], "", 10, True), (f"{words['order']} {r.order_number}", "", 10, True)]
    rows.append((r.at.strftime("%Y-%m-%d %H:%M"), "", 8, False))
    for item in r.lines:
        rows.append((item.text, item.amount.format(), 9, False))
        if item.detail:
            rows.append(("  " + item.detail, "", 7, False))
    total_label = words["refunded"] if r.kind == "refund" else words["total"]
    rows.append((total_label, r.total.format(), 12, True))
    for tax in r.taxes:
        rate = f"{tax.rate.normalize():f}"
        rows.append(
            (words["tax"].format(rate=rate, gross=tax.gross.format()), tax.tax.format(), 7, False)
        )
    rows += [(a, b, 9, False) for a, b in _tender_rows(r, words)]
    rows.append((f"{words['clerk']} {r.clerk} · {r.terminal}", "", 7, False))
    width = 80 * mm
    height = 20 * mm + sum(s * 1.5 for _, _, s, _ in rows)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height))
    y = height - 8 * mm
    for left, right, size, bold in rows:
        left, right = text_safety.printable(left), text_safety.printable(right)
        y -= size * 1.5
        c.setFont(font_for(left, bold), size)
        c.drawString(5 * mm, y, left)
        if right:
            c.setFont(font_for(right, bold), size)
            c.drawRightString(width - 5 * mm, y, right)
    c.showPage()
    c.save()
    return buf.getvalue()


def render(r: Receipt, driver: object) -> bytes:
    """Receipt bytes for the printer behind ``driver`` (ESC/POS or PDF)."""
    if isinstance(driver, EscPosTicketDriver):
        return escpos(r, driver.config)
    if isinstance(driver, PdfTicketDriver):
        return pdf(r)
    raise ValidationError("receipt_printer_unsuitable")
