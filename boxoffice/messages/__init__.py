"""The message catalogue: every refusal's words, in English and Simplified Chinese.

One catalogue for the UI, the CLI and the audit text. A refusal is a code and
parameters (``boxoffice.errors``); its words are looked up here by code:

    render("seats_unavailable", {"seats": ["A-1", "A-2"]}, "zh_CN")

Each area keeps its own table in a module beside this one (``sales.py``,
``shifts.py``, ...): ``MESSAGES = {code: (english, chinese)}`` and, for the
words that appear *inside* messages (a permission, a role, a tender),
``TERMS = {kind: {value: (english, chinese)}}``. Every module here is an area;
a code may be defined once only (``tests/test_messages.py`` checks that, and
that both languages use the same placeholders).

Placeholders are ``str.format`` fields by name. A format spec names how the
value is shown:

- ``{seats}``: a list is joined (", " in English, "、" in Chinese);
- ``{amount:money}``: a ``Money`` (or anything with ``format()``);
- ``{permission:permission}``: any other spec is a ``TERMS`` kind; the value
  is looked up there and shown in the language, or as it is when unknown.

A ``Notice`` is a code and parameters that is not a refusal (a voucher left
out of a cart); it renders the same way and may be a parameter of another.

Chinese follows ``shared/GLOSSARY-zh.md``: full-width punctuation, no space
between Chinese text and a placeholder.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

LANGUAGES = ("en", "zh_CN")


def _areas() -> list[str]:
    """The modules beside this one: each holds ``MESSAGES`` (and maybe ``TERMS``)."""
    return sorted(info.name for info in pkgutil.iter_modules(__path__))


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every code with its (English, Chinese) message, from all areas."""
    merged: dict[str, tuple[str, str]] = {}
    for area in _areas():
        module = importlib.import_module(f"{__name__}.{area}")
        for code, pair in getattr(module, "MESSAGES", {}).items():
            if code in merged:
                raise RuntimeError(f"message code {code!r} is defined twice ({area})")
            merged[code] = pair
    return merged


@cache
def terms() -> dict[str, dict[str, tuple[str, str]]]:
    """Every term kind with its values' (English, Chinese) words, from all areas."""
    merged: dict[str, dict[str, tuple[str, str]]] = {}
    for area in _areas():
        module = importlib.import_module(f"{__name__}.{area}")
        for kind, table in getattr(module, "TERMS", {}).items():
            target = merged.setdefault(kind, {})
            for value, pair in table.items():
                if value in target and target[value] != pair:
                    raise RuntimeError(f"term {kind}.{value} is defined twice ({area})")
                target[value] = pair
    return merged


def normalise(lang: str | None) -> str:
    """``zh``, ``zh_CN``, ``zh-Hans`` … → ``zh_CN``; anything else → ``en``."""
    return "zh_CN" if (lang or "").lower().replace("-", "_").startswith("zh") else "en"


def term(kind: str, value: object, lang: str = "en") -> str:
    """One word of a ``TERMS`` kind in ``lang``; the value itself when unknown."""
    pair = terms().get(kind, {}).get(str(value))
    if pair is None:
        return str(value)
    return pair[1] if normalise(lang) == "zh_CN" else pair[0]


@dataclass(frozen=True)
class Notice:
    """A sentence by code that is not a refusal: something the clerk should know.

    For example why a voucher the clerk entered was left out of a cart
    (``pricing.PricedCart.not_applied``). Like a refusal it is a code and its
    parameters; ``str()`` is the English, ``message(lang)`` any language. A
    parameter may itself be a ``Notice`` (rendered in the same language).
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message("en")


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        zh = self.lang == "zh_CN"
        if format_spec == "money":
            fmt = getattr(value, "format", None)
            return fmt() if callable(fmt) else str(value)
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            parts = [self.format_field(item, format_spec) for item in items]
            return ("、" if zh else ", ").join(parts)
        if format_spec and format_spec not in ("s", "d"):
            if format_spec in terms():
                return term(format_spec, value, self.lang)
            try:
                return super().format_field(value, format_spec)
            except (ValueError, TypeError):
                return str(value)
        if isinstance(value, (BaseException, Notice)):
            inner = getattr(value, "message", None)
            return inner(self.lang) if callable(inner) else str(value)
        return str(value)


def render(code: str, params: Mapping[str, Any] | None = None, lang: str | None = "en") -> str:
    """The message for ``code`` in ``lang``, its placeholders filled from ``params``.

    An unknown code renders as the code and its parameters (never an
    exception: a refusal must always reach the person).
    """
    params = dict(params or {})
    lang = normalise(lang)
    pair = catalogue().get(code)
    if pair is None:
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code}({shown})" if shown else code
    template = pair[1] if lang == "zh_CN" else pair[0]
    try:
        return _Formatter(lang).format(template, **params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return template
