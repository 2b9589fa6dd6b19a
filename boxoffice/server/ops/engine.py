"""The batch engine: operations from terminals applied exactly once, in sequence order.

Each operation's effect and its permanent receipt commit in one transaction,
so a response lost after the commit costs nothing: the retry finds the
receipt and gets the first answer again (for ever, not for a cache's
lifetime). A batch is applied in chunks, one transaction per chunk with the
terminal's row locked (so two requests of one terminal cannot interleave);
if anything unexpected fails, the chunk is rolled back and retried one
operation per transaction, so everything before the culprit still commits.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.protocol.constants import MAX_BATCH
from boxoffice.protocol.operations import Envelope
from boxoffice.server import feed
from boxoffice.server.db import ServerStore, is_postgres
from boxoffice.server.errors import ApiError
from boxoffice.server.models import Receipt, Terminal
from boxoffice.server.ops import aftersale, allocations, cash, door, sale
from boxoffice.server.ops.handler import (
    BUFFERED_KINDS,
    NO_SAVEPOINT,
    Ctx,
    Handler,
    Outcome,
    Rejected,
)
from boxoffice.server.ops.sale import Prep, flush_sales, prepare_sales

log = logging.getLogger(__name__)
T = TypeVar("T")
CHUNK = 50

#: The handler of each operation kind.
HANDLERS: dict[str, Handler] = {
    "sale": sale.sale,
    "reservation": sale.reservation,
    "reservation_cancel": aftersale.reservation_cancel,
    "refund": aftersale.refund,
    "void": aftersale.void,
    "exchange": aftersale.exchange,
    "reprint": aftersale.reprint,
    "admission": door.admission,
    "redemption": door.admission,
    "shift_open": cash.shift_open,
    "shift_close": cash.shift_close,
    "z_report": cash.shift_close,
    "cash_movement": cash.cash_movement,
    "allocation_release": allocations.allocation_release,
    "will_call": door.record_only,
    "manual_redemption": door.record_only,
}


def body_hash(op: Envelope) -> str:
    canon = json.dumps([op.kind, op.body], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canon.encode()).hexdigest()


# -- the batch ----------------------------------------------------------------------
def _replay(r: Receipt) -> dict[str, Any]:
    answer = json.loads(r.answer)
    return {
        "idempotency_key": r.idempotency_key,
        "terminal_seq": r.terminal_seq,
        "status": "replayed",
        "first_status": r.status,
        **answer,
    }


def _lock_terminal(session: Session, terminal_id: int) -> Terminal:
    q = select(Terminal).where(Terminal.id == terminal_id)
    if is_postgres(session):
        q = q.with_for_update()
    terminal = session.scalar(q)
    assert terminal is not None
    return terminal


def _apply_one(
    session: Session,
    terminal: Terminal,
    op: Envelope,
    digest: str,
    existing: Receipt | None,
    prep: Prep,
    clock_offset_ms: int | None,
    now: datetime,
) -> dict[str, Any]:
    if existing is not None:
        if existing.body_hash != digest:  # lost a race with a different body
            return {
                "idempotency_key": op.idempotency_key,
                "terminal_seq": op.terminal_seq,
                "status": "rejected",
                "result": None,
                "conflict": None,
                "error": {
                    "error": "idempotency_key_reused",
                    "message": "this key was used for a different operation",
                },
            }
        return _replay(existing)
    last_seq = session.info[LAST_SEQ]
    if op.terminal_seq <= last_seq:
        return {
            "idempotency_key": op.idempotency_key,
            "terminal_seq": op.terminal_seq,
            "status": "out_of_order",
            "result": None,
            "conflict": None,
            "error": {
                "error": "out_of_order",
                "message": f"sequence {op.terminal_seq} comes after {last_seq} "
                "was applied; operations must arrive in order",
                "last_seq": last_seq,
            },
        }
    handler = HANDLERS.get(op.kind)
    ctx = Ctx(session, terminal, op, now, prep=prep)
    try:
        if handler is None:
            raise Rejected(
                "unknown_kind",
                f"unknown operation kind {op.kind!r}; known: {', '.join(sorted(HANDLERS))}",
            )
        if op.kind not in BUFFERED_KINDS:
            flush_sales(session)  # this handler may read what earlier sales booked
        if op.kind in NO_SAVEPOINT:
            outcome = handler(ctx)
        else:
            with session.begin_nested():
                outcome = handler(ctx)
        outcome.notices = ctx.notices
    except Rejected as exc:
        outcome = Outcome("rejected", error={"error": exc.code, "message": exc.message})
    answer = outcome.answer()
    session.info["receipts"].append(
        {
            "terminal_id": terminal.id,
            "terminal_seq": op.terminal_seq,
            "idempotency_key": op.idempotency_key,
            "kind": op.kind,
            "body_hash": digest,
            "body": json.dumps(op.body, sort_keys=True, separators=(",", ":"), default=str),
            "status": outcome.status,
            "answer": json.dumps(answer, default=str),
            "client_time": op.client_time,
            "clock_offset_ms": clock_offset_ms,
            "received_at": now,
        }
    )
    # Kept aside and written once per chunk: assigning the ORM row here would make
    # every later statement's autoflush send an UPDATE of the terminal first.
    session.info[LAST_SEQ] = op.terminal_seq
    return {
        "idempotency_key": op.idempotency_key,
        "terminal_seq": op.terminal_seq,
        "status": outcome.status,
        **answer,
    }


LAST_SEQ = "terminal_last_seq"


def _check_reuse(
    session: Session, terminal_id: int, ops: list[tuple[Envelope, str]]
) -> dict[str, Receipt]:
    """Receipts already stored for these keys; 422 (nothing applied) if a body differs."""
    receipts = {
        r.idempotency_key: r
        for r in session.scalars(
            select(Receipt).where(
                Receipt.terminal_id == terminal_id,
                Receipt.idempotency_key.in_([op.idempotency_key for op, _ in ops]),
            )
        )
    }
    for op, digest in ops:
        r = receipts.get(op.idempotency_key)
        if r is not None and r.body_hash != digest:
            raise ApiError(
                422,
                "idempotency_key_reused",
                f"operation {op.idempotency_key!r} was received before with a "
                "different body; nothing in this batch was applied",
                idempotency_key=op.idempotency_key,
            )
    return receipts


def _run_chunk(
    store: ServerStore,
    terminal_id: int,
    ops: list[tuple[Envelope, str]],
    clock_offset_ms: int | None,
    now: datetime,
    whole_batch: list[tuple[Envelope, str]] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One transaction: lock the terminal, apply ``ops`` in order, write receipts and events."""
    with store.session() as session:
        terminal = _lock_terminal(session, terminal_id)
        if terminal.revoked_at is not None:
            raise ApiError(403, "terminal_revoked", f"terminal {terminal.name!r} was revoked")
        # The first chunk checks every key of the batch (a superset of its own).
        receipts = _check_reuse(session, terminal_id, whole_batch or ops)
        new = [
            op
            for op, _ in ops
            if op.idempotency_key not in receipts and op.terminal_seq > terminal.last_seq
        ]
        prep = prepare_sales(session, terminal, new, now)
        feed.buffered(session)
        session.info["receipts"] = []
        session.info[LAST_SEQ] = terminal.last_seq
        out = [
            _apply_one(
                session,
                terminal,
                op,
                d,
                receipts.get(op.idempotency_key),
                prep,
                clock_offset_ms,
                now,
            )
            for op, d in ops
        ]
        flush_sales(session)
        feed.flush_buffer(session)
        rows = session.info.pop("receipts")
        if rows:
            session.execute(insert(Receipt), rows)
        terminal.last_seq = session.info.pop(LAST_SEQ)
        terminal.last_contact = now
        if clock_offset_ms is not None:
            terminal.clock_offset_ms = clock_offset_ms
        return out, terminal.last_seq


