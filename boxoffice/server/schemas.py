"""Response shapes for the OpenAPI document (docs only: routes build plain JSON).

The shapes are the protocol's (``boxoffice.protocol.replies``), defined once
for both ends: the client's reply parsers derive from the same classes, so a
client generated from ``/api/v1/openapi.json`` and the terminal's own sync
client read the replies the server documents.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from boxoffice.protocol.replies import (
    AllocationOut,
    AllocationsOut,
    CatalogueOut,
    ConflictBrief,
    ConflictOut,
    ConflictsOut,
    EnrolOut,
    ErrorOut,
    FeedEventOut,
    FeedOut,
    HealthOut,
    HoldOut,
    OpResultOut,
    PushOut,
    TerminalOut,
)

__all__ = [
    "AllocationOut",
    "AllocationsOut",
    "CatalogueOut",
    "ConflictBrief",
    "ConflictOut",
    "ConflictsOut",
    "EnrolOut",
    "ErrorOut",
    "FeedEventOut",
    "FeedOut",
    "HealthOut",
    "HoldOut",
    "OpResultOut",
    "PushOut",
    "TerminalOut",
    "doc",
]


def doc(model: type[BaseModel], status: int = 200, *errors: int) -> dict[int | str, Any]:
    """``responses=`` for a route: its reply and the error shape of its refusals."""
    out: dict[int | str, Any] = {status: {"model": model}}
    for code in (401, 422, *errors):
        out[code] = {"model": ErrorOut}
    return out
