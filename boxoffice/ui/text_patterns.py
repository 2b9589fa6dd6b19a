"""Translating English texts that carry names and figures, by their shape.

The core writes reports and refusals in English with values inside
("Z report 3 — Window 1", "ann has no open shift at Window 1; …"). The UI
translates such a text by matching it against a regular expression and
filling the matched values into a translated template (``%1``, ``%2`` …).
``report_text`` and ``service_messages`` each keep their own catalogue; this
is the one place that matches and fills.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TextPattern:
    """``regex`` over the English text; ``template`` the translatable text.

    ``words[i]`` says whether group ``i + 1`` is itself a known phrase to
    translate (a permission, a status, a tender) rather than a name or a
    figure kept as written.
    """

    regex: re.Pattern[str]
    template: str
    words: tuple[bool, ...]


def pattern(regex: str, template: str, *words: bool) -> TextPattern:
    """A whole-text pattern; ``words`` defaults to keeping every group as written."""
    compiled = re.compile(f"^(?:{regex})$")
    return TextPattern(compiled, template, words or (False,) * compiled.groups)


def fill(
    text: str,
    patterns: Iterable[TextPattern],
    translate: Callable[[str], str],
    translate_word: Callable[[str], str],
) -> str | None:
    """``text`` translated by the first pattern it matches, or ``None`` if none does.

    Where nothing would change (no translation loaded), the text comes back
    exactly as written.
    """
    for p in patterns:
        found = p.regex.match(text)
        if not found:
            continue
        template = translate(p.template)
        values = found.groups()
        parts = [
            translate_word(value) if is_word else value
            for value, is_word in zip(values, p.words, strict=True)
        ]
        if template == p.template and parts == list(values):
            return text
        return substitute(template, parts)
    return None


def substitute(template: str, parts: list[str]) -> str:
    """``%1`` … ``%n`` replaced in one pass, so a part that contains ``%2`` stays as it is."""
    return re.sub(r"%(\d+)", lambda m: parts[int(m[1]) - 1], template)
