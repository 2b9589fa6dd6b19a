"""Reading a scan: a ticket barcode, an order code or a typed serial, and its signature.

Pure (no store): it runs outside the write lock, and never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boxoffice.checkin import order_codes
from boxoffice.checkin.verdicts import Outcome, Reason, Verdict
from boxoffice.sales import barcodes
from boxoffice.sales.barcodes import TrustedKeys, VerifyStatus

#: A ticket serial as printed under the barcode (``numbering.ticket_serials``).
SERIAL = re.compile(r"[A-Z][A-Z0-9]{0,5}-T\d{7,12}")


@dataclass(frozen=True)
class Scanned:
    """The result of reading a scan, before the store is consulted."""

    text: str
    kind: str  # ticket | order | serial | refused
    claim: barcodes.TicketClaim | None = None
    order_claim: order_codes.OrderClaim | None = None
    serial: str = ""
    refusal: Verdict | None = None
    #: Why the signature check failed (``unknown_key`` may mean our key list is old).
    status: VerifyStatus | None = None


def printable(code: object) -> str:
    text = (code if isinstance(code, str) else repr(code))[:200]
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def read_code(code: object, trusted: TrustedKeys) -> Scanned:
    """Classify and verify a scan; never raises, whatever ``code`` is."""
    text = printable(code)
    if not isinstance(code, str):
        return Scanned(
            text, "refused", refusal=Verdict(Outcome.MALFORMED, Reason("checkin_scan_not_text"))
        )
    stripped = code.strip()
    upper = stripped.upper()
    if SERIAL.fullmatch(upper):
        return Scanned(text, "serial", serial=upper)
    if order_codes.looks_like_order_code(stripped):
        checked = order_codes.verify(stripped, trusted)
        if checked.claim is None:
            return Scanned(
                text,
                "refused",
                refusal=_signature_refusal(checked.status, Reason(checked.code, checked.params)),
                status=checked.status,
            )
        return Scanned(text, "order", order_claim=checked.claim)
    verification = barcodes.verify(stripped, trusted)
    if verification.claim is None:
        reason = Reason(verification.code, verification.params)
        if verification.status is VerifyStatus.MALFORMED and not upper.startswith(barcodes.PREFIX):
            reason = Reason("checkin_not_any_code", {"why": reason})
        return Scanned(
            text,
            "refused",
            refusal=_signature_refusal(verification.status, reason),
            status=verification.status,
        )
    return Scanned(text, "ticket", claim=verification.claim)


def _signature_refusal(status: VerifyStatus, reason: Reason) -> Verdict:
    if status is VerifyStatus.MALFORMED:
        return Verdict(Outcome.MALFORMED, reason)
    return Verdict(Outcome.FORGED, reason)
