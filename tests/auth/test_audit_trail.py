"""Every auth event lands in the audit chain, the chain verifies, and no secret leaks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.grants import grant, revoke_grant
from boxoffice.auth.guard import require
from boxoffice.auth.login import login
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.users import create_user, deactivate, list_users, set_secret
from boxoffice.errors import AuthenticationFailed
from boxoffice.store import Store
from tests.auth import ALL_SECRETS, ANN_PIN, SUE_PIN, T0, TERMINAL, make_staff

NEW_PIN = "97531"


def test_auth_events_are_audited_without_secrets(
    store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = make_staff(store, admin, monkeypatch)

    login(store, "ann", ANN_PIN, TERMINAL, now=T0)
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            login(store, "ben", ANN_PIN, TERMINAL, now=T0)  # a colleague's PIN
    with pytest.raises(AuthenticationFailed):
        login(store, "nobody", SUE_PIN, TERMINAL, now=T0)
    with store.write() as session:
        row = grant(session, staff.sue, "ann", "reprint", T0 + timedelta(hours=2), "jam", now=T0)
        revoke_grant(session, staff.sue, row.id, now=T0)
        create_user(session, admin, "carl", "door", NEW_PIN)
        set_secret(session, admin, "ben", NEW_PIN)
        deactivate(session, admin, "carl")
    override = authorise_override(
        store, staff.ann, "sue", SUE_PIN, "void", "order:9", "wrong show", now=T0
    )
    with store.write() as session:
        require(session, staff.ann, "void", subject="order:9", override=override, now=T0)

    with store.read() as session:
        entries = audit.entries(session)
        actions = {e.action for e in entries}
        assert audit.verify(session) is None
        hashes = [u.secret_hash for u in list_users(session)]

    assert {
        "role.sync",
        "user.create",
        "login",
        "login.failed",
        "login.locked",
        "grant",
        "grant.revoke",
        "user.secret_changed",
        "user.deactivate",
        "override.granted",
        "override.used",
    } <= actions
    text = "\n".join(f"{e.subject}\x1f{e.details}" for e in entries)
    for secret in (*ALL_SECRETS, NEW_PIN):
        assert secret not in text, f"secret {secret!r} leaked into the audit log"
    assert "$argon2" not in text
    for digest in hashes:
        assert digest not in text
