"""The outbox's states and the rules for the server address (no server needed)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import func, select

from boxoffice.errors import PermissionDenied, ValidationError
from boxoffice.sales import checkout
from boxoffice.store import outbox
from boxoffice.store.models import OutboxEntry, OutboxState, SyncConflict
from boxoffice.sync import config, conflicts
from boxoffice.sync.credentials import TokenStore
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur


def _sell(world: World, *guids: str) -> None:
    with world.store.write() as s:
        checkout.sell(
            s,
            world.clerk,
            cart(world, *guids),
            [checkout.Cash(eur("500"))],
            world.signer,
            now=world.now,
        )


def test_sales_queue_in_sequence_and_in_flight_entries_are_sent_again(world: World) -> None:
    _sell(world, "S-A-1")
    _sell(world, "S-A-2")
    _sell(world, "S-A-3")
    with world.store.write() as s:
        batch = outbox.next_batch(s, 2)
        assert [e.kind for e in batch] == ["sale", "sale"]
        first, second = batch[0].id, batch[1].id
        assert first < second
        outbox.mark_in_flight(s, [first, second], world.now)
    with world.store.write() as s:
        # Nobody knows whether the server got them: they come again, first.
        again = outbox.next_batch(s, 10)
        assert [e.id for e in again][:2] == [first, second]
        assert again[0].state == OutboxState.IN_FLIGHT and again[0].attempts == 1
        outbox.acknowledge(s, first, {"order": "x"}, world.now)
        outbox.needs_attention(s, second, "rejected: unknown performance")
    with world.store.read() as s:
        assert outbox.waiting(s) == 2  # one pending, one needing attention
        rest = outbox.next_batch(s, 10)
        assert [e.id for e in rest] == [second + 1]  # attention is not resent
        assert s.get(OutboxEntry, first).acknowledged_at is not None
        # Nothing was deleted.
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 3


def test_a_refused_sale_leaves_no_outbox_entry(world: World) -> None:
    _sell(world, "S-A-1")
    with pytest.raises(Exception, match=r"sold|not available"):
        _sell(world, "S-A-1")
    with world.store.read() as s:
        assert outbox.waiting(s) == 1


@pytest.mark.parametrize(
    ("url", "allow", "expected"),
    [
        ("https://box.example.org:8765/", False, "https://box.example.org:8765"),
        ("http://127.0.0.1:8765", False, "http://127.0.0.1:8765"),
        ("http://localhost:9000", False, "http://localhost:9000"),
        ("http://[::1]:9000", False, "http://[::1]:9000"),
        ("http://10.1.2.3:8765", True, "http://10.1.2.3:8765"),
    ],
)
def test_server_addresses_that_are_accepted(url: str, allow: bool, expected: str) -> None:
    assert config.check_url(url, allow_http=allow) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://10.1.2.3:8765", "refusing plain HTTP to 10.1.2.3"),
        ("ftp://box.example.org", "not usable"),
        ("box.example.org", "not usable"),
        ("https://", "not usable"),
        ("https://box.example.org:99999", "bad port"),
        ("https://user:pw@box.example.org", "credentials"),
    ],
)
def test_server_addresses_that_are_refused(url: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        config.check_url(url)


def test_ca_file_must_be_a_pem_certificate(tmp_path: Path) -> None:
    bad = tmp_path / "ca.pem"
    bad.write_text("hello")
    with pytest.raises(ValidationError, match="not a PEM certificate"):
        config.check_ca_file(bad)
    with pytest.raises(ValidationError, match="does not exist"):
        config.check_ca_file(tmp_path / "missing.pem")


def test_device_token_lives_in_a_file_backed_keyring(tmp_path: Path) -> None:
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    tokens = TokenStore("https://box.example.org", "/stores/window1.sqlite3", ring)
    assert tokens.get() is None
    tokens.put("bxt_secret")
    # A fresh backend object on the same file sees it (it is really stored).
    again = PlaintextKeyring()
    again.file_path = ring.file_path  # type: ignore[misc]
    assert TokenStore("https://box.example.org", "/stores/window1.sqlite3", again).get() == (
        "bxt_secret"
    )
    assert "boxoffice" in Path(ring.file_path).read_text()  # it is in the file, base64
    other = TokenStore("https://box.example.org", "/stores/training.sqlite3", again)
    assert other.get() is None
    tokens.delete()
    assert tokens.get() is None


def test_conflicts_are_listed_and_resolved_by_a_supervisor_only(world: World) -> None:
    _sell(world, "S-A-1")
    with world.store.write() as s:
        entry = outbox.next_batch(s, 1)[0]
        conflicts.record(
            s,
            entry=entry,
            code="seat_taken",
            message=conflicts.conflict_message("seat_taken"),
            server_facts={"holder": "Window 2"},
            server_ref="17",
            now=world.now,
        )
        # The same report again (a replay) does not make a second conflict.
        assert (
            conflicts.record(s, entry=entry, code="seat_taken", message="x", server_ref="17")
            is None
        )
    with world.store.read() as s:
        (view,) = conflicts.listing(s)
        assert view.code == "seat_taken" and view.server_facts == {"holder": "Window 2"}
        assert view.client_facts["tickets"][0]["seat"] == world.seats["S-A-1"]
        assert "money taken here is kept" in view.message
    with world.store.write() as s, pytest.raises(PermissionDenied):
        conflicts.resolve(s, world.clerk, view.id, "refunded", now=world.now)
    with world.store.write() as s, pytest.raises(ValidationError, match="say how"):
        conflicts.resolve(s, world.supervisor, view.id, "  ", now=world.now)
    with world.store.write() as s:
        done = conflicts.resolve(
            s, world.supervisor, view.id, "re-seated in S-A-9", now=world.now + timedelta(1)
        )
        assert done.resolved_by == "sue"
    with world.store.read() as s:
        assert conflicts.listing(s) == []
        assert len(conflicts.listing(s, include_resolved=True)) == 1
        assert s.scalar(select(SyncConflict.resolution)) == "re-seated in S-A-9"
    with world.store.write() as s, pytest.raises(ValidationError, match="already resolved"):
        conflicts.resolve(s, world.supervisor, view.id, "again", now=world.now)


def test_a_refused_server_address_has_a_code_and_reads_in_chinese() -> None:
    with pytest.raises(ValidationError) as caught:
        config.check_url("http://192.0.2.7:8443")
    error = caught.value
    assert error.code == "sync_url_plain_http" and error.params == {"host": "192.0.2.7"}
    assert str(error).startswith("refusing plain HTTP to 192.0.2.7: the device token")
    assert error.message("zh_CN") == (
        "拒绝以明文 HTTP 连接192.0.2.7：设备令牌将以未加密方式传输。"
        "请使用 https://，或在隔离网络中明确允许 HTTP。"
    )


def test_a_conflict_reason_reads_in_either_language() -> None:
    from boxoffice.messages import catalogue

    assert all(f"sync_conflict_{reason}" in catalogue() for reason in conflicts.REASONS)
    assert conflicts.conflict_message("seat_taken").startswith("the seat was sold elsewhere")
    assert "换座" in conflicts.conflict_message("seat_taken", "zh_CN")
    assert conflicts.conflict_message("gremlins") == (
        "the server could not apply this operation (gremlins)"
    )
    assert conflicts.conflict_message("gremlins", "zh_CN") == "服务器无法执行此操作（gremlins）。"
