"""Creating and looking after user accounts.

Every change needs Permission.user_manage (the admin CLI's system actor
always has it) and is audited without the secret or its hash. Nobody can
give an account a role that may do more than they may themselves.
Usernames are matched ignoring case, so "Ann" and "ann" are one person.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import access, guard
from boxoffice.auth import secrets as auth_secrets
from boxoffice.auth.login import find_user
from boxoffice.auth.permissions import Permission
from boxoffice.auth.roles import get_role
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, NotFound, PermissionDenied, ValidationError
from boxoffice.store.models import Role, User

USERNAME_RE = re.compile(r"[A-Za-z0-9._-]{2,40}")


def check_username(username: str) -> str:
    """``username`` if it is 2–40 letters, digits, dots, underscores or hyphens."""
    if not USERNAME_RE.fullmatch(username):
        raise ValidationError("username_invalid", username=username)
    return username


def get_user(session: Session, username: str) -> User:
    """The user called ``username`` (any case), or NotFound."""
    user = find_user(session, username)
    if user is None:
        raise NotFound("user_not_found", username=username)
    return user


def list_users(session: Session) -> list[User]:
    """All users, active or not, by username."""
    return list(session.scalars(select(User).order_by(User.username)))


def _require_no_escalation(session: Session, actor: Actor, role: Role, now: datetime) -> None:
    """Refuse to hand out a role that can do more than the actor can."""
    if actor.user_id is None:  # the system actor
        return
    mine = access.effective_permissions(session, actor.user_id, now)
    known = {p.value for p in Permission}
    theirs = {Permission(rp.permission) for rp in role.permissions if rp.permission in known}
    extra = sorted(p.value for p in theirs - mine)
    if extra:
        raise PermissionDenied(
            "role_beyond_own", user=actor.username, role=role.name, permissions=extra
        )


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    role: str,
    secret: str,
    *,
    kind: str = auth_secrets.PIN,
    display_name: str = "",
    now: datetime | None = None,
) -> User:
    """Create an active user with a role and a PIN or password; audited "user.create"."""
    now = now or utc_now()
    check_username(username)
    auth_secrets.check_secret(kind, secret)
    display_name = display_name.strip()
    if len(display_name) > 120:
        raise ValidationError("display_name_too_long", max=120)
    guard.require(session, actor, Permission.USER_MANAGE, subject=f"user:{username}", now=now)
    role_row = get_role(session, role)
    _require_no_escalation(session, actor, role_row, now)
    existing = find_user(session, username)
    if existing is not None:
        raise Conflict("user_exists", username=existing.username)
    user = User(
        username=username,
        display_name=display_name,
        role=role_row,
        secret_hash=auth_secrets.hash_secret(secret),
        secret_kind=kind,
        active=True,
        failed_attempts=0,
        locked_until=None,
        created_at=now,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor,
        "user.create",
        f"user:{user.username}",
        {"user_id": user.id, "role": role_row.name, "kind": kind, "display_name": display_name},
    )
    return user


def set_secret(
    session: Session,
    actor: Actor,
    username: str,
    secret: str,
    kind: str | None = None,
    *,
    now: datetime | None = None,
) -> User:
    """Give a user a new PIN or password (``kind=None`` keeps the current kind).

    Also lifts a lockout: an administrator resetting the PIN is how a locked
    clerk gets back in before the five minutes are up. Audited
    "user.secret_changed" (the kind only, never the secret).
    """
    now = now or utc_now()
    guard.require(session, actor, Permission.USER_MANAGE, subject=f"user:{username}", now=now)
    user = get_user(session, username)
    # Resetting someone's PIN is becoming them: only for roles you could give.
    if actor.user_id != user.id:
        _require_no_escalation(session, actor, user.role, now)
    kind = kind or user.secret_kind
    auth_secrets.check_secret(kind, secret)
    user.secret_hash = auth_secrets.hash_secret(secret)
    user.secret_kind = kind
    was_locked = user.locked_until is not None and user.locked_until > now
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    audit.record(
        session,
        actor,
        "user.secret_changed",
        f"user:{user.username}",
        {"kind": kind, "unlocked": was_locked},
    )
    return user


def set_role(
    session: Session, actor: Actor, username: str, role: str, *, now: datetime | None = None
) -> User:
    """Move a user to another role; audited "user.role_changed"."""
    now = now or utc_now()
    guard.require(session, actor, Permission.USER_MANAGE, subject=f"user:{username}", now=now)
    user = get_user(session, username)
    role_row = get_role(session, role)
    _require_no_escalation(session, actor, role_row, now)
    if actor.user_id is not None and actor.user_id == user.id:
        raise ValidationError("own_role_change")
    old = user.role.name
    if old == role_row.name:
        return user
    user.role = role_row
    session.flush()
    audit.record(
        session,
        actor,
        "user.role_changed",
        f"user:{user.username}",
        {"from": old, "to": role_row.name},
    )
    return user


def _set_active(
    session: Session, actor: Actor, username: str, active: bool, now: datetime | None
) -> User:
    now = now or utc_now()
    guard.require(session, actor, Permission.USER_MANAGE, subject=f"user:{username}", now=now)
    user = get_user(session, username)
    if actor.user_id is not None and actor.user_id == user.id:
        raise ValidationError("own_activation_change")
    _require_no_escalation(session, actor, user.role, now)
    if user.active == active:
        return user
    user.active = active
    session.flush()
    action = "user.reactivate" if active else "user.deactivate"
    audit.record(session, actor, action, f"user:{user.username}", {"user_id": user.id})
    return user


def deactivate(
    session: Session, actor: Actor, username: str, *, now: datetime | None = None
) -> User:
    """Stop a user signing in or acting (history stays); audited "user.deactivate"."""
    return _set_active(session, actor, username, False, now)


def reactivate(
    session: Session, actor: Actor, username: str, *, now: datetime | None = None
) -> User:
    """Let a deactivated user sign in again; audited "user.reactivate"."""
    return _set_active(session, actor, username, True, now)
