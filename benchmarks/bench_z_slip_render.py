"""Rendering one Z slip to ESC/POS bytes (budget 5 ms, as for a ticket).

The slip is rendered in the receipt printer's queue worker after the close,
so it never holds up the clerk; the budget is the ticket's so a day end that
prints every terminal's Z slip comes out without a pause. Each slip here is a
full Z report as ``close.close_shift`` stores it (two currencies, cash, card
and voucher reconciliation, a card batch mismatch, a signed-off variance, an
offline close) with its own number, hash and figures. Reported: mean per
slip in ms after a short warm-up, for an 80 mm Latin printer (CP858), a
GB18030 printer with the terminal named in Chinese, and a 58 mm printer.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from benchmarks import Metric
from boxoffice.devices.printing import z_slip
from boxoffice.devices.printing.escpos_ticket import EscPosConfig

SLIPS = 300
OPENED = datetime(2030, 6, 1, 8, 0, tzinfo=UTC)


def _content(i: int, terminal: str) -> dict[str, Any]:
    """A Z report's stored content; the figures vary with ``i``."""
    sales, refunds, card = 1_250_000 + 137 * i, -45_000 - i, 2_310_000 + 91 * i
    expected = 20_000 + sales + refunds - 500_000
    counted = expected - (i % 7) * 100
    closed = OPENED + timedelta(hours=8, minutes=i % 60)
    return {
        "kind": "Z",
        "number": 1000 + i,
        "shift": 5000 + i,
        "terminal": terminal,
        "clerk": "ann",
        "opened_at": OPENED.isoformat(),
        "as_of": closed.isoformat(),
        "closed_at": closed.isoformat(),
        "closed_by": "sue",
        "cash": [
            {
                "currency": "EUR",
                "float": 20_000,
                "sales": sales,
                "refunds": refunds,
                "drops": -500_000,
                "pay_ins": 0,
                "pay_outs": -1_500,
                "expected": expected - 1_500,
            },
            {
                "currency": "CNY",
                "float": 50_000,
                "sales": 88_000 + i,
                "refunds": 0,
                "drops": 0,
                "pay_ins": 0,
                "pay_outs": 0,
                "expected": 138_000 + i,
            },
        ],
        "tenders": [
            {
                "tender": t,
                "currency": "EUR",
                "taken": a,
                "given_back": g,
                "net": a + g,
                "payments": n,
                "refunds": r,
            }
            for t, a, g, n, r in (
                ("cash", sales, refunds, 412, 3),
                ("card", card, -12_000, 655, 1),
                ("voucher", 90_000, 0, 18, 0),
            )
        ],
        "card_schemes": [],
        "card_reconciliation": [
            {
                "scheme": s,
                "currency": "EUR",
                "shift": a,
                "shift_count": n,
                "batch": b,
                "batch_count": n,
                "difference": None if b is None else b - a,
                "mismatch": a != b,
            }
            for s, a, n, b in (
                ("VISA", card // 2, 300, card // 2),
                ("MASTERCARD", card // 2, 355, card // 2 - 2_000),
            )
        ],
        "card_mismatch": True,
        "reconciliation": [
            {
                "tender": "cash",
                "currency": "EUR",
                "expected": expected - 1_500,
                "counted": counted,
                "variance": counted - expected + 1_500,
            },
            {
                "tender": "cash",
                "currency": "CNY",
                "expected": 138_000 + i,
                "counted": 138_000 + i,
                "variance": 0,
            },
            {
                "tender": "card",
                "currency": "EUR",
                "expected": card - 12_000,
                "counted": card - 14_000,
                "variance": -2_000,
            },
            {
                "tender": "voucher",
                "currency": "EUR",
                "expected": 90_000,
                "counted": None,
                "variance": None,
            },
        ],
        "count": {},
        "orders": {"paid": 1085},
        "tickets": {"valid": 2210},
        "sales_total": {"EUR": sales + card + 90_000},
        "discounts": {"EUR": 0},
        "signoff": {"by": "sue", "reason": "recounted twice, short in coins"},
        "offline": True,
        "unsynced_operations": 12 + i % 5,
    }


def _slips(terminal: str) -> list[z_slip.Slip]:
    printed = OPENED + timedelta(hours=9)
    return [
        z_slip.Slip(
            _content(i, terminal), hashlib.sha256(f"z{i}".encode()).hexdigest(), printed, i % 2 == 1
        )
        for i in range(SLIPS)
    ]


def _per_slip_ms(slips: list[z_slip.Slip], config: EscPosConfig) -> float:
    for s in slips[:5]:
        z_slip.escpos(s, config)
    started = time.perf_counter()
    for s in slips:
        z_slip.escpos(s, config)
    return (time.perf_counter() - started) / len(slips) * 1000


def run() -> Iterator[Metric]:
    latin, chinese = _slips("Window 1"), _slips("一号售票窗口")
    yield Metric("z_slip_render_escpos", _per_slip_ms(latin, EscPosConfig()), "ms", target=5)
    gb = EscPosConfig(text_mode="gb18030")
    yield Metric("z_slip_render_escpos_gb18030", _per_slip_ms(chinese, gb), "ms", target=5)
    narrow = EscPosConfig(width_dots=384)
    yield Metric("z_slip_render_escpos_58mm", _per_slip_ms(latin, narrow), "ms", target=5)
