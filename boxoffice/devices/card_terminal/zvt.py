"""ZVT (the open ECR-terminal protocol, "ZVT-Kassenschnittstelle"): bytes in and out.

An APDU is ``CLASS INSTR LEN DATA``; ``LEN`` is one byte, or ``FF`` and two
bytes low-byte first for 255 bytes and more (as ecrterm's
``APDU.compute_length_field`` does). Data is fixed fields followed by
bitmaps (BMPs): a one-byte tag whose value is fixed-length BCD/binary, an
LLVAR/LLLVAR (length as ``Fx Fy [Fz]`` digits) or, for BMP ``06``, a BER-TLV
container. Field lengths below follow the ZVT specification's BMP table (as
also listed in ecrterm's ``packets/bitmaps.py``).

Nothing here logs bytes: status information can carry a card number.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from boxoffice.devices.base import DeviceError
from boxoffice.errors import ValidationError

ACK = b"\x80\x00\x00"


class ZvtError(DeviceError):
    """The terminal sent something we cannot read (the message never quotes the bytes)."""


class Cmd(bytes, enum.Enum):
    REGISTRATION = b"\x06\x00"
    AUTHORISATION = b"\x06\x01"
    REPEAT_RECEIPT = b"\x06\x20"
    REVERSAL = b"\x06\x30"
    REFUND = b"\x06\x31"
    END_OF_DAY = b"\x06\x50"
    ABORT_ECR = b"\x06\xb0"  # ECR asks the terminal to stop
    # terminal -> ECR
    COMPLETION = b"\x06\x0f"
    ABORT = b"\x06\x1e"
    PRINT_LINE = b"\x06\xd1"
    STATUS_INFO = b"\x04\x0f"
    INTERMEDIATE = b"\x04\xff"
    ACK = b"\x80\x00"


# -- length, BCD ------------------------------------------------------------------
def length_field(n: int) -> bytes:
    if n < 0 or n > 0xFFFF:
        raise ValidationError("zvt_apdu_too_long")
    if n < 0xFF:
        return bytes([n])
    return bytes([0xFF, n & 0xFF, n >> 8])


def apdu(control: bytes, data: bytes = b"") -> bytes:
    return control + length_field(len(data)) + data


@dataclass(frozen=True)
class Apdu:
    control: bytes
    data: bytes

    @property
    def name(self) -> str:
        """``"04 0F"``: what may be logged about a message."""
        return self.control.hex(" ").upper()


def header_length(head: bytes) -> tuple[int, int] | None:
    """(data length, header size) from the first bytes of an APDU, or None if incomplete."""
    if len(head) < 3:
        return None
    if head[2] != 0xFF:
        return head[2], 3
    if len(head) < 5:
        return None
    return head[3] | (head[4] << 8), 5


def split(buffer: bytes) -> tuple[Apdu | None, bytes]:
    """The first whole APDU in ``buffer`` and the rest (``None`` if incomplete)."""
    parsed = header_length(buffer)
    if parsed is None:
        return None, buffer
    n, size = parsed
    if len(buffer) < size + n:
        return None, buffer
    return Apdu(bytes(buffer[:2]), bytes(buffer[size : size + n])), bytes(buffer[size + n :])


def bcd(value: int | str, size: int) -> bytes:
    digits = str(value)
    if not digits.isdigit() or len(digits) > size * 2:
        raise ValidationError("zvt_bcd_overflow", value=value, size=size)
    return bytes.fromhex(digits.rjust(size * 2, "0"))


def bcd_digits(raw: bytes) -> str:
    text = raw.hex()
    if not text.isdigit():
        raise ZvtError("zvt_number_malformed")
    return text


def llvar(data: bytes, digits: int = 2) -> bytes:
    n = len(data)
    if n >= 10**digits:
        raise ValidationError("zvt_field_too_long")
    return bytes(0xF0 | int(d) for d in str(n).rjust(digits, "0")) + data


# -- BMP table --------------------------------------------------------------------
#: tag -> fixed length in bytes, or "LL"/"LLL" for variable, "TLV" for BMP 06.
BMP_FORMATS: dict[int, int | str] = {
    0x01: 1, 0x02: 1, 0x03: 1, 0x04: 6, 0x05: 1, 0x06: "TLV", 0x0B: 3, 0x0C: 3, 0x0D: 2,
    0x0E: 2, 0x17: 2, 0x19: 1, 0x22: "LL", 0x23: "LL", 0x24: "LLL", 0x27: 1, 0x29: 4,
    0x2A: 15, 0x2D: "LL", 0x2E: "LLL", 0x37: 3, 0x3A: 2, 0x3B: 8, 0x3C: "LLL", 0x3D: 3,
    0x49: 2, 0x60: "LLL", 0x87: 2, 0x88: 3, 0x8A: 1, 0x8B: "LL", 0x8C: 1, 0x92: "LLL",
    0x9A: "LLL", 0xA0: 1, 0xA7: "LL", 0xAA: 3, 0xAF: "LLL", 0xBA: 5, 0xD0: 1, 0xD1: "LL",
    0xD2: 1, 0xD3: 1, 0xE0: 1, 0xE9: 1, 0xEA: 1, 0xEB: 8, 0xF0: 1, 0xF9: 1, 0xFA: 1,
    0xFB: 1, 0xFC: 1,
}  # fmt: skip
for _tag in list(range(0xE1, 0xE9)) + list(range(0xF1, 0xF9)):  # display text lines
    BMP_FORMATS[_tag] = "LL"


def _var_length(data: bytes, pos: int, digits: int) -> tuple[int, int]:
    head = data[pos : pos + digits]
    if len(head) < digits or any(b & 0xF0 != 0xF0 or b & 0x0F > 9 for b in head):
        raise ZvtError("zvt_length_malformed")
    n = 0
    for b in head:
        n = n * 10 + (b & 0x0F)
    return n, pos + digits


def tlv_length(data: bytes, pos: int) -> tuple[int, int]:
    """BER length at ``pos``: (length, position after it)."""
    if pos >= len(data):
        raise ZvtError("zvt_tlv_length_truncated")
    first = data[pos]
    if first < 0x80:
        return first, pos + 1
    count = first & 0x7F
    if count not in (1, 2) or pos + 1 + count > len(data):
        raise ZvtError("zvt_tlv_length_malformed")
    return int.from_bytes(data[pos + 1 : pos + 1 + count], "big"), pos + 1 + count


def tlv_encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    if n <= 0xFF:
        return bytes([0x81, n])
    return bytes([0x82]) + n.to_bytes(2, "big")


def parse_tlv(data: bytes) -> list[tuple[int, bytes]]:
    """Top-level (tag, value) pairs of a BER-TLV block (multi-byte tags allowed)."""
    items: list[tuple[int, bytes]] = []
    pos = 0
    while pos < len(data):
        tag = data[pos]
        pos += 1
        if tag & 0x1F == 0x1F:
            while True:
                if pos >= len(data):
                    raise ZvtError("zvt_tlv_tag_truncated")
                tag = (tag << 8) | data[pos]
                pos += 1
                if not data[pos - 1] & 0x80:
                    break
        n, pos = tlv_length(data, pos)
        if pos + n > len(data):
            raise ZvtError("zvt_tlv_value_truncated")
        items.append((tag, data[pos : pos + n]))
        pos += n
    return items


def parse_bmps(data: bytes) -> dict[int, bytes]:
    """Bitmaps of an APDU's data: tag -> raw value (a repeated tag keeps the last)."""
    out: dict[int, bytes] = {}
    pos = 0
    while pos < len(data):
        tag = data[pos]
        pos += 1
        fmt = BMP_FORMATS.get(tag)
        if fmt is None:
            raise ZvtError("zvt_field_unknown", field=f"{tag:02X}")
        if fmt == "TLV":
            n, pos = tlv_length(data, pos)
        elif fmt in ("LL", "LLL"):
            n, pos = _var_length(data, pos, len(str(fmt)))
        else:
            n = int(fmt)
        if pos + n > len(data):
            raise ZvtError("zvt_field_truncated", field=f"{tag:02X}")
        value = data[pos : pos + n]
        if fmt == "TLV":
            parse_tlv(value)  # validate its structure
        out[tag] = value
        pos += n
    return out


