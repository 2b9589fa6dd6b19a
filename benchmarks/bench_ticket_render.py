"""Rendering one ticket to printer bytes: ESC/POS and FGL (budget 5 ms each), and PDF.

Rendering runs in the print queue's worker, not on the sale path, but a
busy window prints hundreds of tickets an hour and a batch of 10 must come
out without a pause. Every ticket here is distinct (seat, serial, holder,
signed barcode), as in a real batch; repeated lines (price, date) may hit
the raster cache, as they do in production. Reported: mean per ticket over
the batch, in ms, after a short warm-up. Chinese FGL draws its text as
graphics, so it is reported separately.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from benchmarks import Metric
from boxoffice.devices.printing.escpos_ticket import EscPosConfig, EscPosTicketDriver
from boxoffice.devices.printing.fgl import FglTicketDriver
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.money import Money
from boxoffice.sales import signing_keys
from boxoffice.sales.barcodes import TicketClaim, sign

TICKETS = 300
PDF_TICKETS = 40


def _tickets(n: int, chinese: bool) -> list[TicketData]:
    key = signing_keys.generate()
    kid = signing_keys.key_id(key.public_key())
    tz = ZoneInfo("Asia/Shanghai" if chinese else "Europe/Berlin")
    base = TicketData(
        ticket_id=1,
        serial="",
        barcode="",
        event="茶馆（北京人艺）" if chinese else "Hamlet",
        starts_at=datetime(2030, 6, 11, 19, 30, tzinfo=tz),
        venue="首都剧场" if chinese else "Lyceum Theatre",
        section="一楼" if chinese else "Stalls",
        price_type="成人" if chinese else "Adult",
        price=Money(38000, "CNY") if chinese else Money(4500, "EUR"),
        tax=Money(2151, "CNY") if chinese else Money(214, "EUR"),
        tax_rate=Decimal(6 if chinese else 5),
        terms="本票一人一次有效，离场不得再入。" if chinese else "Valid for one admission.",
        language="zh" if chinese else "en",
    )
    out = []
    for i in range(n):
        claim = TicketClaim(
            ticket_id=100_000 + i,
            performance_id=42,
            seat_id=10_000 + i,
            ga_area_id=None,
            price_type_id=1,
            issued_at=datetime(2030, 6, 1, 12, 0, tzinfo=ZoneInfo("UTC")),
            key_id=kid,
            event_id=7,
        )
        out.append(
            replace(
                base,
                ticket_id=claim.ticket_id,
                serial=f"W1-T{i:07d}",
                barcode=sign(claim, key),
                row=str(1 + i // 30),
                seat=str(1 + i % 30),
                holder=f"王{i}" if chinese else f"Customer {i}",
            )
        )
    return out


def _per_ticket_ms(
    render: Callable[[Sequence[TicketData]], bytes], tickets: list[TicketData]
) -> float:
    for t in tickets[:5]:
        render([t])
    started = time.perf_counter()
    for t in tickets:
        render([t])
    return (time.perf_counter() - started) / len(tickets) * 1000


def run() -> Iterator[Metric]:
    latin, chinese = _tickets(TICKETS, False), _tickets(TICKETS, True)
    escpos = EscPosTicketDriver()
    yield Metric("ticket_render_escpos", _per_ticket_ms(escpos.render, latin), "ms", target=5)
    gb = EscPosTicketDriver(EscPosConfig(text_mode="gb18030"))
    yield Metric("ticket_render_escpos_gb18030", _per_ticket_ms(gb.render, chinese), "ms", target=5)
    fgl = FglTicketDriver()
    yield Metric("ticket_render_fgl", _per_ticket_ms(fgl.render, latin), "ms", target=5)
    yield Metric("ticket_render_fgl_chinese", _per_ticket_ms(fgl.render, chinese), "ms", target=5)
    pdf = PdfTicketDriver()
    yield Metric(
        "ticket_render_pdf", _per_ticket_ms(pdf.render, latin[:PDF_TICKETS]), "ms", target=100
    )
