"""The admin CLI stands on ops: a fast ``--help``, lazily declared options, ops' change-sets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boxoffice.actor import system_actor
from boxoffice.bus import ChangeSet
from boxoffice.cli.main import main
from boxoffice.ops import backoffice
from boxoffice.paths import resources_dir

PROBE = """
import sys
from boxoffice.cli.main import main
try:
    main(["--help"])
except SystemExit:
    pass
heavy = ("sqlalchemy", "boxoffice.store", "boxoffice.ops.", "boxoffice.sales", "reportlab")
print("LOADED", sorted(m for m in sys.modules if m.startswith(heavy)))
"""


def test_help_imports_neither_sqlalchemy_nor_an_op() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert "usage: boxoffice-admin" in done.stdout
    assert "LOADED []" in done.stdout, done.stdout[-2000:]


@pytest.mark.parametrize(
    "args",
    [
        ("user", "add", "zoe", "--role", "emperor"),
        ("user", "grant", "zoe", "rule_the_world", "--until", "18:00", "--reason", "x"),
        ("performance", "status", "1", "sold_to_aliens"),
        ("device", "add", "Box", "--kind", "toaster", "--driver", "escpos"),
        ("print", "ticket", "A-1", "--format", "stone", "--out", "x.bin"),
        ("report", "z", "--date", "2026-01-01", "--page", "A0", "--slip"),
    ],
)
def test_lazily_declared_choices_still_refuse_with_exit_2(
    args: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(tmp_path / "s.sqlite3"), *args])
    assert stopped.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert not (tmp_path / "s.sqlite3").exists()  # refused before the store was opened


def test_lazily_declared_options_show_in_the_command_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["checkin", "--help"])
    out = capsys.readouterr().out
    assert "--performance" in out and "admitted=0" in out


def test_backoffice_ops_return_plain_data_and_publish_what_changed(tmp_path: Path) -> None:
    ctx = backoffice.open_admin(tmp_path / "s.sqlite3")
    heard: list[ChangeSet] = []
    ctx.bus.subscribe(heard.append)
    actor = system_actor()
    try:
        plan = resources_dir() / "samples" / "seatmap-studio.csv"
        imported = backoffice.import_seatmap(ctx, actor, plan, "Studio").value
        assert imported.seats > 0 and imported.venue == "Studio"
        event = backoffice.add_event(ctx, actor, "Play", duration_minutes=90).value
        added = backoffice.add_performance(
            ctx, actor, event.id, "Studio", "2030-05-01T19:30", tz="Europe/Berlin"
        )
        assert added.value.starts_at == "2030-05-01T19:30:00+02:00"
        assert added.changes.performances == {added.value.id} and added.changes.catalogue
        rows = backoffice.list_performances(ctx, "Play").value
        assert [r.id for r in rows] == [added.value.id]
        assert backoffice.list_events(ctx).value[0].performances == 1
        assert backoffice.verify_audit(ctx).value.problem is None
    finally:
        backoffice.close_admin(ctx)
    assert len(heard) == 3 and all(c.catalogue for c in heard)
