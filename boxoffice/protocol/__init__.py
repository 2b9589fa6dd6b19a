"""The wire between terminals and the central server: the only package both import.

- ``operations``: the envelope of an operation and the body of each kind;
- ``requests``: the bodies of the other routes (enrol, holds, allocations, admin);
- ``replies``: the server's replies, and ``parse`` that checks one;
- ``day_end``: Z reports as terminals send them, the server's day end;
- ``catalogue``: the catalogue schema (its own, not the terminal's table columns);
- ``constants``: numbers both ends agree on (``MAX_BATCH``, the API prefix, ...);
- ``audit_hash``: the audit log's chain hash; ``keys``: a ticket key's id;
- ``errors``: ``SyncError`` and ``BadServerReply``.

It imports nothing from ``boxoffice`` but base modules (``errors``). The names
most used are re-exported here, so ``from boxoffice import protocol as p;
p.parse(p.Hold, ...)`` reads as before; they are loaded on first use, so a
module that needs only the audit hash does not pay for pydantic models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Re-exported name -> the module that defines it.
_HOME = {
    "API_PREFIX": "constants",
    "MAX_BATCH": "constants",
    "DayEnd": "day_end",
    "OpenShift": "day_end",
    "TerminalDay": "day_end",
    "ZCash": "day_end",
    "ZLine": "day_end",
    "ZReport": "day_end",
    "ZScheme": "day_end",
    "ZSignoff": "day_end",
    "ZTender": "day_end",
    "BadServerReply": "errors",
    "SyncError": "errors",
    "Envelope": "operations",
    "Operation": "operations",
    "Allocation": "replies",
    "Allocations": "replies",
    "Catalogue": "replies",
    "ConflictInfo": "replies",
    "Conflicts": "replies",
    "Enrolment": "replies",
    "ErrorInfo": "replies",
    "FeedEvent": "replies",
    "FeedPage": "replies",
    "Health": "replies",
    "Hold": "replies",
    "OpResult": "replies",
    "PushReply": "replies",
    "ServerConflict": "replies",
    "TerminalInfo": "replies",
    "parse": "replies",
}

__all__ = [
    "API_PREFIX",
    "MAX_BATCH",
    "Allocation",
    "Allocations",
    "BadServerReply",
    "Catalogue",
    "ConflictInfo",
    "Conflicts",
    "DayEnd",
    "Enrolment",
    "Envelope",
    "ErrorInfo",
    "FeedEvent",
    "FeedPage",
    "Health",
    "Hold",
    "OpResult",
    "OpenShift",
    "Operation",
    "PushReply",
    "ServerConflict",
    "SyncError",
    "TerminalDay",
    "TerminalInfo",
    "ZCash",
    "ZLine",
    "ZReport",
    "ZScheme",
    "ZSignoff",
    "ZTender",
    "parse",
]

if TYPE_CHECKING:
    from boxoffice.protocol.constants import (
        API_PREFIX,
        MAX_BATCH,
    )
    from boxoffice.protocol.day_end import (
        DayEnd,
        OpenShift,
        TerminalDay,
        ZCash,
        ZLine,
        ZReport,
        ZScheme,
        ZSignoff,
        ZTender,
    )
    from boxoffice.protocol.errors import (
        BadServerReply,
        SyncError,
    )
    from boxoffice.protocol.operations import (
        Envelope,
        Operation,
    )
    from boxoffice.protocol.replies import (
        Allocation,
        Allocations,
        Catalogue,
        ConflictInfo,
        Conflicts,
        Enrolment,
        ErrorInfo,
        FeedEvent,
        FeedPage,
        Health,
        Hold,
        OpResult,
        PushReply,
        ServerConflict,
        TerminalInfo,
        parse,
    )


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
