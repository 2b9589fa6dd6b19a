"""The background sync worker: push the outbox, pull the change feed, track the state.

A plain thread (no Qt): every state change publishes ``ChangeSet(sync=True)``
on the terminal's bus (and calls ``on_status``), and the UI then reads
``status`` (an immutable snapshot). One round is
"push the whole backlog in sequence order, then pull the feed from the
stored cursor". A failed call switches to offline at once (so the UI and the
sale path know within the call's timeout) and the next round waits with
exponential backoff; the first round that gets through pushes the backlog
that built up, in order, and then catches up on the feed.

No store transaction is held open across a network call: entries are marked
in flight and committed, the batch is sent, and the answers are recorded in
a new transaction. A crash in between leaves them in flight, and they are
sent again with the same idempotency keys (the server answers its first
result again), so nothing is lost and nothing is applied twice.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, Protocol

from boxoffice import protocol as p
from boxoffice import settings
from boxoffice.bus import ChangeSet, EventBus
from boxoffice.clock import utc_now
from boxoffice.errors import BoxOfficeError
from boxoffice.store import Store, outbox
from boxoffice.store.models import OutboxEntry, OutboxState
from boxoffice.sync import config, conflicts, feed
from boxoffice.sync.conflicts import conflict_message
from boxoffice.sync.errors import (
    BadServerReply,
    NotEnrolled,
    ServerRefused,
    ServerUnreachable,
    SyncError,
)
from boxoffice.sync.status import SyncStatus

log = logging.getLogger(__name__)

#: Operations per request. The server takes up to 500, but applies them one by
#: one; smaller batches keep each call well inside the client's read timeout on
#: a busy server, and cost little (one round trip per 200 operations).
DEFAULT_BATCH = 200


class Transport(Protocol):
    """What the worker needs from the server client (``boxoffice.sync.client``)."""

    def push(self, operations: list[p.Operation]) -> list[p.OpResult]: ...

    def pull(self, cursor: str | None, limit: int) -> p.FeedPage: ...


class SyncWorker:
    def __init__(
        self,
        store: Store,
        transport: Transport,
        *,
        terminal: str,
        batch_size: int = DEFAULT_BATCH,
        feed_page: int = 1000,
        interval: float = 1.0,
        min_backoff: float = 0.5,
        max_backoff: float = 15.0,
        on_status: Callable[[SyncStatus], None] | None = None,
        clock: Callable[[], datetime] = utc_now,
        bus: EventBus | None = None,
    ) -> None:
        self.store = store
        self.transport = transport
        self.terminal = terminal
        self.batch_size = batch_size
        self.feed_page = feed_page
        self.interval = interval
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.on_status = on_status
        self.clock = clock
        self.bus = bus  # the terminal's event bus: told ChangeSet(sync=True) on every change
        self._status = SyncStatus(configured=True)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._round = threading.Lock()  # one round at a time (thread or a caller)
        self.conflicts_every = 30.0  # seconds between conflict lists when idle
        self._conflicts_at = -1e9
        self._last_contact: datetime | None = None
        self._saved_contact: datetime | None = None
        self._publish()

    # -- state ---------------------------------------------------------------------
    @property
    def status(self) -> SyncStatus:
        return self._status

    def _publish(self, **changes: Any) -> None:
        with self.store.read() as session:
            counts = outbox.counts(session)
            open_conflicts = conflicts.open_count(session)
            cursor = config.cursor(session)
            last = settings.find(session, config.LAST_CONTACT)
        with self._lock:
            new = replace(
                self._status,
                waiting=sum(n for s, n in counts.items() if s != OutboxState.ACKNOWLEDGED),
                attention=counts[OutboxState.ATTENTION],
                conflicts=open_conflicts,
                cursor=cursor,
                last_contact=self._last_contact or (datetime.fromisoformat(last) if last else None),
                **changes,
            )
            changed = new != self._status
            self._status = new
        if changed and self.on_status is not None:
            try:
                self.on_status(new)
            except Exception:  # a broken listener must not stop syncing
                log.exception("sync status listener failed")
        if changed and self.bus is not None:
            self.bus.publish(ChangeSet(sync=True))

    def _went_offline(self, error: BoxOfficeError) -> None:
        log.info("sync: offline: %s", error)
        self._publish(online=False, last_error=str(error), error=error)

    def _contact(self) -> None:
        """Note the server answered; written to the store at most every 30 s.

        A write transaction every second would take the store's write lock
        (and an fsync) from under the clerk's sales for nothing.
        """
        now = self.clock()
        self._last_contact = now
        if self._saved_contact is None or (now - self._saved_contact).total_seconds() >= 30:
            with self.store.write() as session:
                settings.put(session, config.LAST_CONTACT, now.isoformat())
            self._saved_contact = now

    # -- one round -----------------------------------------------------------------
    def sync_once(self) -> None:
        """Push everything waiting, then pull the feed; raises when the server is away."""
        with self._round:
            try:
                health = getattr(self.transport, "health", None)
                if not self._status.online and health is not None:
                    health()  # first contact (or back from offline): measure the clock offset
                pushed = self.push_backlog()
                self.pull_feed()
                self._maybe_pull_conflicts(pushed)
            except (ServerUnreachable, BadServerReply, NotEnrolled, ServerRefused) as exc:
                self._went_offline(exc)
                raise
            self._publish(online=True, last_error="", error=None)

    def push_backlog(self) -> int:
        """Send waiting operations in sequence order until none is left; how many were sent."""
        sent = 0
        while True:
            now = self.clock()
            with self.store.write() as session:
                batch = outbox.next_batch(session, self.batch_size)
                if not batch:
                    return sent
                ops = [_operation(e) for e in batch]
                outbox.mark_in_flight(session, [e.id for e in batch], now)
            try:
                results = self.transport.push(ops)
            except ServerRefused as exc:
                culprit = _culprit(exc, ops)
                with self.store.write() as session:
                    if culprit is None:
                        # The batch as a whole was refused (e.g. the token was revoked):
                        # keep everything, it will go when the cause is fixed.
                        outbox.failed_attempt(session, [o.seq for o in ops], str(exc))
                    else:
                        # One operation spoils the batch: set it aside for a supervisor
                        # and send the others again.
                        self._set_aside(session, culprit, exc)
                if culprit is None:
                    raise ServerUnreachable("sync_batch_refused", reason=exc) from exc
                continue
            except (ServerUnreachable, BadServerReply) as exc:
                with self.store.write() as session:
                    outbox.failed_attempt(session, [o.seq for o in ops], str(exc))
                raise
            self._contact()
            answered = self._record(batch, results)
            sent += answered
            self._publish(online=True, last_error="", error=None)
            # A server that stops part-way leaves the rest for the next batch; one
            # that answers none of them would make us loop.
            if answered == 0:
                raise BadServerReply("sync_no_operation_answered")

    def _maybe_pull_conflicts(self, pushed: int) -> None:
        """Ask for this terminal's conflicts after a push, and every so often anyway."""
        fetch = getattr(self.transport, "conflicts", None)
        if fetch is None:
            return
        now = time.monotonic()
        if not pushed and now - self._conflicts_at < self.conflicts_every:
            return
        reported = fetch()
        with self.store.write() as session:
            conflicts.merge_from_server(session, reported, self.clock())
        self._conflicts_at = now

    def _set_aside(self, session: Any, seq: int, exc: ServerRefused) -> None:
        body = exc.body if isinstance(exc.body, dict) else {}
        code = str(body.get("error") or "rejected")
        outbox.needs_attention(session, seq, str(exc), body)
        conflicts.record(
            session,
            entry=session.get(OutboxEntry, seq),
            code=code,
            message=str(body.get("message") or exc),
            server_facts=body,
            now=self.clock(),
        )

    def _record(self, batch: list[OutboxEntry], results: list[p.OpResult]) -> int:
        by_seq = {e.id: e for e in batch}
        now = self.clock()
        answered = 0
        acks: list[tuple[int, dict[str, Any]]] = []
        with self.store.write() as session:
            for r in results:
                sent = by_seq.get(r.terminal_seq)
                if sent is None or sent.idempotency_key != r.idempotency_key:
                    raise BadServerReply(
                        "sync_answer_not_sent", seq=r.terminal_seq, key=r.idempotency_key
                    )
                answered += 1
                entry = sent  # detached: conflicts.record only reads its id, kind and body
                outcome = r.first_status if r.status == "replayed" and r.first_status else r.status
                result = r.result or {}
                if outcome in ("applied", "replayed"):
                    acks.append((entry.id, result))
                    for notice in result.get("notices") or []:
                        reason = str(notice.get("reason", "notice"))
                        conflicts.record(
                            session,
                            entry=entry,
                            code=reason,
                            message=conflict_message(reason),
                            server_facts=notice,
                            server_ref=_ref(notice.get("conflict_id")),
                            now=now,
                        )
                elif outcome == "conflict" and r.conflict is not None:
                    # The server keeps it (and the money is kept here): acknowledged,
                    # and a conflict for a supervisor.
                    acks.append((entry.id, r.model_dump(mode="json")))
                    conflicts.record(
                        session,
                        entry=entry,
                        code=r.conflict.reason,
                        message=conflict_message(r.conflict.reason),
                        server_facts=_facts(r.conflict.server_facts),
                        server_ref=_ref(r.conflict.id),
                        now=now,
                    )
                else:
                    code = r.error.error if r.error else outcome
                    message = (r.error.message if r.error else "") or conflict_message(outcome)
                    outbox.needs_attention(
                        session, entry.id, f"{code}: {message}", r.model_dump(mode="json")
                    )
                    conflicts.record(
                        session,
                        entry=entry,
                        code=code,
                        message=message,
                        server_facts=r.model_dump(mode="json"),
                        now=now,
                    )
            outbox.acknowledge_many(session, acks, now)
        return answered

    def pull_feed(self) -> int:
        """Apply the change feed from the stored cursor; how many events were applied."""
        applied = 0
        while True:
            with self.store.read() as session:
                cursor = config.cursor(session)
                me = config.terminal_id(session)
            page = self.transport.pull(cursor, self.feed_page)
            self._contact()
            if not page.events and page.cursor == cursor:
                return applied  # nothing new: no write transaction
            with self.store.write() as session:
                feed.apply(session, page.events, terminal_id=me, now=self.clock())
                config.set_cursor(session, page.cursor)
            if self.bus is not None:  # after the commit: views repaint what others changed
                self.bus.publish(feed.changes_of(page.events, terminal_id=me))
            applied += len(page.events)
            if not page.more or not page.events:
                return applied

    # -- the thread ----------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._last_contact is not None and self._last_contact != self._saved_contact:
            with contextlib.suppress(Exception), self.store.write() as session:
                settings.put(session, config.LAST_CONTACT, self._last_contact.isoformat())
            self._saved_contact = self._last_contact

    def wake(self) -> None:
        """Do a round now (after a sale, or when the clerk presses "retry")."""
        self._wake.set()

    def _run(self) -> None:
        delay = 0.0
        backoff = self.min_backoff
        while not self._stop.is_set():
            self._wake.wait(delay)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.sync_once()
            except (ServerUnreachable, BadServerReply, NotEnrolled, ServerRefused):
                delay, backoff = backoff, min(backoff * 2, self.max_backoff)
                continue
            except Exception as exc:  # keep the worker alive, but say what happened
                log.exception("sync round failed")
                with contextlib.suppress(Exception):
                    self._went_offline(SyncError("sync_round_failed", reason=str(exc)))
                delay, backoff = backoff, min(backoff * 2, self.max_backoff)
                continue
            delay, backoff = self.interval, self.min_backoff


def _culprit(exc: ServerRefused, ops: list[p.Operation]) -> int | None:
    """The sequence number of the one operation a 422 for the whole batch names, if any."""
    body = exc.body if isinstance(exc.body, dict) else {}
    if exc.status != 422:
        return None
    if body.get("error") == "idempotency_key_reused":
        key = body.get("idempotency_key")
        return next((o.seq for o in ops if o.key == key), None)
    for detail in body.get("details") or []:
        loc = [str(part) for part in (detail.get("loc") or [])] if isinstance(detail, dict) else []
        if len(loc) >= 3 and loc[:2] == ["body", "operations"] and loc[2].isdigit():
            index = int(loc[2])
            if index < len(ops):
                return ops[index].seq
    return None


def _ref(value: object) -> str | None:
    return None if value is None else str(value)


def _facts(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {"facts": value}


def _operation(entry: OutboxEntry) -> p.Operation:
    return p.Operation(
        seq=entry.id,
        key=entry.idempotency_key,
        kind=entry.kind,
        body=json.loads(entry.body),
        created_at=entry.created_at,
    )
