"""PDF tickets: page sizes, one ticket a page, and a QR that a real decoder reads."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.errors import ValidationError
from tests.devices.print_world import sell, snapshots, verify_code
from tests.sales.conftest import World

MM = 72 / 25.4


def pages(data: bytes) -> list[tuple[tuple[float, float], object]]:
    doc = pdfium.PdfDocument(data)
    try:
        return [(p.get_size(), p.render(scale=300 / 72).to_pil()) for p in doc]
    finally:
        doc.close()


@pytest.mark.parametrize("page", ["stock", "a4"])
def test_pdf_ticket_pages_carry_a_genuine_qr(
    world: World, chinese_performance: int, page: str, tmp_path: Path
) -> None:
    ids = sell(world, ["S-E-1"]) + sell(world, ["S-E-2"], performance=chinese_performance)
    tickets = snapshots(world, ids)
    data = PdfTicketDriver(page=page).render(tickets)  # type: ignore[arg-type]
    assert data.startswith(b"%PDF-")
    rendered = pages(data)
    assert len(rendered) == 2
    for (size, img), ticket in zip(rendered, tickets, strict=True):
        w, h = size
        if page == "stock":
            assert (round(w / MM, 1), round(h / MM, 1)) == (139.7, 50.8)
        else:
            assert (round(w / MM), round(h / MM)) == (210, 297)
        img.save(tmp_path / f"{page}-{ticket.serial}.png")  # type: ignore[attr-defined]
        found = zxingcpp.read_barcodes(img)
        qrs = {r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode}
        assert qrs == {ticket.barcode}
        assert verify_code(world, ticket.barcode).genuine
        c128 = [r.text for r in found if r.format == zxingcpp.BarcodeFormat.Code128]
        assert c128 == [ticket.serial]


def test_pdf_refuses_unknown_page_and_empty_jobs() -> None:
    with pytest.raises(ValidationError, match="'stock' or 'a4'"):
        PdfTicketDriver(page="letter")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="no tickets"):
        PdfTicketDriver().render([])
