"""The audit chain catches an edited, deleted, inserted or truncated entry."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.store import Store


def _fill(store: Store, actor: Actor, n: int = 5) -> None:
    for i in range(n):
        with store.write() as session:
            audit.record(
                session,
                actor,
                "price.set",
                f"performance:{i}",
                {"amount": 1000 + i, "currency": "EUR"},
            )


def _verify(store: Store) -> audit.AuditProblem | None:
    with store.read() as session:
        return audit.verify(session)


def test_intact_chain_verifies(store: Store, admin: Actor) -> None:
    assert _verify(store) is None  # empty log
    _fill(store, admin)
    assert _verify(store) is None
    with store.read() as session:
        rows = audit.entries(session)
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert rows[1].prev_hash == rows[0].hash
    assert json.loads(rows[2].details) == {"amount": 1002, "currency": "EUR"}


def test_edited_entry_is_named(store: Store, admin: Actor) -> None:
    _fill(store, admin)
    with store.write() as session:
        session.execute(
            text("update audit_log set details = :d where seq = 3"),
            {"d": '{"amount":1,"currency":"EUR"}'},
        )
    problem = _verify(store)
    assert problem is not None and problem.seq == 3 and "altered" in problem.reason


def test_edit_with_recomputed_hash_breaks_the_next_link(store: Store, admin: Actor) -> None:
    _fill(store, admin)
    with store.write() as session:
        e = session.get(audit.AuditEntry, 2)
        assert e is not None
        e.subject = "performance:999"
        e.hash = audit.entry_hash(
            e.seq,
            e.at,
            e.user_id,
            e.username,
            e.terminal,
            e.action,
            e.subject,
            e.details,
            e.prev_hash,
        )
    problem = _verify(store)
    assert problem is not None and problem.seq == 3 and "prev_hash" in problem.reason


def test_deleted_entry_is_named(store: Store, admin: Actor) -> None:
    _fill(store, admin)
    with store.write() as session:
        session.execute(text("delete from audit_log where seq = 2"))
    problem = _verify(store)
    assert problem is not None and problem.seq == 2 and "missing" in problem.reason


def test_deleted_last_entry_is_caught_by_the_head(store: Store, admin: Actor) -> None:
    _fill(store, admin)
    with store.write() as session:
        session.execute(text("delete from audit_log where seq = 5"))
    problem = _verify(store)
    assert problem is not None and problem.seq == 5 and "missing" in problem.reason


@pytest.mark.parametrize("field", ["username", "terminal", "action", "at"])
def test_any_field_edit_is_caught(store: Store, admin: Actor, field: str) -> None:
    _fill(store, admin, 3)
    value = "'2020-01-01 00:00:00.000000'" if field == "at" else "'mallory'"
    with store.write() as session:
        session.execute(text(f"update audit_log set {field} = {value} where seq = 1"))
    problem = _verify(store)
    assert problem is not None and problem.seq == 1
