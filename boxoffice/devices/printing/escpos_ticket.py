"""Tickets (and receipts) as ESC/POS, built with python-escpos on a ``Dummy``.

Each job is assembled on a ``Dummy`` and sent in one write, so a printer
never receives half a ticket from an interrupted loop. Text goes out in one
of four per-printer modes:

``latin``   a fixed code page (``ESC t``; CP858 by default, which has ``€``).
            Lines the code page cannot hold (a Chinese title) fall back to raster.
``gb18030`` Chinese mode switched on with ``FS &`` and off with ``FS .``; text
            in GB18030's one- and two-byte range. python-escpos's own encoder
            sends GB18030 without ``FS &`` (the printer then prints code-page
            garbage), prints Chinese-only punctuation as ``?`` and turns ``¥``
            into a 4-byte sequence; we encode ourselves and map ``¥`` to ``￥``.
``big5``    the same for Traditional Chinese printers.
``raster``  every text line drawn with a CJK font and sent as an image
            (``GS v 0``): for printers without Chinese fonts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PIL import Image, ImageDraw

from boxoffice.devices.printing import raster_text, text_safety
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.devices.printing.ticket_layout import Element, Template, fill
from boxoffice.devices.printing.ticket_layout import load as load_template
from boxoffice.errors import ValidationError

if TYPE_CHECKING:
    from escpos.printer import Dummy

TextMode = Literal["latin", "gb18030", "big5", "raster"]
TEXT_MODES: tuple[str, ...] = ("latin", "gb18030", "big5", "raster")
FS_CHINESE_ON = b"\x1c\x26"
FS_CHINESE_OFF = b"\x1c\x2e"
FS_CHINESE_SIZE = b"\x1c\x21"
DOTS_PER_MM = 8  # 203 dpi, the thermal receipt printer standard

#: size name → (font, double width, double height); font a is 12x24 dots, font b 9x17.
_SIZES = {
    "tiny": ("b", False, False),
    "small": ("b", False, False),
    "normal": ("a", False, False),
    "large": ("a", False, True),
    "title": ("a", True, True),
}
#: size name → raster text height in dots.
RASTER_PX = {"tiny": 18, "small": 20, "normal": 24, "large": 40, "title": 48}


@dataclass(frozen=True)
class EscPosConfig:
    """One printer's settings: python-escpos profile, text mode, paper width, logo."""

    profile: str = "default"
    text_mode: TextMode = "latin"
    codepage: str = "CP858"
    width_dots: int = 576  # 80 mm paper; 384 for 58 mm
    logo: Path | None = None
    qr_module: int = 0  # dots per QR module; 0 = from the template's size

    def __post_init__(self) -> None:
        if self.text_mode not in TEXT_MODES:
            raise ValidationError(
                "escpos_text_mode_unknown", modes=list(TEXT_MODES), mode=self.text_mode
            )
        from escpos.capabilities import get_profile

        try:
            get_profile(self.profile)
        except KeyError:
            raise ValidationError("escpos_profile_unknown", profile=self.profile) from None
        if not 200 <= self.width_dots <= 1000:
            raise ValidationError("escpos_width_invalid", dots=self.width_dots)


