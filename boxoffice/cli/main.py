"""``boxoffice-admin``: set up and inspect a store from the command line.

The CLI acts as the system actor: whoever can open the store file has full
authority over it anyway, and every change is still audited under the
terminal name ``admin-cli``. Errors are printed as one line and exit 2, in
the language of ``--lang`` (``en``, ``zh_CN``) or else of the locale;
``verify-audit`` exits 1 when the chain is broken.
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
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from boxoffice import audit, demo, settings
from boxoffice.actor import system_actor
from boxoffice.auth import grants as auth_grants
from boxoffice.auth import roles as auth_roles
from boxoffice.auth import users as auth_users
from boxoffice.auth.permissions import ROLE_PERMISSIONS, Permission
from boxoffice.catalogue import events, performances, prices
from boxoffice.cli import checkin_cmd, device_cmd, print_cmd, report_cmd
from boxoffice.cli.output import LANGUAGES, emit, fail, language
from boxoffice.cli.parsing import ArgumentRefused, aware_datetime, local_datetime, positive_int
from boxoffice.cli.sync_cmd import register as register_sync
from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.money import Money
from boxoffice.paths import default_db_path
from boxoffice.sales import numbering
from boxoffice.sales.signer import open_signer
from boxoffice.store import Store, open_store
from boxoffice.store.models import PerformanceStatus, Seat

ACTOR = system_actor()
Handler = Callable[[Store, argparse.Namespace], int]


def open_initialised(path: Path) -> Store:
    """Open (migrating) the store and make sure roles and price types exist."""
    store = open_store(path)
    with store.write() as session:
        auth_roles.ensure_roles(session)
        prices.ensure_standard_price_types(session)
    return store


# -- store -------------------------------------------------------------------
def cmd_init(store: Store, args: argparse.Namespace) -> int:
    if args.terminal or args.prefix:
        with store.write() as session:
            numbering.configure_terminal(
                session,
                ACTOR,
                args.terminal or settings.get(session, "terminal.name"),
                args.prefix or settings.get(session, "terminal.prefix"),
            )
    print(f"store ready at {store.path}")
    return 0


def cmd_demo(store: Store, args: argparse.Namespace) -> int:
    signer = open_signer(store.path)
    with store.write() as session:
        counts = demo.seed(session, ACTOR, signer=signer)
    print(
        f"demo data in {store.path}: {counts['venues']} venues, "
        f"{counts['performances']} performances, {counts['tickets_sold']} tickets sold, "
        f"{counts['users']} users "
        f"(PINs in README.md)"
    )
    return 0


def cmd_verify_audit(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        problem = audit.verify(session)
        count = len(audit.entries(session))
    if problem is not None:
        print(f"audit chain BROKEN: {problem}", file=sys.stderr)
        return 1
    print(f"audit chain intact: {count} entries")
    return 0


def cmd_import_seatmap(store: Store, args: argparse.Namespace) -> int:
    from boxoffice.seatmaps.importer import import_seatmap

    with store.write() as session:
        seat_map = import_seatmap(
            session, ACTOR, Path(args.file), args.venue, fmt=args.format, name=args.name
        )
        seats = session.scalar(
            select(func.count()).select_from(Seat).where(Seat.seat_map_id == seat_map.id)
        )
        ga = sum(a.capacity for a in seat_map.ga_areas)
        print(
            f"imported seat map {seat_map.name!r} (id {seat_map.id}) into {args.venue!r}: "
            f"{seats} seats, {len(seat_map.ga_areas)} standing areas ({ga} places), "
            f"{len(seat_map.price_zones)} price zones"
        )
    return 0


# -- events and performances ---------------------------------------------------
def cmd_event_add(store: Store, args: argparse.Namespace) -> int:
    with store.write() as session:
        event = events.add_event(
            session,
            ACTOR,
            args.name,
            category=args.category,
            description=args.description,
            duration_minutes=args.duration,
        )
        print(f"event {event.id}: {event.name}")
    return 0


def cmd_event_list(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        rows = [
            {
                "id": e.id,
                "name": e.name,
                "category": e.category,
                "duration_minutes": e.duration_minutes,
                "performances": len(e.performances),
            }
            for e in events.list_events(session)
        ]
    emit(rows, args.json, ["id", "name", "category", "duration_minutes", "performances"])
    return 0


def cmd_performance_add(store: Store, args: argparse.Namespace) -> int:
    with store.write() as session:
        event = events.get_event(session, args.event)
        seat_map = performances.find_seat_map(session, args.venue, args.seat_map)
        tz = args.tz or seat_map.venue.timezone
        try:
            starts = local_datetime(args.starts, tz)
        except ArgumentRefused as exc:
            raise ValidationError("cli_bad_option", option="--starts", reason=exc.error) from None
        performance = performances.add_performance(
            session,
            ACTOR,
            event,
            seat_map,
            starts,
            currency=args.currency,
            status=PerformanceStatus(args.status),
            sale_starts_at=args.sale_start,
            sale_ends_at=args.sale_end,
        )
        print(
            f"performance {performance.id}: {event.name} at {seat_map.venue.name}, "
            f"{performance.starts_at.astimezone(ZoneInfo(tz)).isoformat()} "
            f"({performance.status.value})"
        )
    return 0


def cmd_performance_list(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        event_id = events.get_event(session, args.event).id if args.event else None
        rows = [
            {
                "id": p.id,
                "event": p.event.name,
                "venue": p.seat_map.venue.name,
                "seat_map": p.seat_map.name,
                "starts_at": p.starts_at.astimezone(
                    ZoneInfo(p.seat_map.venue.timezone)
                ).isoformat(),
                "status": p.status.value,
                "currency": p.currency,
            }
            for p in performances.list_performances(session, event_id=event_id)
        ]
    emit(rows, args.json, ["id", "event", "venue", "starts_at", "status", "currency"])
    return 0


def cmd_performance_status(store: Store, args: argparse.Namespace) -> int:
    with store.write() as session:
        p = performances.set_status(
            session, ACTOR, args.performance, PerformanceStatus(args.status)
        )
        print(f"performance {p.id} is now {p.status.value}")
    return 0


# -- prices --------------------------------------------------------------------
def cmd_price_set(store: Store, args: argparse.Namespace) -> int:
    with store.write() as session:
        performance = performances.get_performance(session, args.performance)
        amount = Money.of(args.amount, performance.currency)
        prices.set_price(session, ACTOR, performance, args.zone, args.type, amount, args.tax)
        print(
            f"performance {performance.id}: {args.zone} / {args.type} = {amount.format()} "
            f"incl. {args.tax}% tax"
        )
    return 0


def cmd_price_list(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        performances.get_performance(session, args.performance)
        rows = [
            {
                "zone": r.zone,
                "type": r.price_type,
                "amount": str(r.price.amount),
                "currency": r.price.currency,
                "tax_rate": str(r.tax_rate),
                "tax": str(r.tax.amount),
            }
            for r in prices.price_table(session, args.performance)
        ]
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


def cmd_user_add(store: Store, args: argparse.Namespace) -> int:
    kind = "password" if args.password else "pin"
    secret = read_secret(kind)
    with store.write() as session:
        user = auth_users.create_user(
            session,
            ACTOR,
            args.username,
            args.role,
            secret,
            kind=kind,
            display_name=args.name or "",
        )
        print(f"user {user.username} ({args.role}) created")
    return 0


def cmd_user_passwd(store: Store, args: argparse.Namespace) -> int:
    kind = "password" if args.password else "pin"
    secret = read_secret(kind)
    with store.write() as session:
        auth_users.set_secret(session, ACTOR, args.username, secret, kind)
    print(f"{'password' if args.password else 'PIN'} of {args.username} changed")
    return 0


def cmd_user_list(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        rows = [
            {
                "username": u.username,
                "name": u.display_name,
                "role": u.role.name,
                "active": u.active,
                "locked_until": u.locked_until.isoformat() if u.locked_until else "",
            }
            for u in auth_users.list_users(session)
        ]
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


def cmd_user_grant(store: Store, args: argparse.Namespace) -> int:
    with store.write() as session:
        grant = auth_grants.grant(
            session, ACTOR, args.username, Permission(args.permission), args.until, args.reason
        )
        print(f"{args.username} may {grant.permission} until {grant.expires_at.isoformat()}")
    return 0


# -- parser ------------------------------------------------------------------------
class AdminParser(argparse.ArgumentParser):
    """argparse, with a bad argument's refusal shown in the chosen language.

    Subcommands' parsers are made by this class too, with the same language.
    """

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

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
        choices=[s.value for s in PerformanceStatus],
        default=PerformanceStatus.SCHEDULED.value,
    )
    p.add_argument("--sale-start", type=aware_datetime, default=None)
    p.add_argument("--sale-end", type=aware_datetime, default=None)
    p = add("list", cmd_performance_list, pf, help="list performances")
    p.add_argument("--event", default=None)
    p.add_argument("--json", action="store_true")
    p = add("status", cmd_performance_status, pf, help="put on sale, take off sale, cancel")
    p.add_argument("performance", type=positive_int)
    p.add_argument("status", choices=[s.value for s in PerformanceStatus])

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
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=sorted(ROLE_PERMISSIONS))
    p.add_argument("--name", default=None, help="display name")
    p.add_argument("--password", action="store_true", help="a password instead of a PIN")
    p = add("passwd", cmd_user_passwd, us, help="change a user's PIN or password")
    p.add_argument("username")
    p.add_argument("--password", action="store_true")
    p = add("list", cmd_user_list, us, help="list users")
    p.add_argument("--json", action="store_true")
    p = add("grant", cmd_user_grant, us, help="lend a permission until a time")
    p.add_argument("username")
    p.add_argument("permission", choices=[p.value for p in Permission])
    p.add_argument("--until", type=until_time, required=True, help="18:00 or an ISO time")
    p.add_argument("--reason", required=True)
    register_sync(add, group)
    checkin_cmd.register(sub)
    print_cmd.register(add, group)
    report_cmd.register(sub)
    device_cmd.register(add, group)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_chosen_language(argv))
    args = parser.parse_args(argv)
    args.lang = language(args.lang, os.environ)
    path: Path = args.db or default_db_path()
    try:
        store = open_initialised(path)
    except Exception as exc:  # a corrupt or unreadable file must not dump a traceback
        unreadable = BoxOfficeError("cli_store_unreadable", path=str(path), reason=str(exc))
        return fail(unreadable, args.lang)
    try:
        return int(args.handler(store, args))
    except BoxOfficeError as exc:
        return fail(exc, args.lang)
    except BrokenPipeError:  # `boxoffice-admin ... | head` is fine
        sys.stderr.close()
        return 0
    finally:
        store.dispose()


if __name__ == "__main__":
    sys.exit(main())
