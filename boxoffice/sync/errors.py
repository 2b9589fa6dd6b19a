"""How a call to the central server can go wrong, so the worker knows what to do.

``ServerUnreachable`` means "offline": retry later with backoff.
``ServerRefused`` is the server's considered answer (4xx) and carries its message.
``BadServerReply`` is a reply that cannot be trusted: nothing is applied.
"""

from __future__ import annotations

from typing import Any

from boxoffice.protocol.errors import BadServerReply, SyncError

__all__ = [
    "BadServerReply",
    "NotEnrolled",
    "ServerRefused",
    "ServerUnreachable",
    "SyncError",
]


class NotEnrolled(SyncError):
    """This terminal has no device token for the server: enrol it first."""


class ServerUnreachable(SyncError):
    """No answer (connection refused, timeout, TLS failure, 5xx): work offline."""


class ServerRefused(SyncError):
    """A 4xx answer: the request itself was not acceptable.

    ``message`` is the server's own words (its reply's ``message``), shown as
    they come under ``sync_server_refused``. A refusal the client makes itself
    before asking (an empty enrolment code) gives its catalogue ``code`` instead.
    """

    def __init__(
        self,
        status: int,
        message: str = "",
        body: Any = None,
        *,
        code: str | None = None,
        **params: Any,
    ) -> None:
        self.status = status
        self.body = body
        if code is None:
            super().__init__("sync_server_refused", status=status, reason=message, **params)
        else:
            super().__init__(code, status=status, **params)
