"""Fonts for every PDF the system writes (tickets, receipts, slips, reports).

Latin text uses the PDF's built-in Helvetica. Text with Chinese (or other
characters Helvetica lacks) uses the standard CID font STSong-Light, which
every PDF viewer substitutes, so PDFs stay small and need no font file.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

CJK_FONT = "STSong-Light"


def has_cjk(text: str) -> bool:
    """True if ``text`` holds a character that needs a CJK font or code page."""
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


@cache
def register_cjk() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    return CJK_FONT


def font_for(text: str, bold: bool = False) -> str:
    """The font that can draw ``text``."""
    if has_cjk(text) or any(ord(c) > 0x24F and c not in "€–—·−±×" for c in text):
        return register_cjk()
    return "Helvetica-Bold" if bold else "Helvetica"
