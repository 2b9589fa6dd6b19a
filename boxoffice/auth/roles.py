"""The four built-in roles, written into the store from ``ROLE_PERMISSIONS``.

The code is the single definition of what a role may do; ``ensure_roles``
makes the store agree with it (adding and removing permission rows), so an
upgrade that tightens a role takes effect at the next ``init`` or start.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor, system_actor
from boxoffice.auth.permissions import ROLE_DESCRIPTIONS, ROLE_PERMISSIONS
from boxoffice.errors import NotFound
from boxoffice.store.models import Role, RolePermission


def ensure_roles(session: Session, actor: Actor | None = None) -> bool:
    """Create or update the built-in roles; ``True`` if anything changed.

    Idempotent: a second call changes nothing and writes no audit entry.
    Roles other than the built-in four are left alone.
    """
    actor = actor or system_actor()
    changes: dict[str, dict[str, list[str]]] = {}
    for name, wanted in ROLE_PERMISSIONS.items():
        role = session.scalar(select(Role).where(Role.name == name))
        created = role is None
        if role is None:
            role = Role(name=name, description=ROLE_DESCRIPTIONS.get(name, ""))
            session.add(role)
        elif role.description != ROLE_DESCRIPTIONS.get(name, role.description):
            role.description = ROLE_DESCRIPTIONS[name]
        have = {rp.permission for rp in role.permissions}
        want = {p.value for p in wanted}
        added, removed = sorted(want - have), sorted(have - want)
        for perm in added:
            role.permissions.append(RolePermission(permission=perm))
        if removed:
            role.permissions[:] = [rp for rp in role.permissions if rp.permission not in removed]
        if created or added or removed:
            changes[name] = {"added": added, "removed": removed}
    if changes:
        session.flush()
        audit.record(session, actor, "role.sync", "roles", {"changes": changes})
    return bool(changes)


def get_role(session: Session, name: str) -> Role:
    """The role called ``name``, or NotFound listing the roles there are."""
    role = session.scalar(select(Role).where(Role.name == name))
    if role is None:
        known = list(session.scalars(select(Role.name).order_by(Role.name)))
        if not known:
            raise NotFound("role_not_found_none_yet", role=name)
        raise NotFound("role_not_found", role=name, roles=known)
    return role


def role_permission_names(role: Role) -> frozenset[str]:
    """The permission values stored for ``role``."""
    return frozenset(rp.permission for rp in role.permissions)
