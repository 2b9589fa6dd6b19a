"""The HTTP API (FastAPI): thin routes over the server services.

Every route runs its work in one database transaction; a refusal raises
``ApiError`` before anything is committed, and the handlers below turn every
refusal (including FastAPI's own validation and routing errors) into the one
error shape ``{"error": code, "message": text, ...}`` of docs/sync-protocol.md.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import select, text
from starlette.exceptions import HTTPException as StarletteHTTPException

from boxoffice.clock import utc_now
from boxoffice.protocol.constants import API_PREFIX
from boxoffice.protocol.day_end import DayEnd
from boxoffice.protocol.requests import (
    AdminAllocationIn,
    AllocationIn,
    BatchIn,
    CatalogueIn,
    EnrolCodeIn,
    EnrolIn,
    HoldIn,
    ReclaimIn,
    ResolveIn,
)
from boxoffice.server import catalogue, conflicts, day_end, enrolment, feed, inventory
from boxoffice.server import schemas as S
from boxoffice.server.db import ServerStore
from boxoffice.server.errors import ApiError, not_found
from boxoffice.server.models import Allocation, Terminal
from boxoffice.server.ops import engine

log = logging.getLogger(__name__)
API = API_PREFIX
#: ``boxoffice.actor.system_actor``'s name: a terminal's admin CLI.
SYSTEM_USER = "system"


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def terminal_info(t: Terminal) -> dict[str, Any]:
    return {
        "terminal_id": t.id,
        "name": t.name,
        "prefix": t.prefix,
        "key_id": t.key_id,
        "last_seq": t.last_seq,
        "enrolled_at": t.enrolled_at.isoformat(),
        "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        "last_contact": t.last_contact.isoformat() if t.last_contact else None,
        "clock_offset_ms": t.clock_offset_ms,
    }


def _terminal(request: Request) -> Terminal:
    with request.app.state.store.lookup() as s:
        return enrolment.authenticate(s, _bearer(request))


def _admin(request: Request) -> str:
    with request.app.state.store.read() as s:
        return enrolment.authenticate_admin(s, _bearer(request)).name


Term = Annotated[Terminal, Depends(_terminal)]
DayParam = Annotated[date, Query(alias="date", description="the business day, YYYY-MM-DD")]
TzParam = Annotated[
    str | None,
    Query(max_length=64, description="IANA zone of the venue's day; default: first venue's"),
]
Admin = Annotated[str, Depends(_admin)]


def create_app(store: ServerStore) -> FastAPI:
    app = FastAPI(
        title="boxoffice central server",
        version="1",
        openapi_url=f"{API}/openapi.json",
        docs_url=f"{API}/docs",
        redoc_url=None,
    )
    app.state.store = store

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = (
            {"Retry-After": str(exc.extra["retry_after"])} if "retry_after" in exc.extra else None
        )
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(p for p in first["loc"] if p != "body") or "request"
        return JSONResponse(
            {"error": "invalid_request", "message": f"{where}: {first['msg']}", "details": details},
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(
            {"error": code, "message": str(exc.detail)}, status_code=exc.status_code
        )

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")
        return JSONResponse(
            {
                "error": "internal_error",
                "message": "the server failed; nothing was committed "
                "by the failing step, retry later",
            },
            status_code=500,
        )

    @app.get(f"{API}/health", responses={200: {"model": S.HealthOut}})
    def health() -> dict[str, Any]:
        with store.read() as s:
            s.execute(text("SELECT 1"))  # the database answers, not only the process
        return {
            "status": "ok",
            "api": "v1",
            "server_time": utc_now().isoformat(),
            "database": store.dialect,
        }

    # -- enrolment ----------------------------------------------------------------
    @app.post(f"{API}/enrol", status_code=201, responses=S.doc(S.EnrolOut, 201, 409, 429))
    def enrol(body: EnrolIn, request: Request) -> dict[str, Any]:
        now = utc_now()
        address = request.client.host if request.client else "unknown"
        with store.session() as s:
            enrolment.check_rate(s, address, now)
        try:
            with store.session() as s:
                t, token = enrolment.enrol(s, body.code, body.public_key, now=now)
                info = terminal_info(t)
        except ApiError as exc:
            if exc.code == "enrolment_code_invalid":
                with store.session() as s:
                    enrolment.record_failure(s, address, now)
            raise
        return {**info, "token": token, "server_time": utc_now().isoformat()}

    @app.get(f"{API}/terminal", responses=S.doc(S.TerminalOut, 200, 403))
    def me(t: Term) -> dict[str, Any]:
        return terminal_info(t)

    # -- catalogue and feed -------------------------------------------------------
    @app.get(f"{API}/catalogue", responses=S.doc(S.CatalogueOut, 200, 403))
    def catalogue_all(t: Term) -> dict[str, Any]:
        with store.read() as s:
            cursor = feed.snapshot_cursor(s)
            tables = {name: catalogue.rows(s, name) for name in catalogue.TABLES}
        return {"cursor": str(cursor), "tables": tables}

    @app.get(f"{API}/catalogue/{{table}}")
    def catalogue_one(table: str, t: Term) -> dict[str, Any]:
        with store.read() as s:
            cursor = feed.snapshot_cursor(s)
            return {"cursor": str(cursor), "rows": catalogue.rows(s, table)}

    @app.get(f"{API}/feed", responses=S.doc(S.FeedOut, 200, 403))
    def read_feed(
        t: Term,
        cursor: Annotated[str | None, Query(max_length=60)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> dict[str, Any]:
        start = feed.Cursor.parse(cursor)
        with store.read() as s:
            events, nxt, more = feed.read(s, start, limit)
        return {"events": events, "cursor": str(nxt), "more": more}

    # -- operations ---------------------------------------------------------------
    @app.post(f"{API}/operations", responses=S.doc(S.PushOut, 200, 403))
    def push(body: BatchIn, t: Term) -> JSONResponse:
        results, last = engine.apply_batch(store, t.id, body.operations, body.clock_offset_ms)
        # Plain JSON already: skip FastAPI's generic encoder, which costs as much as a sale.
        return JSONResponse(
            {"results": results, "last_seq": last, "server_time": utc_now().isoformat()}
        )

    # -- holds --------------------------------------------------------------------
    @app.post(f"{API}/holds", status_code=201, responses=S.doc(S.HoldOut, 201, 403, 404, 409))
    def hold(body: HoldIn, t: Term) -> dict[str, Any]:
        now = utc_now()
        with store.session() as s:
            h = inventory.place_hold(
                s,
                t,
                body.performance_id,
                body.seat_ids,
                ga_area_id=body.ga_area_id,
                quantity=body.quantity,
                ttl_seconds=body.ttl_seconds,
                now=now,
            )
            s.flush()
            return inventory.hold_dict(s, h)

    @app.delete(f"{API}/holds/{{hold_id}}", status_code=204)
    def unhold(hold_id: str, t: Term) -> Response:
        with store.session() as s:
            inventory.release_hold(s, t, hold_id, utc_now())
        return Response(status_code=204)

    # -- allocations --------------------------------------------------------------
    def _allocate(s: Any, target: Terminal, body: AllocationIn) -> dict[str, Any]:
        a = inventory.allocate(
            s,
            target,
            body.performance_id,
            body.seat_ids,
            ga_area_id=body.ga_area_id,
            quantity=body.quantity,
            expires_at=body.expires_at,
            requested_by=body.requested_by,
            now=utc_now(),
        )
        s.flush()
        return inventory.allocation_dict(s, a)

    @app.post(
        f"{API}/allocations", status_code=201, responses=S.doc(S.AllocationOut, 201, 403, 404, 409)
    )
    def allocate(body: AllocationIn, t: Term) -> dict[str, Any]:
        with store.session() as s:
            # The terminal checked the supervisor's PIN; the server checks the role too.
            # "system" is the terminal's admin CLI (the store file's authority).
            if body.requested_by != SYSTEM_USER and not catalogue.user_may(
                s, body.requested_by, "allocation_manage", utc_now()
            ):
                raise ApiError(
                    403,
                    "forbidden",
                    f"{body.requested_by!r} may not allocate seats (needs allocation_manage)",
                )
            return _allocate(s, t, body)

    @app.get(f"{API}/allocations", responses=S.doc(S.AllocationsOut, 200, 403))
    def my_allocations(t: Term) -> dict[str, Any]:
        with store.read() as s:
            rows = s.scalars(
                select(Allocation)
                .where(Allocation.terminal_id == t.id, Allocation.state == "active")
                .order_by(Allocation.id)
            ).all()
            return {"allocations": [inventory.allocation_dict(s, a) for a in rows]}

    @app.get(f"{API}/conflicts", responses=S.doc(S.ConflictsOut, 200, 403))
    def my_conflicts(t: Term, state: str = "open") -> dict[str, Any]:
        with store.read() as s:
            return {"conflicts": conflicts.list_conflicts(s, state, t.id)}

    def _day_end(on: date, tz: str | None) -> dict[str, Any]:
        with store.read() as s:
            return day_end.day_end(s, on, day_end.venue_timezone(s, tz), utc_now())

    @app.get(f"{API}/day-end", responses=S.doc(DayEnd, 200, 403))
    def terminal_day_end(t: Term, on: DayParam, tz: TzParam = None) -> dict[str, Any]:
        """Every terminal's Z reports for the day and the shifts still open (for a supervisor)."""
        return _day_end(on, tz)

    # -- admin --------------------------------------------------------------------
    @app.get(f"{API}/admin/day-end", responses=S.doc(DayEnd, 200, 403))
    def admin_day_end(who: Admin, on: DayParam, tz: TzParam = None) -> dict[str, Any]:
        return _day_end(on, tz)

    @app.post(f"{API}/admin/enrol-codes", status_code=201)
    def enrol_code(body: EnrolCodeIn, who: Admin) -> dict[str, Any]:
        with store.session() as s:
            code, row = enrolment.create_code(
                s, body.name, prefix=body.prefix, hours=body.hours, actor=f"admin:{who}"
            )
            return {
                "code": code,
                "name": row.name,
                "prefix": row.prefix,
                "expires_at": row.expires_at.isoformat(),
            }

    @app.get(f"{API}/admin/terminals")
    def terminals(who: Admin) -> dict[str, Any]:
        with store.read() as s:
            rows = s.scalars(select(Terminal).order_by(Terminal.id)).all()
            return {"terminals": [terminal_info(x) for x in rows]}

    @app.post(f"{API}/admin/terminals/{{terminal_id}}/revoke")
    def revoke(terminal_id: int, who: Admin) -> dict[str, Any]:
        with store.session() as s:
            return terminal_info(enrolment.revoke(s, terminal_id, actor=f"admin:{who}"))

    @app.post(f"{API}/admin/allocations", status_code=201)
    def admin_allocate(body: AdminAllocationIn, who: Admin) -> dict[str, Any]:
        with store.session() as s:
            target = s.get(Terminal, body.terminal_id)
            if target is None or target.revoked_at is not None:
                raise not_found(f"active terminal {body.terminal_id}")
            return _allocate(s, target, body)

    @app.post(f"{API}/admin/allocations/{{allocation_id}}/reclaim")
    def admin_reclaim(allocation_id: int, body: ReclaimIn, who: Admin) -> dict[str, Any]:
        with store.session() as s:
            return {
                "allocation_id": allocation_id,
                **inventory.reclaim(
                    s, allocation_id, utc_now(), force=body.force, actor=f"admin:{who}"
                ),
            }

    @app.get(f"{API}/admin/conflicts", responses=S.doc(S.ConflictsOut, 200, 403))
    def admin_conflicts(who: Admin, state: str = "open") -> dict[str, Any]:
        with store.read() as s:
            return {"conflicts": conflicts.list_conflicts(s, state)}

    @app.post(
        f"{API}/admin/conflicts/{{conflict_id}}/resolve",
        responses=S.doc(S.ConflictOut, 200, 403, 404, 409),
    )
    def admin_resolve(conflict_id: int, body: ResolveIn, who: Admin) -> dict[str, Any]:
        with store.session() as s:
            return conflicts.resolve(s, conflict_id, body.resolution, body.resolved_by, body.note)

    @app.put(f"{API}/admin/catalogue")
    def admin_catalogue(body: CatalogueIn, who: Admin) -> dict[str, Any]:
        unknown = sorted(set(body.tables) - set(catalogue.TABLES))
        if unknown:
            raise ApiError(422, "invalid_request", f"unknown catalogue tables: {unknown}")
        with store.session() as s:
            return {"imported": catalogue.import_tables(s, body.tables, actor=f"admin:{who}")}

    return app
