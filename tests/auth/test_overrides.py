"""Supervisor overrides: one named action, once, for one clerk at one terminal."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.login import WRONG_CREDENTIALS
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.auth.users import deactivate, get_user
from boxoffice.errors import AuthenticationFailed, NeedsOverride, PermissionDenied, ValidationError
from boxoffice.messages import render
from boxoffice.store import Store
from boxoffice.store.models import Override
from tests.auth import DORA_PIN, SUE_PIN, T0, Staff, make_staff

SOON = T0 + timedelta(minutes=1)


@pytest.fixture
def staff(store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Staff:
    return make_staff(store, admin, monkeypatch)


def _sue_approves(
    store: Store, actor: Actor, permission: str = "refund", subject: str = "order:17"
) -> Override:
    return authorise_override(
        store, actor, "sue", SUE_PIN, permission, subject, "customer double-charged", now=T0
    )


def _refund(
    store: Store,
    actor: Actor,
    override: Override | None,
    subject: str = "order:17",
    permission: Permission = Permission.REFUND,
    now: datetime = SOON,
) -> None:
    """Stand-in for a refund service: checks, then does its work in the same transaction."""
    with store.write() as session:
        require(session, actor, permission, subject=subject, override=override, now=now)


def test_override_allows_exactly_one_action(store: Store, staff: Staff) -> None:
    override = _sue_approves(store, staff.ann)
    _refund(store, staff.ann, override)
    with pytest.raises(PermissionDenied, match="already been used"):
        _refund(store, staff.ann, override)
    with store.read() as session:
        granted = audit.entries(session, "override.granted")
        used = audit.entries(session, "override.used")
    assert len(granted) == len(used) == 1
    details = json.loads(granted[0].details)
    assert (granted[0].username, details["for_user"]) == ("sue", "ann")
    assert details["reason"] == "customer double-charged"
    assert (used[0].username, json.loads(used[0].details)["supervisor"]) == ("ann", "sue")
    assert used[0].subject == "order:17"


def test_override_is_only_for_its_permission_user_subject_and_terminal(
    store: Store, staff: Staff
) -> None:
    override = _sue_approves(store, staff.ann)
    with pytest.raises(PermissionDenied, match="not to void a sale"):
        _refund(store, staff.ann, override, permission=Permission.VOID)
    with pytest.raises(PermissionDenied, match="another user"):
        _refund(store, staff.ben, override)
    with pytest.raises(PermissionDenied, match="for order:17, not for order:18"):
        _refund(store, staff.ann, override, subject="order:18")
    elsewhere = Actor(staff.ann.user_id, "ann", "till-2")
    with pytest.raises(PermissionDenied, match="another terminal"):
        _refund(store, elsewhere, override)
    # None of those used it up.
    _refund(store, staff.ann, override)


def test_override_expires(store: Store, staff: Staff) -> None:
    override = _sue_approves(store, staff.ann)
    with pytest.raises(PermissionDenied, match="expired"):
        _refund(store, staff.ann, override, now=T0 + timedelta(minutes=11))


def test_override_stays_unused_if_the_action_rolls_back(store: Store, staff: Staff) -> None:
    override = _sue_approves(store, staff.ann)
    with pytest.raises(RuntimeError), store.write() as session:
        require(session, staff.ann, "refund", subject="order:17", override=override, now=SOON)
        raise RuntimeError("card terminal declined the refund")
    _refund(store, staff.ann, override)  # the retry still works


def test_supervisor_without_the_permission_cannot_override(store: Store, staff: Staff) -> None:
    with pytest.raises(PermissionDenied) as door:
        authorise_override(store, staff.ann, "dora", DORA_PIN, "refund", "", "please", now=T0)
    assert door.value.code == "override_supervisor_may_not"
    assert door.value.params == {"role": "door", "user": "dora", "permission": "refund"}
    assert str(door.value) == "door staff 'dora' may not refund and so cannot authorise it"
    with pytest.raises(PermissionDenied, match="supervisor 'sue' may not manage users"):
        _sue_approves(store, staff.ann, permission="user_manage", subject="")
    with store.read() as session:
        assert session.query(Override).count() == 0
        refused = audit.entries(session, "override.refused")
        assert len(refused) == 2
        first = json.loads(refused[0].details)
        # The audit keeps the refusal's code and parameters, never English words.
        assert first["why"] == "override_supervisor_may_not"
        assert first["why_params"] == {"role": "door", "user": "dora", "permission": "refund"}
        assert render(first["why"], first["why_params"], "zh_CN") != render(
            first["why"], first["why_params"]
        )


def test_wrong_pin_refuses_and_counts_towards_lockout(store: Store, staff: Staff) -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        authorise_override(store, staff.ann, "sue", "0000", "refund", "", "x", now=T0)
    assert str(caught.value) == WRONG_CREDENTIALS
    with store.read() as session:
        assert get_user(session, "sue").failed_attempts == 1
        failed = audit.entries(session, "login.failed")[-1]
        assert session.query(Override).count() == 0
    assert failed.username == "ann"  # the clerk at the till asked
    assert failed.subject == "user:sue"
    assert json.loads(failed.details)["purpose"] == "override"
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            authorise_override(store, staff.ann, "sue", "0000", "refund", "", "x", now=T0)
    with pytest.raises(AuthenticationFailed, match="locked until"):
        _sue_approves(store, staff.ann)  # the right PIN, but sue is locked now


def test_override_needs_a_reason_and_another_person(store: Store, staff: Staff) -> None:
    with pytest.raises(ValidationError, match="needs a reason"):
        authorise_override(store, staff.ann, "sue", SUE_PIN, "refund", "order:17", "  ", now=T0)
    with pytest.raises(ValidationError, match="their own action"):
        _sue_approves(store, staff.sue)


def test_override_not_needed_is_not_consumed(store: Store, staff: Staff) -> None:
    override = _sue_approves(store, staff.ann, permission="sell", subject="")
    _refund(store, staff.ann, override, permission=Permission.SELL)
    with store.read() as session:
        assert session.get(Override, override.id).used_at is None  # type: ignore[union-attr]


def test_deactivated_clerk_cannot_use_an_override(store: Store, admin: Actor, staff: Staff) -> None:
    override = _sue_approves(store, staff.ann)
    with store.write() as session:
        deactivate(session, admin, "ann")
    with pytest.raises(PermissionDenied, match="even with an override"):
        _refund(store, staff.ann, override)


def test_check_refuses_like_require_but_leaves_the_override_unused(
    store: Store, staff: Staff
) -> None:
    """Before a card refund on the terminal: refuse early, use the override only when booking."""
    from boxoffice.auth.guard import check

    override = _sue_approves(store, staff.ann)
    with store.read() as session:
        with pytest.raises(NeedsOverride) as caught:
            check(session, staff.ann, Permission.REFUND, subject="order:17", now=SOON)
        assert caught.value.permission == "refund" and caught.value.subject == "order:17"
        check(
            session,
            staff.ann,
            Permission.REFUND,
            subject="order:17",
            overrides=[override],
            now=SOON,
        )
        with pytest.raises(PermissionDenied, match="order:17"):
            check(
                session,
                staff.ann,
                Permission.REFUND,
                subject="order:18",
                overrides=[override],
                now=SOON,
            )
    with store.write() as session:  # still usable, exactly once
        require(
            session,
            staff.ann,
            Permission.REFUND,
            subject="order:17",
            overrides=[override],
            now=SOON,
        )
    with pytest.raises(PermissionDenied, match="already been used"), store.write() as session:
        require(
            session,
            staff.ann,
            Permission.REFUND,
            subject="order:17",
            overrides=[override],
            now=SOON,
        )


def test_an_unusable_override_says_why_by_code_in_both_languages(
    store: Store, staff: Staff
) -> None:
    override = _sue_approves(store, staff.ann)
    _refund(store, staff.ann, override)
    with pytest.raises(PermissionDenied) as caught:
        _refund(store, staff.ann, override)
    error = caught.value
    assert not isinstance(error, NeedsOverride)  # asking again would not help this one
    assert error.code == "override_used"
    assert error.params == {"permission": "refund", "user": "ann", "role": "clerk"}
    assert str(error) == (
        "clerk 'ann' may not refund: the override has already been used; "
        "each override allows one action"
    )
    assert error.message("zh_CN") == (
        "售票员“ann”无权退票：该主管授权已使用过，每次授权只能用于一项操作。"
    )
    other = _sue_approves(store, staff.ann, subject="order:18")
    with pytest.raises(PermissionDenied) as caught:
        _refund(store, staff.ann, other, subject="order:17")
    assert caught.value.code == "override_other_subject"
    assert caught.value.params["given"] == "order:18"


def test_a_deactivated_user_is_not_sent_to_a_supervisor(
    store: Store, admin: Actor, staff: Staff
) -> None:
    with store.write() as session:
        deactivate(session, admin, "ann")
    with pytest.raises(PermissionDenied) as caught:
        _refund(store, staff.ann, None)
    assert not isinstance(caught.value, NeedsOverride)
    assert caught.value.code == "permission_denied_inactive"
    assert caught.value.message("zh_CN") == "用户“ann”已停用，无权退票，主管授权也无效。"
