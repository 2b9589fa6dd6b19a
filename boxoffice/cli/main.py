"""``boxoffice-admin``: set up and inspect a store from the command line.

The CLI acts as the system actor: whoever can open the store file has full
authority over it anyway, and every change is still audited under the
terminal name ``admin-cli``. Errors are printed as one line and exit 2, in
the language of ``--lang`` (``en``, ``zh_CN``) or else of the locale;
``verify-audit`` exits 1 when the chain is broken.

Every command runs ops (``boxoffice.ops``) on one terminal context built
per invocation from ``--db`` and the store's terminal name; the ops (and
SQLAlchemy with them) are imported only when a command runs, and each
command declares its own options only when it is the one parsed, so
``boxoffice-admin --help`` starts quickly.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Any, NoReturn

from boxoffice.actor import system_actor
from boxoffice.cli import checkin_cmd, device_cmd, print_cmd, report_cmd, sell_cmd
from boxoffice.cli.output import LANGUAGES, emit, fail, language
from boxoffice.cli.parsing import ArgumentRefused, aware_datetime, positive_int
from boxoffice.cli.sync_cmd import register as register_sync
from boxoffice.context import TerminalContext
from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.paths import default_db_path

ACTOR = system_actor()
Handler = Callable[[TerminalContext, argparse.Namespace], int]


# -- store -------------------------------------------------------------------
def cmd_init(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    if args.terminal or args.prefix:
        backoffice.configure_terminal(ctx, ACTOR, args.terminal, args.prefix)
    print(f"store ready at {backoffice.store_path(ctx)}")
    return 0


def cmd_demo(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    counts = backoffice.seed_demo(ctx, ACTOR).value
    print(
        f"demo data in {backoffice.store_path(ctx)}: {counts['venues']} venues, "
        f"{counts['performances']} performances, {counts['tickets_sold']} tickets sold, "
        f"{counts['users']} users "
        f"(PINs in README.md)"
    )
    return 0


def cmd_verify_audit(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    check = backoffice.verify_audit(ctx).value
    if check.problem is not None:
        print(f"audit chain BROKEN: {check.problem}", file=sys.stderr)
        return 1
    print(f"audit chain intact: {check.entries} entries")
    return 0


def cmd_import_seatmap(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    done = backoffice.import_seatmap(
        ctx, ACTOR, Path(args.file), args.venue, fmt=args.format, name=args.name
    ).value
    print(
        f"imported seat map {done.name!r} (id {done.id}) into {args.venue!r}: "
        f"{done.seats} seats, {done.standing_areas} standing areas ({done.standing_places} "
        f"places), {done.price_zones} price zones"
    )
    return 0


# -- events and performances ---------------------------------------------------
def cmd_event_add(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    event = backoffice.add_event(
        ctx,
        ACTOR,
        args.name,
        category=args.category,
        description=args.description,
        duration_minutes=args.duration,
    ).value
    print(f"event {event.id}: {event.name}")
    return 0


def cmd_event_list(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    rows = [e.as_dict() for e in backoffice.list_events(ctx).value]
    emit(rows, args.json, ["id", "name", "category", "duration_minutes", "performances"])
    return 0


def cmd_performance_add(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    p = backoffice.add_performance(
        ctx,
        ACTOR,
        args.event,
        args.venue,
        args.starts,
        seat_map=args.seat_map,
        tz=args.tz,
        currency=args.currency,
        status=args.status,
        sale_starts_at=args.sale_start,
        sale_ends_at=args.sale_end,
    ).value
    print(f"performance {p.id}: {p.event} at {p.venue}, {p.starts_at} ({p.status})")
    return 0


def cmd_performance_list(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    rows = [p.as_dict() for p in backoffice.list_performances(ctx, args.event).value]
    emit(rows, args.json, ["id", "event", "venue", "starts_at", "status", "currency"])
    return 0


def cmd_performance_status(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    status = backoffice.set_performance_status(ctx, ACTOR, args.performance, args.status).value
    print(f"performance {args.performance} is now {status}")
    return 0


# -- prices --------------------------------------------------------------------
def cmd_price_set(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    done = backoffice.set_price(
        ctx, ACTOR, args.performance, args.zone, args.type, args.amount, args.tax
    ).value
    print(
        f"performance {done.performance_id}: {args.zone} / {args.type} = "
        f"{done.amount.format()} incl. {args.tax}% tax"
    )
    return 0


def cmd_price_list(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    rows = backoffice.price_list(ctx, args.performance).value
    emit(rows, args.json, ["zone", "type", "amount", "currency", "tax_rate", "tax"])
    return 0


# -- users -----------------------------------------------------------------------
def read_secret(kind: str) -> str:
    """Ask twice on a terminal; read one line from a pipe (for scripts)."""
    label = "PIN" if kind == "pin" else "password"
    if sys.stdin.isatty():
        first = getpass.getpass(f"{label}: ")
        if getpass.getpass(f"{label} again: ") != first:
            raise ValidationError("cli_secrets_differ", kind=kind)
        return first
    line = sys.stdin.readline()
    if not line:
        raise ValidationError("cli_no_secret_on_stdin", kind=kind)
    return line.rstrip("\r\n")


def cmd_user_add(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    kind = "password" if args.password else "pin"
    secret = read_secret(kind)
    username = backoffice.add_user(
        ctx, ACTOR, args.username, args.role, secret, kind=kind, display_name=args.name or ""
    ).value
    print(f"user {username} ({args.role}) created")
    return 0


def cmd_user_passwd(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    kind = "password" if args.password else "pin"
    secret = read_secret(kind)
    backoffice.set_secret(ctx, ACTOR, args.username, secret, kind)
    print(f"{'password' if args.password else 'PIN'} of {args.username} changed")
    return 0


def cmd_user_list(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    rows = backoffice.list_users(ctx).value
    emit(rows, args.json, ["username", "name", "role", "active", "locked_until"])
    return 0


def until_time(text: str) -> datetime:
    """``18:00`` means today at 18:00 local time; otherwise an ISO date-time."""
    try:
        at = time.fromisoformat(text)
    except ValueError:
        at = None
    if at is not None and len(text) <= 8:
        return datetime.combine(datetime.now().date(), at).astimezone()
    value = datetime.fromisoformat(text) if _is_iso(text) else None
    if value is None:
        raise ArgumentRefused("cli_not_a_time", text=text)
    return value if value.tzinfo else value.astimezone()


def _is_iso(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def cmd_user_grant(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import backoffice

    made = backoffice.grant(
        ctx, ACTOR, args.username, args.permission, args.until, args.reason
    ).value
    print(f"{args.username} may {made.permission} until {made.expires_at.isoformat()}")
    return 0


# -- parser ------------------------------------------------------------------------
class AdminParser(argparse.ArgumentParser):
    """argparse, with a bad argument's refusal shown in the chosen language.

    Subcommands' parsers are made by this class too, with the same language.
    A command whose options need the core's vocabulary (statuses, roles,
    permissions, formats) declares them in a function given to ``defer``:
    it runs only when that command is parsed, so the other commands and
    ``--help`` never import the core.
    """

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang
        self._deferred: list[Callable[[argparse.ArgumentParser], None]] = []

    def defer(self, declare: Callable[[argparse.ArgumentParser], None]) -> None:
        """Declare this parser's options with ``declare(parser)`` just before it parses."""
        self._deferred.append(declare)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        while self._deferred:
            self._deferred.pop(0)(self)
        return super().parse_known_args(args, namespace)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", _parser_class(self.lang))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        # Called while argparse handles the ArgumentError that wraps our refusal.
        failure = sys.exc_info()[1]
        refusal = failure.__context__ if failure is not None else None
        if isinstance(failure, argparse.ArgumentError) and isinstance(refusal, ArgumentRefused):
            message = f"argument {failure.argument_name}: {refusal.error.message(self.lang)}"
            if failure.argument_name is None:
                message = refusal.error.message(self.lang)
        super().error(message)