def encode_bmps(fields: Iterable[tuple[int, bytes]]) -> bytes:
    out = bytearray()
    for tag, value in fields:
        fmt = BMP_FORMATS[tag]
        out.append(tag)
        if fmt == "TLV":
            out += tlv_encode_length(len(value)) + value
        elif fmt in ("LL", "LLL"):
            out += llvar(value, len(str(fmt)))
        elif len(value) != fmt:
            raise ValidationError("zvt_field_size", field=f"{tag:02X}", size=fmt)
        else:
            out += value
    return bytes(out)


# -- currencies (ISO 4217 numeric, as the terminal wants them) ---------------------
CURRENCY_CODES = {
    "EUR": 978, "CHF": 756, "GBP": 826, "USD": 840, "CNY": 156, "HKD": 344, "SEK": 752,
    "DKK": 208, "NOK": 578, "PLN": 985, "CZK": 203, "HUF": 348, "JPY": 392, "AUD": 36,
    "TWD": 901, "CAD": 124, "KRW": 410,
}  # fmt: skip


def currency_bcd(currency: str) -> bytes:
    try:
        return bcd(CURRENCY_CODES[currency], 2)
    except KeyError:
        raise ZvtError("zvt_currency_unknown", currency=currency) from None


# -- what the terminal tells us ---------------------------------------------------
#: Result codes (BMP 27 and the abort byte) the clerk may see.
RESULT_TEXTS = {
    0x00: "approved",
    0x05: "declined by the card issuer",
    0x64: "card not readable",
    0x65: "card data not present",
    0x66: "processing error",
    0x6C: "cancelled (abort key or timeout on the terminal)",
    0x6F: "wrong currency",
    0x9C: "terminal busy; try again",
    0xFF: "system error on the terminal",
}


