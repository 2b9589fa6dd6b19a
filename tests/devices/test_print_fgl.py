"""BOCA FGL tickets at the byte level, drawn by the FGL preview and decoded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import zxingcpp

from boxoffice.devices.printing import fgl_preview
from boxoffice.devices.printing.fgl import FglBuilder, FglConfig, FglTicketDriver
from boxoffice.errors import ValidationError
from tests.devices.print_world import sell, snapshots, verify_code
from tests.sales.conftest import World


def qr_codes(img) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        r.text for r in zxingcpp.read_barcodes(img) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]


def test_latin_ticket_positions_fonts_barcodes_and_print_cut(world: World, tmp_path: Path) -> None:
    ids = sell(world, ["S-D-1", "S-D-2"], customer="Zoë Müller")
    tickets = snapshots(world, ids)
    data = FglTicketDriver().render(tickets)

    # Title: position in dots at 200 dpi (x 4 mm → col 31, y 12 mm → row 94), no rotation, font 6.
    assert data.startswith(b"<RC94,31><NR><F6><HW1,1>Hamlet<RC")
    assert "Zoë Müller".encode("latin-1") in data  # resident fonts print Latin-1
    for t in tickets:
        # Code 128 with its mandatory caret delimiters, and the signed code as an alphanumeric QR.
        assert b"<OP2>^" + t.serial.encode() + b"^" in data
        assert b"<QR5,0,1,0>{" + t.barcode.encode() + b"}" in data
    assert data.count(b"<p>") == 2 and data.endswith(b"<p>")

    printed = fgl_preview.render(data)
    assert [p.cut for p in printed] == [True, True]
    assert [p.qr_payloads for p in printed] == [[t.barcode] for t in tickets]
    assert [p.barcodes for p in printed] == [[t.serial] for t in tickets]
    assert "Stalls · Row D · Seat 1" in printed[0].texts
    printed[0].image.save(tmp_path / "fgl-latin.png")
    for p, t in zip(printed, tickets, strict=True):
        (code,) = qr_codes(p.image)
        assert code == t.barcode and verify_code(world, code).genuine


def test_chinese_ticket_text_goes_as_graphics(
    world: World, chinese_performance: int, tmp_path: Path
) -> None:
    ids = sell(world, ["S-D-3"], performance=chinese_performance, customer="王小明")
    (ticket,) = snapshots(world, ids)
    data = FglTicketDriver().render([ticket])
    for text in ("茶馆", "王小明", "首都"):
        assert text.encode("gb18030") not in data and text.encode("utf-8") not in data
    assert len(re.findall(rb"<RC\d+,\d+><G\d+>", data)) > 10
    assert data.count(b"<p>") == 1
    (printed,) = fgl_preview.render(data)
    assert printed.graphics > 10 and printed.cut
    printed.image.save(tmp_path / "fgl-zh.png")
    (code,) = qr_codes(printed.image)
    assert code == ticket.barcode and verify_code(world, code).genuine


def test_fgl_syntax_in_a_customer_name_is_neutralised(world: World) -> None:
    evil = "<p><RC0,0><F6>^EVIL^~1\x1d<QR5,0,0,0>{X}"
    ids = sell(world, ["S-D-4"], customer=evil)
    data = FglTicketDriver().render(snapshots(world, ids))
    assert data.count(b"<p>") == 1 and data.endswith(b"<p>")
    assert b"^EVIL^" not in data and b"<RC0,0>" not in data
    assert b"pRC0,0F6EVIL1QR5,0,0,0{X}" in data
    (printed,) = fgl_preview.render(data)  # no stray command, one ticket
    assert printed.barcodes == [snapshots(world, ids)[0].serial]
    assert "pRC0,0F6EVIL1QR5,0,0,0{X}" in printed.texts  # the preview refuses a stray ~


def test_builder_rotation_sizes_and_refusals() -> None:
    b = FglBuilder().rc(10, 20).rotate(90).font(3).hw(2, 2).text("A<B>").print_and_cut()
    assert b.bytes() == b"<RC10,20><RR><F3><HW2,2>AB<p>"
    assert FglBuilder().rotate(180).rotate(270).rotate(0).bytes() == b"<RU><RL><NR>"
    with pytest.raises(ValidationError, match="0, 90, 180 or 270"):
        FglBuilder().rotate(45)
    with pytest.raises(ValidationError, match=r"1\.\.16"):
        FglBuilder().hw(0, 1)
    with pytest.raises(ValidationError, match=r"cannot be printed as a barcode"):
        FglBuilder().code128("AB^C")
    with pytest.raises(ValidationError, match=r"cannot be printed as a barcode"):
        FglBuilder().qr("")
    with pytest.raises(ValidationError, match="braces"):
        FglBuilder().qr("A{B}")
    with pytest.raises(ValidationError, match="200, 300 or 600 dpi"):
        FglConfig(dpi=150)
    with pytest.raises(ValidationError, match="off the ticket"):
        FglBuilder().rc(-1, 0)


def test_preview_refuses_unknown_commands() -> None:
    with pytest.raises(fgl_preview.FglError, match="unknown command"):
        fgl_preview.render(b"<ZZ1>")
    with pytest.raises(fgl_preview.FglError, match="without a Code 128 command"):
        fgl_preview.render(b"^ABC^")
