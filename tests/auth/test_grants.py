"""Permissions checked in services, and lent for a while with grants."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.grants import effective_permissions, grant, list_grants, revoke_grant
from boxoffice.auth.guard import has_permission, require
from boxoffice.auth.permissions import Permission
from boxoffice.errors import Conflict, NeedsOverride, PermissionDenied, ValidationError
from boxoffice.store import Store
from tests.auth import T0, Staff, make_staff

HOUR = timedelta(hours=1)


@pytest.fixture
def staff(store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Staff:
    return make_staff(store, admin, monkeypatch)


def _may(store: Store, actor: Actor, permission: Permission, now: datetime) -> bool:
    """Whether ``require`` lets the action through, in a transaction of its own."""
    try:
        with store.write() as session:
            require(session, actor, permission, now=now)
    except PermissionDenied:
        return False
    return True


def test_clerk_cannot_refund_and_is_told_to_ask_a_supervisor(store: Store, staff: Staff) -> None:
    with pytest.raises(PermissionDenied) as caught, store.write() as session:
        require(session, staff.ann, Permission.REFUND, now=T0)
    # A supervisor's override would allow it: the refusal says so, with what it is about.
    assert isinstance(caught.value, NeedsOverride)
    assert caught.value.permission == "refund"
    assert caught.value.params["user"] == "ann" and caught.value.params["role"] == "clerk"
    assert str(caught.value) == "a supervisor's override is needed to refund"
    assert caught.value.message("zh_CN") == "需要主管授权才能退票"
    with store.read() as session:
        assert not has_permission(session, staff.ann, "refund", now=T0)
        assert has_permission(session, staff.ann, "sell", now=T0)
        assert has_permission(session, staff.sue, "refund", now=T0)


def test_setup_permissions_point_to_an_administrator(store: Store, staff: Staff) -> None:
    with pytest.raises(PermissionDenied) as caught, store.write() as s:
        require(s, staff.sue, Permission.SEATMAP_IMPORT, now=T0)
    # No override can help: a plain refusal naming user, role and permission.
    assert not isinstance(caught.value, NeedsOverride)
    assert caught.value.code == "permission_denied_ask_admin"
    assert caught.value.params == {
        "user": "sue",
        "role": "supervisor",
        "permission": "seatmap_import",
    }
    assert str(caught.value) == "supervisor 'sue' may not import seat maps; ask an administrator"
    assert caught.value.message("zh_CN") == "主管“sue”无权导入座位图，请联系管理员。"


def test_system_actor_may_do_anything(store: Store, admin: Actor, staff: Staff) -> None:
    assert all(_may(store, admin, p, T0) for p in Permission)


def test_clerk_cannot_grant(store: Store, staff: Staff) -> None:
    with pytest.raises(NeedsOverride) as caught, store.write() as s:
        grant(s, staff.ann, "ben", Permission.REFUND, T0 + HOUR, "rush", now=T0)
    assert caught.value.permission == "grant"
    assert str(caught.value) == "a supervisor's override is needed to grant permissions"
    with store.read() as session:
        assert audit.entries(session, "grant") == []


def test_grant_works_until_it_expires(store: Store, staff: Staff) -> None:
    until = T0 + 6 * HOUR
    with store.write() as session:
        row = grant(session, staff.sue, "ann", "refund", until, "long queue", now=T0)
        assert row.granted_by == "sue"
    assert _may(store, staff.ann, Permission.REFUND, T0 + HOUR)
    assert _may(store, staff.ann, Permission.REFUND, until - timedelta(seconds=1))
    assert not _may(store, staff.ann, Permission.REFUND, until)
    assert not _may(store, staff.ann, Permission.REFUND, until + HOUR)
    # Only ann, and only refunds.
    assert not _may(store, staff.ben, Permission.REFUND, T0 + HOUR)
    assert not _may(store, staff.ann, Permission.VOID, T0 + HOUR)
    with store.read() as session:
        assert staff.ann.user_id is not None
        assert Permission.REFUND in effective_permissions(session, staff.ann.user_id, T0)
        entry = audit.entries(session, "grant")[-1]
    assert entry.username == "sue"
    assert entry.subject == "user:ann"
    assert '"permission":"refund"' in entry.details


def test_revoked_grant_stops_working(store: Store, staff: Staff) -> None:
    with store.write() as session:
        row = grant(session, staff.sue, "ann", "void", T0 + 8 * HOUR, "cover", now=T0)
    assert _may(store, staff.ann, Permission.VOID, T0 + HOUR)
    with store.write() as session:
        revoke_grant(session, staff.sue, row.id, now=T0 + 2 * HOUR)
    assert not _may(store, staff.ann, Permission.VOID, T0 + 3 * HOUR)
    with pytest.raises(Conflict), store.write() as session:
        revoke_grant(session, staff.sue, row.id, now=T0 + 3 * HOUR)
    with store.read() as session:
        assert list_grants(session, "ann", now=T0 + 3 * HOUR) == []
        assert len(list_grants(session, "ann", include_past=True)) == 1
        assert len(audit.entries(session, "grant.revoke")) == 1


def test_supervisor_cannot_grant_what_they_do_not_have(store: Store, staff: Staff) -> None:
    denied = pytest.raises(PermissionDenied, match="only grant what your own role")
    with denied, store.write() as session:
        grant(session, staff.sue, "ann", "user_manage", T0 + HOUR, "help out", now=T0)
    assert not _may(store, staff.ann, Permission.USER_MANAGE, T0)


def test_lent_grant_permission_cannot_escalate(store: Store, admin: Actor, staff: Staff) -> None:
    """A clerk lent the right to grant can still only lend what a clerk may do."""
    with store.write() as session:
        grant(session, admin, "ann", "grant", T0 + HOUR, "training", now=T0)
    with pytest.raises(PermissionDenied), store.write() as session:
        grant(session, staff.ann, "ben", "refund", T0 + HOUR, "mates", now=T0)
    with pytest.raises(PermissionDenied), store.write() as session:
        grant(session, staff.ann, "ann", "refund", T0 + HOUR, "myself", now=T0)


@pytest.mark.parametrize(
    ("expires_at", "reason", "message"),
    [
        (T0.replace(tzinfo=None) + HOUR, "x", "time zone"),
        (T0, "x", "in the future"),
        (T0 - HOUR, "x", "in the future"),
        (T0 + HOUR, "   ", "needs a reason"),
    ],
)
def test_bad_grants_are_refused(
    store: Store, staff: Staff, expires_at: datetime, reason: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message), store.write() as session:
        grant(session, staff.sue, "ann", "refund", expires_at, reason, now=T0)


def test_unknown_permission_is_refused(store: Store, staff: Staff) -> None:
    refused = pytest.raises(ValidationError, match="no permission named 'refunds'")
    with refused, store.write() as session:
        grant(session, staff.sue, "ann", "refunds", T0 + HOUR, "x", now=T0)


def test_a_lent_user_manage_cannot_take_over_an_admin(store: Store, staff: Staff) -> None:
    """Resetting an admin's PIN would be becoming the admin: refused like giving the role."""
    from boxoffice.auth.users import deactivate, set_secret

    with store.write() as session:
        grant(session, staff.adam, "sue", Permission.USER_MANAGE, T0 + HOUR, "temp clerk", now=T0)
    with pytest.raises(PermissionDenied, match="admin"), store.write() as session:
        set_secret(session, staff.sue, "adam", "999999", "pin", now=T0)
    with pytest.raises(PermissionDenied, match="admin"), store.write() as session:
        deactivate(session, staff.sue, "adam", now=T0)
    with store.write() as session:  # a clerk's PIN is hers to reset
        set_secret(session, staff.sue, "ann", "777777", "pin", now=T0)
