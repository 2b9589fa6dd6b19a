"""``boxoffice-server``: run the central server and administer it.

``boxoffice-server --db URL --host 127.0.0.1 --port 8765`` serves the API;
subcommands (``enrol-code``, ``admin-token``, ``terminals``, ``load-demo``,
``import-catalogue``, ``conflicts``, ``allocations``, ``migrate``,
``verify-audit``) work on
the same database directly. Plain HTTP is served only on a loopback address
unless ``--insecure-http`` says otherwise; give ``--cert``/``--key`` for HTTPS.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from boxoffice.paths import data_dir

DB_ENV = "BOXOFFICE_SERVER_DB"


def default_db() -> str:
    env = os.environ.get(DB_ENV)
    return env if env else f"sqlite:///{data_dir() / 'server.sqlite3'}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _store(args: argparse.Namespace, *, migrate: bool = True):  # type: ignore[no-untyped-def]
    from boxoffice.server import migrate as server_migrate
    from boxoffice.server.db import ServerStore

    if args.db.startswith("sqlite:///"):
        Path(args.db.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    store = ServerStore(args.db)
    if migrate:
        server_migrate.upgrade(store)
    return store


def _out(value: Any) -> None:
    print(json.dumps(value, indent=2, default=str))


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from boxoffice.server.app import create_app

    if bool(args.cert) != bool(args.key):
        print("boxoffice-server: --cert and --key go together", file=sys.stderr)
        return 2
    for path in (args.cert, args.key):
        if path and not Path(path).is_file():
            print(f"boxoffice-server: no such file {path}", file=sys.stderr)
            return 2
    if not args.cert and not is_loopback(args.host) and not args.insecure_http:
        print(
            f"boxoffice-server: refusing plain HTTP on {args.host}: give --cert and --key "
            "for HTTPS, or --insecure-http if a TLS proxy sits in front",
            file=sys.stderr,
        )
        return 2
    store = _store(args)
    scheme = "https" if args.cert else "http"
    print(
        f"boxoffice-server: {scheme}://{args.host}:{args.port}/api/v1 on {store.dialect}",
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(
        create_app(store),
        host=args.host,
        port=args.port,
        ssl_certfile=args.cert,
        ssl_keyfile=args.key,
        # Behind a load balancer: take the client address (enrolment rate limit)
        # from X-Forwarded-For, but only when the proxy's address is trusted.
        proxy_headers=bool(args.forwarded_allow_ips),
        forwarded_allow_ips=args.forwarded_allow_ips or None,
        log_level=args.log_level,
        access_log=False,
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from boxoffice.server import migrate

    store = _store(args)
    print(f"server database at revision {migrate.current_revision(store)}")
    return 0


def cmd_enrol_code(args: argparse.Namespace) -> int:
    from boxoffice.server import enrolment

    with _store(args).session() as s:
        code, row = enrolment.create_code(s, args.name, prefix=args.prefix, hours=args.hours)
        print(f"enrolment code for {row.name!r} (prefix {row.prefix}): {code}")
        print(f"single use, valid until {row.expires_at.isoformat()}")
    return 0


def cmd_admin_token(args: argparse.Namespace) -> int:
    from boxoffice.server import enrolment

    with _store(args).session() as s:
        token = enrolment.create_admin_token(s, args.name)
    print(token)
    print("keep it secret: it is shown once and stored only as a hash", file=sys.stderr)
    return 0


def cmd_terminals(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from boxoffice.server import enrolment
    from boxoffice.server.app import terminal_info
    from boxoffice.server.models import Terminal

    with _store(args).session() as s:
        if args.action == "revoke":
            if args.id is None:
                print("boxoffice-server: terminals revoke needs a terminal id", file=sys.stderr)
                return 2
            _out(terminal_info(enrolment.revoke(s, args.id)))
        else:
            _out([terminal_info(t) for t in s.scalars(select(Terminal).order_by(Terminal.id))])
    return 0


#: The client's module that writes a catalogue from a terminal-format store or the demo.
#: It runs as its own process: the server package never imports the client, and the
#: two meet only in the protocol's catalogue JSON it prints.
CLIENT_EXPORT = "boxoffice.catalogue_export"


def _client_catalogue(*args: str) -> dict[str, Any] | None:
    """The catalogue the client's export prints (``None``, said on stderr, if it fails)."""
    done = subprocess.run(
        [sys.executable, "-m", CLIENT_EXPORT, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        why = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        print(f"boxoffice-server: {why[0]}", file=sys.stderr)
        return None
    return json.loads(done.stdout)["tables"]


def _import(args: argparse.Namespace, tables: dict[str, Any], what: str) -> int:
    from boxoffice.server import catalogue

    with _store(args).session() as s:
        counts = catalogue.import_tables(s, tables)
    print(f"{what}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def cmd_load_demo(args: argparse.Namespace) -> int:
    tables = _client_catalogue("--demo")
    if tables is None:
        return 2
    return _import(args, tables, "demo catalogue loaded")


def cmd_import_catalogue(args: argparse.Namespace) -> int:
    if args.from_store is not None:
        path = Path(args.from_store)
        if not path.is_file():
            print(f"boxoffice-server: no store file {path}", file=sys.stderr)
            return 2
        tables = _client_catalogue("--from-store", str(path))
        if tables is None:
            return 2
    else:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
        tables = json.loads(text)["tables"]
    return _import(args, tables, "catalogue imported")


def cmd_conflicts(args: argparse.Namespace) -> int:
    from boxoffice.server import conflicts

    with _store(args).session() as s:
        if args.action == "resolve":
            if args.id is None or not args.resolution or not args.by:
                print(
                    "boxoffice-server: conflicts resolve ID --resolution R --by USER [--note N]",
                    file=sys.stderr,
                )
                return 2
            _out(conflicts.resolve(s, args.id, args.resolution, args.by, args.note or ""))
        else:
            _out(conflicts.list_conflicts(s, args.state))
    return 0


def cmd_allocations(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from boxoffice.clock import utc_now
    from boxoffice.server import inventory
    from boxoffice.server.models import Allocation

    with _store(args).session() as s:
        if args.action == "reclaim":
            if args.id is None:
                print("boxoffice-server: allocations reclaim needs an id", file=sys.stderr)
                return 2
            _out(inventory.reclaim(s, args.id, utc_now(), force=args.force))
        else:
            q = select(Allocation).order_by(Allocation.id)
            if args.expired:  # what a supervisor should reclaim: active, past their expiry
                q = q.where(Allocation.state == "active", Allocation.expires_at <= utc_now())
            rows = s.scalars(q).all()
            _out([inventory.allocation_dict(s, a) for a in rows])
    return 0


def cmd_day_end(args: argparse.Namespace) -> int:
    """Every terminal's Z reports for a day, as the API gives them (for head office)."""
    from datetime import date

    from boxoffice.clock import utc_now
    from boxoffice.server import day_end

    try:
        on = date.fromisoformat(args.date)
    except ValueError:
        raise ValueError(f"--date {args.date!r} is not a date; write it as YYYY-MM-DD") from None
    with _store(args).read() as s:
        _out(day_end.day_end(s, on, day_end.venue_timezone(s, args.tz), utc_now()))
    return 0


def cmd_verify_audit(args: argparse.Namespace) -> int:
    from boxoffice.server import audit

    with _store(args).read() as s:
        problems = audit.verify(s)
    for line in problems:
        print(f"boxoffice-server: audit log: {line}", file=sys.stderr)
    if not problems:
        print("server audit log intact")
    return 1 if problems else 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "serve": cmd_serve,
    "migrate": cmd_migrate,
    "enrol-code": cmd_enrol_code,
    "admin-token": cmd_admin_token,
    "terminals": cmd_terminals,
    "load-demo": cmd_load_demo,
    "import-catalogue": cmd_import_catalogue,
    "conflicts": cmd_conflicts,
    "allocations": cmd_allocations,
    "verify-audit": cmd_verify_audit,
    "day-end": cmd_day_end,
}


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help=f"sqlite:///path or postgresql+psycopg://... (default: ${DB_ENV} or data dir)",
    )
    serve = argparse.ArgumentParser(add_help=False)
    serve.add_argument("--host", default=argparse.SUPPRESS)
    serve.add_argument("--port", type=int, default=argparse.SUPPRESS)
    serve.add_argument("--cert", default=argparse.SUPPRESS, help="PEM certificate: serve HTTPS")
    serve.add_argument("--key", default=argparse.SUPPRESS, help="PEM private key of --cert")
    serve.add_argument(
        "--insecure-http",
        action="store_true",
        default=argparse.SUPPRESS,
        help="allow plain HTTP on a non-loopback address (behind a TLS proxy only)",
    )
    serve.add_argument("--log-level", default=argparse.SUPPRESS)
    serve.add_argument(
        "--forwarded-allow-ips",
        default=argparse.SUPPRESS,
        help="load balancer address(es) whose X-Forwarded-For is trusted (comma-separated)",
    )
    parser = argparse.ArgumentParser(
        prog="boxoffice-server", parents=[common, serve], description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", parents=[common, serve], help="run the API (the default)")
    sub.add_parser("migrate", parents=[common], help="bring the database to the newest schema")
    p = sub.add_parser("enrol-code", parents=[common], help="a one-time code to enrol a terminal")
    p.add_argument("--name", required=True)
    p.add_argument("--prefix", default=None, help="order/serial prefix (default: from the name)")
    p.add_argument("--hours", type=int, default=24)
    p = sub.add_parser("admin-token", parents=[common], help="a token for /api/v1/admin calls")
    p.add_argument("--name", required=True)
    p = sub.add_parser("terminals", parents=[common], help="list or revoke terminals")
    p.add_argument("action", choices=["list", "revoke"])
    p.add_argument("id", type=int, nargs="?")
    sub.add_parser("load-demo", parents=[common], help="load the demo catalogue")
    p = sub.add_parser("import-catalogue", parents=[common], help="catalogue from a terminal store")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-store", help="a terminal-format store")
    source.add_argument("--file", help="catalogue JSON ({'tables': ...}); '-' reads stdin")
    p = sub.add_parser("conflicts", parents=[common], help="list or resolve sync conflicts")
    p.add_argument("action", choices=["list", "resolve"])
    p.add_argument("id", type=int, nargs="?")
    p.add_argument("--state", default="open", choices=["open", "resolved", "all"])
    p.add_argument("--resolution")
    p.add_argument("--by")
    p.add_argument("--note")
    p = sub.add_parser("allocations", parents=[common], help="list or reclaim allocations")
    p.add_argument("action", choices=["list", "reclaim"])
    p.add_argument("id", type=int, nargs="?")
    p.add_argument("--force", action="store_true")
    p.add_argument("--expired", action="store_true", help="list: only active ones past expiry")
    sub.add_parser("verify-audit", parents=[common], help="check the server audit log's chain")
    p = sub.add_parser("day-end", parents=[common], help="every terminal's Z reports for a day")
    p.add_argument("--date", required=True, help="business day, YYYY-MM-DD")
    p.add_argument("--tz", default=None, help="IANA zone (default: the first venue's)")
    return parser


DEFAULTS = {
    "db": None,
    "host": "127.0.0.1",
    "port": 8765,
    "cert": None,
    "key": None,
    "insecure_http": False,
    "log_level": "warning",
    "forwarded_allow_ips": None,
}


def main(argv: Sequence[str] | None = None) -> int:
    from boxoffice.server.errors import ApiError

    args = build_parser().parse_args(argv)
    for name, value in DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, value)
    args.db = args.db or default_db()
    try:
        return COMMANDS[args.command or "serve"](args)
    except ApiError as exc:
        print(f"boxoffice-server: {exc.message}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"boxoffice-server: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
