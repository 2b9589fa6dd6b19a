"""Shift tests run in the sales tests' small box office (ann and sue, shifts open)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select

from boxoffice.actor import Actor
from boxoffice.sales.payment_terminal import SimulatedTerminal
from boxoffice.sales.signer import open_signer, register
from boxoffice.store import open_store
from boxoffice.store.models import GAArea, Seat, User
from tests.sales.conftest import (
    TERMINAL,
    World,
    _template,
    open_test_shifts,
    settle_outbox,
    world,
)

__all__ = ["_template", "fresh_world", "world"]


@contextmanager
def fresh_world(template: Path) -> Iterator[World]:
    """A World of its own, for property tests (one per generated example)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "boxoffice.sqlite3"
        shutil.copy(template, path)
        store = open_store(path, migrate=False)
        signer = open_signer(path)
        with store.write() as s:
            register(s, signer, TERMINAL)
            ids = {u.username: u.id for u in s.scalars(select(User))}
            seats = dict(s.execute(select(Seat.guid, Seat.id)).all())
            standing = s.scalar(select(GAArea.id)) or 0
            shifts = open_test_shifts(s, ids)
            settle_outbox(s)
        try:
            yield World(
                store=store,
                signer=signer,
                clerk=Actor(ids["ann"], "ann", TERMINAL),
                supervisor=Actor(ids["sue"], "sue", TERMINAL),
                performance=1,
                other_performance=2,
                seats=seats,
                standing=standing,
                terminal=SimulatedTerminal(),
                shifts=shifts,
            )
        finally:
            store.dispose()
