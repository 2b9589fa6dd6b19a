"""The sync state the UI shows at all times (online/offline, waiting, last contact, conflicts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from boxoffice.errors import BoxOfficeError


@dataclass(frozen=True)
class SyncStatus:
    #: A central server is configured (otherwise the terminal works alone).
    configured: bool = False
    #: The last call reached the server and was answered.
    online: bool = False
    #: Operations not yet acknowledged by the server (pending + in flight + attention).
    waiting: int = 0
    #: Of those, operations the server refused as sent (need a supervisor).
    attention: int = 0
    #: Open conflicts.
    conflicts: int = 0
    last_contact: datetime | None = None
    #: Why the last attempt failed ("" when it did not), in English (logs).
    last_error: str = ""
    cursor: str | None = None
    #: The same as a refusal by code, to show in the terminal's language (``error_text``).
    error: BoxOfficeError | None = field(default=None, compare=False)

    def error_text(self, lang: str = "en") -> str:
        """Why the last attempt failed, in ``lang`` ("" when it did not)."""
        if self.error is not None and self.last_error:
            return self.error.message(lang)
        return self.last_error

    @property
    def offline(self) -> bool:
        """Sales must come from this terminal's allocation (invariant 3)."""
        return self.configured and not self.online


STANDALONE = SyncStatus()
