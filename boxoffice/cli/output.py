"""Printing for the admin CLI: aligned tables for people, JSON for scripts, refusals.

A refusal is printed as one line, ``boxoffice-admin: error: ...``, in the
language of ``--lang`` or else of the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``), rendered from the message catalogue by the error's code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from boxoffice.errors import BoxOfficeError
from boxoffice.messages import normalise

#: The languages ``--lang`` accepts.
LANGUAGES = ("en", "zh_CN")


def language(choice: str | None, environ: Mapping[str, str]) -> str:
    """``--lang`` if given, else the locale's language (POSIX order), else English."""
    if choice:
        return normalise(choice)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return normalise(value)
    return "en"


def emit(rows: Sequence[dict[str, Any]], as_json: bool, columns: Sequence[str]) -> None:
    if as_json:
        print(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
        return
    if not rows:
        print("(none)")
        return
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    print("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip())
    for row in rows:
        print("  ".join(str(row.get(c, "")).ljust(widths[c]) for c in columns).rstrip())


def fail(error: BoxOfficeError, lang: str = "en", code: int = 2) -> int:
    """Print ``error`` in ``lang`` as one line on stderr; return the exit code."""
    text = " ".join(error.message(lang).split())
    print(f"boxoffice-admin: error: {text}", file=sys.stderr)
    return code
