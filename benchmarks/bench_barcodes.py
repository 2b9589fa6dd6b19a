"""Signing a ticket barcode at the till, and verifying one at the door.

Verification is the signature part of the door's scan-to-verdict budget
(p99 ≤ 20 ms including the local lookup), so it is measured per call over
10,000 scans of distinct tickets and reported as a p99; signing is on the sale
path, so its mean per ticket is what a clerk waits for.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from benchmarks import Metric
from boxoffice.sales import signing_keys
from boxoffice.sales.barcodes import TicketClaim, TrustedKeys, VerifyStatus, sign, verify

SIGNS = 2_000
VERIFIES = 10_000
DISTINCT = 500


def _claims(key_id: str, n: int) -> list[TicketClaim]:
    start = datetime(2026, 5, 1, 18, 0, tzinfo=UTC)
    return [
        TicketClaim(
            ticket_id=1_000_000 + i,
            performance_id=4_321,
            seat_id=None if i % 10 == 0 else 500_000 + i,
            ga_area_id=12 if i % 10 == 0 else None,
            price_type_id=1 + i % 5,
            issued_at=start + timedelta(seconds=i),
            key_id=key_id,
            reissue=i % 3,
            event_id=1_234,
        )
        for i in range(n)
    ]


def run() -> Iterator[Metric]:
    key = signing_keys.generate()
    claims = _claims(signing_keys.key_id(key.public_key()), SIGNS)
    trusted = TrustedKeys.from_pairs(
        [(signing_keys.public_bytes(key), "Window 1")]
        + [(signing_keys.public_bytes(signing_keys.generate()), f"T{i}") for i in range(20)]
    )

    for c in claims[:50]:  # warm up
        sign(c, key)
    started = time.perf_counter()
    codes = [sign(c, key) for c in claims]
    sign_us = (time.perf_counter() - started) / len(claims) * 1e6
    yield Metric("barcode_sign", sign_us, "us", target=1000)

    scans = codes[:DISTINCT]
    for code in scans[:50]:
        verify(code, trusted, performance_id=4_321, event_id=1_234)
    samples: list[float] = []
    clock = time.perf_counter_ns
    for i in range(VERIFIES):
        code = scans[i % DISTINCT]
        t0 = clock()
        result = verify(code, trusted, performance_id=4_321, event_id=1_234)
        samples.append((clock() - t0) / 1e3)
        if result.status is not VerifyStatus.GENUINE:
            raise AssertionError(f"benchmark code did not verify: {result.reason}")
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    yield Metric("barcode_verify_p99", p99, "us", target=2000)
