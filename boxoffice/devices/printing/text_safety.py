"""Text that reaches a printer: control characters removed, CJK encoded as printers read it.

A customer name or event title is data, never commands: every driver passes
printed text through here so nothing in it can cut, kick a drawer, reset the
printer or (FGL) open a command with ``<``.
"""

from __future__ import annotations

import unicodedata

from boxoffice.errors import ValidationError

#: Characters FGL reads as syntax: command brackets, barcode delimiters, tilde escapes.
FGL_SYNTAX = "<>^~"
_FGL_DROP = str.maketrans("", "", FGL_SYNTAX)
#: Characters Chinese printers lack in GB2312/GBK or Big5, with what to print instead.
#: ``¥`` U+00A5 is a 4-byte GB18030 sequence that prints as garbage; ``￥`` U+FFE5 is A3A4.
CJK_SUBSTITUTES = {
    "¥": "￥",
    "€": "EUR",
    "–": "-",
    "—": "-",
    "·": "·",
}


def printable(text: str) -> str:
    """``text`` without control characters (C0, DEL, C1); tabs and newlines become spaces."""
    if text.isascii() and text.isprintable():  # the common case, without a loop
        return text
    out = []
    for ch in text:
        if ch in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and ch != "\u200d":
            continue
        else:
            out.append(ch)
    return "".join(out)


def fgl_text(text: str) -> str:
    """Printable text with FGL's syntax characters removed (no command injection)."""
    return printable(text).translate(_FGL_DROP)


def _encode_cjk(text: str, codec: str) -> bytes:
    """Encode for a printer in Chinese mode: one or two bytes a character, nothing longer."""
    if text.isascii() and text.isprintable():  # one byte each in GB18030 and Big5 alike
        return text.encode("ascii")
    out = bytearray()
    for ch in printable(text):
        ch = CJK_SUBSTITUTES.get(ch, ch)
        for c in ch:
            try:
                b = c.encode(codec)
            except UnicodeEncodeError:
                b = b"?"
            if len(b) > 2 or (len(b) == 1 and b[0] >= 0x80):
                # 4-byte GB18030 (outside GBK) or a vendor single byte: printers show garbage.
                b = b"?"
            out += b
    return bytes(out)


def cjk_encodable(text: str, codec: str) -> bool:
    """True if a Chinese-mode printer on ``codec`` can print every character of ``text``."""
    if text.isascii():
        return True
    for ch in printable(text):
        for c in CJK_SUBSTITUTES.get(ch, ch):
            try:
                b = c.encode(codec)
            except UnicodeEncodeError:
                return False
            if len(b) > 2 or (len(b) == 1 and b[0] >= 0x80):
                return False
    return True


def gb18030(text: str) -> bytes:
    """Bytes for a GB18030 printer in Chinese mode (``FS &``), 2-byte range only."""
    return _encode_cjk(text, "gb18030")


def big5(text: str) -> bytes:
    """Bytes for a Big5 (Traditional Chinese) printer in Chinese mode."""
    return _encode_cjk(text, "cp950")  # Big5 as printers have it, with ￥ at A2 44


def check_code(text: str, what: str = "barcode") -> str:
    """A barcode payload must be printable ASCII without FGL syntax; refuse, never alter it."""
    if not text or not text.isascii() or any(c in FGL_SYNTAX or c < " " for c in text):
        raise ValidationError("barcode_text_unprintable", what=what, text=text)
    return text
