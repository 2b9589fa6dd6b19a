"""Drawing helpers shared by the ESC/POS and FGL previews (text, QR, Code128)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import barcode.codex
import qrcode
from PIL import Image, ImageDraw, ImageFont

from boxoffice.devices.printing import raster_text

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"


@lru_cache(maxsize=32)
def _mono(px: int, bold: bool) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(MONO_BOLD if bold else MONO, px)
    except OSError:  # pragma: no cover - DejaVu missing
        return ImageFont.load_default(px)


def wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def draw_cells(text: str, cell_w: int, cell_h: int, bold: bool) -> Image.Image:
    """``text`` in a fixed grid like a printer's font: narrow cells, CJK in double cells."""
    cols = sum(2 if wide(c) else 1 for c in text)
    img = Image.new("1", (max(1, cols * cell_w), cell_h), 1)
    draw = ImageDraw.Draw(img)
    x = 0
    for ch in text:
        if wide(ch):
            draw.text(
                (x, cell_h - 3), ch, font=raster_text.font(cell_h - 4, bold), fill=0, anchor="ls"
            )
            x += 2 * cell_w
        else:
            draw.text((x, cell_h - 3), ch, font=_mono(int(cell_h * 0.8), bold), fill=0, anchor="ls")
            x += cell_w
    return img


def qr_image(data: str, module: int, ecc: str = "M") -> Image.Image:
    """The QR code a printer draws natively for ``data`` (quiet zone included)."""
    levels = {
        "L": qrcode.constants.ERROR_CORRECT_L,
        "M": qrcode.constants.ERROR_CORRECT_M,
        "Q": qrcode.constants.ERROR_CORRECT_Q,
        "H": qrcode.constants.ERROR_CORRECT_H,
    }
    q = qrcode.QRCode(error_correction=levels[ecc], box_size=module, border=4)
    q.add_data(data)
    q.make(fit=True)
    return q.make_image(fill_color="black", back_color="white").get_image().convert("1")


def code128_image(data: str, module: int, height: int) -> Image.Image:
    """Code 128 bars for ``data``, ``module`` dots a bar unit, with quiet zones."""
    pattern = barcode.codex.Code128(data).build()[0]
    quiet = 10 * module
    img = Image.new("1", (len(pattern) * module + 2 * quiet, height), 1)
    draw = ImageDraw.Draw(img)
    for i, bit in enumerate(pattern):
        if bit == "1":
            x = quiet + i * module
            draw.rectangle((x, 0, x + module - 1, height - 1), fill=0)
    return img


def bits_image(width: int, height: int, data: bytes, row_bytes: int) -> Image.Image:
    """A 1-bit raster, rows of ``row_bytes`` bytes, MSB first, 1 = black."""
    raw = bytes(b ^ 0xFF for b in data[: row_bytes * height])
    return Image.frombytes("1", (row_bytes * 8, height), raw).crop((0, 0, width, height))
