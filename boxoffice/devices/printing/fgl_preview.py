"""Draws FGL jobs (what ``fgl.FglBuilder`` emits) as images, one per ``<p>`` ticket.

Refuses commands it does not know and bytes that are neither commands nor
printable text, so a test sees any stray syntax a driver (or a customer
name) slipped in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PIL import Image

from boxoffice.devices.printing.fgl import FONT_CELLS, QR_ECC
from boxoffice.devices.printing.preview_common import code128_image, draw_cells, qr_image
from boxoffice.errors import ValidationError

_CMD = re.compile(rb"<([A-Za-z]+)([0-9,]*)>")
_ECC = {v: k for k, v in QR_ECC.items()}


class FglError(ValidationError):
    """Not an FGL job this preview knows."""


@dataclass
class FglTicket:
    image: Image.Image
    texts: list[str] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    barcodes: list[str] = field(default_factory=list)
    graphics: int = 0
    cut: bool = True


def render(data: bytes, width_dots: int = 1100, height_dots: int = 400) -> list[FglTicket]:
    """Interpret ``data``: a list of printed tickets (the last may be unfinished: ``cut=False``)."""
    tickets: list[FglTicket] = []

    def new() -> FglTicket:
        return FglTicket(Image.new("1", (width_dots, height_dots), 1))

    cur = new()
    row = col = 0
    font, h, w, rot = 3, 1, 1, 0
    barcode: tuple[bool, int] | None = None
    qr: tuple[int, str] | None = None
    i, n = 0, len(data)
    while i < n:
        if data[i] == 0x3C:  # "<"
            m = _CMD.match(data, i)
            if not m:
                raise FglError("fgl_command_malformed", offset=i)
            name, args = m.group(1).decode(), m.group(2).decode()
            nums = [int(a) for a in args.split(",") if a] if args else []
            i = m.end()
            if name == "RC" and len(nums) == 2:
                row, col = nums
            elif name == "F" and len(nums) == 1:
                if nums[0] not in FONT_CELLS:
                    raise FglError("fgl_font_unknown", font=nums[0])
                font = nums[0]
            elif name == "HW" and len(nums) == 2:
                h, w = nums
            elif name in ("NR", "RR", "RU", "RL") and not nums:
                rot = {"NR": 0, "RR": 90, "RU": 180, "RL": 270}[name]
            elif name in ("OL", "OP") and len(nums) == 1:
                barcode = (name == "OL", nums[0])
            elif name == "QR" and len(nums) == 4:
                qr = (nums[0], _ECC[nums[3]])
            elif name == "G" and len(nums) == 1:
                count = nums[0]
                chunk = data[i : i + count]
                if len(chunk) < count:
                    raise FglError("fgl_graphics_truncated")
                strip = Image.new("1", (count, 8), 1)
                px = strip.load()
                for x, byte in enumerate(chunk):
                    for bit in range(8):
                        if byte & (0x80 >> bit):
                            px[x, bit] = 0
                cur.image.paste(strip, (col, row))
                cur.graphics += 1
                i += count
            elif name == "p" and not nums:
                tickets.append(cur)
                cur = new()
            else:
                raise FglError("fgl_command_unknown", command=f"<{name}{args}>")
        elif data[i] == 0x5E:  # "^" opens Code 128 data
            end = data.find(b"^", i + 1)
            if barcode is None or end < 0:
                raise FglError("fgl_caret_unmatched", offset=i)
            text = data[i + 1 : end].decode("ascii")
            ladder, unit = barcode
            img = code128_image(text, unit, 40 * h)
            if ladder:
                img = img.rotate(90, expand=True)
            cur.image.paste(img, (col, row))
            cur.barcodes.append(text)
            barcode = None
            i = end + 1
        elif data[i] == 0x7B and qr is not None:  # "{" QR data
            end = data.find(b"}", i + 1)
            if end < 0:
                raise FglError("fgl_qr_unclosed")
            text = data[i + 1 : end].decode("ascii")
            cur.image.paste(qr_image(text, qr[0], qr[1]), (col, row))
            cur.qr_payloads.append(text)
            qr = None
            i = end + 1
        elif data[i] < 0x20 or data[i] in (0x3E, 0x7E, 0x7F):
            raise FglError("fgl_stray_byte", byte=f"0x{data[i]:02x}", offset=i)
        else:
            j = i
            while j < n and data[j] >= 0x20 and data[j] not in (0x3C, 0x3E, 0x5E, 0x7E, 0x7F):
                j += 1
            text = data[i:j].decode("latin-1")
            cw, ch = FONT_CELLS[font]
            img = draw_cells(text, cw, ch, False).resize((cw * len(text) * w, ch * h))
            if rot:
                img = img.rotate(-rot, expand=True)
            cur.image.paste(img, (col, row))
            cur.texts.append(text)
            col += img.width if rot in (0, 180) else 0
            i = j
    if cur.texts or cur.graphics or cur.qr_payloads or cur.barcodes:
        cur.cut = False
        tickets.append(cur)
    return tickets
