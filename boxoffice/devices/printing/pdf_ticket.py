"""Tickets as PDF (reportlab): e-tickets on A4 and tickets on ticket-stock pages.

A PDF is what gets emailed, printed on an office printer, or opened in demos
and tests instead of a ticket printer. The stock page uses the template's
coordinates exactly; the A4 page puts the same ticket at the top and adds a
large QR code for phone screens, the order and the terms.

Chinese text uses the standard CID font STSong-Light (every PDF viewer has a
substitute), so PDFs stay small and need no font file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from boxoffice.devices.printing import text_safety
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.devices.printing.ticket_layout import Element, Template, fill
from boxoffice.devices.printing.ticket_layout import load as load_template
from boxoffice.errors import ValidationError
from boxoffice.pdf_fonts import font_for

PAGES = ("stock", "a4")
POINTS = {"tiny": 6, "small": 7, "normal": 10, "large": 11, "title": 17}


def draw_text(
    c: Canvas, text: str, x: float, top: float, size: str, bold: bool, width: float
) -> None:
    """Text whose top is at ``top`` (points from the page bottom), wrapped at ``width``."""
    text = text_safety.printable(text)
    pts = POINTS[size]
    face = font_for(text, bold)
    lines = simpleSplit(text, face, pts, width) if width else [text]
    c.setFont(face, pts)
    y = top - pts * 0.85
    for line in lines:
        c.drawString(x, y, line)
        y -= pts * 1.2


def draw_qr(c: Canvas, data: str, x: float, top: float, size: float) -> None:
    widget = qr.QrCodeWidget(text_safety.check_code(data), barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    renderPDF.draw(d, c, x, top - size)


def draw_code128(c: Canvas, data: str, x: float, top: float, w: float, h: float) -> None:
    bc = code128.Code128(text_safety.check_code(data, "serial"), barHeight=h, quiet=False)
    bc.barWidth = min(0.6 * mm, w / max(bc.width / bc.barWidth, 1))
    bc.validate()
    bc.computeSize()
    bc.drawOn(c, x, top - h)


@dataclass
class PdfTicketDriver:
    """Renders tickets to a PDF document, one ticket a page."""

    page: Literal["stock", "a4"] = "stock"
    template: Template | None = None
    logo: Path | None = None
    language = "pdf"

    def __post_init__(self) -> None:
        if self.page not in PAGES:
            raise ValidationError("pdf_page_invalid", page=self.page)

    def _ticket(self, c: Canvas, elements: Sequence[Element], ox: float, top: float) -> None:
        for el in elements:
            x, y = ox + el.x * mm, top - el.y * mm
            if el.type == "text":
                if el.rotate:
                    c.saveState()
                    c.translate(x, y)
                    c.rotate(-el.rotate)
                    draw_text(c, el.value, 0, 0, el.size, el.bold, el.width * mm)
                    c.restoreState()
                else:
                    draw_text(c, el.value, x, y, el.size, el.bold, el.width * mm)
            elif el.type == "qr":
                draw_qr(c, el.value, x, y, el.w * mm)
            elif el.type == "code128":
                draw_code128(c, el.value, x, y, el.w * mm, el.h * mm)
            elif el.type == "logo" and self.logo is not None:
                c.drawImage(
                    str(self.logo), x, y - el.h * mm, el.w * mm, el.h * mm,
                    preserveAspectRatio=True, mask="auto",
                )  # fmt: skip

    def render(self, tickets: Sequence[TicketData]) -> bytes:
        if not tickets:
            raise ValidationError("print_no_tickets")
        template = self.template or load_template()
        tw, th = template.width_mm * mm, template.height_mm * mm
        buf = io.BytesIO()
        size = (tw, th) if self.page == "stock" else A4
        c = Canvas(buf, pagesize=size, pageCompression=1)
        c.setTitle("Tickets")
        c.setCreator("boxoffice")
        for t in tickets:
            if self.page == "stock":
                self._ticket(c, fill(template, t), 0, th)
            else:
                self._a4(c, t, template, tw, th)
            c.showPage()
        c.save()
        return buf.getvalue()

    def _a4(self, c: Canvas, t: TicketData, template: Template, tw: float, th: float) -> None:
        pw, ph = A4
        ox, top = (pw - tw) / 2, ph - 20 * mm
        c.setDash(3, 3)
        c.rect(ox, top - th, tw, th)
        c.setDash()
        self._ticket(c, fill(template, t), ox, top)
        y = top - th - 12 * mm
        heading = "电子票" if t.language == "zh" else "E-ticket"
        draw_text(c, f"{heading} · {t.event}", ox, y, "title", True, tw)
        y -= 12 * mm
        draw_qr(c, t.barcode, (pw - 70 * mm) / 2, y, 70 * mm)
        y -= 74 * mm
        info = [t.serial, t.order_number, t.holder]
        draw_text(c, "  ·  ".join(p for p in info if p), ox, y, "normal", True, tw)
        draw_text(c, t.terms, ox, y - 8 * mm, "normal", False, tw)
