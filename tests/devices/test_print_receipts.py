"""Receipts for sales, refunds and exchanges, on a receipt printer and as PDF."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from boxoffice.devices.printing import escpos_preview, print_log, receipts
from boxoffice.devices.printing.escpos_ticket import EscPosConfig, EscPosTicketDriver
from boxoffice.devices.printing.fgl import FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.print_queue import Printer, PrintJob, PrintQueue
from boxoffice.devices.printing.transports import FolderTransport
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.sales import checkout, exchanges, refunds
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.store.models import Order, Payment, Ticket
from tests.sales.conftest import World


def buy(world: World, guids: list[str], tender: str = "cash", performance: int = 0) -> str:
    perf = performance or world.performance
    cart = Cart([CartItem(perf, "adult", seat_id=world.seats[g]) for g in guids])
    with world.store.write() as s:
        order = checkout.place_order(s, world.clerk, cart, now=world.now)
        due = checkout.remaining(s, order)
        if tender == "cash":
            t: checkout.Tender = checkout.Cash(
                Money(due.minor + 1_000 - due.minor % 1_000, due.currency)
            )
        else:
            t = checkout.Card(world.terminal.authorise(due, order.number))
        checkout.pay(s, world.clerk, order, t, world.signer, now=world.now)
        return order.number


def printed_text(data: bytes, codec: str = "gb18030") -> list[str]:
    return escpos_preview.render(data, chinese_codec=codec).texts


def test_cash_sale_receipt(world: World, tmp_path: Path) -> None:
    number = buy(world, ["S-H-1", "S-H-2"])
    with world.store.read() as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order is not None
        r = receipts.sale_receipt(s, number)
        (cash,) = order.payments
    assert r.total == Money(order.total_minor, "EUR")
    assert r.change == Money(cash.change_minor, "EUR") and r.change.minor > 0
    data = receipts.escpos(r, EscPosConfig())
    assert data.count(b"\x1dV\x00") == 1
    page = escpos_preview.render(data)
    page.image().save(tmp_path / "receipt-cash.png")
    text = "\n".join(page.texts)
    assert "Lyceum" in text and "SALE" in text and f"Order {number}" in text
    assert text.count("Hamlet") == 2
    assert f"TOTAL{' ' * 1}" in text.replace("  ", " ") and r.total.format() in text
    tax = sum(t.tax_minor for t in order.tickets)
    assert f"incl. 5% tax on {r.total.format()}" in text and Money(tax, "EUR").format() in text
    assert Money(cash.tendered_minor, "EUR").format() in text
    assert any(line.startswith("Change") and r.change.format() in line for line in page.texts)


def test_card_receipt_carries_slip_data_and_never_more_than_four_digits(world: World) -> None:
    number = buy(world, ["S-H-3"], tender="card")
    with world.store.read() as s:
        r = receipts.sale_receipt(s, number)
        (card,) = s.get(Order, s.scalar(select(Order.id).where(Order.number == number))).payments  # type: ignore[union-attr]
    text = "\n".join(printed_text(receipts.escpos(r, EscPosConfig())))
    assert "Card VISA" in text and "**** **** **** 4242" in text
    assert card.auth_code and card.auth_code in text
    assert "Change" not in text


def test_refund_and_exchange_receipts(world: World) -> None:
    number = buy(world, ["S-H-4", "S-H-5"])
    with world.store.write() as s:
        order = checkout.get_order(s, number)
        first = order.tickets[0].id
        _plan, booked = refunds.refund(
            s, world.supervisor, order, [first], reason="ill", now=world.now
        )
        r = receipts.refund_receipt(
            s, number, [first], booked, at=world.now, clerk="sue", terminal="Window 1"
        )
    assert r.kind == "refund" and r.total.minor == sum(p.amount_minor for p in booked) < 0
    text = "\n".join(printed_text(receipts.escpos(r, EscPosConfig())))
    assert "REFUND" in text and "REFUNDED" in text and r.total.format() in text
    assert r.lines[0].amount.minor < 0

    with world.store.write() as s:
        order = checkout.get_order(s, number)
        keep = [t.id for t in order.tickets if t.id != first]
        result = exchanges.exchange(
            s,
            world.supervisor,
            order,
            keep,
            Cart([CartItem(world.other_performance, "adult", seat_id=world.seats["S-H-6"])]),
            world.signer,
            tenders=[checkout.Cash(Money.of("200", "EUR"))],
            now=world.now,
        )
        assert result.credit.minor > 0
        r = receipts.sale_receipt(s, result.new_order.number, kind="exchange")
    text = "\n".join(printed_text(receipts.escpos(r, EscPosConfig())))
    assert "EXCHANGE" in text and "Exchange credit" in text and result.credit.format() in text


def test_chinese_receipt_on_a_gb18030_printer(
    world: World, chinese_performance: int, tmp_path: Path
) -> None:
    number = buy(world, ["S-H-7"], performance=chinese_performance)
    with world.store.read() as s:
        r = receipts.sale_receipt(s, number)
    assert r.language == "zh"
    data = receipts.escpos(r, EscPosConfig(text_mode="gb18030"))
    assert "销售小票".encode("gb18030") in data and b"\x810\x846" not in data
    page = escpos_preview.render(data)
    page.image().save(tmp_path / "receipt-zh.png")
    assert "找零" in "\n".join(page.texts)


def test_pdf_receipt_and_receipt_through_the_queue(world: World, tmp_path: Path) -> None:
    number = buy(world, ["S-H-8"])
    with world.store.read() as s:
        r = receipts.sale_receipt(s, number)
    doc = pdfium.PdfDocument(receipts.pdf(r))
    try:
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert number in text and r.total.format() in text
    q = PrintQueue(
        Printer("PDF", PdfTicketDriver(), FolderTransport(tmp_path)), store=world.store
    ).start()
    try:
        q.submit(PrintJob("receipt", world.clerk, receipt=r))
        assert q.wait_idle(10)
    finally:
        q.stop()
    assert len(list(tmp_path.glob("*.pdf"))) == 1
    with world.store.read() as s:
        (row,) = print_log.history(s, printer="PDF")
        assert (row.kind, row.order_number, row.outcome.value) == ("receipt", number, "printed")


def test_receipt_refusals(world: World) -> None:
    with world.store.read() as s:
        with pytest.raises(NotFound):
            receipts.sale_receipt(s, "W9-999999")
        with pytest.raises(ValidationError, match="sale or an exchange"):
            receipts.sale_receipt(s, "W9-999999", kind="refund")
    number = buy(world, ["S-H-9"])
    with world.store.read() as s:
        r = receipts.sale_receipt(s, number)
        with pytest.raises(ValidationError, match="not every ticket"):
            receipts.refund_receipt(s, number, [999999], [], at=world.now, clerk="x", terminal="y")
    with pytest.raises(ValidationError, match="ESC/POS"):
        receipts.render(r, FglTicketDriver())
    assert receipts.render(r, EscPosTicketDriver()).startswith(b"\x1b@")
    assert isinstance(Payment, type) and isinstance(Ticket, type)
