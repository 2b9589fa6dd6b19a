"""Signing in: right and wrong secrets, no user enumeration, lockout that persists."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.login import WRONG_CREDENTIALS, authenticate, login
from boxoffice.auth.users import get_user
from boxoffice.errors import AuthenticationFailed
from boxoffice.store import Store
from tests.auth import ADAM_PASSWORD, ANN_PIN, T0, TERMINAL, Staff, make_staff


@pytest.fixture
def staff(store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Staff:
    return make_staff(store, admin, monkeypatch)


def _failed_attempts(store: Store, username: str) -> int:
    with store.read() as session:
        return get_user(session, username).failed_attempts


def _fail(store: Store, username: str, secret: str, now: datetime = T0) -> str:
    with pytest.raises(AuthenticationFailed) as caught:
        login(store, username, secret, TERMINAL, now=now)
    return str(caught.value)


def test_right_pin_signs_in_and_is_audited(store: Store, staff: Staff) -> None:
    actor = login(store, "ann", ANN_PIN, TERMINAL, now=T0)
    assert actor == Actor(staff.ann.user_id, "ann", TERMINAL)
    assert login(store, "adam", ADAM_PASSWORD, "office", now=T0).terminal == "office"
    with store.read() as session:
        entries = audit.entries(session, "login")
    assert [(e.username, e.terminal) for e in entries] == [("ann", TERMINAL), ("adam", "office")]


def test_unknown_user_and_wrong_pin_look_the_same_but_both_are_audited(
    store: Store, staff: Staff
) -> None:
    wrong_pin = _fail(store, "ann", "9999")
    unknown = _fail(store, "nobody", "9999")
    assert wrong_pin == unknown == WRONG_CREDENTIALS
    with store.read() as session:
        failures = audit.entries(session, "login.failed")
    assert [f.subject for f in failures] == ["user:ann", "user:nobody"]
    assert json.loads(failures[0].details)["reason"] == "wrong secret"
    assert json.loads(failures[1].details)["reason"] == "unknown user"


def test_failure_counter_persists_across_transactions(store: Store, staff: Staff) -> None:
    _fail(store, "ann", "0000")
    _fail(store, "ann", "1111")
    assert _failed_attempts(store, "ann") == 2
    login(store, "ann", ANN_PIN, TERMINAL, now=T0)
    assert _failed_attempts(store, "ann") == 0  # success resets the count


def test_authenticate_in_callers_transaction_keeps_the_failure(store: Store, staff: Staff) -> None:
    with store.write() as session:
        outcome = authenticate(session, "ann", "0000", TERMINAL, now=T0)
    assert not outcome.ok
    with pytest.raises(AuthenticationFailed, match="Wrong username"):
        outcome.actor_or_raise()
    assert _failed_attempts(store, "ann") == 1
    with store.write() as session:
        ok = authenticate(session, "ann", ANN_PIN, TERMINAL, now=T0)
    assert ok.actor_or_raise() == staff.ann


def test_five_failures_lock_for_five_minutes(store: Store, staff: Staff) -> None:
    for i in range(4):
        assert _fail(store, "ann", "0000", T0 + timedelta(seconds=i)) == WRONG_CREDENTIALS
    fifth = _fail(store, "ann", "0000", T0 + timedelta(seconds=4))
    assert "locked until 12:05:04 UTC" in fifth

    # While locked, even the right PIN is refused, saying until when.
    refused = _fail(store, "ann", ANN_PIN, T0 + timedelta(minutes=5, seconds=3))
    assert "locked until 12:05:04 UTC" in refused

    # Other users are not affected.
    assert login(store, "ben", "4321", TERMINAL, now=T0 + timedelta(minutes=1)) == staff.ben

    # Five minutes after the lock, the right PIN works again.
    actor = login(store, "ann", ANN_PIN, TERMINAL, now=T0 + timedelta(minutes=5, seconds=4))
    assert actor == staff.ann

    with store.read() as session:
        locks = audit.entries(session, "login.locked")
        refusals = audit.entries(session, "login.refused")
    assert [e.subject for e in locks] == ["user:ann"]
    assert json.loads(refusals[0].details)["reason"] == "locked"


def test_success_in_between_resets_the_run(store: Store, staff: Staff) -> None:
    for _ in range(3):
        _fail(store, "ann", "0000")
    login(store, "ann", ANN_PIN, TERMINAL, now=T0)
    for _ in range(4):
        assert _fail(store, "ann", "0000") == WRONG_CREDENTIALS  # 7 wrong, but not in a row
    with store.read() as session:
        ann = get_user(session, "ann")
        assert (ann.failed_attempts, ann.locked_until) == (4, None)
