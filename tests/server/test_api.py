"""Health, OpenAPI, enrolment, authentication and bad requests (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from boxoffice.clock import utc_now
from boxoffice.server import enrolment
from boxoffice.server import schemas as S
from boxoffice.server.db import ServerStore
from boxoffice.server.models import EnrolCode, FeedEvent, Receipt, ServerOrder, Terminal
from tests.server import helpers
from tests.server.conftest import enrol


def _count(store: ServerStore, model) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_health_and_openapi(client: TestClient, server_store: ServerStore) -> None:
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["database"] == server_store.dialect
    S.HealthOut.model_validate(body)
    spec = client.get("/api/v1/openapi.json").json()
    push = spec["paths"]["/api/v1/operations"]["post"]["responses"]
    assert push["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/PushOut")
    assert push["401"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    statuses = spec["components"]["schemas"]["OpResultOut"]["properties"]["status"]["enum"]
    assert set(statuses) == {"applied", "replayed", "conflict", "rejected", "out_of_order"}
    assert {"/api/v1/operations", "/api/v1/enrol", "/api/v1/feed", "/api/v1/holds"} <= set(
        spec["paths"]
    )


def test_the_client_reads_the_reply_shapes_the_server_documents(client: TestClient) -> None:
    from boxoffice.protocol import replies as R

    documented = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    parsers = [R.Health, R.Enrolment, R.PushReply, R.OpResult, R.FeedPage, R.FeedEvent]
    parsers += [R.Hold, R.Allocations, R.Allocation, R.Catalogue, R.TerminalInfo, R.Conflicts]
    for parser in parsers:
        assert parser.shape is not None and issubclass(parser, parser.shape)
        assert parser.shape.__name__ in documented, parser.__name__
        assert set(parser.model_fields) == set(parser.shape.model_fields)
    with pytest.raises(TypeError, match="uptime"):  # a field the server does not send

        class Uptime(R.Reply, S.HealthOut):
            uptime: int


def test_enrolment_registers_key_and_code_is_single_use(
    client: TestClient, server_store: ServerStore
) -> None:
    code = helpers.make_code(server_store, "Window 1", "W1")
    _key, public = helpers.new_key()
    r = client.post("/api/v1/enrol", json={"code": code.lower(), "public_key": public})
    assert r.status_code == 201, r.text
    answer = r.json()
    assert answer["prefix"] == "W1" and answer["token"].startswith("bxt_")
    with server_store.session() as s:
        t = s.get(Terminal, answer["terminal_id"])
        assert t is not None and t.token_hash != answer["token"]  # only a hash at rest
        assert answer["token"] not in (t.token_hash or "")
    keys = client.get("/api/v1/catalogue/ticket_keys", headers=helpers.auth(answer["token"]))
    assert [k["key_id"] for k in keys.json()["rows"]] == [answer["key_id"]]
    _key2, public2 = helpers.new_key()
    again = client.post("/api/v1/enrol", json={"code": code, "public_key": public2})
    assert again.status_code == 401
    assert again.json()["error"] == "enrolment_code_invalid"
    assert "already used" in again.json()["message"]
    assert _count(server_store, Terminal) == 1


def test_expired_code_is_refused(client: TestClient, server_store: ServerStore) -> None:
    code = helpers.make_code(server_store, "Door 1")
    with server_store.session() as s:
        s.execute(update(EnrolCode).values(expires_at=utc_now() - timedelta(seconds=1)))
    _key, public = helpers.new_key()
    r = client.post("/api/v1/enrol", json={"code": code, "public_key": public})
    assert r.status_code == 401 and "expired" in r.json()["message"]
    assert _count(server_store, Terminal) == 0


def test_failed_enrolments_are_rate_limited(client: TestClient, server_store: ServerStore) -> None:
    _key, public = helpers.new_key()
    for _ in range(enrolment.MAX_FAILURES):
        r = client.post("/api/v1/enrol", json={"code": "AAAA-BBBB-CCCC", "public_key": public})
        assert r.status_code == 401
    # Even the right code is refused while the address is locked out.
    code = helpers.make_code(server_store, "Window 9")
    r = client.post("/api/v1/enrol", json={"code": code, "public_key": public})
    assert r.status_code == 429
    assert r.json()["error"] == "too_many_attempts" and int(r.headers["Retry-After"]) > 0
    assert _count(server_store, Terminal) == 0


def test_bad_public_key_changes_nothing(client: TestClient, server_store: ServerStore) -> None:
    code = helpers.make_code(server_store, "Window 1")
    r = client.post("/api/v1/enrol", json={"code": code, "public_key": "bm90IGEga2V5"})
    assert r.status_code == 422 and "32-byte" in r.json()["message"]
    _key, public = helpers.new_key()
    assert (
        client.post("/api/v1/enrol", json={"code": code, "public_key": public}).status_code == 201
    )


def test_unauthenticated_and_revoked_are_refused(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    batch = {"operations": [seller.op("sale", seller.sale([1]))]}
    for headers in ({}, {"Authorization": "Bearer bxt_nope"}, {"Authorization": "Basic x"}):
        r = client.post("/api/v1/operations", json=batch, headers=headers)
        assert r.status_code == 401, r.text
        assert r.json()["error"] == "unauthenticated" and r.json()["message"]
    with server_store.session() as s:
        enrolment.revoke(s, terminal["terminal_id"])
    r = client.post("/api/v1/operations", json=batch, headers=helpers.auth(terminal["token"]))
    assert r.status_code == 403 and r.json()["error"] == "terminal_revoked"
    assert _count(server_store, ServerOrder) == 0 and _count(server_store, Receipt) == 0
    # The revoked terminal's ticket key is revoked for scanners too.
    admin = helpers.admin_token(server_store)
    other = enrol(client, server_store, "Window 2", "W2")
    keys = client.get("/api/v1/catalogue/ticket_keys", headers=helpers.auth(other["token"]))
    revoked = {k["key_id"]: k["revoked_at"] for k in keys.json()["rows"]}
    assert revoked[terminal["key_id"]] is not None and revoked[other["key_id"]] is None
    assert client.get("/api/v1/admin/terminals", headers=helpers.auth(admin)).status_code == 200


def test_admin_endpoints_need_an_admin_token(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    r = client.get("/api/v1/admin/conflicts", headers=helpers.auth(terminal["token"]))
    assert r.status_code == 403 and r.json()["error"] == "admin_required"
    assert client.get("/api/v1/admin/conflicts").status_code == 401
    admin = helpers.admin_token(server_store)
    # and an admin token is no device token
    assert client.get("/api/v1/feed", headers=helpers.auth(admin)).status_code == 401
    r = client.post(
        "/api/v1/admin/enrol-codes", json={"name": "Box 3"}, headers=helpers.auth(admin)
    )
    assert r.status_code == 201 and r.json()["code"]


def test_malformed_requests_get_clear_422_and_change_nothing(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    h = helpers.auth(terminal["token"])
    events_before = _count(server_store, FeedEvent)
    seller = helpers.Seller("W1")
    good = seller.op("sale", seller.sale([1]))
    cases = [
        (b"{not json", "json"),
        (b'{"operations": "x"}', "operations"),
        (b'{"operations": [{"kind": "sale"}]}', "idempotency_key"),
    ]
    for raw, word in cases:
        r = client.post(
            "/api/v1/operations", content=raw, headers={**h, "Content-Type": "application/json"}
        )
        assert r.status_code == 422, raw
        assert r.json()["error"] == "invalid_request" and word in r.text.lower()
    naive = {**good, "client_time": "2026-11-25T10:00:00"}
    r = client.post("/api/v1/operations", json={"operations": [naive]}, headers=h)
    assert r.status_code == 422 and "client_time" in r.json()["message"]
    backwards = [seller.op("sale", seller.sale([2])), good]
    backwards[0]["terminal_seq"] = 99
    r = client.post("/api/v1/operations", json={"operations": backwards}, headers=h)
    assert r.status_code == 422 and "increase" in r.json()["message"]
    r = client.get("/api/v1/feed?cursor=banana", headers=h)
    assert r.status_code == 422 and "cursor" in r.json()["message"]
    r = client.post("/api/v1/holds", json={"performance_id": 1, "seat_ids": ["x"]}, headers=h)
    assert r.status_code == 422
    assert client.get("/api/v1/nothing-here", headers=h).json()["error"] == "not_found"
    assert _count(server_store, ServerOrder) == 0 and _count(server_store, Receipt) == 0
    assert _count(server_store, FeedEvent) == events_before
