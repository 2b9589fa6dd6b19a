"""PIN and password rules, hashing, and managing user accounts."""

from __future__ import annotations

import pytest

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import login as auth_login
from boxoffice.auth import secrets as auth_secrets
from boxoffice.auth.guard import require
from boxoffice.auth.secrets import check_secret
from boxoffice.auth.users import (
    create_user,
    deactivate,
    get_user,
    list_users,
    reactivate,
    set_role,
    set_secret,
)
from boxoffice.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from boxoffice.store import Store
from tests.auth import ANN_PIN, T0, TERMINAL, Staff, make_staff


@pytest.fixture
def staff(store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Staff:
    return make_staff(store, admin, monkeypatch)


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        ("123", "4 to 12 digits"),
        ("1234567890123", "4 to 12 digits"),
        ("12a4", r"digits \(0-9\) only"),
        ("12 34", r"digits \(0-9\) only"),
        ("١٢٣٤", r"digits \(0-9\) only"),  # Arabic-Indic digits are not on a till's keypad
        ("", r"digits \(0-9\) only"),
    ],
)
def test_bad_pins_are_refused_with_the_rule(secret: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_secret("pin", secret)


def test_good_secrets_pass() -> None:
    check_secret("pin", "0000")
    check_secret("pin", "123456789012")
    check_secret("password", "eight ch")


def test_password_rules() -> None:
    with pytest.raises(ValidationError, match="at least 8"):
        check_secret("password", "short")
    with pytest.raises(ValidationError, match="only spaces"):
        check_secret("password", " " * 10)
    with pytest.raises(ValidationError, match="'pin' or a 'password'"):
        check_secret("fingerprint", "12345678")


def test_hash_is_argon2id_and_verifies_only_the_right_secret() -> None:
    digest = auth_secrets.hash_secret("9876")
    assert digest.startswith("$argon2id$")
    assert "9876" not in digest
    assert auth_secrets.verify_secret(digest, "9876")
    assert not auth_secrets.verify_secret(digest, "9875")
    assert not auth_secrets.verify_secret("garbage", "9876")


def test_create_user_and_sign_in(store: Store, staff: Staff) -> None:
    with store.read() as session:
        ann = get_user(session, "ANN")  # names match ignoring case
        assert ann.role.name == "clerk"
        assert ann.secret_hash != ANN_PIN
        assert [u.username for u in list_users(session)] == ["adam", "ann", "ben", "dora", "sue"]
    actor = auth_login.login(store, "ann", ANN_PIN, TERMINAL, now=T0)
    assert actor == staff.ann


def test_bad_user_input_changes_nothing(store: Store, admin: Actor, staff: Staff) -> None:
    with store.read() as session:
        before = len(audit.entries(session))
    cases: list[tuple[type[Exception], str, str, str]] = [
        (ValidationError, "x", "clerk", "4444"),  # username too short
        (ValidationError, "bad name", "clerk", "4444"),
        (ValidationError, "carl", "clerk", "123"),  # PIN too short
        (Conflict, "Ann", "clerk", "4444"),  # duplicate, ignoring case
        (NotFound, "carl", "cashier", "4444"),  # no such role
    ]
    for error, username, role, pin in cases:
        with pytest.raises(error), store.write() as session:
            create_user(session, admin, username, role, pin)
    with store.read() as session:
        assert len(audit.entries(session)) == before
        assert len(list_users(session)) == 5


def test_unknown_role_names_the_known_ones(store: Store, admin: Actor, staff: Staff) -> None:
    with pytest.raises(NotFound, match="admin, clerk, door, supervisor"), store.write() as session:
        create_user(session, admin, "carl", "cashier", "4444")


def test_only_user_managers_create_users(store: Store, staff: Staff) -> None:
    for actor in (staff.ann, staff.sue):
        with pytest.raises(PermissionDenied, match="may not manage users"), store.write() as s:
            create_user(s, actor, "carl", "clerk", "4444")
    with store.write() as session:
        carl = create_user(session, staff.adam, "carl", "clerk", "4444", display_name="Carl")
        assert carl.display_name == "Carl"
    with store.read() as session:
        entry = audit.entries(session, "user.create")[-1]
    assert entry.username == "adam"
    assert entry.subject == "user:carl"


def test_set_secret_changes_the_pin_and_lifts_a_lock(
    store: Store, admin: Actor, staff: Staff
) -> None:
    with store.write() as session:
        get_user(session, "ann").locked_until = T0.replace(hour=13)
    with store.write() as session:
        set_secret(session, admin, "ann", "8642")
    with pytest.raises(AuthenticationFailed):
        auth_login.login(store, "ann", ANN_PIN, TERMINAL, now=T0)
    assert auth_login.login(store, "ann", "8642", TERMINAL, now=T0) == staff.ann
    with store.read() as session:
        entry = audit.entries(session, "user.secret_changed")[-1]
    assert '"unlocked":true' in entry.details
    assert "8642" not in entry.details


def test_clerk_cannot_change_pins_or_roles(store: Store, staff: Staff) -> None:
    with pytest.raises(PermissionDenied), store.write() as session:
        set_secret(session, staff.ann, "ben", "1111")
    with pytest.raises(PermissionDenied), store.write() as session:
        set_role(session, staff.ann, "ann", "supervisor")


def test_deactivated_user_cannot_sign_in_or_act(store: Store, admin: Actor, staff: Staff) -> None:
    with store.write() as session:
        deactivate(session, admin, "ann")
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        auth_login.login(store, "ann", ANN_PIN, TERMINAL, now=T0)
    with pytest.raises(PermissionDenied, match="deactivated user 'ann'"), store.write() as s:
        require(s, staff.ann, "sell", now=T0)  # an already signed-in session stops working
    with store.write() as session:
        reactivate(session, admin, "ann")
    assert auth_login.login(store, "ann", ANN_PIN, TERMINAL, now=T0) == staff.ann


def test_set_role_moves_a_user(store: Store, admin: Actor, staff: Staff) -> None:
    with store.write() as session:
        set_role(session, admin, "ben", "supervisor")
    with store.read() as session:
        assert get_user(session, "ben").role.name == "supervisor"
        entry = audit.entries(session, "user.role_changed")[-1]
    assert '"to":"supervisor"' in entry.details
