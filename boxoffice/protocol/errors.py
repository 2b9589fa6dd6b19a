"""How talking over the wire can fail, for both ends to name the same way.

``SyncError`` is the base of every error of the conversation between a
terminal and the central server (the client's sync adds its own kinds:
``boxoffice.sync.errors``). ``BadServerReply`` is a reply that does not follow
the protocol (not JSON, a missing field, a float for money, a time without a
zone): nothing of it is applied.
"""

from __future__ import annotations

from boxoffice.errors import BoxOfficeError


class SyncError(BoxOfficeError):
    """Base of the errors of the conversation with the central server."""


class BadServerReply(SyncError):
    """The reply is not what the protocol says (not JSON, missing fields, wrong types)."""
