"""Order barcodes: one code on the receipt that admits every ticket of the order.

Signed like ticket barcodes (Ed25519, the terminal's own key) but in their
own domain and with their own prefix, so an order code can never pass for a
ticket code or the other way round. The text is ``"BO"`` + base32 (upper
case, no padding) of ``payload + signature``; the payload (version 1)::

    version      1 byte   = 1
    key id       4 bytes  as in ticket barcodes
    issued at    4 bytes  big-endian seconds since 2020-01-01T00:00:00Z
    order uuid   16 bytes the order's global id (local row ids differ per store)
    tickets      varint   how many tickets the order had when the code was made

The order is named by its uuid because a door may hold the order under a
different local id than the terminal that sold it.
"""

from __future__ import annotations

import base64
import uuid as uuid_module
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from boxoffice.errors import ValidationError
from boxoffice.sales import barcodes
from boxoffice.sales.barcodes import (
    EPOCH,
    KEY_ID_BYTES,
    MAX_SECONDS,
    ORDER,
    SIGNATURE_LENGTH,
    MalformedCode,
    TrustedKeys,
)
from boxoffice.sales.signer import Signer
from boxoffice.sales.signing_keys import key_id as key_id_of
from boxoffice.store.models import Order

PREFIX = "BO"
VERSION = 1
DOMAIN = b"boxoffice-order\x00"
_UUID_BYTES = 16
_MAX_TICKETS = 10_000
#: version + key id + time + uuid + a 2-byte count + signature, in base32.
MAX_CODE_LENGTH = len(PREFIX) + -(
    -(1 + KEY_ID_BYTES + 4 + _UUID_BYTES + 3 + SIGNATURE_LENGTH) * 8 // 5
)


@dataclass(frozen=True, slots=True)
class OrderClaim:
    order_uuid: str
    tickets: int
    issued_at: datetime
    key_id: str


def looks_like_order_code(text: str) -> bool:
    """Whether a scan is meant as an order code (so its errors name the right thing)."""
    return text.strip().upper().startswith(PREFIX)


def sign(order_uuid: str, tickets: int, issued_at: datetime, private_key: Ed25519PrivateKey) -> str:
    """The receipt's order barcode; deterministic for the same order and time."""
    try:
        raw_uuid = uuid_module.UUID(order_uuid).bytes
    except (ValueError, AttributeError, TypeError):
        raise ValidationError("order_code_bad_uuid", value=repr(order_uuid)) from None
    if not 1 <= tickets <= _MAX_TICKETS:
        raise ValidationError("order_code_ticket_range", limit=_MAX_TICKETS, tickets=tickets)
    if issued_at.utcoffset() is None:
        raise ValidationError("order_code_issued_naive")
    seconds = int((issued_at - EPOCH).total_seconds())
    if not 0 <= seconds <= MAX_SECONDS:
        raise ValidationError("order_code_issued_out_of_range", issued=issued_at.isoformat())
    kid = key_id_of(private_key.public_key())
    payload = (
        bytes([VERSION])
        + bytes.fromhex(kid)
        + seconds.to_bytes(4, "big")
        + raw_uuid
        + barcodes.varint(tickets)
    )
    raw = payload + private_key.sign(DOMAIN + payload)
    return PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")


def _decode(code: str) -> tuple[OrderClaim, bytes, bytes]:
    body = barcodes.check_text(code, PREFIX, MAX_CODE_LENGTH, ORDER)
    raw = barcodes.b32decode(body, ORDER, len(PREFIX) + len(body))
    if not raw:
        raise MalformedCode("barcode_no_data", kind=ORDER)
    if raw[0] != VERSION:
        raise MalformedCode("order_code_unknown_version", version=raw[0])
    reader = barcodes.Reader(raw, ORDER)
    reader.take(1, "version")
    kid = reader.take(KEY_ID_BYTES, "key id").hex()
    seconds = int.from_bytes(reader.take(4, "issue time"), "big")
    order_uuid = str(uuid_module.UUID(bytes=reader.take(_UUID_BYTES, "order id")))
    tickets = reader.varint("ticket count")
    end = reader.pos
    rest = len(raw) - end
    if rest != SIGNATURE_LENGTH:
        if rest < SIGNATURE_LENGTH:
            raise MalformedCode(
                "barcode_signature_truncated", kind=ORDER, length=rest, needed=SIGNATURE_LENGTH
            )
        raise MalformedCode("barcode_trailing_bytes", kind=ORDER, count=rest - SIGNATURE_LENGTH)
    if not 1 <= tickets <= _MAX_TICKETS:
        raise MalformedCode("order_code_ticket_claim", tickets=tickets)
    claim = OrderClaim(order_uuid, tickets, EPOCH + timedelta(seconds=seconds), kid)
    return claim, DOMAIN + raw[:end], raw[end:]


@dataclass(frozen=True, slots=True)
class OrderVerification:
    status: barcodes.VerifyStatus
    claim: OrderClaim | None
    #: Why, as a message code and its parameters (``reason`` is the English).
    code: str
    params: dict

    @property
    def reason(self) -> str:
        from boxoffice.messages import render

        return render(self.code, self.params)


def verify(code: str, trusted: TrustedKeys) -> OrderVerification:
    """Genuine, forged, malformed or unknown key; never raises for any ``code``."""
    try:
        claim, signed, signature = _decode(code)
    except MalformedCode as exc:
        return OrderVerification(barcodes.VerifyStatus.MALFORMED, None, exc.code, exc.params)
    entry = trusted.entry(claim.key_id)
    if entry is None or entry.revoked:
        code = "order_code_revoked_key" if entry is not None else "order_code_unknown_key"
        return OrderVerification(
            barcodes.VerifyStatus.UNKNOWN_KEY, None, code, {"key": claim.key_id}
        )
    try:
        entry.public_key.verify(signature, signed)
    except InvalidSignature:
        return OrderVerification(
            barcodes.VerifyStatus.FORGED, None, "order_code_forged", {"key": claim.key_id}
        )
    return OrderVerification(
        barcodes.VerifyStatus.GENUINE, claim, "order_code_genuine", {"tickets": claim.tickets}
    )


def for_order(order: Order, signer: Signer) -> str:
    """The order barcode to print on the receipt (the same text every time for an order)."""
    issued = order.paid_at or order.created_at
    return sign(order.uuid, max(len(order.tickets), 1), issued, signer.private_key)
