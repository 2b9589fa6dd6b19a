"""The built-in roles: what each may do, in the store, and as documented."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.permissions import ROLE_PERMISSIONS, Permission, roles_markdown_table
from boxoffice.auth.roles import ensure_roles
from boxoffice.store import Store
from boxoffice.store.models import Role, RolePermission

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles.md"

SUPERVISOR_ONLY = {
    Permission.REFUND,
    Permission.VOID,
    Permission.REPRINT,
    Permission.PRICE_OVERRIDE,
    Permission.DISCOUNT_MANUAL,
    Permission.SELL_COMPLIMENTARY,
    Permission.NO_SALE,
    Permission.CASH_PAYOUT_LARGE,
    Permission.VARIANCE_SIGNOFF,
    Permission.REPORT_Z,
    Permission.GRANT,
}
ADMIN_ONLY = {
    Permission.CATALOGUE_EDIT,
    Permission.PRICE_EDIT,
    Permission.SEATMAP_IMPORT,
    Permission.USER_MANAGE,
    Permission.DEVICE_MANAGE,
    Permission.AUDIT_VERIFY,
}


def test_clerk_sells_but_needs_a_supervisor_for_money_going_back() -> None:
    clerk = ROLE_PERMISSIONS["clerk"]
    assert {Permission.SELL, Permission.SHIFT_OPEN} <= clerk
    assert Permission.REPORT_X not in clerk, "the expected cash would unblind the count"
    assert Permission.WILL_CALL in clerk
    assert not clerk & SUPERVISOR_ONLY
    assert not clerk & ADMIN_ONLY


def test_supervisor_has_the_floor_but_not_the_setup() -> None:
    supervisor = ROLE_PERMISSIONS["supervisor"]
    assert ROLE_PERMISSIONS["clerk"] <= supervisor
    assert ROLE_PERMISSIONS["door"] <= supervisor
    assert supervisor >= SUPERVISOR_ONLY
    assert not supervisor & ADMIN_ONLY


def test_door_only_admits_and_redeems() -> None:
    assert ROLE_PERMISSIONS["door"] == {
        Permission.CHECKIN,
        Permission.WILL_CALL,
        Permission.VOUCHER_REDEEM_MANUAL,
    }


def test_admin_has_everything() -> None:
    assert ROLE_PERMISSIONS["admin"] == set(Permission)


def test_docs_table_matches_the_code() -> None:
    assert roles_markdown_table() in DOC.read_text(encoding="utf-8"), (
        "docs/roles.md is out of date: paste roles_markdown_table() into it"
    )


def _stored(store: Store) -> dict[str, set[str]]:
    with store.read() as session:
        rows = session.execute(
            select(Role.name, RolePermission.permission).join(RolePermission, isouter=True)
        )
        out: dict[str, set[str]] = {}
        for name, perm in rows:
            out.setdefault(name, set())
            if perm:
                out[name].add(perm)
        return out


def test_ensure_roles_writes_the_table_and_is_idempotent(store: Store, admin: Actor) -> None:
    with store.write() as session:
        assert ensure_roles(session, admin) is True
    expected = {role: {p.value for p in perms} for role, perms in ROLE_PERMISSIONS.items()}
    assert _stored(store) == expected
    with store.write() as session:
        assert ensure_roles(session, admin) is False
    with store.read() as session:
        assert len(audit.entries(session, "role.sync")) == 1


def test_ensure_roles_repairs_a_tampered_role(store: Store, admin: Actor) -> None:
    with store.write() as session:
        ensure_roles(session, admin)
    with store.write() as session:
        clerk = session.scalar(select(Role).where(Role.name == "clerk"))
        assert clerk is not None
        clerk.permissions.append(RolePermission(permission="refund"))
        clerk.permissions[:] = [rp for rp in clerk.permissions if rp.permission != "sell"]
    assert "refund" in _stored(store)["clerk"]
    with store.write() as session:
        assert ensure_roles(session, admin) is True
    stored = _stored(store)["clerk"]
    assert "refund" not in stored
    assert "sell" in stored
    with store.read() as session:
        last = audit.entries(session, "role.sync")[-1]
    assert '"removed":["refund"]' in last.details
    assert '"added":["sell"]' in last.details
