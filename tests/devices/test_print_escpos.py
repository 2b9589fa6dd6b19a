"""ESC/POS tickets at the byte level, and as a printer would print them (PNG + QR decode)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp

from boxoffice.devices.printing import escpos_preview
from boxoffice.devices.printing.escpos_ticket import (
    FS_CHINESE_OFF,
    FS_CHINESE_ON,
    EscPosConfig,
    EscPosTicketDriver,
)
from boxoffice.errors import ValidationError
from boxoffice.sales import refunds
from boxoffice.store.models import Ticket
from tests.devices.print_world import sell, snapshots, verify_code
from tests.sales.conftest import World

ESC_INIT = b"\x1b@"
CUT = b"\x1dV\x00"


def render(world: World, ids: list[int], **config: object) -> bytes:
    return EscPosTicketDriver(EscPosConfig(**config)).render(snapshots(world, ids))  # type: ignore[arg-type]


def test_latin_ticket_bytes_styles_codepage_barcodes_and_cut(world: World, tmp_path: Path) -> None:
    ids = sell(world, ["S-A-14", "S-A-15"], customer="Zoë Müller")
    tickets = snapshots(world, ids)
    data = render(world, ids)

    assert data.startswith(ESC_INIT + b"\x1bt\x13")  # CP858 chosen explicitly, not guessed
    assert FS_CHINESE_ON not in data
    # The title: bold, double width and height, centred.
    assert b"\x1b!0\x1bE\x01\x1bM\x00\x1ba\x01Hamlet\n" in data
    # Euro sign and umlauts in CP858 (0xD5, 0x81), never as UTF-8 or GB18030.
    assert "€89.00".encode("cp858") in data and b"\xe2\x82\xac" not in data
    assert "Zoë Müller".encode("cp858") in data
    for t in tickets:
        # Native QR: store the signed code exactly, then print it.
        code = t.barcode.encode()
        store = b"\x1d(k" + (len(code) + 3).to_bytes(2, "little") + b"1P0" + code
        assert store in data
        # Code 128, code set B, the serial.
        serial = b"{B" + t.serial.encode()
        assert b"\x1dkI" + bytes([len(serial)]) + serial in data
    assert data.count(CUT) == 2 and data.endswith(CUT)

    page = escpos_preview.render(data)
    assert page.cuts == 2
    assert page.qr_payloads == [t.barcode for t in tickets]
    assert "Stalls · Row A · Seat 14" in page.texts
    assert "Adult €89.00 incl. 5% tax €4.24" in page.texts
    img = page.image()
    img.save(tmp_path / "latin.png")
    decoded = [
        r.text for r in zxingcpp.read_barcodes(img) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert decoded == [t.barcode for t in tickets]
    assert all(verify_code(world, code).genuine for code in decoded)


def test_chinese_ticket_gb18030_switches_chinese_mode_and_maps_yen(
    world: World, chinese_performance: int, tmp_path: Path
) -> None:
    ids = sell(world, ["S-B-3"], performance=chinese_performance, customer="王小明")
    (ticket,) = snapshots(world, ids)
    data = render(world, ids, text_mode="gb18030")

    assert data.startswith(ESC_INIT + FS_CHINESE_ON)
    assert data.endswith(FS_CHINESE_OFF)
    assert b"\x1bt" not in data  # no code page games in Chinese mode
    assert "茶馆（北京人艺）".encode("gb18030") in data
    # Chinese size set with FS ! as well as ESC !: double width+height for the title.
    assert b"\x1c!\x0c" + "茶馆".encode("gb18030") in data
    # Full-width punctuation keeps its two-byte code; nothing degraded to "?".
    assert "，".encode("gb18030") == b"\xa3\xac" and b"\xa3\xac" in data
    assert b"?" not in data
    # ¥ (U+00A5) would be the 4-byte 81 30 84 36; printed as ￥ (A3 A4) instead.
    assert b"\x810\x846" not in data
    assert ticket.price.format().startswith("¥")
    assert b"\xa3\xa4" + f"{ticket.price.amount:,.2f}".encode() in data
    assert data.count(CUT) == 1

    page = escpos_preview.render(data)
    assert "茶馆（北京人艺）" in page.texts
    img = page.image()
    img.save(tmp_path / "zh-gb18030.png")
    (qr,) = [
        r.text for r in zxingcpp.read_barcodes(img) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert qr == ticket.barcode and verify_code(world, qr).genuine


def test_big5_mode_for_traditional_chinese_printers(world: World, chinese_performance: int) -> None:
    ids = sell(world, ["S-B-4"], performance=chinese_performance)
    (ticket,) = snapshots(world, ids)
    data = EscPosTicketDriver(EscPosConfig(text_mode="big5")).render(
        [replace(ticket, event="歌劇魅影", language="en")]
    )
    assert data.startswith(ESC_INIT + FS_CHINESE_ON)
    assert "歌劇魅影".encode("big5") in data
    assert "歌劇魅影".encode("gb18030") not in data
    assert "￥".encode("cp950") == b"\xa2D" and b"\xa2D" in data and b"\x810\x846" not in data
    page = escpos_preview.render(data, chinese_codec="cp950")
    assert "歌劇魅影" in page.texts
    # Simplified characters Big5 lacks (遗 in the terms) are printed as an image, never as "?".
    assert not any("?" in t for t in page.texts)
    assert not any("离场" in t for t in page.texts) and b"\x1dv0" in data


def test_raster_mode_sends_text_as_images_and_the_qr_still_decodes(
    world: World, chinese_performance: int, tmp_path: Path
) -> None:
    ids = sell(world, ["S-B-5"], performance=chinese_performance)
    (ticket,) = snapshots(world, ids)
    data = render(world, ids, text_mode="raster")
    assert FS_CHINESE_ON not in data
    assert "茶馆".encode("gb18030") not in data
    assert data.count(b"\x1dv0") >= 6  # each text line is a raster image
    page = escpos_preview.render(data)
    img = page.image()
    img.save(tmp_path / "zh-raster.png")
    (qr,) = [
        r.text for r in zxingcpp.read_barcodes(img) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert qr == ticket.barcode


def test_latin_printer_falls_back_to_raster_for_a_chinese_title(
    world: World, chinese_performance: int
) -> None:
    ids = sell(world, ["S-B-6"], performance=chinese_performance)
    data = render(world, ids, text_mode="latin")
    assert b"\x1dv0" in data and "茶馆".encode("gb18030") not in data
    page = escpos_preview.render(data)
    assert page.texts and not any("?" in t for t in page.texts)  # text lines the code page holds
    assert not any("茶" in t for t in page.texts)  # the title went as an image


def test_control_characters_in_a_customer_name_cannot_drive_the_printer(world: World) -> None:
    evil = "Eve\x1dV\x00\x1b@\x1bp\x00\x19\x10\x14\n\x1b!\x30Mallory"
    ids = sell(world, ["S-A-20"], customer=evil)
    data = render(world, ids)
    assert data.count(CUT) == 1  # only the driver's own cut
    assert data.count(ESC_INIT) == 1
    assert b"\x1bp" not in data  # no drawer kick
    assert b"EveV@p !0Mallory" in data  # the name is printed, its control bytes are not
    page = escpos_preview.render(data)  # interprets cleanly: no stray command
    assert page.cuts == 1 and "EveV@p !0Mallory" in page.texts


def test_refunded_ticket_is_not_printed(world: World) -> None:
    ids = sell(world, ["S-A-21"])
    with world.store.write() as s:
        order = s.get(Ticket, ids[0]).order  # type: ignore[union-attr]
        refunds.refund(s, world.supervisor, order, ids, reason="changed plans", now=world.now)
    with pytest.raises(ValidationError, match="refunded; only issued, valid tickets"):
        snapshots(world, ids)


def test_bad_printer_settings_are_refused() -> None:
    with pytest.raises(ValidationError, match="text mode must be one of"):
        EscPosConfig(text_mode="utf8")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="unknown ESC/POS printer profile 'TM-NOPE'"):
        EscPosConfig(profile="TM-NOPE")
    assert EscPosTicketDriver(EscPosConfig(profile="TM-T88V")).config.profile == "TM-T88V"
    with pytest.raises(ValidationError, match="not a receipt printer"):
        EscPosConfig(width_dots=20)
    with pytest.raises(ValidationError, match="no tickets"):
        EscPosTicketDriver().render([])
