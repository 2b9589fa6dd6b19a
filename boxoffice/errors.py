"""Refusals: a stable code and its parameters, rendered by one message catalogue.

Every service refuses bad input before it changes anything, with a
``BoxOfficeError`` that carries a **code** (``"seats_unavailable"``) and the
**parameters** its message needs (``seats=["A-1", "A-2"]``). The words live
in ``boxoffice.messages``: one catalogue, English and Simplified Chinese, used
by the UI, the CLI (``--lang`` / the locale) and the audit text alike. Nothing
ever translates by matching English text.

    raise ValidationError("amount_negative", amount=amount)
    raise NotFound("performance_not_found", performance=42)
    raise NeedsOverride("refund", subject="order W1-000123")

``str(error)`` is the English message (logs, tracebacks, tests);
``error.message(lang)`` renders it in another language.

Legacy: a code that is not a plain ``snake_case`` identifier is taken as an
English sentence written before the catalogue existed; it is kept under the
code ``"message"`` so nothing is lost, and ``tests/test_messages.py`` counts
the raise sites that still do this (the number only ever goes down).
"""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"^[a-z][a-z0-9_]*$")

#: The code under which an uncatalogued English sentence travels (see module doc).
LEGACY = "message"


class BoxOfficeError(Exception):
    """Base for every refusal a user may see: ``code`` + ``params``."""

    #: The code used when a subclass is raised with no arguments at all.
    default_code = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is None:
            code = self.default_code
        if not isinstance(code, str) or not _CODE.match(code):
            params = {"text": str(code), **params}
            code = LEGACY
        self.code: str = code
        self.params: dict[str, Any] = params
        super().__init__(code)

    def message(self, lang: str = "en") -> str:
        """The refusal in ``lang`` (``"en"`` or ``"zh_CN"``), from the catalogue."""
        from boxoffice.messages import render

        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message("en")

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{type(self).__name__}({self.code!r}{', ' if args else ''}{args})"

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across processes
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[BoxOfficeError], code: str, params: dict[str, Any]) -> BoxOfficeError:
    error = cls.__new__(cls)
    BoxOfficeError.__init__(error, code, **params)
    return error


class ValidationError(BoxOfficeError, ValueError):
    """Input that does not make sense (a bad amount, an unknown zone, ...)."""

    default_code = "invalid_input"


class NotFound(BoxOfficeError, LookupError):
    """A named thing (venue, event, user, ...) does not exist."""

    default_code = "not_found"


class Conflict(BoxOfficeError):
    """The request collides with what is already there (a duplicate name, ...)."""

    default_code = "conflict"


class PermissionDenied(BoxOfficeError, PermissionError):
    """The acting user may not do this, and no override was given."""

    default_code = "permission_denied"


class NeedsOverride(PermissionDenied):
    """The user may not do this alone, but a supervisor's override would allow it.

    ``permission`` names the permission (``"refund"``), ``subject`` what it is
    about (an order, a shift). The UI opens the override dialog generically on
    this error, for any action, and retries the op with the override.
    """

    default_code = "needs_override"

    def __init__(self, permission: str, /, *, subject: str = "", **params: Any) -> None:
        super().__init__("needs_override", permission=permission, subject=subject, **params)

    @property
    def permission(self) -> str:
        return str(self.params["permission"])

    @property
    def subject(self) -> str:
        return str(self.params.get("subject", ""))


class AuthenticationFailed(BoxOfficeError):
    """Wrong user, PIN or password, or the user is locked."""

    default_code = "authentication_failed"
