"""A small ESC/POS interpreter that draws what a printer would print, as a PNG.

It understands exactly the commands our drivers emit and refuses anything
else, so it doubles as a check that a job holds no stray bytes: a customer
name that smuggled in ``GS V`` would show up as an unknown command or text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from boxoffice.devices.printing.preview_common import (
    bits_image,
    code128_image,
    draw_cells,
    qr_image,
)
from boxoffice.errors import ValidationError

CODEPAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 19: "cp858"}


class EscPosError(ValidationError):
    """The bytes are not an ESC/POS job this preview (and our drivers) know."""


@dataclass
class _State:
    font_b: bool = False
    bold: bool = False
    dw: bool = False
    dh: bool = False
    cdw: bool = False  # Chinese-mode character size (FS !)
    cdh: bool = False
    align: int = 0
    codepage: str = "cp437"
    chinese: bool = False
    bc_height: int = 162
    bc_width: int = 3
    qr_module: int = 3
    qr_ecc: str = "L"
    qr_data: bytes = b""


@dataclass
class Page:
    """What has been printed so far: rows of images, and where the cuts are."""

    width: int
    rows: list[Image.Image] = field(default_factory=list)
    cuts: int = 0
    texts: list[str] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    barcodes: list[str] = field(default_factory=list)

    def image(self) -> Image.Image:
        height = sum(r.height for r in self.rows) or 1
        out = Image.new("1", (self.width, height), 1)
        y = 0
        for r in self.rows:
            out.paste(r, (0, y))
            y += r.height
        return out


def render(data: bytes, width: int = 576, chinese_codec: str = "gb18030") -> Page:
    """Interpret ``data`` (one or more jobs) and return the printed page."""
    page = Page(width)
    st = _State()
    line: list[tuple[bytes, _State]] = []
    i = 0
    n = len(data)

    def need(count: int) -> bytes:
        if i + count > n:
            raise EscPosError("escpos_truncated", offset=i)
        return data[i : i + count]

    def place(img: Image.Image, align: int) -> None:
        row = Image.new("1", (width, img.height), 1)
        x = {0: 0, 1: (width - img.width) // 2, 2: width - img.width}[align]
        row.paste(img, (max(0, x), 0))
        page.rows.append(row)

    def flush_line(force: bool = True) -> None:
        if not line and not force:
            return
        parts = []
        text_all = ""
        for raw, s in line:
            codec = chinese_codec if s.chinese else s.codepage
            text = raw.decode(codec, errors="replace")
            text_all += text
            cell_w, cell_h = (9, 17) if s.font_b else (12, 24)
            img = draw_cells(text, cell_w, cell_h, s.bold)
            sx = 2 if (s.cdw if s.chinese else s.dw) else 1
            sy = 2 if (s.cdh if s.chinese else s.dh) else 1
            if sx > 1 or sy > 1:
                img = img.resize((img.width * sx, img.height * sy))
            parts.append(img)
        height = max((p.height for p in parts), default=24) + 6
        row = Image.new("1", (sum(p.width for p in parts) or 1, height), 1)
        x = 0
        for p in parts:
            row.paste(p, (x, height - p.height - 3))
            x += p.width
        place(row, st.align)
        if text_all:
            page.texts.append(text_all)
        line.clear()

    def add_text(b: bytes) -> None:
        snap = _State(**st.__dict__)
        line.append((b, snap))

    while i < n:
        b = data[i]
        if b == 0x0A:
            flush_line()
            i += 1
        elif b == 0x1B:  # ESC
            cmd = need(2)[1]
            if cmd == 0x40:  # ESC @ initialise
                st = _State()
                i += 2
            elif cmd in (0x21, 0x45, 0x61, 0x4D, 0x74, 0x64, 0x2D, 0x47, 0x7B, 0x56, 0x33):
                arg = need(3)[2]
                i += 3
                if cmd == 0x21:
                    st.font_b, st.bold = bool(arg & 1), bool(arg & 8)
                    st.dh, st.dw = bool(arg & 0x10), bool(arg & 0x20)
                elif cmd == 0x45:
                    st.bold = bool(arg & 1)
                elif cmd == 0x61:
                    st.align = arg % 48 if arg >= 48 else arg
                elif cmd == 0x4D:
                    st.font_b = bool(arg & 1)
                elif cmd == 0x74:
                    if arg not in CODEPAGES:
                        raise EscPosError("escpos_codepage_unknown", codepage=arg)
                    st.codepage = CODEPAGES[arg]
                elif cmd == 0x64:
                    flush_line(force=False)
                    page.rows.append(Image.new("1", (width, 24 * arg), 1))
            elif cmd == 0x32:
                i += 2
            else:
                raise EscPosError("escpos_command_unknown", command=f"ESC 0x{cmd:02x}", offset=i)
        elif b == 0x1C:  # FS
            cmd = need(2)[1]
            if cmd == 0x26:
                st.chinese = True
                i += 2
            elif cmd == 0x2E:
                st.chinese = False
                i += 2
            elif cmd == 0x21:
                arg = need(3)[2]
                st.cdw, st.cdh = bool(arg & 4), bool(arg & 8)
                i += 3
            else:
                raise EscPosError("escpos_command_unknown", command=f"FS 0x{cmd:02x}", offset=i)
        elif b == 0x1D:  # GS
            cmd = need(2)[1]
            if cmd == 0x21:
                arg = need(3)[2]
                st.dw, st.dh = (arg >> 4) > 0, (arg & 0x0F) > 0
                i += 3
            elif cmd in (0x68, 0x77, 0x66, 0x48, 0x42):
                arg = need(3)[2]
                if cmd == 0x68:
                    st.bc_height = arg
                elif cmd == 0x77:
                    st.bc_width = arg
                i += 3
            elif cmd == 0x56:  # GS V cut
                flush_line(force=False)
                m = need(3)[2]
                i += 4 if m in (65, 66) else 3
                cut = Image.new("1", (width, 9), 1)
                ImageDraw.Draw(cut).line((0, 4, width, 4), fill=0, width=1)
                for x in range(0, width, 16):
                    ImageDraw.Draw(cut).line((x + 8, 4, x + 15, 4), fill=1)
                page.rows.append(cut)
                page.cuts += 1
            elif cmd == 0x6B:  # GS k barcode
                m = need(3)[2]
                if m != 73:
                    raise EscPosError("escpos_barcode_not_code128", system=m)
                length = need(4)[3]
                raw = need(4 + length)[4:]
                i += 4 + length
                if not raw.startswith(b"{B"):
                    raise EscPosError("escpos_code128_no_code_set")
                text = raw[2:].replace(b"{{", b"{").decode("ascii")
                page.barcodes.append(text)
                place(code128_image(text, st.bc_width, st.bc_height), st.align)
            elif cmd == 0x28 and need(3)[2] == 0x6B:  # GS ( k  QR
                head = need(5)
                length = head[3] | head[4] << 8
                body = need(5 + length)[5:]
                i += 5 + length
                cn, fn = body[0], body[1]
                if cn != 0x31:
                    raise EscPosError("escpos_symbol_not_qr", symbol=f"{cn:#x}")
                if fn == 0x43:
                    st.qr_module = body[2]
                elif fn == 0x45:
                    st.qr_ecc = {48: "L", 49: "M", 50: "Q", 51: "H"}[body[2]]
                elif fn == 0x50:
                    st.qr_data = body[3:]
                elif fn == 0x51:
                    text = st.qr_data.decode("ascii")
                    page.qr_payloads.append(text)
                    place(qr_image(text, st.qr_module, st.qr_ecc), st.align)
            elif cmd == 0x76 and need(3)[2] == 0x30:  # GS v 0 raster image
                head = need(8)
                xb = head[4] | head[5] << 8
                yd = head[6] | head[7] << 8
                body = need(8 + xb * yd)[8:]
                i += 8 + xb * yd
                flush_line(force=False)
                place(bits_image(xb * 8, yd, body, xb), st.align)
            else:
                raise EscPosError("escpos_command_unknown", command=f"GS 0x{cmd:02x}", offset=i)
        elif b < 0x20 or b == 0x7F:
            raise EscPosError("escpos_stray_byte", byte=f"0x{b:02x}", offset=i)
        else:
            j = i
            while j < n and data[j] >= 0x20 and data[j] != 0x7F:
                j += 1
            add_text(data[i:j])
            i = j
    flush_line(force=False)
    return page
