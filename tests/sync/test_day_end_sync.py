"""The venue's day end through a real central server (uvicorn; SQLite and PostgreSQL).

Two terminals, each with its own store, close shifts and sync; a supervisor
at one of them sees the other's Z report as that terminal signed it, and
the shifts still open there. With the server gone, the same request gives
this terminal's figures marked as local, with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from boxoffice.actor import Actor
from boxoffice.cli.main import main
from boxoffice.context import TerminalContext
from boxoffice.ops import cash
from boxoffice.reports import day_end as day_end_report
from boxoffice.reports import pdf
from boxoffice.sales import checkout
from boxoffice.shifts import close, denominations, drawer
from boxoffice.shifts.drawer import get_shift
from boxoffice.shifts.figures import compute
from boxoffice.store.models import OutboxEntry, OutboxState
from boxoffice.sync.client import ServerClient
from boxoffice.sync.worker import SyncWorker
from tests.reports.test_day_end_report import text_of
from tests.sales.conftest import World
from tests.sales.helpers import cart, close_shift_of, eur
from tests.shifts.conftest import fresh_world
from tests.sync.harness import RunningServer, link, other_terminal


def fetch(store, actor, on, server, *, now=None):  # type: ignore[no-untyped-def]
    """The day end through its op (``ops.cash.day_end``), with ``server`` or none."""
    ctx = TerminalContext(store, actor.terminal)
    return cash.day_end(ctx, actor, on, server=server, local_only=server is None, now=now).value


@pytest.fixture
def window_2(_template: Path) -> Iterator[World]:
    """A second terminal's own store, from the same template."""
    with fresh_world(_template) as w:
        yield w


def _close(world: World, shift: int, off_by: int, *, at_hours: int, reason: str = "") -> dict:
    """Count the drawer (``off_by`` minor units away from expected, in notes and coins), close."""
    later = world.now + timedelta(hours=at_hours)
    with world.store.write() as s:
        left = compute(s, get_shift(s, shift), later).cash["EUR"].expected + off_by
        count: dict[int, int] = {}
        for value in denominations.denominations("EUR"):
            count[value], left = divmod(left, value)
        count = {"EUR": {d: q for d, q in count.items() if q}}
        close.count_cash(s, world.supervisor, shift, count, now=later)
        z = close.close_shift(s, world.supervisor, shift, signoff_reason=reason, now=later)
        return close.content_of(z)


def _synced(world: World, client: ServerClient, name: str) -> None:
    SyncWorker(world.store, client, terminal=name).sync_once()
    with world.store.read() as s:
        waiting = s.query(OutboxEntry).filter(OutboxEntry.state != OutboxState.ACKNOWLEDGED)
        assert [(e.kind, e.last_error) for e in waiting] == []


def test_a_supervisor_sees_every_terminals_day_and_local_figures_when_offline(
    world: World, window_2: World, server: RunningServer, ring, tmp_path: Path
) -> None:
    server.import_catalogue(world.store)
    one = link(world.store, server, ring, world.signer)
    two = link(window_2.store, server, ring, window_2.signer, name="Window 2", prefix="W2")
    try:
        # Window 1: a cash sale and a card sale, then ann's drawer is counted and closed.
        with world.store.write() as s:
            checkout.sell(
                s, world.clerk, cart(world, "S-A-14"), [checkout.Cash(eur("100"))], world.signer
            )
            by_card = cart(world, "S-A-15", "S-A-16")
            total = checkout.quote(s, by_card, now=world.now).priced.total
            card = checkout.Card(world.terminal.authorise(total, "t"))
            checkout.sell(s, world.clerk, by_card, [card], world.signer)
        z1 = _close(world, world.shifts[("ann", "Window 1")], 0, at_hours=1)
        # Window 2: a pay-out and a drop, a count 30.00 short, signed off.
        ann_2 = Actor(window_2.clerk.user_id, "ann", "Window 2")
        with window_2.store.write() as s:
            drawer.pay_out(s, ann_2, eur("15"), reason="taxi", now=window_2.now)
            drawer.drop(s, ann_2, eur("20"), now=window_2.now)
        z2 = _close(
            window_2,
            window_2.shifts[("ann", "Window 2")],
            -3000,
            at_hours=2,
            reason="coins in the wrong drawer",
        )
        # ann takes over the drawer again for the evening: it is still open at the day end.
        with window_2.store.write() as s:
            evening = drawer.open_shift(
                s, ann_2, {"EUR": {2000: 5}}, now=window_2.now + timedelta(hours=2, minutes=5)
            )
        _synced(world, one, "Window 1")
        _synced(window_2, two, "Window 2")

        # The server recorded Window 2's drawer movements as sent.
        assert sorted(
            server.query("select kind, amount_minor from cash_records where reason != ''")
        ) == [("drop", -2000), ("pay_out", -1500)]

        day = world.now.date()
        seen = fetch(world.store, world.supervisor, day, one, now=world.now + timedelta(hours=3))
        assert not seen.local_only and seen.server_error is None
        w1, w2 = seen.terminals["Window 1"], seen.terminals["Window 2"]
        assert (w1.source, w1.mismatched, w1.unsynced_operations) == ("local+server", [], 0)
        assert w2.source == "server" and w2.z_reports == [z2]
        assert w2.variance("cash", "EUR") == z2["reconciliation"][0]["variance"] == -3000
        # Window 2's evening drawer is open, as the server saw it open.
        assert [(o.shift, o.clerk, o.running_cash) for o in w2.open_shifts] == [
            (str(evening.id), "ann", None)
        ]
        totals = seen.totals()
        z1_cash = z1["reconciliation"][0]
        assert totals[("cash", "EUR")] == (
            z1_cash["expected"] + z2["reconciliation"][0]["expected"],
            z1_cash["counted"] + z2["reconciliation"][0]["counted"],
        )
        assert seen.takings()[("card", "EUR")] == total.minor
        text = text_of(pdf.write(day_end_report.to_report(seen), tmp_path / "day.pdf"))
        assert "LOCAL FIGURES ONLY" not in text and "coins in the wrong drawer" in text

        # The server goes away: the same request gives this store's figures, saying why.
        server.stop()
        alone = fetch(world.store, world.supervisor, day, one, now=world.now + timedelta(hours=3))
        assert alone.local_only and "no answer" in (alone.server_error or "")
        assert sorted(alone.terminals) == ["Window 1"]
        assert alone.terminals["Window 1"].z_reports == [z1]
        banner = day_end_report.to_report(alone).banner
        assert banner.startswith("LOCAL FIGURES ONLY") and "no answer" in banner
    finally:
        one.close()
        two.close()


