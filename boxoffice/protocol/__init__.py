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
p.parse(p.Hold, ...)`` reads as before.
"""

from boxoffice.protocol.constants import API_PREFIX, MAX_BATCH
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
from boxoffice.protocol.errors import BadServerReply, SyncError
from boxoffice.protocol.operations import Envelope, Operation
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
