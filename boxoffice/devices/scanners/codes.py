"""What a scanned text is: a ticket, an order, a mobile-wallet payment code, or other.

Customer-presented payment codes are recognised by their published shapes:

- WeChat Pay: 18 digits starting 10-15 (WeChat Pay "付款码" rules,
  https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=5_1 and the
  POS guide's "auth_code" entry: 10-14 mainland users, 15 Hong Kong users).
- Alipay: 16-24 digits starting 25-30 (Alipay ``alipay.trade.pay``
  ``auth_code``, https://opendocs.alipay.com/open/194/106039/).

Such a code is a one-time bearer token worth money: it goes to the payment
screen only, and it is never logged or stored in full (``masked``).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from boxoffice.errors import ValidationError

#: Longer than any code we print or accept (ticket codes are at most 191 characters).
MAX_SCAN_LENGTH = 512

_WECHAT = re.compile(r"1[0-5]\d{16}")
_ALIPAY = re.compile(r"(2[5-9]|30)\d{14,22}")
_TICKET = re.compile(r"BX[A-Z2-7]{20,200}", re.IGNORECASE)
_ORDER = re.compile(r"[A-Z0-9]{1,8}-\d{6}")
_SERIAL = re.compile(r"[A-Z0-9]{1,8}-T\d{7}")


class ScanKind(enum.StrEnum):
    TICKET = "ticket"  # a signed ticket barcode (BX...)
    TICKET_SERIAL = "ticket_serial"  # a ticket's printed serial, typed or scanned
    ORDER = "order"  # an order number (confirmation e-mails carry it as a barcode)
    WECHAT_PAY = "wechat_pay"
    ALIPAY = "alipay"
    OTHER = "other"  # gift card, voucher, anything the active screen may know


WALLET_KINDS = frozenset({ScanKind.WECHAT_PAY, ScanKind.ALIPAY})


@dataclass(frozen=True)
class ScannedCode:
    text: str
    kind: ScanKind

    @property
    def is_wallet_payment(self) -> bool:
        return self.kind in WALLET_KINDS

    def masked(self) -> str:
        """Safe to show or log: a payment code keeps only its first 2 and last 4 digits."""
        if self.is_wallet_payment:
            return self.text[:2] + "…" + self.text[-4:]
        return self.text


def clean(raw: str) -> str:
    """The scanned text without its terminator; a garbled scan is refused by name."""
    text = raw.strip("\r\n\t ")
    if not text:
        raise ValidationError("scan_empty")
    if len(text) > MAX_SCAN_LENGTH:
        raise ValidationError("scan_too_long", length=len(text))
    bad = next((c for c in text if not c.isprintable()), None)
    if bad is not None:
        raise ValidationError("scan_control_character", character=f"U+{ord(bad):04X}")
    return text


def classify(raw: str) -> ScannedCode:
    """Clean and classify a scan (raises ValidationError for a garbled one)."""
    text = clean(raw)
    if text.isdigit():
        if _WECHAT.fullmatch(text):
            return ScannedCode(text, ScanKind.WECHAT_PAY)
        if _ALIPAY.fullmatch(text):
            return ScannedCode(text, ScanKind.ALIPAY)
    if _TICKET.fullmatch(text):
        return ScannedCode(text.upper(), ScanKind.TICKET)
    upper = text.upper()
    if _SERIAL.fullmatch(upper):
        return ScannedCode(upper, ScanKind.TICKET_SERIAL)
    if _ORDER.fullmatch(upper):
        return ScannedCode(upper, ScanKind.ORDER)
    return ScannedCode(text, ScanKind.OTHER)
