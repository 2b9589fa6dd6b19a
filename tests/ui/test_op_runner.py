"""The op runner: an op off the UI thread, a refusal shown by its code, an override asked for.

The op here is a real one in miniature: it checks the permission in the
store with the guard, raises ``NeedsOverride`` when a supervisor could lift
the refusal, consumes the override, and publishes its change-set.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from boxoffice.actor import Actor
from boxoffice.auth import guard
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.errors import AuthenticationFailed, BoxOfficeError, NeedsOverride
from boxoffice.ops import OpResult, session
from boxoffice.store.models import Override
from boxoffice.ui.common.bus_adapter import BusAdapter
from boxoffice.ui.common.op_runner import OpRunner
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import QWidget
from boxoffice.ui.shell.app import create_app
from tests.ui.conftest import STORE_WAIT_MS

SUBJECT = "order W1-000009"


def void_order(
    ctx: TerminalContext, actor: Actor, order: str, *, overrides: tuple[Any, ...] = ()
) -> OpResult[str]:
    """Void ``order`` (pretend): needs the void permission or a supervisor's override."""
    ran.append(threading.get_ident())
    with ctx.store.write() as s:
        if not overrides and not guard.has_permission(s, actor, "void"):
            raise NeedsOverride("void", subject=order)
        guard.require(s, actor, "void", subject=order, overrides=overrides)
    return OpResult(f"voided {order}", ctx.publish(ChangeSet.of(orders=[order])))


ran: list[int] = []


@pytest.fixture
def terminal(app, qtbot, demo_db: Path) -> Iterator[tuple[StoreWorker, Actor, QWidget]]:  # type: ignore[no-untyped-def]
    ran.clear()
    worker = StoreWorker(lambda: session.open_local_store(demo_db))
    made: list[object] = []
    box: dict[str, Any] = {}

    def start(store):  # type: ignore[no-untyped-def]
        started = session.start_terminal(store, terminal="Window 1", made=made)
        worker.context = started.context
        return session.sign_in(started.context, "clara", "1111").value.actor

    worker.call(start, lambda actor: box.update(actor=actor))
    qtbot.waitUntil(lambda: "actor" in box, timeout=STORE_WAIT_MS)
    screen = QWidget()
    qtbot.addWidget(screen)
    screen.show()
    yield worker, box["actor"], screen
    worker.shutdown(before_close=lambda: session.close_devices(made))


def _override_used(worker: StoreWorker) -> list[tuple[str, str, bool]]:
    assert worker.context is not None
    with worker.context.store.read() as s:
        return [
            (o.permission, o.subject, o.used_at is not None) for o in s.scalars(select(Override))
        ]


def test_needs_override_opens_the_dialog_and_the_op_is_retried_with_plain_grants(
    qtbot, terminal
) -> None:  # type: ignore[no-untyped-def]
    worker, clara, screen = terminal
    adapter = BusAdapter(worker.context.bus, screen)
    heard: list[ChangeSet] = []
    adapter.changed.connect(heard.append)
    runner = OpRunner(worker, clara, screen)
    results: list[OpResult[str]] = []
    runner.run(void_order, clara, SUBJECT, done=results.append)
    qtbot.waitUntil(lambda: runner.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = runner.override_dialog
    assert dialog.isVisible()
    assert dialog.permission == "void" and dialog.subject == SUBJECT
    assert "supervisor's override is needed to void" in dialog.what_label.text()
    assert threading.get_ident() not in ran, "the op runs on the store worker, not the UI thread"

    # A wrong PIN: the dialog stays, says why, and the op is not run again.
    qtbot.keyClicks(dialog.supervisor, "sam")
    qtbot.keyClicks(dialog.pin, "0000")
    qtbot.keyClicks(dialog.reason, "customer changed their mind")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Wrong"), timeout=STORE_WAIT_MS)
    assert dialog.isVisible() and len(ran) == 1 and results == []

    qtbot.keyClicks(dialog.pin, "2222")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: results != [], timeout=STORE_WAIT_MS)
    assert results[0].value == f"voided {SUBJECT}"
    assert results[0].changes == ChangeSet.of(orders=[SUBJECT])
    assert _override_used(worker) == [("void", SUBJECT, True)]
    qtbot.waitUntil(lambda: heard != [], timeout=STORE_WAIT_MS)
    assert heard == [ChangeSet.of(orders=[SUBJECT])]
    assert runner.override_dialog is None


def test_cancelling_the_override_reports_the_refusal_and_changes_nothing(qtbot, terminal) -> None:  # type: ignore[no-untyped-def]
    worker, clara, screen = terminal
    runner = OpRunner(worker, clara, screen)
    refused: list[BaseException] = []
    runner.run(void_order, clara, SUBJECT, done=pytest.fail, failed=refused.append)
    qtbot.waitUntil(lambda: runner.override_dialog is not None, timeout=STORE_WAIT_MS)
    runner.override_dialog.cancel_button.click()
    qtbot.waitUntil(lambda: refused != [], timeout=STORE_WAIT_MS)
    assert isinstance(refused[0], NeedsOverride) and refused[0].permission == "void"
    assert _override_used(worker) == []


def refuse(ctx: TerminalContext, error: BoxOfficeError) -> OpResult[None]:
    raise error


def test_refusals_are_shown_in_the_ui_language_by_their_code(qtbot, terminal) -> None:  # type: ignore[no-untyped-def]
    worker, _clara, screen = terminal
    create_app("zh_CN")
    try:
        runner = OpRunner(worker, None, screen)  # nobody to approve for: shown as a refusal
        coded = NeedsOverride("refund", subject=SUBJECT)
        runner.run(refuse, coded)
        qtbot.waitUntil(lambda: runner.refusal_box is not None, timeout=STORE_WAIT_MS)
        assert runner.refusal_box.text() == coded.message("zh_CN") == "需要主管授权才能退票"
        runner.refusal_box.close()
        runner.refusal_box = None
        runner.run(refuse, AuthenticationFailed("wrong_credentials"))
        qtbot.waitUntil(lambda: runner.refusal_box is not None, timeout=STORE_WAIT_MS)
        assert runner.refusal_box.text() == "用户名或 PIN/密码错误。"
        runner.refusal_box.close()
        runner.refusal_box = None
        # A sentence not yet given a code is shown as written: nothing matches English.
        runner.run(refuse, AuthenticationFailed("Wrong username or PIN/password."))
        qtbot.waitUntil(lambda: runner.refusal_box is not None, timeout=STORE_WAIT_MS)
        assert runner.refusal_box.text() == "Wrong username or PIN/password."
        runner.refusal_box.close()
    finally:
        create_app("en")
