"""ZVT bytes: APDU lengths (incl. the FF extended form), BCD, LLVAR, TLV, status parsing."""

from __future__ import annotations

import pytest

from boxoffice.devices.card_terminal import zvt
from boxoffice.devices.card_terminal.zvt import ZvtError


def test_short_and_extended_apdu_lengths() -> None:
    assert zvt.apdu(b"\x06\x01", b"\x04" + bytes(6)) == b"\x06\x01\x07\x04" + bytes(6)
    assert zvt.length_field(254) == b"\xfe"
    # 255 bytes and more: FF, then the length low byte first.
    assert zvt.length_field(255) == b"\xff\xff\x00"
    assert zvt.length_field(300) == b"\xff\x2c\x01"
    long = zvt.apdu(b"\x06\xd1", b"\x00" + b"x" * 299)
    msg, rest = zvt.split(long + b"\x80\x00\x00")
    assert msg is not None and len(msg.data) == 300 and msg.name == "06 D1"
    assert rest == b"\x80\x00\x00"


def test_split_waits_for_a_whole_apdu() -> None:
    data = zvt.apdu(b"\x04\x0f", b"\x27\x00")
    for cut in range(len(data)):
        assert zvt.split(data[:cut]) == (None, data[:cut])
    assert zvt.split(b"\x06\xd1\xff\x2c")[0] is None  # extended header still incomplete


def test_bcd_and_variable_lengths() -> None:
    assert zvt.bcd(1250, 6) == bytes.fromhex("000000001250")
    assert zvt.bcd_digits(bytes.fromhex("0978")) == "0978"
    assert zvt.llvar(b"Visa") == b"\xf0\xf4Visa"
    assert zvt.llvar(b"x" * 123, 3) == b"\xf1\xf2\xf3" + b"x" * 123
    with pytest.raises(ValueError, match="does not fit"):
        zvt.bcd(1_000_000, 2)
    with pytest.raises(ZvtError, match="malformed number"):
        zvt.bcd_digits(b"\x1a")


def test_bmps_round_trip_with_tlv() -> None:
    tlv = bytes([0x1F, 0x10, 0x01, 0x00]) + bytes([0x24, 0x81, 0x80]) + b"y" * 0x80
    data = zvt.encode_bmps(
        [(0x27, b"\x00"), (0x04, zvt.bcd(1990, 6)), (0x8B, b"girocard"), (0x06, tlv)]
    )
    assert data[data.index(b"\x06\x81") : data.index(b"\x06\x81") + 3] == b"\x06\x81\x87"
    bmps = zvt.parse_bmps(data)
    assert bmps[0x8B] == b"girocard" and bmps[0x06] == tlv
    assert zvt.parse_tlv(tlv) == [(0x1F10, b"\x00"), (0x24, b"y" * 0x80)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x27", "runs past the end"),
        (b"\x27\x00\x55\x01", "field 55, which this driver cannot read"),
        (b"\x8b\xf0", "malformed length"),
        (b"\x8b\xf0\xf9abc", "runs past the end"),
        (b"\x06\x85\x01\x02", "malformed length"),
        (b"\x06\x03\x1f\x90\x90", "runs past the end of its container"),
    ],
)
def test_malformed_terminal_messages_are_named_without_their_bytes(
    data: bytes, message: str
) -> None:
    with pytest.raises(ZvtError, match=message) as info:
        zvt.parse_bmps(data)
    assert len(data) < 2 or data.hex() not in str(info.value)


def test_status_keeps_last_four_only_and_drops_expiry() -> None:
    data = zvt.encode_bmps(
        [
            (0x27, b"\x00"),
            (0x04, zvt.bcd(8900, 6)),
            (0x0B, zvt.bcd(901, 3)),
            (0x0E, bytes.fromhex("2812")),
            (0x22, bytes.fromhex("5413330089010434")),
            (0x29, zvt.bcd("52500038", 4)),
            (0x3B, b"A1B2C3\x00\x00"),
            (0x87, zvt.bcd(42, 2)),
            (0x8B, b"Mastercard"),
        ]
    )
    status = zvt.parse_status(data)
    assert status.approved and status.amount_minor == 8900
    assert (status.last4, status.auth_code, status.terminal_id, status.receipt_no) == (
        "0434",
        "A1B2C3",
        "52500038",
        "0042",
    )
    assert "5413" not in repr(status) and "2812" not in repr(status)
    masked = zvt.encode_bmps([(0x27, b"\x05"), (0x22, bytes.fromhex("EEEEEEEEEEEE0434"))])
    assert zvt.parse_status(masked).last4 == "0434"
    assert zvt.parse_status(masked).approved is False
    with pytest.raises(ZvtError, match="no result code"):
        zvt.parse_status(zvt.encode_bmps([(0x04, zvt.bcd(1, 6))]))


def test_schemes_and_currencies() -> None:
    assert zvt.scheme_of("Mastercard") == "MASTERCARD"
    assert zvt.scheme_of("girocard") == "GIROCARD"
    assert zvt.scheme_of("American Express") == "AMEX"
    assert zvt.currency_bcd("EUR") == b"\x09\x78"
    with pytest.raises(ZvtError, match="currency XTS"):
        zvt.currency_bcd("XTS")