def display_width(text: str) -> int:
    """Columns ``text`` takes on a printer: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, columns: int, width: Callable[[str], int] = display_width) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` (wide characters count two)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if width(candidate) <= columns:
            line = candidate
            continue
        if line:
            lines.append(line)
        # A long word (or a CJK sentence without spaces) is cut by characters.
        line = ""
        for ch in word:
            if width(line + ch) > columns:
                lines.append(line)
                line = ""
            line += ch
    if line:
        lines.append(line)
    return lines or [""]


@lru_cache(maxsize=8)
def _logo_bytes(path: str, mtime: float, max_width: int, max_height: int) -> bytes:
    try:
        img = Image.open(path)
        img.load()
    except (OSError, ValueError) as exc:
        raise ValidationError("printer_logo_unreadable", path=str(path), reason=str(exc)) from None
    img.thumbnail((max_width, max_height))
    d = dummy()
    d.set(align="center")
    d.image(img.convert("L"), impl="bitImageRaster", center=False)
    return d.output


def dummy(profile: str | None = None) -> Dummy:
    """A python-escpos ``Dummy`` to assemble a job on.

    python-escpos is imported here, at the first job, not when the client
    starts: loading its printer profiles takes about a tenth of a second,
    which a terminal without an ESC/POS printer never needs.
    """
    from escpos.printer import Dummy

    return Dummy(profile=profile) if profile else Dummy()


class EscPosWriter:
    """Text in the printer's mode on one ``Dummy``; shared by tickets and receipts."""

    def __init__(self, config: EscPosConfig) -> None:
        self.config = config
        self.p = dummy(config.profile)
        # python-escpos prints a warning to stdout for every image unless the width is known.
        width = self.p.profile.profile_data.setdefault("media", {}).setdefault("width", {})
        if width.get("pixels", "Unknown") == "Unknown":
            width["pixels"] = config.width_dots
        self.p.hw("INIT")
        if config.text_mode in ("gb18030", "big5"):
            self.p._raw(FS_CHINESE_ON)
        elif config.text_mode == "latin":
            self.p.charcode(config.codepage)

    def columns(self, size: str) -> int:
        font, dw, _ = _SIZES[size]
        cell = 12 if font == "a" else 9
        return self.config.width_dots // (cell * (2 if dw else 1))

    def style(self, size: str = "normal", bold: bool = False, align: str = "left") -> None:
        font, dw, dh = _SIZES[size]
        self.p.set(
            align=align,
            font=font,
            bold=bold,
            double_width=dw,
            double_height=dh,
            normal_textsize=not (dw or dh),
        )
        if self.config.text_mode in ("gb18030", "big5"):
            # ESC ! and GS ! size only single-byte characters; FS ! sizes the Chinese ones.
            self.p._raw(FS_CHINESE_SIZE + bytes([(0x04 if dw else 0) | (0x08 if dh else 0)]))

    def width(self, text: str) -> int:
        """Columns ``text`` takes: in Chinese mode every two-byte character is double width."""
        if self.config.text_mode == "gb18030":
            return len(text_safety.gb18030(text))
        if self.config.text_mode == "big5":
            return len(text_safety.big5(text))
        return display_width(text)

    def _encodable(self, text: str) -> bool:
        try:
            text.encode(self.config.codepage)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    def _needs_raster(self, text: str) -> bool:
        """Whether ``text`` goes out as an image: raster mode, or characters the font lacks."""
        mode = self.config.text_mode
        if mode == "latin":
            return not self._encodable(text)
        if mode == "gb18030":  # e.g. a rare character outside GBK: an image, not "?"
            return not text_safety.cjk_encodable(text, "gb18030")
        if mode == "big5":  # Simplified characters Big5 lacks
            return not text_safety.cjk_encodable(text, "cp950")
        return True

    def line(
        self, text: str, size: str = "normal", bold: bool = False, align: str = "left"
    ) -> None:
        """One line of text (caller wraps); control characters never reach the printer."""
        text = text_safety.printable(text)
        mode = "raster" if self._needs_raster(text) else self.config.text_mode
        if mode == "raster":
            self.style("normal", False, align)
            img = raster_text.render(
                text, RASTER_PX[size], bold, max_width=self.config.width_dots
            ).convert("L")
            self.p.image(img, impl="bitImageRaster", center=False)
            return
        self.style(size, bold, align)
        if mode == "gb18030":
            self.p._raw(text_safety.gb18030(text) + b"\n")
        elif mode == "big5":
            self.p._raw(text_safety.big5(text) + b"\n")
        else:
            self.p.text(text + "\n")

    def paragraph(
        self, text: str, size: str = "normal", bold: bool = False, align: str = "left"
    ) -> None:
        for part in wrap(text_safety.printable(text), self.columns(size), self.width):
            self.line(part, size, bold, align)

    def columns_line(self, left: str, right: str, size: str = "normal", bold: bool = False) -> None:
        """``left`` and ``right`` on one line, right-aligned to the paper edge."""
        cols = self.columns(size)
        left, right = text_safety.printable(left), text_safety.printable(right)
        gap = cols - self.width(left) - self.width(right)
        if gap >= 1 and self._needs_raster(left + right):
            # A drawn font is proportional: padding with spaces would leave the value
            # short of the edge, so the two sides are placed on one image instead.
            if self._raster_columns(left, right, size, bold):
                return
            gap = 0
        if gap < 1:
            self.paragraph(left, size, bold)
            self.line(right, size, bold, "right")
        else:
            self.line(left + " " * gap + right, size, bold)

    def _raster_columns(self, left: str, right: str, size: str, bold: bool) -> bool:
        """``left`` and ``right`` drawn on one paper-wide image; False if they do not fit."""
        px, width = RASTER_PX[size], self.config.width_dots
        parts = [raster_text.render(t, px, bold) for t in (left, right) if t]
        if sum(p.width for p in parts) + px // 3 > width:
            return False
        img = Image.new("1", (width, max(p.height for p in parts)), 1)
        if left:
            img.paste(parts[0], (0, 0))
        if right:
            img.paste(parts[-1], (width - parts[-1].width, 0))
        self.style("normal", False, "left")
        self.p.image(img.convert("L"), impl="bitImageRaster", center=False)
        return True

    def rule(self, char: str = "-") -> None:
        """A line across the paper: text in the printer's font, or drawn in raster mode."""
        if self.config.text_mode != "raster":
            self.line(char * self.columns("normal"))
            return
        width = self.config.width_dots
        img = Image.new("1", (width, 12), 1)
        draw = ImageDraw.Draw(img)
        if char == "_":  # a line to sign on
            draw.line((0, 10, width, 10), fill=0, width=2)
        else:  # dashed, as the printer's "-" would print
            for x in range(0, width, 12):
                draw.line((x + 2, 6, x + 8, 6), fill=0, width=2)
        self.style("normal", False, "left")
        self.p.image(img.convert("L"), impl="bitImageRaster", center=False)

    def logo(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            mtime = path.stat().st_mtime
        except OSError:
            raise ValidationError("printer_logo_missing", path=str(path)) from None
        self.p._raw(_logo_bytes(str(path), mtime, self.config.width_dots, 160))

    def qr(self, data: str, size_mm: float) -> None:
        module = self.config.qr_module or max(3, min(8, int(size_mm * DOTS_PER_MM / 45)))
        self.p.set(align="center")
        from escpos.constants import QR_ECLEVEL_M

        self.p.qr(text_safety.check_code(data), ec=QR_ECLEVEL_M, size=module, native=True)
        self.p._raw(b"\n")

    def code128(self, data: str, height_mm: float) -> None:
        self.p.set(align="center")
        # ``_hw_barcode`` is ``barcode()`` without its print() to stdout (and without the
        # software fallback we never want: every ESC/POS ticket printer has Code 128).
        self.p._hw_barcode(
            "{B" + text_safety.check_code(data, "serial"),
            "CODE128",
            height=max(24, min(255, int(height_mm * DOTS_PER_MM))),
            width=2,
            pos="OFF",
            function_type="B",
            align_ct=True,
        )
        self.p._raw(b"\n")

    def feed(self, lines: int = 1) -> None:
        self.p._raw(b"\n" * lines)

    def cut(self) -> None:
        self.p.cut()

    def finish(self) -> bytes:
        """The whole job; Chinese mode is switched off again for whoever prints next."""
        if self.config.text_mode in ("gb18030", "big5"):
            self.p._raw(FS_CHINESE_OFF)
        return self.p.output


@dataclass
class EscPosTicketDriver:
    """Renders filled ticket layouts as one ESC/POS job."""

    config: EscPosConfig = field(default_factory=EscPosConfig)
    template: Template | None = None
    language = "escpos"

    def _template(self) -> Template:
        return self.template or load_template()

    def write_ticket(self, w: EscPosWriter, elements: Iterable[Element]) -> None:
        for el in elements:
            if el.type == "logo":
                w.logo(self.config.logo)
            elif el.type == "text":
                w.paragraph(el.value, el.size, el.bold, el.align)
            elif el.type == "qr":
                w.qr(el.value, el.w)
            elif el.type == "code128":
                w.code128(el.value, el.h)
        w.cut()

    def render(self, tickets: Sequence[TicketData]) -> bytes:
        """One job for ``tickets``, each ending in a cut."""
        if not tickets:
            raise ValidationError("print_no_tickets")
        template = self._template()
        w = EscPosWriter(self.config)
        for t in tickets:
            self.write_ticket(w, fill(template, t))
        return w.finish()