def test_the_admin_cli_prints_where_the_day_end_comes_from(
    world: World, server: RunningServer, default_ring, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    server.import_catalogue(world.store)
    link(world.store, server, default_ring, world.signer).close()
    close_shift_of(world, "ann", at=world.now + timedelta(hours=1))

    def report(*args: str) -> tuple[int, str, str]:
        code = main(
            ["--db", str(world.store.path), "report", "day-end", "--date", "2030-06-01", *args]
        )
        out, err = capsys.readouterr()
        return code, out, err

    target = tmp_path / "day.csv"
    code, out, _ = report("--csv", str(target))
    assert code == 0 and "every terminal, server figures as of" in out
    assert "LOCAL FIGURES ONLY" not in out and target.exists()
    code, out, _ = report("--local", "--pdf", str(tmp_path / "local.pdf"))
    assert code == 0 and "LOCAL FIGURES ONLY" in out and "not connected" in out
    server.stop()
    code, out, _ = report("--pdf", str(tmp_path / "offline.pdf"))
    assert code == 0 and "LOCAL FIGURES ONLY" in out and "no answer" in out
    assert "LOCAL FIGURES ONLY" in text_of(tmp_path / "offline.pdf")
    # Options that make no sense for a day end are refused before anything is written.
    code, _, err = report("--terminal", "Window 1", "--pdf", str(tmp_path / "t.pdf"))
    assert code != 0 and "leave out --terminal" in err and not (tmp_path / "t.pdf").exists()
    code = main(["--db", str(world.store.path), "report", "z", "--date", "2030-06-01", "--local"])
    assert code != 0 and "--local is for the day end" in capsys.readouterr().err


def test_the_cash_screens_day_end_shows_the_other_terminals_from_the_server(
    qtbot, world: World, server: RunningServer, default_ring
) -> None:  # type: ignore[no-untyped-def]
    """What a supervisor sees on screen: Window 2's Z report, fetched off the UI thread."""
    from boxoffice import protocol as p
    from boxoffice.clock import utc_now
    from boxoffice.ui.common.workers import StoreWorker
    from boxoffice.ui.screens.cash.screen import CashScreen
    from boxoffice.ui.shell.app import create_app
    from tests.server.helpers import z_report

    server.import_catalogue(world.store)
    link(world.store, server, default_ring, world.signer).close()
    elsewhere = other_terminal(server, default_ring, "Window 2")
    now = utc_now()
    z = z_report(
        1, 5, terminal="Window 2", closed_at=now.isoformat(), cash_sales=4200, counted=14150
    )
    (pushed,) = elsewhere.push([p.Operation(1, "z:Window 2:1", "z_report", z, now)])
    assert pushed.status == "applied"
    elsewhere.close()

    create_app("en")
    worker = StoreWorker(lambda: world.store)
    screen = CashScreen(worker, world.supervisor)
    qtbot.addWidget(screen)
    try:
        with qtbot.waitSignal(screen.deskShown, timeout=60_000):
            screen.show()
        with qtbot.waitSignal(screen.reportShown, timeout=60_000):
            screen.show_page("day_end")
        view = screen.day_end_page.view
        qtbot.waitUntil(lambda: view.report is not None and not screen.busy(), timeout=60_000)
        terminals = {row[0]: row for row in view.section_rows("Terminals")}
        assert terminals["Window 2"][1] == "server" and terminals["Window 2"][3] == "1"
        assert terminals["Window 1"][1] == "local+server"
        assert "LOCAL FIGURES ONLY" not in view.banner.text()
        z_rows = [r for r in view.section_rows("Z reports") if r[0] == "Window 2"]
        assert [(r[4], r[7], r[8]) for r in z_rows] == [("cash", "€141.50", "-€0.50")]

        # The server goes away: the same page says so and shows this store's figures.
        server.stop()
        with qtbot.waitSignal(screen.reportShown, timeout=60_000):
            screen.day_end_page.load()
        assert view.banner.text().startswith("LOCAL FIGURES ONLY")
        assert "no answer" in view.banner.text()
        assert [row[0] for row in view.section_rows("Terminals")] == ["Window 1"]
    finally:
        screen.close()
        worker.shutdown()
