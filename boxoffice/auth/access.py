"""What a user may do now: their role's permissions plus live grants.

The one computation ``guard`` (may this actor act?), ``grants`` (may this
grantor lend that?) and ``users`` (may this actor give that role?) share.
It knows nothing of checking or lending, so each of them can import it
without importing each other.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session

from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
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
