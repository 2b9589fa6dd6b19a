"""The sale path's caches never serve a stale price, permission, performance or setting.

Each test first sells (or quotes) once so the caches are warm, then changes
the store in one of the ways a box office does (a service in another
session, raw SQL from another connection as the admin CLI in another
process would, an unflushed change in the same session, a rolled-back
change, a migration dropping triggers) and checks that the next sale sees
the change.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import delete, event, select

from boxoffice.actor import system_actor
from boxoffice.auth import grants, users
from boxoffice.catalogue import performances, prices
from boxoffice.errors import PermissionDenied, ValidationError
from boxoffice.sales.checkout import Cash, Comp, sell
from boxoffice.sales.quote import quote
from boxoffice.store import open_store, versions
from boxoffice.store.models import (
    Order,
    Performance,
    PerformanceStatus,
    RolePermission,
    User,
)
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur

ADMIN = system_actor("test")


def _sell(world: World, *guids: str, tender: object = None, when: object = None) -> Order:
    with world.store.write() as s:
        sale = sell(
            s,
            world.clerk,
            cart(world, *guids),
            [tender or Cash(eur("500.00"))],
            world.signer,
            now=when or world.now,  # type: ignore[arg-type]
        )
        return sale.order


def _premium_adult(world: World) -> int:
    """The price (minor units) a warm sale of a Premium adult seat charges now."""
    with world.store.read() as s:
        q = quote(s, cart(world, "S-A-14"), now=world.now)
        return q.priced.lines[0].price.minor


def _raw(world: World) -> sqlite3.Connection:
    """A connection of its own, as another process (the admin CLI) would use."""
    return sqlite3.connect(world.store.path, isolation_level=None)


def test_the_caches_are_in_use(world: World) -> None:
    """Guard for the tests below: a second sale reads no price, seat or permission row."""
    _sell(world, "S-A-14")
    statements: list[str] = []

    def trace(dbapi: sqlite3.Connection, *_: object) -> None:
        dbapi.set_trace_callback(statements.append)

    event.listen(world.store.write_engine, "checkout", trace)
    try:
        _sell(world, "S-A-16")
    finally:
        event.remove(world.store.write_engine, "checkout", trace)
    reads = " ".join(s for s in statements if s.startswith("SELECT"))
    for table in ("prices", "performances", "role_permissions", "price_types", "settings"):
        assert f"FROM {table}" not in reads, statements


def test_price_changed_by_a_service_is_charged_at_the_next_sale(world: World) -> None:
    assert _sell(world, "S-A-14").total_minor == 8900
    with world.store.write() as s:
        perf = s.get(Performance, world.performance)
        assert perf is not None
        prices.set_price(s, ADMIN, perf, "Premium", "adult", eur("95.00"), "5")
    assert _sell(world, "S-A-15").total_minor == 9500


def test_price_changed_by_another_process_is_charged_at_the_next_sale(world: World) -> None:
    assert _sell(world, "S-A-14").total_minor == 8900
    raw = _raw(world)
    raw.execute("UPDATE prices SET amount_minor = 7000 WHERE amount_minor = 8900")
    raw.close()
    assert _sell(world, "S-A-15").total_minor == 7000


def test_unflushed_change_in_the_same_session_is_seen(world: World) -> None:
    _sell(world, "S-A-14")
    with (
        pytest.raises(ValidationError, match="cancelled, not on sale"),
        world.store.write() as s,
        s.no_autoflush,
    ):
        perf = s.get(Performance, world.performance)
        assert perf is not None
        perf.status = PerformanceStatus.CANCELLED  # not flushed
        sell(
            s,
            world.clerk,
            cart(world, "S-A-15"),
            [Cash(eur("100.00"))],
            world.signer,
            now=world.now,
        )


def test_a_rolled_back_change_never_lands_in_the_cache(world: World) -> None:
    """The version a rolled-back writer saw is reused by the next commit: no cache may hold it."""
    before = _premium_adult(world)
    with world.store.write() as s:
        perf = s.get(Performance, world.performance)
        assert perf is not None
        prices.set_price(s, ADMIN, perf, "Premium", "adult", eur("50.00"), "5")
        s.flush()
        assert quote(s, cart(world, "S-A-14"), now=world.now).priced.total.minor == 5000
        s.rollback()
    # The next committed change (one row, as the rolled-back one) gets the
    # version number the rolled-back change had.
    raw = _raw(world)
    raw.execute(
        "UPDATE prices SET amount_minor = 6000 WHERE amount_minor = 8900 AND performance_id = ?",
        (world.performance,),
    )
    raw.close()
    assert before == 8900
    assert _premium_adult(world) == 6000
    assert _sell(world, "S-A-15").total_minor == 6000


def test_a_change_earlier_in_the_same_transaction_is_seen(world: World) -> None:
    with world.store.write() as s:
        assert quote(s, cart(world, "S-A-14"), now=world.now).priced.total.minor == 8900
        perf = s.get(Performance, world.performance)
        assert perf is not None
        prices.set_price(s, ADMIN, perf, "Premium", "adult", eur("91.00"), "5")
        s.flush()
        order = sell(
            s,
            world.clerk,
            cart(world, "S-A-15"),
            [Cash(eur("100.00"))],
            world.signer,
            now=world.now,
        ).order
        assert order.total_minor == 9100


def test_cancelled_performance_refuses_the_next_sale(world: World) -> None:
    _sell(world, "S-A-14")
    with world.store.write() as s:
        performances.set_status(s, ADMIN, world.performance, PerformanceStatus.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled, not on sale"):
        _sell(world, "S-A-15")


def test_moved_sale_window_is_respected(world: World) -> None:
    _sell(world, "S-A-14")
    raw = _raw(world)
    raw.execute(
        "UPDATE performances SET sale_ends_at = ? WHERE id = ?",
        ((world.now - timedelta(hours=1)).replace(tzinfo=None).isoformat(" "), world.performance),
    )
    raw.close()
    with pytest.raises(ValidationError, match="closed"):
        _sell(world, "S-A-15")


def test_deactivated_clerk_cannot_sell(world: World) -> None:
    _sell(world, "S-A-14")
    with world.store.write() as s:
        users.deactivate(s, ADMIN, "ann", now=world.now)
    with pytest.raises(PermissionDenied):
        _sell(world, "S-A-15")


def test_permission_taken_from_the_role_is_gone_at_the_next_sale(world: World) -> None:
    _sell(world, "S-A-14")
    with world.store.write() as s:
        role_id = s.scalar(select(User.role_id).where(User.username == "ann"))
        s.execute(
            delete(RolePermission).where(
                RolePermission.role_id == role_id, RolePermission.permission == "sell"
            )
        )
    with pytest.raises(PermissionDenied):
        _sell(world, "S-A-15")


def test_revoked_or_expired_grant_stops_working(world: World) -> None:
    comp = Comp("house seats")
    with world.store.write() as s:
        lent = grants.grant(
            s,
            ADMIN,
            "ann",
            "sell_complimentary",
            world.now + timedelta(hours=1),
            "rush",
            now=world.now,
        )
        grant_id = lent.id
    assert _sell(world, "S-A-14", tender=comp).status.value == "paid"
    # Cached, but judged at each sale's time: past its expiry it no longer counts.
    with pytest.raises(PermissionDenied):
        _sell(world, "S-A-15", tender=comp, when=world.now + timedelta(hours=2))
    assert _sell(world, "S-A-16", tender=comp).status.value == "paid"
    with world.store.write() as s:
        grants.revoke_grant(s, ADMIN, grant_id, now=world.now)
    with pytest.raises(PermissionDenied):
        _sell(world, "S-A-17", tender=comp)


def test_cash_rounding_setting_applies_at_once(world: World) -> None:
    order = _sell(world, "S-A-14")
    assert order.payments[0].rounding_minor == 0
    with world.store.write() as s:
        perf = s.get(Performance, world.performance)
        assert perf is not None
        prices.set_price(s, ADMIN, perf, "Premium", "adult", eur("89.03"), Decimal("5"))
    raw = _raw(world)
    raw.execute("INSERT INTO settings (key, value) VALUES ('cash_rounding.EUR', '5')")
    raw.close()
    order = _sell(world, "S-A-15")
    assert (order.total_minor, order.payments[0].amount_minor) == (8903, 8905)


def test_no_cache_after_ddl_until_the_store_is_opened_again(world: World) -> None:
    """A migration rebuilding a table drops its triggers: caching stops, nothing goes stale."""
    _sell(world, "S-A-14")
    raw = _raw(world)
    raw.execute("DROP TRIGGER dv_prices_update")
    raw.execute("UPDATE prices SET amount_minor = 7100 WHERE amount_minor = 8900")
    raw.close()
    assert _sell(world, "S-A-15").total_minor == 7100
    world.store.dispose()
    reopened = open_store(world.store.path)  # re-arms: the trigger is back
    try:
        with reopened.read() as s:
            names = set(s.scalars(select(User.username)))
        assert "ann" in names
        raw = _raw(world)
        assert raw.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'dv_prices_update'"
        ).fetchone() == (1,)
        raw.execute("UPDATE prices SET amount_minor = 7200 WHERE amount_minor = 7100")
        raw.close()
        world.store = reopened
        assert _sell(world, "S-A-16").total_minor == 7200
    finally:
        reopened.dispose()


def test_a_replaced_store_file_does_not_match_the_old_cache(world: World) -> None:
    assert _sell(world, "S-A-14").total_minor == 8900
    path = world.store.path
    world.store.dispose()
    copy = path.with_name("copy.sqlite3")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    dst.execute("UPDATE prices SET amount_minor = 6600 WHERE amount_minor = 8900")
    dst.commit()
    src.close()
    dst.close()
    copy.replace(path)  # another file at the same path (a restored copy)
    world.store = open_store(path)
    try:
        assert _sell(world, "S-A-15").total_minor == 6600
    finally:
        world.store.dispose()


def test_caches_can_be_cleared(world: World) -> None:
    _sell(world, "S-A-14")
    versions.clear()
    assert _sell(world, "S-A-15").total_minor == 8900
