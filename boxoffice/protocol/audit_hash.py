"""The audit log's chain hash, the same on the terminal and on the server.

An entry's hash covers its own fields and the previous entry's hash (the
first entry follows ``GENESIS``), so editing, inserting, reordering or
deleting an entry breaks the chain. ``boxoffice.audit`` (the terminal's log)
and ``boxoffice.server.audit`` (the server's) both hash with this.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def canonical_json(details: dict[str, Any]) -> str:
    """An entry's details as the hash sees them: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(
        details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


def entry_hash(
    seq: int,
    at: datetime,
    user_id: int | None,
    username: str,
    terminal: str,
    action: str,
    subject: str,
    details: str,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of an entry's fields and the hash of the entry before it."""
    fields = [
        str(seq),
        at.isoformat(timespec="microseconds"),
        "" if user_id is None else str(user_id),
        username,
        terminal,
        action,
        subject,
        details,
        prev_hash,
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()
