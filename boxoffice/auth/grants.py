"""Permissions lent to one user for a while ("Ann may refund until 18:00").

A grant is the standing alternative to a supervisor typing their PIN for
every refund during a rush. It always expires, can be revoked early, and a
grantor can only lend what their own role gives them, so nobody can hand
out more authority than they hold.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import guard, users
from boxoffice.auth.permissions import Permission, label, parse_permission
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, NotFound, PermissionDenied, ValidationError
from boxoffice.store import fast, versions
from boxoffice.store.models import Grant, Role, RolePermission, User


@event.listens_for(Session, "after_flush")
def _forget_permissions(session: Session, _context: object) -> None:
    """A flushed change to users, roles or grants invalidates cached permissions."""
    if "permissions" not in session.info:
        return
    touched = session.new | session.dirty | session.deleted
    if any(isinstance(o, (User, Grant, Role, RolePermission)) for o in touched):
        session.info.pop("permissions", None)


def role_permissions(user: User) -> frozenset[Permission]:
    """What ``user``'s role allows, as stored (unknown stored names are ignored)."""
    known = {p.value for p in Permission}
    return frozenset(
        Permission(rp.permission) for rp in user.role.permissions if rp.permission in known
    )


def active_grants(session: Session, user_id: int, now: datetime | None = None) -> list[Grant]:
    """The user's grants that are neither expired nor revoked at ``now``."""
    now = now or utc_now()
    return list(
        session.scalars(
            select(Grant)
            .where(Grant.user_id == user_id, Grant.revoked_at.is_(None), Grant.expires_at > now)
            .order_by(Grant.expires_at, Grant.id)
        )
    )


def effective_permissions(
    session: Session, user_id: int, now: datetime | None = None
) -> frozenset[Permission]:
    """Role permissions plus unexpired, unrevoked grants; nothing for an inactive user.

    Cached in the session for the same ``now`` (a sale asks several times);
    granting or revoking in the session clears the cache.
    """
    now = now or utc_now()
    cache = session.info.setdefault("permissions", {})
    key = (user_id, now)
    if key not in cache:
        cache[key] = _effective_permissions(session, user_id, now)
    return cache[key]


def _effective_permissions(session: Session, user_id: int, now: datetime) -> frozenset[Permission]:
    """Role permissions and live grants of an active user.

    What the store says (role permissions, unrevoked grants with their
    expiry) is shared between sessions until users, roles, role permissions
    or grants change (``store.versions``); expiry is judged here, at ``now``.
    """
    facts = versions.cached_items(
        session, "permissions", _PERMISSION_TABLES, [user_id], lambda ids: _load(session, ids)
    )
    role_names, grant_rows = facts.get(user_id, (frozenset(), ()))
    names = set(role_names)
    names.update(name for name, expires_at in grant_rows if expires_at > now)
    return frozenset(Permission(name) for name in names if name in _KNOWN)


_PERMISSION_TABLES = ("users", "roles", "role_permissions", "grants")
_KNOWN = frozenset(p.value for p in Permission)
_ROLE_ROWS = (
    select(User.id, RolePermission.permission)
    .join(User, User.role_id == RolePermission.role_id)
    .where(User.id.in_(bindparam("ids", expanding=True)), User.active.is_(True))
)
_GRANT_ROWS = (
    select(Grant.user_id, Grant.permission, Grant.expires_at)
    .join(User, User.id == Grant.user_id)
    .where(
        Grant.user_id.in_(bindparam("ids", expanding=True)),
        User.active.is_(True),
        Grant.revoked_at.is_(None),
    )
)


def _load(
    session: Session, user_ids: list[int]
) -> dict[int, tuple[frozenset[str], tuple[tuple[str, datetime], ...]]]:
    """Per user: role permission names and unrevoked grants (name, expiry); active users only."""
    roles: dict[int, set[str]] = {u: set() for u in user_ids}
    lent: dict[int, list[tuple[str, datetime]]] = {u: [] for u in user_ids}
    for uid, name in fast.execute(session, _ROLE_ROWS, {"ids": user_ids}):
        roles[uid].add(name)
    for uid, name, expires_at in fast.execute(session, _GRANT_ROWS, {"ids": user_ids}):
        lent[uid].append((name, expires_at))
    return {u: (frozenset(roles[u]), tuple(lent[u])) for u in user_ids}


def grant(
    session: Session,
    actor: Actor,
    username: str,
    permission: Permission | str,
    expires_at: datetime,
    reason: str,
    *,
    now: datetime | None = None,
) -> Grant:
    """Lend ``permission`` to ``username`` until ``expires_at``; audited "grant".

    Needs Permission.grant. A grantor may only lend a permission their own
    role gives them (lent permissions cannot be lent on); the system actor
    may lend anything.
    """
    now = now or utc_now()
    perm = parse_permission(permission)
    reason = reason.strip()
    if expires_at.tzinfo is None or expires_at.utcoffset() is None:
        raise ValidationError("the expiry time needs a time zone (e.g. 18:00+01:00)")
    if expires_at <= now:
        raise ValidationError("the expiry time must be in the future")
    if not reason:
        raise ValidationError("a grant needs a reason")
    guard.require(session, actor, Permission.GRANT, now=now)
    if not actor.is_system:
        grantor = session.get(User, actor.user_id)
        if grantor is None or perm not in role_permissions(grantor):
            raise PermissionDenied(
                f"{actor.username!r} may not grant {perm.value!r} "
                f"({label(perm)}): you can only grant what your own role allows"
            )
    user = users.get_user(session, username)
    if not user.active:
        raise ValidationError(f"user {user.username!r} is deactivated")
    if perm in role_permissions(user):
        raise ValidationError(
            f"{user.role.name} {user.username!r} may already {label(perm)}; no grant needed"
        )
    row = Grant(
        user_id=user.id,
        permission=perm.value,
        expires_at=expires_at,
        granted_by=actor.username,
        reason=reason,
        created_at=now,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "grant",
        f"user:{user.username}",
        {
            "grant_id": row.id,
            "permission": perm.value,
            "expires_at": expires_at,
            "reason": reason,
        },
    )
    return row


def revoke_grant(
    session: Session, actor: Actor, grant_id: int, *, now: datetime | None = None
) -> Grant:
    """End a grant before it expires; audited "grant.revoke". Needs Permission.grant."""
    now = now or utc_now()
    guard.require(session, actor, Permission.GRANT, now=now)
    row = session.get(Grant, grant_id)
    if row is None:
        raise NotFound(f"no grant number {grant_id}")
    if row.revoked_at is not None:
        raise Conflict(f"grant {grant_id} was already revoked")
    row.revoked_at = now
    session.flush()
    audit.record(
        session,
        actor,
        "grant.revoke",
        f"user:{row.user.username}",
        {"grant_id": row.id, "permission": row.permission},
    )
    return row


def list_grants(
    session: Session, username: str, *, now: datetime | None = None, include_past: bool = False
) -> list[Grant]:
    """A user's grants: only those in force at ``now`` unless ``include_past``."""
    user = users.get_user(session, username)
    if not include_past:
        return active_grants(session, user.id, now)
    return list(session.scalars(select(Grant).where(Grant.user_id == user.id).order_by(Grant.id)))
