"""HTTPS client for the central server (httpx), speaking ``docs/sync-protocol.md``.

Every reply is validated (``protocol.parse``) before a caller sees it.
Certificates are verified against the system's CAs plus, if configured, the
venue's own CA file; plain HTTP is refused unless the server is on loopback
or HTTP was explicitly allowed (``config.check_url``). A refused or failed
connection (server down, network gone) fails at once, and connecting has
1.5 s; the worker switches to offline the moment a call fails. Once
connected, a busy server gets 10 s for a feed page or a hold and 30 s for a
batch of operations before the call counts as failed.
"""

from __future__ import annotations

import json
import ssl
import time
from datetime import date, datetime
from typing import Any

import httpx

from boxoffice import protocol as p
from boxoffice.clock import utc_now
from boxoffice.sync.config import ServerConfig, check_url
from boxoffice.sync.credentials import TokenStore
from boxoffice.sync.errors import BadServerReply, NotEnrolled, ServerRefused, ServerUnreachable

CONNECT_TIMEOUT = 1.5
#: A batch of operations is applied one by one on the server: give it time.
READ_TIMEOUT = 30.0
#: A feed page or a hold is quick; a busy server still gets this long to answer.
QUICK_READ_TIMEOUT = 10.0


def _ssl_context(ca_file: Any) -> ssl.SSLContext | bool:
    if ca_file is None:
        return True
    ctx = ssl.create_default_context()
    try:
        ctx.load_verify_locations(cafile=str(ca_file))
    except (OSError, ssl.SSLError) as exc:
        raise BadServerReply("sync_ca_file_unusable", path=str(ca_file), reason=str(exc)) from exc
    return ctx


