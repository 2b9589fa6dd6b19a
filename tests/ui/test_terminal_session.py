"""Starting a terminal, signing in and a supervisor's override, as ops (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from boxoffice.bus import ChangeSet, EventBus
from boxoffice.errors import AuthenticationFailed, PermissionDenied
from boxoffice.ops import queries, session
from boxoffice.store import open_store
from boxoffice.store.models import Override


@pytest.fixture
def started(demo_db: Path):  # type: ignore[no-untyped-def]
    store = open_store(demo_db)
    made: list[object] = []
    result = session.start_terminal(store, terminal="Window 7", language="zh_CN", made=made)
    yield result
    session.close_devices(made, result.context)
    session.stop_sync(result.context)
    store.dispose()


def test_starting_builds_one_context_with_store_name_bus_and_devices(started) -> None:  # type: ignore[no-untyped-def]
    ctx = started.context
    assert (started.venues, started.users) == (3, 5)
    assert ctx.terminal == "Window 7" and ctx.language == "zh_CN"
    assert ctx.sync is None, "no central server is configured in the demo store"
    assert ctx.devices is not None and ctx.devices.configs() == []
    assert started.made == [ctx.devices]
    heard: list[ChangeSet] = []
    ctx.bus.subscribe(heard.append)
    ctx.publish(ChangeSet(sync=True))
    assert heard == [ChangeSet(sync=True)]


def test_without_a_name_the_terminal_is_the_stores_own(demo_db: Path) -> None:
    store = open_store(demo_db)
    try:
        bus = EventBus()
        result = session.start_terminal(store, bus=bus)
        assert result.context.terminal == "Window 1"
        assert result.context.bus is bus
        session.close_devices(result.made, result.context)
        assert result.context.devices is None and result.made == []
    finally:
        store.dispose()


def test_printers_reports_go_to_the_store_work_given_at_start_up(demo_db: Path) -> None:
    """``submit`` (the client passes ``StoreWorker.post``) gets each print-log write to run."""
    from boxoffice.actor import system_actor
    from boxoffice.clock import utc_now
    from boxoffice.devices.printing import print_log
    from boxoffice.store.models import PrintOutcome

    store = open_store(demo_db)
    posted: list[object] = []
    try:
        result = session.start_terminal(store, terminal="Window 7", submit=posted.append)
        recorder = result.context.devices.recorder
        record = print_log.PrintRecord(
            at=utc_now(),
            job_id="job-1",
            kind="test",
            actor=system_actor("Window 7"),
            printer="R",
            protocol="escpos",
            outcome=PrintOutcome.PRINTED,
            detail="",
            attempts=1,
        )
        recorder(record)
        assert len(posted) == 1 and callable(posted[0])  # nothing written on this thread yet
        with store.read() as s:
            assert print_log.history(s, printer="R") == []
        posted[0]()  # the store worker runs it
        with store.read() as s:
            assert [r.outcome for r in print_log.history(s, printer="R")] == [PrintOutcome.PRINTED]
        session.close_devices(result.made, result.context)
    finally:
        store.dispose()


def test_sign_in_gives_plain_data_with_the_users_permissions(started) -> None:  # type: ignore[no-untyped-def]
    ctx = started.context
    signed = session.sign_in(ctx, "dora", "3333").value
    assert signed.actor.username == "dora" and signed.actor.terminal == "Window 7"
    assert (signed.user.display_name, signed.user.role) == ("Dora Door", "door")
    assert signed.user.may("checkin") and not signed.user.may("device_manage")
    admin = queries.signed_in_user(ctx, "ada")
    assert admin.may("device_manage") and admin.may("checkin")
    with pytest.raises(AuthenticationFailed):
        session.sign_in(ctx, "dora", "0000")


def test_an_override_comes_back_as_plain_data_and_is_recorded(started) -> None:  # type: ignore[no-untyped-def]
    ctx = started.context
    clara = session.sign_in(ctx, "clara", "1111").value.actor
    grant = session.authorise_override(
        ctx, clara, "sam", "2222", "refund", "order W1-1", "customer double-charged"
    ).value
    assert isinstance(grant, session.OverrideGrant)
    assert (grant.permission, grant.subject, grant.supervisor) == ("refund", "order W1-1", "sam")
    with ctx.store.read() as s:
        row = s.scalar(select(Override).where(Override.id == grant.id))
        assert row is not None and row.used_at is None and row.reason == "customer double-charged"
        assert grant.supervisor_id == row.supervisor_id
    with pytest.raises(PermissionDenied):  # a clerk may not approve
        session.authorise_override(ctx, clara, "colin", "1112", "refund", "", "why not")


def test_the_views_queries_return_plain_data(started) -> None:  # type: ignore[no-untyped-def]
    ctx = started.context
    summaries = queries.performance_summaries(ctx)
    first = summaries[0]
    view = queries.performance_view(ctx, first.id)
    assert view.performance_id == first.id
    assert len(view.seat_map) == 1030
    assert {row.price_type for row in view.prices} >= {"adult", "concession"}
    assert queries.store_state(ctx.store) == (3, 5)