RETRYABLE = ("40P01", "40001")  # deadlock detected, serialization failure


def _with_retry(fn: Callable[[], T], attempts: int = 4) -> T:
    """Run a chunk again when PostgreSQL chose it as a deadlock victim (nothing was kept)."""
    for attempt in range(attempts):
        try:
            return fn()
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if code not in RETRYABLE or attempt == attempts - 1:
                raise
            log.info("chunk retried after %s", code)
            time.sleep(0.005 * (attempt + 1))
    raise AssertionError("unreachable")


def apply_batch(
    store: ServerStore,
    terminal_id: int,
    ops: list[Envelope],
    clock_offset_ms: int | None,
    now: datetime | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Apply ``ops`` in order; returns the per-operation results and the terminal's last_seq."""
    if len(ops) > MAX_BATCH:
        raise ApiError(422, "invalid_request", f"at most {MAX_BATCH} operations a batch")
    seqs = [op.terminal_seq for op in ops]
    if any(b <= a for a, b in itertools.pairwise(seqs)):
        raise ApiError(422, "invalid_request", "terminal_seq must increase strictly within a batch")
    keys = [op.idempotency_key for op in ops]
    if len(set(keys)) != len(keys):
        raise ApiError(422, "invalid_request", "an idempotency_key appears twice in the batch")
    now = now or utc_now()
    pairs = [(op, body_hash(op)) for op in ops]
    results: list[dict[str, Any]] = []
    last_seq = 0
    if not pairs:
        with store.read() as session:
            terminal = session.get(Terminal, terminal_id)
            return [], terminal.last_seq if terminal else 0
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        first = pairs if start == 0 else None
        try:
            out, last_seq = _with_retry(
                lambda chunk=chunk, first=first: _run_chunk(
                    store, terminal_id, chunk, clock_offset_ms, now, first
                )
            )
            results += out
        except ApiError:
            raise
        except Exception:
            log.exception("chunk failed; applying its operations one by one")
            for pair in chunk:  # commits everything before the culprit, then raises
                out, last_seq = _run_chunk(store, terminal_id, [pair], clock_offset_ms, now)
                results += out
    return results, last_seq
