"""BOCA FGL (Friendly Ghost Language), the ticket printers' language: a small generator.

Commands are ASCII in angle brackets, followed by the data they apply to:

``<RCrow,col>``  position in dots: ``row`` across the ticket from the top
                 edge, ``col`` along it (200 dpi: 7.87 dots/mm; 300 dpi: 11.8)
``<Fn>``         resident font ``n``; ``<HWh,w>`` height/width multipliers
``<NR>`` ``<RR>`` ``<RU>`` ``<RL>``  no rotation, right, upside down, left
``<OLn>^data^``  Code 128 (``O``), ladder orientation ``L`` (bars across the
                 ticket) or picket fence ``P``, ``n`` dots a unit; the data
                 must be bracketed by carets
``<QRp,t,m,e>{data}``  QR code: point size, tilde off, encode mode (1 =
                 alphanumeric, as ticket barcodes are), error correction (0 = M)
``<Gn>``         ``n`` bytes of graphics follow: one byte a column, 8 dots
                 high, most significant bit on top; the next strip goes 8 rows down
``<p>``          print the ticket and cut (``<q>``: print without cutting)

Printed text is stripped of ``<``, ``>``, ``^`` and ``~`` (and control
characters), so a customer called ``<p>`` cannot print and cut a blank
ticket. Text outside Latin-1 (Chinese) is drawn with a CJK font and sent as
graphics, since the resident fonts have no CJK glyphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image

from boxoffice.devices.printing import raster_text, text_safety
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.devices.printing.ticket_layout import Element, Template, fill
from boxoffice.devices.printing.ticket_layout import load as load_template
from boxoffice.errors import ValidationError

ROTATE = {0: b"<NR>", 90: b"<RR>", 180: b"<RU>", 270: b"<RL>"}
#: size name → (resident font, height multiplier, width multiplier).
SIZES = {
    "tiny": (2, 1, 1),
    "small": (2, 1, 1),
    "normal": (3, 1, 1),
    "large": (3, 1, 1),
    "title": (6, 1, 1),
}
#: resident font → (cell width, cell height) in dots, as the preview draws them.
FONT_CELLS = {1: (7, 9), 2: (8, 16), 3: (17, 31), 6: (30, 52), 7: (15, 29), 8: (20, 40)}
#: FGL's QR error-correction parameter.
QR_ECC = {"M": 0, "L": 1, "H": 2, "Q": 3}

#: Unprompted status bytes a BOCA printer sends (the "status" in ``print_queue``).
STATUS_TICKET_PRINTED = 0x06
STATUS_OUT_OF_PAPER = 0x10
STATUS_PAPER_JAM = 0x18
STATUS_CUTTER_JAM = 0x1D


class FglBuilder:
    """Appends FGL commands; every method returns ``self`` so jobs read top to bottom."""

    def __init__(self) -> None:
        self.out = bytearray()

    def rc(self, row: int, col: int) -> FglBuilder:
        if row < 0 or col < 0:
            raise ValidationError("fgl_position_off_ticket", row=row, col=col)
        self.out += b"<RC%d,%d>" % (row, col)
        return self

    def font(self, n: int) -> FglBuilder:
        self.out += b"<F%d>" % n
        return self

    def hw(self, h: int, w: int) -> FglBuilder:
        if not (1 <= h <= 16 and 1 <= w <= 16):
            raise ValidationError("fgl_size_invalid", size=f"{h}x{w}")
        self.out += b"<HW%d,%d>" % (h, w)
        return self

    def rotate(self, degrees: int) -> FglBuilder:
        try:
            self.out += ROTATE[degrees]
        except KeyError:
            raise ValidationError("fgl_rotation_invalid", degrees=degrees) from None
        return self

    def text(self, text: str) -> FglBuilder:
        """Printable Latin-1 text, with FGL syntax characters removed."""
        self.out += text_safety.fgl_text(text).encode("latin-1", errors="replace")
        return self

    def code128(self, data: str, unit: int = 2, ladder: bool = False) -> FglBuilder:
        data = text_safety.check_code(data, "Code 128 data")
        self.out += b"<O%s%d>^%s^" % (b"L" if ladder else b"P", unit, data.encode("ascii"))
        return self

    def qr(self, data: str, point: int = 5, ecc: str = "M") -> FglBuilder:
        data = text_safety.check_code(data, "QR data")
        if "{" in data or "}" in data:
            raise ValidationError("fgl_qr_braces")
        mode = 1 if all(c in _QR_ALNUM for c in data) else 0
        self.out += b"<QR%d,0,%d,%d>{%s}" % (point, mode, QR_ECC[ecc], data.encode("ascii"))
        return self

    def graphic(self, img: Image.Image, row: int, col: int) -> FglBuilder:
        """A 1-bit image at (row, col) in 8-dot strips of ``<Gn>`` column bytes."""
        self.out += graphic_bytes(img.convert("1"), row, col)
        return self

    def print_and_cut(self) -> FglBuilder:
        self.out += b"<p>"
        return self

    def bytes(self) -> bytes:
        return bytes(self.out)


_QR_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def graphic_bytes(img: Image.Image, row: int, col: int) -> bytes:
    width, height = img.size
    px = img.load()
    out = bytearray()
    for strip in range(0, height, 8):
        out += b"<RC%d,%d><G%d>" % (row + strip, col, width)
        for x in range(width):
            byte = 0
            for bit in range(8):
                y = strip + bit
                if y < height and px[x, y] == 0:
                    byte |= 0x80 >> bit
            out.append(byte)
    return bytes(out)


@lru_cache(maxsize=256)
def _raster(text: str, px: int, bold: bool, row: int, col: int, max_width: int) -> bytes:
    return graphic_bytes(raster_text.render(text, px, bold, max_width), row, col)


@lru_cache(maxsize=8)
def _logo(path: str, mtime: float, w: int, h: int, row: int, col: int) -> bytes:
    try:
        img = Image.open(path)
        img.load()
    except (OSError, ValueError) as exc:
        raise ValidationError("printer_logo_unreadable", path=str(path), reason=str(exc)) from None
    img.thumbnail((w, h))
    return graphic_bytes(
        img.convert("L").point(lambda v: 0 if v < 128 else 255).convert("1"), row, col
    )


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class FglConfig:
    """One BOCA printer: resolution and logo."""

    dpi: int = 200
    logo: Path | None = None
    code128_unit: int = 2

    def __post_init__(self) -> None:
        if self.dpi not in (200, 300, 600):
            raise ValidationError("fgl_dpi_invalid", dpi=self.dpi)


@dataclass
class FglTicketDriver:
    """Renders filled ticket layouts as one FGL job, one ``<p>`` per ticket."""

    config: FglConfig = field(default_factory=FglConfig)
    template: Template | None = None
    language = "fgl"

    def dots(self, mm: float) -> int:
        return round(mm * self.config.dpi / 25.4)

    def write_ticket(self, b: FglBuilder, elements: Sequence[Element]) -> None:
        for el in elements:
            row, col = self.dots(el.y), self.dots(el.x)
            if el.type == "text":
                font, h, w = SIZES[el.size]
                text = text_safety.fgl_text(el.value)
                if _latin1(text):
                    b.rc(row, col).rotate(el.rotate).font(font).hw(h, w).text(text)
                else:
                    px = FONT_CELLS[font][1] * h
                    limit = self.dots(el.width) if el.width else 0
                    b.out += _raster(text, px, el.bold, row, col, limit)
            elif el.type == "qr":
                point = max(3, min(16, self.dots(el.w) // 41))
                b.rc(row, col).rotate(0).qr(el.value, point)
            elif el.type == "code128":
                b.rc(row, col).rotate(0).hw(max(1, self.dots(el.h) // 40), 1)
                b.code128(el.value, self.config.code128_unit)
            elif el.type == "logo" and self.config.logo is not None:
                try:
                    mtime = self.config.logo.stat().st_mtime
                except OSError:
                    raise ValidationError(
                        "printer_logo_missing", path=str(self.config.logo)
                    ) from None
                b.out += _logo(
                    str(self.config.logo), mtime, self.dots(el.w), self.dots(el.h), row, col
                )
        b.print_and_cut()

    def render(self, tickets: Sequence[TicketData]) -> bytes:
        if not tickets:
            raise ValidationError("print_no_tickets")
        template = self.template or load_template()
        b = FglBuilder()
        for t in tickets:
            self.write_ticket(b, fill(template, t))
        return b.bytes()
