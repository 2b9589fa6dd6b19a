"""A refusal as the clerk reads it, in the UI language, rendered from its code.

``error.message(lang)`` renders a coded refusal from the one message
catalogue (``boxoffice.messages``). A refusal still carrying the legacy code
``"message"`` (an English sentence not yet given a code) is shown as its
text: nothing is translated by matching English. Anything that is not a
``BoxOfficeError`` is a bug, not a refusal: it is named as such.
"""

from __future__ import annotations

from boxoffice.errors import LEGACY, BoxOfficeError
from boxoffice.ui.qt import QLocale, translate


def ui_language() -> str:
    """``"zh_CN"`` when the UI runs in Chinese, else ``"en"`` (set by ``create_app``)."""
    return "zh_CN" if QLocale().name().lower().startswith("zh") else "en"


def error_text(error: BaseException, lang: str | None = None) -> str:
    """What to show for ``error`` in ``lang`` (default: the UI language)."""
    if isinstance(error, BoxOfficeError):
        if error.code == LEGACY:
            return str(error.params.get("text", error))
        return error.message(lang or ui_language())
    return translate("ErrorText", "Something went wrong: %1").replace("%1", repr(error))
