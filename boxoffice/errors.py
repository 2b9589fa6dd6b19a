"""Errors that services raise for a person to read.

Every service refuses bad input with one of these, before it changes anything,
so the UI and the CLI can show the message as it is.
"""


class BoxOfficeError(Exception):
    """Base for every error a user may see; the message is meant for them."""


class ValidationError(BoxOfficeError, ValueError):
    """Input that does not make sense (a bad amount, an unknown zone, ...)."""


class NotFound(BoxOfficeError, LookupError):
    """A named thing (venue, event, user, ...) does not exist."""


class Conflict(BoxOfficeError):
    """The request collides with what is already there (a duplicate name, ...)."""


class PermissionDenied(BoxOfficeError, PermissionError):
    """The acting user may not do this, and no override was given."""


class AuthenticationFailed(BoxOfficeError):
    """Wrong user, PIN or password, or the user is locked."""