class ServerClient:
    def __init__(
        self,
        config: ServerConfig,
        tokens: TokenStore,
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.config = config
        self.base = check_url(config.url, allow_http=config.allow_http)
        self.tokens = tokens
        self.clock_offset_ms = 0
        self.last_seq: int | None = None
        self._http = httpx.Client(
            base_url=self.base + p.API_PREFIX,
            verify=_ssl_context(config.ca_file),
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            transport=transport,
            follow_redirects=False,
        )
        self._fast = httpx.Timeout(connect_timeout, connect=connect_timeout)
        self._quick = httpx.Timeout(QUICK_READ_TIMEOUT, connect=connect_timeout)

    def close(self) -> None:
        self._http.close()

    # -- plumbing ------------------------------------------------------------------
    def _token(self) -> str:
        token = self.tokens.get()
        if not token:
            raise NotEnrolled("sync_not_enrolled", server=str(self.base))
        return token

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        fast: bool = False,
        quick: bool = False,
        what: str = "",
    ) -> Any:
        """Send one call; the decoded JSON reply (``None`` for 204), or a clear error."""
        what = what or f"{method} {path}"
        headers = {"Accept": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self._token()}"
        try:
            response = self._http.request(
                method,
                path,
                json=body,
                params=params,
                headers=headers,
                timeout=self._fast if fast else self._quick if quick else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.TransportError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                raise ServerUnreachable(
                    "sync_certificate_untrusted", server=str(self.base)
                ) from exc
            raise ServerUnreachable(
                "sync_no_answer", server=str(self.base), kind=type(exc).__name__, reason=str(exc)
            ) from exc
        if response.status_code == 204:
            return None
        try:
            data = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            if response.status_code >= 500:
                raise ServerUnreachable(
                    "sync_server_error_from", status=response.status_code, server=str(self.base)
                ) from None
            raise BadServerReply(
                "sync_reply_not_json",
                what=what,
                status=response.status_code,
                content_type=response.headers.get("content-type", "?"),
            ) from None
        if response.status_code >= 500:
            message = data.get("message", "") if isinstance(data, dict) else ""
            if message:
                raise ServerUnreachable(
                    "sync_server_error", status=response.status_code, reason=message
                )
            raise ServerUnreachable("sync_server_error_bare", status=response.status_code)
        if response.status_code >= 400:
            if not isinstance(data, dict):
                raise ServerRefused(response.status_code, str(data)[:200], data)
            message = str(data.get("message") or data.get("error") or data)
            raise ServerRefused(response.status_code, message, data)
        if response.status_code not in (200, 201):
            raise BadServerReply("sync_unexpected_status", status=response.status_code, what=what)
        return data

    # -- health and enrolment ------------------------------------------------------
    def health(self) -> p.Health:
        """Check the server and measure our clock's offset from it."""
        sent = utc_now()
        t0 = time.monotonic()
        reply = p.parse(p.Health, self.request("GET", "/health", auth=False, fast=True), "health")
        elapsed = time.monotonic() - t0
        midpoint = sent.timestamp() + elapsed / 2
        self.clock_offset_ms = round((reply.server_time.timestamp() - midpoint) * 1000)
        return reply

    def enrol(self, code: str, public_key_b64: str) -> p.Enrolment:
        """Exchange a one-time code for a device token (kept in the keyring)."""
        if not code.strip():
            raise ServerRefused(400, code="sync_enrol_code_missing")
        data = self.request(
            "POST",
            "/enrol",
            body={
                "code": code.strip(),
                "public_key": public_key_b64,
                "client_time": utc_now().isoformat(),
            },
            auth=False,
            what="enrolment",
        )
        reply = p.parse(p.Enrolment, data, "enrolment")
        self.tokens.put(reply.token)
        return reply

    def terminal(self) -> p.TerminalInfo:
        return p.parse(p.TerminalInfo, self.request("GET", "/terminal"), "terminal")

    # -- operations and feed -------------------------------------------------------
    def push(self, operations: list[p.Operation]) -> list[p.OpResult]:
        if not operations:
            return []
        if len(operations) > p.MAX_BATCH:
            raise ValueError(f"at most {p.MAX_BATCH} operations per batch")
        data = self.request(
            "POST",
            "/operations",
            body={
                "sent_at": utc_now().isoformat(),
                "clock_offset_ms": self.clock_offset_ms,
                "operations": [op.wire() for op in operations],
            },
            what="a batch of operations",
        )
        reply = p.parse(p.PushReply, data, "a batch of operations")
        self.last_seq = reply.last_seq
        return reply.results

    def pull(self, cursor: str | None, limit: int) -> p.FeedPage:
        params: dict[str, Any] = {"limit": max(1, min(limit, 1000))}
        if cursor:
            params["cursor"] = cursor
        return p.parse(
            p.FeedPage, self.request("GET", "/feed", params=params, quick=True), "the change feed"
        )

    def catalogue(self) -> p.Catalogue:
        return p.parse(p.Catalogue, self.request("GET", "/catalogue"), "the catalogue")

    # -- holds and allocations -----------------------------------------------------
    def place_hold(
        self,
        performance_id: int,
        seat_ids: list[int],
        *,
        ga_area_id: int | None = None,
        quantity: int | None = None,
        ttl_seconds: int | None = None,
    ) -> p.Hold:
        body: dict[str, Any] = {"performance_id": performance_id, "seat_ids": seat_ids}
        if ga_area_id is not None:
            body.update(ga_area_id=ga_area_id, quantity=quantity)
        if ttl_seconds is not None:
            body["ttl_seconds"] = ttl_seconds
        return p.parse(p.Hold, self.request("POST", "/holds", body=body, quick=True), "a hold")

    def release_hold(self, hold_id: str) -> None:
        self.request("DELETE", f"/holds/{hold_id}", quick=True, what="releasing a hold")

    def request_allocation(
        self,
        performance_id: int,
        *,
        seat_ids: list[int] | None = None,
        ga_area_id: int | None = None,
        quantity: int | None = None,
        expires_at: datetime,
        requested_by: str,
    ) -> p.Allocation:
        body: dict[str, Any] = {
            "performance_id": performance_id,
            "expires_at": expires_at.isoformat(),
            "requested_by": requested_by,
        }
        if seat_ids:
            body["seat_ids"] = seat_ids
        if ga_area_id is not None:
            body.update(ga_area_id=ga_area_id, quantity=quantity)
        return p.parse(
            p.Allocation, self.request("POST", "/allocations", body=body), "an allocation"
        )

    def allocations(self) -> list[p.Allocation]:
        return p.parse(
            p.Allocations, self.request("GET", "/allocations"), "allocations"
        ).allocations

    def conflicts(self) -> list[p.ServerConflict]:
        """This terminal's conflicts, resolved ones too (so a central resolution shows here)."""
        data = self.request("GET", "/conflicts", params={"state": "all"}, quick=True)
        return p.parse(p.Conflicts, data, "conflicts").conflicts

    # -- the day end ---------------------------------------------------------------
    def day_end(self, on: date, tz: str) -> p.DayEnd:
        """Every terminal's Z reports for the venue's day ``on`` in zone ``tz``."""
        data = self.request(
            "GET",
            "/day-end",
            params={"date": on.isoformat(), "tz": tz},
            quick=True,
            what="the day end",
        )
        reply = p.parse(p.DayEnd, data, "the day end")
        if reply.day != on:
            raise BadServerReply(
                "sync_day_end_other_day", day=reply.day.isoformat(), asked=on.isoformat()
            )
        return reply
