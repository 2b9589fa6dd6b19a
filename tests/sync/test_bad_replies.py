"""A server reply that does not match the protocol gives a clear error and changes nothing.

The "server" here is a real HTTP listener on loopback (the standard library's
``http.server``) that answers with bytes the test chooses: a broken proxy, a
wrong build, a truncated body. The client must refuse each one, name what is
wrong, and leave the store exactly as it was.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from sqlalchemy import func, select

from boxoffice.sales import checkout
from boxoffice.store.models import OutboxEntry, OutboxState, RemoteSeat, Venue
from boxoffice.sync import config, terminal
from boxoffice.sync.client import ServerClient
from boxoffice.sync.config import ServerConfig
from boxoffice.sync.credentials import TokenStore
from boxoffice.sync.errors import BadServerReply, ServerRefused, ServerUnreachable
from boxoffice.sync.worker import SyncWorker
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur, snapshot

NOW = "2026-11-25T15:00:00+00:00"


class Scripted(BaseHTTPRequestHandler):
    replies: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        path = self.path.split("?")[0]
        status, ctype, body = self.replies.get(path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def bad_server() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    replies: ClassVar[dict[str, tuple[int, str, bytes]]] = {}
    handler = type("Handler", (Scripted,), {"replies": replies})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", replies
    httpd.shutdown()
    httpd.server_close()


def _json(value: object, status: int = 200) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(value).encode()


@pytest.fixture
def client(world: World, bad_server, ring) -> Iterator[ServerClient]:  # type: ignore[no-untyped-def]
    url, _replies = bad_server
    c = ServerClient(ServerConfig(url), TokenStore(url, "/test", ring))
    c.tokens.put("bxt_test_token")
    yield c
    c.close()


def _queued(world: World) -> None:
    with world.store.write() as s:
        checkout.sell(
            s, world.clerk, cart(world, "S-A-1"), [checkout.Cash(eur("500"))], world.signer
        )


def _store_state(world: World) -> dict[str, object]:
    with world.store.read() as s:
        return {
            **snapshot(world),
            "remote": s.scalar(select(func.count()).select_from(RemoteSeat)),
            "venues": [tuple(v) for v in s.execute(select(Venue.id, Venue.name))],
            "cursor": config.cursor(s),
        }


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ((200, "text/html", b"<html>proxy login</html>"), "not JSON"),
        (_json({"events": [], "more": False}), "cursor"),
        (
            _json(
                {
                    "events": [
                        {
                            "seq": 1,
                            "kind": "catalogue",
                            "at": NOW,
                            "data": {"table": "venues", "id": 1, "row": {"id": 1, "name": "X"}},
                        },
                        {
                            "seq": 2,
                            "kind": "seat_state",
                            "at": NOW,
                            "data": {"performance_id": 1, "seat_id": "12", "state": "sold"},
                        },
                    ],
                    "cursor": "2",
                    "more": False,
                }
            ),
            "event 2 (seat_state): feed event field 'seat_id' must be a whole number",
        ),
        (
            _json(
                {
                    "events": [{"seq": 1, "kind": "x", "at": "2026-11-25T15:00:00", "data": {}}],
                    "cursor": "1",
                    "more": False,
                }
            ),
            "events.0.at",
        ),
        (
            _json(
                {
                    "events": [
                        {
                            "seq": 1,
                            "kind": "revocation",
                            "at": NOW,
                            "data": {
                                "serial": "W2-T1",
                                "ticket_id": 4,
                                "up_to_reissue": 0,
                                "reason": "stolen",
                            },
                        }
                    ],
                    "cursor": "1",
                    "more": False,
                }
            ),
            "feed item 'reason' must be one of "
            "['cancelled', 'exchanged', 'refunded', 'reprinted', 'voided'], got 'stolen'",
        ),
    ],
)
def test_a_corrupt_feed_page_is_refused_and_changes_nothing(
    world: World, bad_server, client: ServerClient, reply, message: str
) -> None:  # type: ignore[no-untyped-def]
    _url, replies = bad_server
    replies["/api/v1/feed"] = reply
    replies["/api/v1/operations"] = _json({"results": [], "last_seq": 0, "server_time": NOW})
    before = _store_state(world)
    worker = SyncWorker(world.store, client, terminal="Window 1")
    with pytest.raises(BadServerReply, match=re.escape(message)) as caught:
        worker.pull_feed()
    assert "nothing" in str(caught.value)
    assert _store_state(world) == before


def test_a_corrupt_answer_to_a_batch_acknowledges_nothing(
    world: World, bad_server, client: ServerClient
) -> None:  # type: ignore[no-untyped-def]
    _url, replies = bad_server
    _queued(world)
    worker = SyncWorker(world.store, client, terminal="Window 1")
    with world.store.read() as s:
        entry = s.scalar(select(OutboxEntry))
        assert entry is not None
    good = {
        "idempotency_key": entry.idempotency_key,
        "terminal_seq": entry.id,
        "status": "applied",
        "result": {},
    }
    cases = [
        ({**good, "terminal_seq": float(entry.id)}, "results.0.terminal_seq"),
        ({**good, "status": "maybe"}, "results.0.status"),
        ({**good, "terminal_seq": entry.id + 7}, "which was not sent"),
        ({**good, "idempotency_key": "someone-else"}, "which was not sent"),
    ]
    for result, message in cases:
        replies["/api/v1/operations"] = _json(
            {"results": [result], "last_seq": entry.id, "server_time": NOW}
        )
        with pytest.raises(BadServerReply, match=re.escape(message)):
            worker.push_backlog()
        with world.store.read() as s:
            again = s.get(OutboxEntry, entry.id)
            assert again is not None and again.state == OutboxState.IN_FLIGHT
            assert again.acknowledged_at is None
    # A server error page is "offline", not a verdict on the operations.
    replies["/api/v1/operations"] = (502, "text/html", b"<h1>Bad Gateway</h1>")
    with pytest.raises(ServerUnreachable, match="502"):
        worker.push_backlog()
    # And a well-formed answer is accepted.
    replies["/api/v1/operations"] = _json(
        {"results": [good], "last_seq": entry.id, "server_time": NOW}
    )
    assert worker.push_backlog() == 1
    with world.store.read() as s:
        assert s.get(OutboxEntry, entry.id).state == OutboxState.ACKNOWLEDGED  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({"venues": [{"id": 1, "name": "X"}], "tickets": [{"id": 1}]}, "'tickets'"),
        ({"venues": [{"id": 1, "name": 7}]}, "venues.name: expected text"),
        ({"performances": [{"id": 1, "starts_at": "2030-06-11T19:30"}]}, "has no time zone"),
        ({"performances": [{"id": 1, "status": "sold_out"}]}, "is not one of"),
        ({"venues": [{"name": "no key"}]}, "without its key id"),
        ({"venues": [{"id": 1, "colour": "red"}]}, "unknown columns: colour"),
    ],
)
def test_a_corrupt_catalogue_is_refused_whole(
    world: World, bad_server, client: ServerClient, tables, message: str
) -> None:  # type: ignore[no-untyped-def]
    _url, replies = bad_server
    replies["/api/v1/catalogue"] = _json({"cursor": "9", "tables": tables})
    before = _store_state(world)
    with pytest.raises(BadServerReply, match=re.escape(message)) as caught:
        terminal.pull_catalogue(world.store, client)
    assert "nothing was changed" in str(caught.value)
    assert _store_state(world) == before


def _day_end_reply(**changes: object) -> dict:
    z = {
        "kind": "Z",
        "number": 1,
        "shift": 4,
        "terminal": "Window 9",
        "clerk": "zoe",
        "opened_at": "2030-06-01T08:00:00+00:00",
        "closed_at": "2030-06-01T16:00:00+00:00",
        "closed_by": "zoe",
        "cash": [],
        "tenders": [],
        "reconciliation": [
            {"tender": "cash", "currency": "EUR", "expected": 100, "counted": 100, "variance": 0}
        ],
    }
    terminal = {"terminal": "Window 9", "z_reports": [z]}
    reply = {
        "day": "2030-06-01",
        "tz": "UTC",
        "start": "2030-06-01T00:00:00+00:00",
        "end": "2030-06-02T00:00:00+00:00",
        "as_of": NOW,
        "terminals": [terminal],
    }
    for path, value in changes.items():
        *parents, last = path.split("__")
        target: dict = reply
        for part in parents:
            target = target[part][0] if isinstance(target[part], list) else target[part]
        target[last] = value
    return reply


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"day": "2030-06-02"}, "day end of 2030-06-02"),
        ({"terminals__z_reports__number": 1.0}, "terminals.0.z_reports.0.number"),
        (
            {"terminals__z_reports__reconciliation": [{"tender": "cash", "expected": "1"}]},
            "reconciliation",
        ),
        ({"terminals__z_reports__closed_at": "2030-06-01T16:00:00"}, "closed_at"),
        ({"terminals": None}, "terminals"),
    ],
)
def test_a_bad_day_end_reply_gives_local_figures_and_says_why(
    world: World, bad_server, client: ServerClient, changes: dict, named: str
) -> None:
    """A supervisor still gets this terminal's figures, marked local, with the reason."""
    from datetime import date

    from boxoffice.context import TerminalContext
    from boxoffice.ops import cash

    def fetch(store, actor, on, server, *, now=None):  # type: ignore[no-untyped-def]
        ctx = TerminalContext(store, actor.terminal)
        return cash.day_end(ctx, actor, on, server=server, now=now).value

    _url, replies = bad_server
    replies["/api/v1/day-end"] = _json(_day_end_reply(**changes))
    before = snapshot(world)
    result = fetch(world.store, world.supervisor, date(2030, 6, 1), client, now=world.now)
    assert result.local_only and sorted(result.terminals) == ["Window 1"]
    error = result.server_error or ""
    assert named in error and ("nothing was changed" in error or "not 2030-06-01" in error)
    after = snapshot(world)  # nothing changed but the audit entry of the request itself
    assert len(after.pop("audit_log")) == len(before.pop("audit_log")) + 1
    assert after == before
    # The well-formed reply is taken, so the cases above fail for their one fault.
    replies["/api/v1/day-end"] = _json(_day_end_reply())
    good = fetch(world.store, world.supervisor, date(2030, 6, 1), client, now=world.now)
    assert good.server_error is None and good.terminals["Window 9"].z_numbers == [1]


def test_an_empty_enrolment_code_is_refused_before_asking(client: ServerClient) -> None:
    with pytest.raises(ServerRefused) as caught:
        client.enrol("   ", "a-public-key")
    assert caught.value.code == "sync_enrol_code_missing" and caught.value.status == 400
    assert str(caught.value) == "enter the enrolment code the administrator gave you"
    assert caught.value.message("zh_CN") == "请输入管理员提供的注册码。"
