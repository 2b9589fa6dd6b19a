"""The Z (or X) slip on the receipt printer: ESC/POS bytes or an 80 mm PDF.

What the slip says is decided once, by ``reports.zx.slip_lines``; this module
only lays those lines out for a printer: through ``EscPosWriter``, so the
printer's text mode (code page, GB18030, Big5, raster) and paper width apply,
or on an 80 mm PDF page for a PDF "receipt printer". ``Slip`` is plain data so
the print queue renders it in its worker thread, for whichever printer the
job ends up on.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from boxoffice.devices.printing import text_safety
from boxoffice.devices.printing.escpos_ticket import (
    EscPosConfig,
    EscPosTicketDriver,
    EscPosWriter,
    wrap,
)
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.errors import ValidationError
from boxoffice.pdf_fonts import font_for
from boxoffice.reports.zx import SLIP_HASH_DIGITS, SlipLine, slip_lines
from boxoffice.shifts.close import content_of
from boxoffice.store.models import ZReport


@dataclass(frozen=True)
class Slip:
    """A Z or X report's content to print, with when it is printed and whether it is a copy."""

    content: Mapping[str, Any]
    sha256: str = ""
    printed_at: datetime | None = None
    reprint: bool = False

    @property
    def kind(self) -> str:
        return str(self.content["kind"])

    @property
    def reference(self) -> str:
        """What the print log records: Z number and hash prefix (as on the paper), or the shift."""
        if self.kind == "Z":
            return f"Z{self.content['number']} {self.sha256[:SLIP_HASH_DIGITS]}".strip()
        return f"X shift {self.content['shift']}"

    def lines(self) -> list[SlipLine]:
        return slip_lines(
            dict(self.content), self.sha256, printed_at=self.printed_at, reprint=self.reprint
        )


def from_z_report(
    report: ZReport, *, printed_at: datetime | None = None, reprint: bool = False
) -> Slip:
    """The slip of a stored Z report: its signed content and hash, nothing recomputed."""
    return Slip(content_of(report), report.sha256, printed_at, reprint)


def escpos(slip: Slip, config: EscPosConfig) -> bytes:
    """The slip as one ESC/POS job, as wide as the printer's paper, ending in a cut."""
    w = EscPosWriter(config)
    for line in slip.lines():
        kind = line.kind
        bold = line.bold or kind == "warning"
        if kind == "title":
            w.paragraph(line.left, "title", True, "center")
        elif kind in ("center", "warning"):
            w.paragraph(line.left, "normal", bold, "center")
        elif kind in ("heading", "text"):
            w.paragraph(line.left, "normal", bold)
        elif kind == "pair":
            w.columns_line(line.left, line.right, "normal", bold)
        elif kind == "rule":
            w.rule()
        elif kind == "signature":
            w.feed(3)
            w.rule("_")
            w.line(line.left, "small", False, "center")
    w.cut()
    return w.finish()


#: PDF: (font size, bold, alignment) of each kind of line.
_PDF_STYLE = {
    "title": (14, True, "center"),
    "center": (9, False, "center"),
    "warning": (9, True, "center"),
    "heading": (9, True, "left"),
    "text": (9, False, "left"),
    "pair": (9, False, "left"),
    "signature": (7, False, "center"),
}
_PDF_WIDTH = 80 * mm
_PDF_MARGIN = 5 * mm


def _pdf_rows(slip: Slip) -> list[tuple[str, str, float, bool, str]]:
    """(left, right, size, bold, align) rows of the PDF slip; ``rule`` and ``sign`` are lines."""
    usable = _PDF_WIDTH - 2 * _PDF_MARGIN
    rows: list[tuple[str, str, float, bool, str]] = []
    for line in slip.lines():
        if line.kind == "rule":
            rows.append(("", "", 5, False, "rule"))
            continue
        if line.kind == "signature":
            rows += [("", "", 9, False, "left")] * 3 + [("", "", 4, False, "sign")]
        size, style_bold, align = _PDF_STYLE[line.kind]
        bold = style_bold or line.bold
        left = text_safety.printable(line.left)
        right = text_safety.printable(line.right)

        def width(text: str, size: float = size, bold: bool = bold) -> float:
            return stringWidth(text, font_for(text, bold), size)

        if line.kind == "pair" and width(left) + width(right) + 6 <= usable:
            rows.append((left, right, size, bold, "pair"))
            continue
        for part in wrap(left, int(usable), width):
            rows.append((part, "", size, bold, align))
        if right:
            rows += [(part, "", size, bold, "right") for part in wrap(right, int(usable), width)]
    return rows


def pdf(slip: Slip) -> bytes:
    """The slip as an 80 mm wide PDF, for a PDF "receipt printer" (and to file or email)."""
    rows = _pdf_rows(slip)
    height = 16 * mm + sum(size * 1.5 for _, _, size, _, _ in rows)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(_PDF_WIDTH, height))
    c.setTitle(slip.reference)
    left_x, right_x = _PDF_MARGIN, _PDF_WIDTH - _PDF_MARGIN
    y = height - 8 * mm
    for left, right, size, bold, align in rows:
        y -= size * 1.5
        if align == "rule":
            c.setLineWidth(0.4)
            c.setDash(1, 1.5)
            c.line(left_x, y + size * 0.6, right_x, y + size * 0.6)
            c.setDash()
            continue
        if align == "sign":
            c.setLineWidth(0.6)
            c.line(left_x, y + size, right_x, y + size)
            continue
        c.setFont(font_for(left, bold), size)
        if align == "center":
            c.drawCentredString(_PDF_WIDTH / 2, y, left)
        elif align == "right":
            c.drawRightString(right_x, y, left)
        else:
            c.drawString(left_x, y, left)
        if right:
            c.setFont(font_for(right, bold), size)
            c.drawRightString(right_x, y, right)
    c.showPage()
    c.save()
    return buf.getvalue()


def render(slip: Slip, driver: object) -> bytes:
    """Slip bytes for the printer behind ``driver``: ESC/POS roll printer or PDF."""
    if isinstance(driver, EscPosTicketDriver):
        return escpos(slip, driver.config)
    if isinstance(driver, PdfTicketDriver):
        return pdf(slip)
    raise ValidationError("z_slip_wrong_driver")