def result_text(code: int) -> str:
    return RESULT_TEXTS.get(code, f"refused by the terminal (code {code:02X})")


INTERMEDIATE_TEXTS = {
    0x00: "Waiting for the amount to be confirmed",
    0x01: "Please watch the PIN pad",
    0x0A: "Insert, tap or swipe card",
    0x0B: "Please remove the card",
    0x0E: "Please wait",
    0x17: "Please wait",
}


def intermediate_text(code: int) -> str:
    return INTERMEDIATE_TEXTS.get(code, "Follow the terminal's display")


@dataclass(frozen=True)
class StatusInfo:
    """The useful, storable part of a ``04 0F`` status message (no PAN, no expiry)."""

    result: int
    amount_minor: int | None = None
    trace: str = ""
    receipt_no: str = ""
    terminal_id: str = ""
    auth_code: str = ""
    card_name: str = ""
    last4: str = ""
    extras: dict[int, int] = field(default_factory=dict)

    @property
    def approved(self) -> bool:
        return self.result == 0


def _masked_pan_last4(raw: bytes) -> str:
    """The last four digits of BMP 22 (BCD, ``E`` for hidden digits, ``F`` padding)."""
    digits = raw.hex().upper().rstrip("F")
    tail = digits[-4:]
    return tail if len(tail) == 4 and tail.isdigit() else ""