def _parser_class(lang: str) -> Callable[..., AdminParser]:
    def make(**kwargs: Any) -> AdminParser:
        return AdminParser(lang=lang, **kwargs)

    return make


def _chosen_language(argv: Sequence[str] | None) -> str:
    """``--lang`` from the command line (read before the full parse), else the locale."""
    sniff = argparse.ArgumentParser(add_help=False)
    sniff.add_argument("--lang", default=None)
    try:
        known, _rest = sniff.parse_known_args(argv)
    except SystemExit:  # "--lang" without a value: the full parse reports it
        known = argparse.Namespace(lang=None)
    return language(known.lang, os.environ)


def build_parser(lang: str = "en") -> AdminParser:
    parser = AdminParser(prog="boxoffice-admin", description=__doc__.splitlines()[0], lang=lang)
    parser.add_argument(
        "--db", type=Path, default=None, help=f"the store file (default: {default_db_path()})"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages (default: the locale, LC_ALL / LC_MESSAGES / LANG)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, handler: Handler, parent: argparse._SubParsersAction = sub, **kw: str
    ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, **kw)
        p.set_defaults(handler=handler)
        return p

    def group(name: str, help: str) -> argparse._SubParsersAction:
        p = sub.add_parser(name, help=help)
        return p.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")

    p = add("init", cmd_init, help="create or migrate the store; name this terminal")
    p.add_argument("--terminal", default=None, help='this terminal\'s name, e.g. "Window 2"')
    p.add_argument(
        "--prefix", default=None, help="its unique serial and order-number prefix, e.g. W2"
    )
    add("demo", cmd_demo, help="seed demo venues, shows, prices and users")
    add("verify-audit", cmd_verify_audit, help="check the audit log's hash chain")

    p = add("import-seatmap", cmd_import_seatmap, help="import a seat map file")
    p.add_argument("file")
    p.add_argument("--venue", required=True)
    p.add_argument(
        "--format",
        choices=["own", "csv", "pretix"],
        default=None,
        help="default: detected from the file",
    )
    p.add_argument("--name", default=None, help="seat map name (default: from the file)")

    ev = group("event", "add or list events")
    p = add("add", cmd_event_add, ev, help="add an event")
    p.add_argument("name")
    p.add_argument("--category", default="")
    p.add_argument("--description", default="")
    p.add_argument("--duration", type=positive_int, default=120, help="minutes")
    p = add("list", cmd_event_list, ev, help="list events")
    p.add_argument("--json", action="store_true")

    pf = group("performance", "add, list or change performances")
    p = add("add", cmd_performance_add, pf, help="add a performance")
    p.defer(_performance_add_arguments)
    p = add("list", cmd_performance_list, pf, help="list performances")
    p.add_argument("--event", default=None)
    p.add_argument("--json", action="store_true")
    p = add("status", cmd_performance_status, pf, help="put on sale, take off sale, cancel")
    p.defer(_performance_status_arguments)

    pr = group("price", "set or list a performance's price table")
    p = add("set", cmd_price_set, pr, help="set one price (zone × type)")
    p.add_argument("--performance", type=positive_int, required=True)
    p.add_argument("--zone", required=True)
    p.add_argument("--type", required=True, help="price type code, e.g. adult")
    p.add_argument("--amount", required=True, help="tax-inclusive, e.g. 59.00")
    p.add_argument("--tax", required=True, help="tax rate in percent, e.g. 7")
    p = add("list", cmd_price_list, pr, help="list a performance's prices")
    p.add_argument("--performance", type=positive_int, required=True)
    p.add_argument("--json", action="store_true")

    us = group("user", "manage users")
    p = add("add", cmd_user_add, us, help="add a user (PIN or password read from stdin)")
    p.defer(_user_add_arguments)
    p = add("passwd", cmd_user_passwd, us, help="change a user's PIN or password")
    p.add_argument("username")
    p.add_argument("--password", action="store_true")
    p = add("list", cmd_user_list, us, help="list users")
    p.add_argument("--json", action="store_true")
    p = add("grant", cmd_user_grant, us, help="lend a permission until a time")
    p.defer(_user_grant_arguments)
    register_sync(add, group)
    checkin_cmd.register(sub)
    print_cmd.register(add, group)
    report_cmd.register(sub)
    device_cmd.register(add, group)
    sell_cmd.register(add)
    return parser


