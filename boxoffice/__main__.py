"""``python -m boxoffice`` / ``boxoffice``: start the desktop client.

Only argparse and the standard library are imported before the window is
up; Qt comes next and the store (SQLAlchemy, migrations) opens behind the
login screen, which keeps the cold start to the login screen under 2 s.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from boxoffice.paths import default_db_path, demo_db_path

    parser = argparse.ArgumentParser(
        prog="boxoffice", description="Box office point of sale (desktop client)."
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"the local store to use (default: {default_db_path()})",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=(
            "use demo data: fills an empty store with demo venues, shows and staff "
            f"(without --db the store is {demo_db_path()})"
        ),
    )
    parser.add_argument(
        "--terminal",
        default=None,
        help=(
            "this terminal's name (default: the store's terminal.name, set by boxoffice-admin init)"
        ),
    )
    parser.add_argument(
        "--lang", choices=("en", "zh_CN"), default=None, help="UI language (default: the system's)"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="render the login screen (or, with --user/--pin, the main window) to a PNG and exit",
    )
    parser.add_argument("--user", help="with --screenshot: sign in as this user")
    parser.add_argument("--pin", help="with --screenshot: this user's PIN")
    parser.add_argument(
        "--performance", type=int, metavar="ID", help="select this performance after sign-in"
    )
    args = parser.parse_args(argv)
    if (args.user or args.pin) and not args.screenshot:
        parser.error("--user and --pin are only for --screenshot; sign in on the login screen")
    if args.db is None:
        args.db = demo_db_path() if args.demo else default_db_path()
    return args


def _warm_store_imports() -> None:
    """Import SQLAlchemy and the store while the main thread imports Qt.

    Only modules are loaded here (no store is opened), so nothing crosses
    threads; the store worker later finds them already imported.
    """
    import os

    if os.environ.get("BOXOFFICE_NO_WARMUP"):
        return
    from boxoffice.ops import session

    session.warm_imports()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    import threading

    threading.Thread(target=_warm_store_imports, name="warm-imports", daemon=True).start()
    from boxoffice.ui.shell.app import Options, run

    options = Options(
        db=args.db,
        demo=args.demo,
        terminal=args.terminal,
        language=args.lang,
        screenshot=args.screenshot,
        user=args.user,
        pin=args.pin,
        performance=args.performance,
    )
    return run(options)


if __name__ == "__main__":
    sys.exit(main())