def parse_status(data: bytes) -> StatusInfo:
    bmps = parse_bmps(data)
    if 0x27 not in bmps:
        raise ZvtError("zvt_status_no_result")
    text = lambda tag: bmps[tag].replace(b"\x00", b"").decode("ascii", "replace").strip()  # noqa: E731
    return StatusInfo(
        result=bmps[0x27][0],
        amount_minor=int(bcd_digits(bmps[0x04])) if 0x04 in bmps else None,
        trace=bcd_digits(bmps[0x0B]) if 0x0B in bmps else "",
        receipt_no=bcd_digits(bmps[0x87]) if 0x87 in bmps else "",
        terminal_id=bcd_digits(bmps[0x29]) if 0x29 in bmps else "",
        auth_code=text(0x3B) if 0x3B in bmps else "",
        card_name=text(0x8B) if 0x8B in bmps else "",
        last4=_masked_pan_last4(bmps[0x22]) if 0x22 in bmps else "",
    )


def parse_print_line(data: bytes) -> str:
    if not data:
        raise ZvtError("zvt_print_line_empty")
    return data[1:].decode("cp437", "replace").rstrip()


SCHEMES = (
    ("VISA", "VISA"),
    ("V PAY", "VPAY"),
    ("MASTERCARD", "MASTERCARD"),
    ("MAESTRO", "MAESTRO"),
    ("GIROCARD", "GIROCARD"),
    ("AMERICAN EXPRESS", "AMEX"),
    ("AMEX", "AMEX"),
    ("UNIONPAY", "UNIONPAY"),
    ("JCB", "JCB"),
    ("DINERS", "DINERS"),
)


def scheme_of(card_name: str) -> str:
    name = card_name.upper()
    for needle, scheme in SCHEMES:
        if needle in name:
            return scheme
    return (name or "CARD")[:20]


# -- the serial transport (RS-232 / USB-COM) ----------------------------------------------
# On a serial line each APDU travels as DLE STX <APDU, DLE doubled> DLE ETX CRC-L CRC-H
# and the receiver answers ACK (06) or NAK (15). The CRC is CRC-CCITT in its
# reflected form (polynomial 0x8408, start 0, i.e. CRC-16/KERMIT) over the APDU
# and the ETX, sent low byte first (as ecrterm's ``crc.py``/``transport_serial.py``).
DLE, STX, ETX, ACK_BYTE, NAK_BYTE = 0x10, 0x02, 0x03, 0x06, 0x15


def crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def frame(message: bytes) -> bytes:
    crc = crc16(message + bytes([ETX]))
    body = message.replace(bytes([DLE]), bytes([DLE, DLE]))
    return bytes([DLE, STX]) + body + bytes([DLE, ETX, crc & 0xFF, crc >> 8])


class Unframer:
    """Feeds on serial bytes; yields (APDU bytes, CRC ok) for each whole frame."""

    def __init__(self) -> None:
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[tuple[bytes, bool]]:
        self._buf += data
        out: list[tuple[bytes, bool]] = []
        while True:
            start = self._buf.find(bytes([DLE, STX]))
            if start < 0:
                # keep a trailing DLE: it may start the next frame
                keep = 1 if self._buf and self._buf[-1] == DLE else 0
                del self._buf[: len(self._buf) - keep]
                return out
            del self._buf[:start]
            body = bytearray()
            i, done = 2, False
            while i < len(self._buf):
                b = self._buf[i]
                if b == DLE:
                    if i + 1 >= len(self._buf):
                        break
                    nxt = self._buf[i + 1]
                    if nxt == DLE:
                        body.append(DLE)
                        i += 2
                        continue
                    if nxt == ETX:
                        if i + 3 >= len(self._buf):
                            break
                        crc = self._buf[i + 2] | (self._buf[i + 3] << 8)
                        out.append((bytes(body), crc == crc16(bytes(body) + bytes([ETX]))))
                        del self._buf[: i + 4]
                        done = True
                        break
                    # DLE followed by anything else: a broken frame; resync after it
                    out.append((bytes(body), False))
                    del self._buf[: i + 1]
                    done = True
                    break
                body.append(b)
                i += 1
            if not done:
                return out