def _performance_add_arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops import backoffice

    p.add_argument("--event", required=True, help="event id or name")
    p.add_argument("--venue", required=True)
    p.add_argument("--seat-map", default=None)
    p.add_argument(
        "--starts",
        required=True,
        help="start, e.g. 2026-12-01T19:30 (venue time) or with an offset",
    )
    p.add_argument("--tz", default=None, help="time zone for --starts (default: the venue's)")
    p.add_argument("--currency", default=None)
    p.add_argument(
        "--status",
        choices=backoffice.PERFORMANCE_STATUSES,
        default=backoffice.DEFAULT_PERFORMANCE_STATUS,
    )
    p.add_argument("--sale-start", type=aware_datetime, default=None)
    p.add_argument("--sale-end", type=aware_datetime, default=None)


def _performance_status_arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops import backoffice

    p.add_argument("performance", type=positive_int)
    p.add_argument("status", choices=backoffice.PERFORMANCE_STATUSES)


def _user_add_arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops import backoffice

    p.add_argument("username")
    p.add_argument("--role", required=True, choices=backoffice.ROLES)
    p.add_argument("--name", default=None, help="display name")
    p.add_argument("--password", action="store_true", help="a password instead of a PIN")


def _user_grant_arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops import backoffice

    p.add_argument("username")
    p.add_argument("permission", choices=backoffice.PERMISSIONS)
    p.add_argument("--until", type=until_time, required=True, help="18:00 or an ISO time")
    p.add_argument("--reason", required=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_chosen_language(argv))
    args = parser.parse_args(argv)
    args.lang = language(args.lang, os.environ)
    path: Path = args.db or default_db_path()
    from boxoffice.ops import backoffice

    try:
        ctx = backoffice.open_admin(path, language=args.lang)
    except Exception as exc:  # a corrupt or unreadable file must not dump a traceback
        unreadable = BoxOfficeError("cli_store_unreadable", path=str(path), reason=str(exc))
        return fail(unreadable, args.lang)
    try:
        return int(args.handler(ctx, args))
    except BoxOfficeError as exc:
        return fail(exc, args.lang)
    except BrokenPipeError:  # `boxoffice-admin ... | head` is fine
        sys.stderr.close()
        return 0
    finally:
        backoffice.close_admin(ctx)


if __name__ == "__main__":
    sys.exit(main())
