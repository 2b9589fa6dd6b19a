"""boxoffice-admin end to end: real store files, real arguments, real output."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from boxoffice.cli.main import main
from boxoffice.paths import resources_dir
from boxoffice.store import Store

SAMPLES = resources_dir() / "samples"


def run(
    db: Path,
    *args: str,
    stdin: str = "",
    monkeypatch: pytest.MonkeyPatch | None = None,
    capsys: pytest.CaptureFixture[str] | None = None,
) -> tuple[int, str, str]:
    assert monkeypatch is not None and capsys is not None
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    for name in ("LC_ALL", "LC_MESSAGES"):  # the locale decides the language unless --lang
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    db = tmp_path / "shop.sqlite3"

    def _run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return run(db, *args, stdin=stdin, monkeypatch=monkeypatch, capsys=capsys)

    _run.db = db  # type: ignore[attr-defined]
    return _run


def count(db: Path, table: str) -> int:
    store = Store(db)
    try:
        with store.read() as session:
            return int(session.execute(text(f"select count(*) from {table}")).scalar_one())
    finally:
        store.dispose()


def test_init_then_verify_empty_audit(cli) -> None:
    code, out, _ = cli("init")
    assert code == 0 and "store ready" in out
    code, out, _ = cli("verify-audit")
    assert code == 0 and "audit chain intact" in out


def test_set_up_a_show_from_scratch(cli) -> None:
    code, out, err = cli(
        "import-seatmap",
        str(SAMPLES / "seatmap-pretix-theatre.json"),
        "--venue",
        "Lyceum",
        "--format",
        "pretix",
    )
    assert code == 0, err
    assert "seats" in out and "'Lyceum'" in out
    assert cli("event", "add", "Hamlet", "--category", "Drama", "--duration", "170")[0] == 0
    code, out, err = cli(
        "performance",
        "add",
        "--event",
        "Hamlet",
        "--venue",
        "Lyceum",
        "--starts",
        "2026-12-01T19:30",
        "--tz",
        "Europe/Berlin",
        "--status",
        "on_sale",
        "--currency",
        "EUR",
    )
    assert code == 0, err
    assert "2026-12-01T19:30:00+01:00" in out
    code, out, _ = cli("performance", "list", "--json")
    perfs = json.loads(out)
    assert [(p["event"], p["status"], p["starts_at"]) for p in perfs] == [
        (
            "Hamlet",
            "on_sale",
            "2026-12-01T18:30:00+00:00",
        )  # 19:30 Berlin, shown in the venue zone (UTC)
    ]
    zones = _zones(cli.db)
    code, _, err = cli(
        "price",
        "set",
        "--performance",
        str(perfs[0]["id"]),
        "--zone",
        zones[0],
        "--type",
        "adult",
        "--amount",
        "45.50",
        "--tax",
        "7",
    )
    assert code == 0, err
    code, out, _ = cli("price", "list", "--performance", str(perfs[0]["id"]), "--json")
    assert json.loads(out) == [
        {
            "zone": zones[0],
            "type": "adult",
            "amount": "45.50",
            "currency": "EUR",
            "tax_rate": "7.00",
            "tax": "2.98",
        }
    ]
    code, out, _ = cli("event", "list", "--json")
    assert json.loads(out)[0]["performances"] == 1
    assert cli("verify-audit")[0] == 0


def _zones(db: Path) -> list[str]:
    store = Store(db)
    with store.read() as session:
        names = list(session.execute(text("select name from price_zones order by id")).scalars())
    store.dispose()
    return names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("event", "add", " "), "needs a name"),
        (
            (
                "performance",
                "add",
                "--event",
                "Nope",
                "--venue",
                "X",
                "--starts",
                "2026-12-01T19:30",
            ),
            "no event 'Nope'",
        ),
        (("price", "list", "--performance", "42"), "no performance 42"),
        (
            (
                "user",
                "grant",
                "ghost",
                "refund",
                "--until",
                "2099-01-01T00:00+00:00",
                "--reason",
                "x",
            ),
            "ghost",
        ),
        (("import-seatmap", "/nonexistent/plan.json", "--venue", "V"), "plan.json"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(cli, args: tuple[str, ...], message: str) -> None:
    cli("init")
    before = count(cli.db, "audit_log")
    code, _, err = cli(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert count(cli.db, "audit_log") == before  # nothing changed


def test_malformed_seatmap_imports_nothing(cli, tmp_path: Path) -> None:
    bad = tmp_path / "broken.csv"
    bad.write_text("section,row,seat,x,y,category\nStalls,A,1,10,abc,Premium\n")
    code, _, err = cli("import-seatmap", str(bad), "--venue", "Hall", "--format", "csv")
    assert code == 2
    assert "broken.csv" in err and "line 2" in err and '"y"' in err
    assert count(cli.db, "venues") == 0
    assert count(cli.db, "seats") == 0


def test_bad_performance_time_is_refused(cli) -> None:
    cli("import-seatmap", str(SAMPLES / "seatmap-studio.csv"), "--venue", "Studio")
    cli("event", "add", "Play")
    code, _, err = cli(
        "performance", "add", "--event", "Play", "--venue", "Studio", "--starts", "next tuesday"
    )
    assert code == 2 and "not a date and time" in err
    assert count(cli.db, "performances") == 0


def test_users_pins_from_stdin_and_grants(cli) -> None:
    code, out, err = cli("user", "add", "ann", "--role", "clerk", "--name", "Ann", stdin="4321\n")
    assert code == 0, err
    code, _, err = cli("user", "add", "bob", "--role", "clerk", stdin="12\n")
    assert code == 2 and "4" in err  # PIN too short
    code, _, err = cli("user", "add", "ann", "--role", "clerk", stdin="4321\n")
    assert code == 2 and "ann" in err
    code, _, err = cli(
        "user",
        "grant",
        "ann",
        "refund",
        "--until",
        "2099-01-01T18:00+00:00",
        "--reason",
        "short-staffed",
    )
    assert code == 0, err
    code, _, err = cli(
        "user", "grant", "ann", "refund", "--until", "2000-01-01T18:00+00:00", "--reason", "past"
    )
    assert code == 2
    code, out, _ = cli("user", "list", "--json")
    assert [(u["username"], u["role"]) for u in json.loads(out)] == [("ann", "clerk")]
    assert cli("user", "passwd", "ann", stdin="98765\n")[0] == 0
    assert "4321" not in (Path(cli.db).read_bytes().decode("latin-1"))


def test_verify_audit_names_the_tampered_entry(cli) -> None:
    cli("event", "add", "One")
    cli("event", "add", "Two")
    cli("event", "add", "Three")
    store = Store(cli.db)
    with store.write() as session:
        session.execute(text("update audit_log set subject = 'event:99' where seq = 2"))
    store.dispose()
    code, _, err = cli("verify-audit")
    assert code == 1
    assert "audit entry 2" in err and "altered" in err


def test_demo_seeds_once(cli) -> None:
    code, out, err = cli("demo")
    assert code == 0, err
    assert "3 venues" in out
    code, out, _ = cli("performance", "list", "--json")
    perfs = json.loads(out)
    assert len(perfs) >= 20
    assert {p["currency"] for p in perfs} == {"EUR", "CNY"}
    assert count(cli.db, "seats") > 21000
    code, _, err = cli("demo")
    assert code == 2 and "already has venues" in err
    assert cli("verify-audit")[0] == 0


def test_refusals_speak_the_language_of_lang_or_the_locale(
    cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("demo")[0] == 0
    code, _, err = cli("--lang", "zh_CN", "demo")
    assert code == 2
    assert err == "boxoffice-admin: error: 本地数据库已有场馆；演示数据只能写入空数据库。\n"
    code, _, err = cli("--lang", "en", "demo")
    assert code == 2 and err.endswith("the demo only seeds an empty store\n")
    # A refusal from deep in a service, with parameters (auth: no such user).
    code, _, err = cli(
        "--lang",
        "zh_CN",
        "user",
        "grant",
        "nobody",
        "refund",
        "--until",
        "2099-12-31T23:59",  # not "23:59": a minute before midnight that is already past
        "--reason",
        "rush",
    )
    assert code == 2 and "没有名为“nobody”的用户" in err and err.count("\n") == 1

    # No --lang: the locale decides (LC_ALL over LANG, as POSIX says).
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--db", str(cli.db), "demo"]) == 2
    assert "演示数据只能写入空数据库" in capsys.readouterr().err
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert main(["--db", str(cli.db), "demo"]) == 2
    assert "the demo only seeds an empty store" in capsys.readouterr().err
    monkeypatch.setenv("LC_ALL", "")
    assert main(["--db", str(cli.db), "--lang", "en", "demo"]) == 2
    assert "the demo only seeds an empty store" in capsys.readouterr().err


def test_a_bad_argument_is_refused_in_the_chosen_language(
    cli, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("--lang", "zh_CN", "performance", "status", "0", "on_sale")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].endswith("argument performance: 至少为1，不能是0。")
    with pytest.raises(SystemExit):
        cli("performance", "status", "x", "on_sale")
    assert capsys.readouterr().err.splitlines()[-1].endswith("not a whole number: 'x'")


def test_unreadable_store_is_a_clear_error(cli) -> None:
    Path(cli.db).write_bytes(b"this is not a database" * 100)
    code, _, err = cli("event", "list")
    assert code == 2 and "cannot open store" in err


def test_console_scripts_run(tmp_path: Path) -> None:
    bindir = Path(sys.executable).parent
    admin = subprocess.run(
        [
            str(bindir / "boxoffice-admin"),
            "--db",
            str(tmp_path / "x.sqlite3"),
            "event",
            "list",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert admin.returncode == 0, admin.stderr
    assert json.loads(admin.stdout) == []
    server = subprocess.run(
        [str(bindir / "boxoffice-server"), "--db", str(tmp_path / "server.sqlite3"), "migrate"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert server.returncode == 0, server.stderr
    assert (tmp_path / "server.sqlite3").exists()


def test_init_names_the_terminal_and_its_prefix(cli) -> None:
    code, _, err = cli("init", "--terminal", "Window 2", "--prefix", "w2")
    assert code == 0, err
    store = Store(cli.db)
    with store.read() as session:
        from boxoffice import settings
        from boxoffice.sales.numbering import order_number

        assert settings.get(session, "terminal.name") == "Window 2"
        assert order_number(session).startswith("W2-")
    store.dispose()
    code, _, err = cli("init", "--prefix", "2x")
    assert code == 2 and "starting with a letter" in err
