"""Text drawn as a bitmap with a CJK font, for printers without the right characters.

Used by ESC/POS in ``raster`` mode and by FGL for any text outside ASCII/Latin-1:
the printer receives an image, so what it prints does not depend on its fonts.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from boxoffice.errors import ValidationError

FONT_ENV = "BOXOFFICE_CJK_FONT"
_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)


def find_cjk_font(bold: bool = False) -> Path:
    """The CJK font file: ``$BOXOFFICE_CJK_FONT`` or the first installed candidate."""
    env = os.environ.get(FONT_ENV)
    if env:
        if not Path(env).is_file():
            raise ValidationError("print_font_not_a_file", variable=FONT_ENV, path=env)
        return Path(env)
    candidates = list(_CANDIDATES)
    if bold:
        candidates.insert(0, candidates.pop(1))
    for c in candidates:
        if Path(c).is_file():
            return Path(c)
    raise ValidationError("print_cjk_font_missing", variable=FONT_ENV)


@lru_cache(maxsize=32)
def font(px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    # index 2 of the Noto CJK collection is Simplified Chinese (SC) glyph forms.
    path = find_cjk_font(bold)
    index = 2 if "NotoSansCJK" in path.name else 0
    return ImageFont.truetype(str(path), px, index=index)


@lru_cache(maxsize=512)
def render(text: str, px: int, bold: bool = False, max_width: int = 0) -> Image.Image:
    """``text`` as a 1-bit image ``px`` high (black on white), cut at ``max_width`` dots."""
    f = font(px, bold)
    _left, _top, right, bottom = f.getbbox(text)
    width = max(1, right + 2)
    if max_width:
        width = min(width, max_width)
    img = Image.new("1", (width, max(px, bottom + 1)), 1)
    ImageDraw.Draw(img).text((0, 0), text, font=f, fill=0)
    return img
