"""Operations: one function per user action, and the queries screens read.

An op is the only door from a screen, the admin CLI or a benchmark into the
core. It takes the terminal context (``boxoffice.context``) and plain
arguments, owns its transactions (``ctx.store.write()``), runs the domain
services, devices and sync it needs in the right order, publishes what it
changed on the context's bus, and returns an ``OpResult``: its value and
that change-set. Queries (``queries.py``) return plain data (dataclasses,
tuples, arrays), never ORM rows.

Refusals are ``boxoffice.errors.BoxOfficeError`` with a code; a refusal that
a supervisor could lift is ``NeedsOverride``, and the caller retries the op
with the override it got.

No Qt here, and no module-level state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from boxoffice.bus import NOTHING, ChangeSet

T = TypeVar("T")


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What an op returns: its ``value`` and the ``changes`` it published."""

    value: T
    changes: ChangeSet = NOTHING


__all__ = ["ChangeSet", "OpResult"]
