"""ZVT on a serial line: DLE/STX framing, CRC, byte ACK/NAK, and whole flows over a pty."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from boxoffice.devices.card_terminal import zvt
from boxoffice.devices.card_terminal.journal import CardJournal
from boxoffice.devices.card_terminal.zvt_link import FramedLink
from boxoffice.devices.card_terminal.zvt_simulator import ZvtSimulator
from boxoffice.devices.card_terminal.zvt_terminal import ZvtTerminal
from boxoffice.money import Money
from tests.devices import device_fixtures

# Fixtures shared with other test packages, bound here by name.
pty_pair = device_fixtures.pty_pair


def test_crc_is_crc16_kermit() -> None:
    assert zvt.crc16(b"123456789") == 0x2189  # the published check value


def test_frame_doubles_dle_and_appends_crc_low_byte_first() -> None:
    message = bytes([0x06, 0x01, 0x03, 0x10, 0x00, 0x42])
    framed = zvt.frame(message)
    assert framed[:2] == b"\x10\x02"
    assert framed[2:9] == bytes([0x06, 0x01, 0x03, 0x10, 0x10, 0x00, 0x42])
    crc = zvt.crc16(message + b"\x03")
    assert framed[-4:] == bytes([0x10, 0x03, crc & 0xFF, crc >> 8])


def test_unframer_handles_split_frames_and_bad_crcs() -> None:
    good = zvt.frame(zvt.apdu(b"\x04\x0f", b"\x27\x00\x10"))
    unframer = zvt.Unframer()
    out = []
    for i in range(len(good)):  # one byte at a time, as a slow line delivers it
        out += unframer.feed(good[i : i + 1])
    assert out == [(zvt.apdu(b"\x04\x0f", b"\x27\x00\x10"), True)]
    broken = bytearray(good)
    broken[3] ^= 0xFF
    assert unframer.feed(bytes(broken)) == [
        (bytes(broken[2:-4]).replace(b"\x10\x10", b"\x10"), False)
    ]


def test_a_nak_makes_the_sender_repeat_the_frame() -> None:
    written: list[bytes] = []
    answers = [b"\x15", b"\x06"]  # first NAK, then ACK
    link = FramedLink(written.append, lambda timeout: answers.pop(0) if answers else b"", "PT")
    link.send(b"\x80\x00\x00")
    assert written == [zvt.frame(b"\x80\x00\x00")] * 2


@pytest.fixture
def serial_sim(pty_pair: tuple[int, str]) -> Iterator[tuple[ZvtSimulator, str]]:
    master, path = pty_pair
    sim = ZvtSimulator()
    sim.serve_serial(master)
    yield sim, path
    sim.close()


def test_payment_and_timeout_over_a_serial_line(
    serial_sim: tuple[ZvtSimulator, str], tmp_path: Path
) -> None:
    sim, path = serial_sim
    terminal = ZvtTerminal(
        "Card 1",
        "",
        CardJournal(tmp_path / "zvt.json"),
        serial_url=path,
        ack_timeout=2,
        answer_timeout=1,
    )
    assert terminal.describe() == f"ZVT {path}"
    result = terminal.authorise(Money(1250, "EUR"), "W1-000001/1")
    assert result.approved and result.last4 == "0434"
    assert "Zahlung erfolgt" in result.receipt

    sim.script("timeout")
    timed_out = terminal.authorise(Money(800, "EUR"), "W1-000002/1")
    assert timed_out.message == "the terminal did not answer in time; the payment was reversed"
    assert sim.received == ["06 01", "06 01", "06 20", "06 30"]
    assert sim.charged_minor == 1250
    assert sim.protocol_errors == []
