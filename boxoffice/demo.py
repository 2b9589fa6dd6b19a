"""Demo data: a theatre, a standing-room club and an arena, with shows and staff.

``seed`` fills an empty store so a new user can sell at once. The demo users
and their PINs are listed in README.md (they are for demos only).
"""

from __future__ import annotations

import math
import random
import string
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.actor import Actor
from boxoffice.auth import roles as auth_roles
from boxoffice.auth import users as auth_users
from boxoffice.catalogue import discounts, events, house_holds, performances, prices, venues
from boxoffice.clock import utc_now
from boxoffice.errors import BoxOfficeError, Conflict
from boxoffice.money import Money
from boxoffice.sales import checkout
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.signer import Signer, register
from boxoffice.seatmaps.plan import (
    GAAreaPlan,
    RowPlan,
    SeatMapPlan,
    SeatPlan,
    SectionPlan,
    ZonePlan,
)
from boxoffice.seatmaps.save import save_plan
from boxoffice.shifts import drawer
from boxoffice.store.models import Event, HoldKind, PerformanceStatus, Seat


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: str
    pin: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("clara", "Clara Clerk", "clerk", "1111"),
    DemoUser("colin", "Colin Clerk", "clerk", "1112"),
    DemoUser("sam", "Sam Supervisor", "supervisor", "2222"),
    DemoUser("dora", "Dora Door", "door", "3333"),
    DemoUser("ada", "Ada Admin", "admin", "9999"),
)

THEATRE = "Royal Lyceum Theatre"
CLUB = "The Warehouse"
ARENA = "Pudong Arena"


def _row_names(count: int, skip_i: bool = True) -> list[str]:
    letters = [c for c in string.ascii_uppercase if not (skip_i and c in "IO")]
    names = list(letters)
    for first in letters:
        names.extend(first + second for second in letters)
    return names[:count]


def theatre_plan() -> SeatMapPlan:
    """Stalls, circle, four boxes and a wheelchair row: 1,030 seats."""
    zones = [
        ZonePlan("Premium", "#b8860b"),
        ZonePlan("Standard", "#2e7d32"),
        ZonePlan("Restricted view", "#6d6d6d"),
        ZonePlan("Box", "#6a1b9a"),
        ZonePlan("Wheelchair", "#1565c0"),
    ]
    stalls = SectionPlan("Stalls")
    for r, name in enumerate(_row_names(20)):
        row = RowPlan(name)
        per_row = 26 + (r // 4) * 2
        for i in range(per_row):
            offset = i - (per_row - 1) / 2
            x = 500 + offset * 22
            y = 120 + r * 24 + abs(offset) ** 2 * 0.08
            zone = "Premium" if r < 8 and abs(offset) < 9 else "Standard"
            number = str(i + 1)
            row.seats.append(SeatPlan(f"S-{name}-{number}", number, round(x, 1), round(y, 1), zone))
        stalls.rows.append(row)
    access = RowPlan("W")
    for i in range(16):
        wheelchair = i % 2 == 0
        number = str(i + 1)
        access.seats.append(
            SeatPlan(
                f"S-W-{number}",
                number,
                330 + i * 22,
                120 + 20 * 24 + 16,
                "Wheelchair",
                wheelchair=wheelchair,
                companion=not wheelchair,
            )
        )
    stalls.rows.append(access)
    circle = SectionPlan("Circle")
    for r, name in enumerate(_row_names(10)):
        row = RowPlan(name)
        per_row = 30 + r * 2
        for i in range(per_row):
            offset = i - (per_row - 1) / 2
            side = abs(offset) > per_row / 2 - 3
            zone = "Restricted view" if side or r >= 8 else "Standard"
            number = str(i + 1)
            row.seats.append(
                SeatPlan(
                    f"C-{name}-{number}",
                    number,
                    round(500 + offset * 21, 1),
                    round(690 + r * 24 + abs(offset) ** 2 * 0.05, 1),
                    zone,
                    restricted_view=zone == "Restricted view",
                )
            )
        circle.rows.append(row)
    sections = [stalls, circle]
    for b, (bx, by) in enumerate(((40, 160), (40, 260), (930, 160), (930, 260))):
        box = SectionPlan(f"Box {'ABCD'[b]}")
        row = RowPlan("1")
        for i in range(6):
            number = str(i + 1)
            row.seats.append(
                SeatPlan(
                    f"B{'ABCD'[b]}-{number}", number, bx + (i % 2) * 22, by + (i // 2) * 22, "Box"
                )
            )
        box.rows.append(row)
        sections.append(box)
    return SeatMapPlan("Main house", 1000, 960, zones, sections)


def club_plan() -> SeatMapPlan:
    return SeatMapPlan(
        "Standing",
        600,
        400,
        [ZonePlan("Floor", "#c62828"), ZonePlan("Balcony", "#ef6c00")],
        [],
        [GAAreaPlan("Standing floor", 800, "Floor"), GAAreaPlan("Balcony", 150, "Balcony")],
    )


def arena_plan(sections: int = 40, rows: int = 20, seats_per_row: int = 25) -> SeatMapPlan:
    """A bowl of ``sections`` wedges around a floor: 20,000 seats by default."""
    zones = [
        ZonePlan("Category 1", "#b71c1c"),
        ZonePlan("Category 2", "#e65100"),
        ZonePlan("Category 3", "#2e7d32"),
        ZonePlan("Category 4", "#1565c0"),
        ZonePlan("Floor", "#6a1b9a"),
    ]
    plan = SeatMapPlan("Bowl", 3000, 2400, zones, [], [GAAreaPlan("Floor standing", 3000, "Floor")])
    cx, cy = 1500, 1200
    for s in range(sections):
        section = SectionPlan(f"{101 + s}")
        angle0 = 2 * math.pi * s / sections
        span = 2 * math.pi / sections * 0.9
        end_stage = math.cos(angle0) > 0.6
        for r in range(rows):
            radius = 500 + r * 30
            row = RowPlan(str(r + 1))
            for i in range(seats_per_row):
                a = angle0 + span * i / (seats_per_row - 1)
                if end_stage:
                    zone = "Category 4"
                elif r < 8:
                    zone = "Category 1" if abs(math.sin(a)) > 0.7 else "Category 2"
                else:
                    zone = "Category 3"
                number = str(i + 1)
                row.seats.append(
                    SeatPlan(
                        f"{section.name}-{r + 1}-{number}",
                        number,
                        round(cx + radius * 1.2 * math.cos(a), 1),
                        round(cy + radius * math.sin(a), 1),
                        zone,
                    )
                )
            section.rows.append(row)
        plan.sections.append(section)
    return plan


#: zone → {price type → amount in major units}, per venue.
THEATRE_PRICES = {
    "Premium": {
        "adult": "89.00",
        "concession": "69.00",
        "child": "45.00",
        "senior": "72.00",
        "student": "39.00",
        "group": "79.00",
        "comp": "0",
    },
    "Standard": {
        "adult": "59.00",
        "concession": "45.00",
        "child": "29.50",
        "senior": "49.00",
        "student": "25.00",
        "group": "52.00",
        "comp": "0",
    },
    "Restricted view": {
        "adult": "29.00",
        "concession": "22.00",
        "child": "15.00",
        "senior": "24.00",
        "student": "15.00",
        "comp": "0",
    },
    "Box": {"adult": "120.00", "concession": "99.00", "comp": "0"},
    "Wheelchair": {"adult": "59.00", "concession": "29.50", "comp": "0"},
}
CLUB_PRICES = {
    "Floor": {"adult": "35.00", "student": "28.00", "comp": "0"},
    "Balcony": {"adult": "42.00", "comp": "0"},
}
ARENA_PRICES = {
    "Category 1": {"adult": "1280.00", "vip_presale": "1580.00", "student": "980.00", "comp": "0"},
    "Category 2": {"adult": "880.00", "vip_presale": "1080.00", "student": "680.00", "comp": "0"},
    "Category 3": {"adult": "580.00", "student": "420.00", "child": "380.00", "comp": "0"},
    "Category 4": {"adult": "380.00", "student": "280.00", "child": "260.00", "comp": "0"},
    "Floor": {"adult": "680.00", "student": "520.00", "comp": "0"},
}


def _local(day: datetime, at: time, tz: str) -> datetime:
    return datetime.combine(day.date(), at, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def _event(
    session: Session, actor: Actor, name: str, category: str, description: str, minutes: int
) -> Event:
    return events.add_event(
        session, actor, name, category=category, description=description, duration_minutes=minutes
    )


def _prices(
    session: Session, actor: Actor, performance_id: int, table: dict[str, dict[str, str]], tax: str
) -> None:
    performance = performances.get_performance(session, performance_id)
    for zone, by_type in table.items():
        for code, amount in by_type.items():
            prices.set_price(
                session, actor, performance, zone, code, Money.of(amount, performance.currency), tax
            )


def is_seeded(session: Session) -> bool:
    from boxoffice.store.models import Venue

    return bool(session.scalar(select(func.count()).select_from(Venue)))


def seed(
    session: Session, actor: Actor, *, now: datetime | None = None, signer: Signer | None = None
) -> dict[str, int]:
    """Fill an empty store with the demo; refuses a store that already has venues."""
    if is_seeded(session):
        raise Conflict("demo_store_not_empty")
    now = now or utc_now()
    auth_roles.ensure_roles(session)
    prices.ensure_standard_price_types(session)
    for user in DEMO_USERS:
        auth_users.create_user(
            session,
            actor,
            user.username,
            user.role,
            user.pin,
            kind="pin",
            display_name=user.display_name,
        )

    theatre = venues.get_or_create(
        session, actor, THEATRE, currency="EUR", city="Edinburgh", timezone="Europe/London"
    )
    club = venues.get_or_create(
        session, actor, CLUB, currency="EUR", city="Berlin", timezone="Europe/Berlin"
    )
    arena = venues.get_or_create(
        session, actor, ARENA, currency="CNY", city="Shanghai", timezone="Asia/Shanghai"
    )
    theatre_map = save_plan(session, actor, theatre, theatre_plan(), "own")
    club_map = save_plan(session, actor, club, club_plan(), "own")
    arena_map = save_plan(session, actor, arena, arena_plan(), "own")

    nutcracker = _event(
        session,
        actor,
        "The Nutcracker",
        "Ballet",
        "Tchaikovsky's Christmas ballet, with live orchestra.",
        135,
    )
    carol = _event(
        session,
        actor,
        "A Christmas Carol",
        "Drama",
        "Dickens' ghost story, adapted for the stage.",
        150,
    )
    gig = _event(
        session, actor, "Neon Harbour — live", "Concert", "Synth-pop on the standing floor.", 120
    )
    gala = _event(
        session,
        actor,
        "New Year Symphony Gala",
        "Classical",
        "The city orchestra and guest soloists.",
        150,
    )
    arena_show = _event(
        session, actor, "Starlight World Tour", "Concert", "Arena tour with full production.", 180
    )

    today = now.astimezone(ZoneInfo("Europe/London"))
    count = 0
    for d in range(14):
        day = today + timedelta(days=d)
        show = nutcracker if d % 2 == 0 else carol
        slots = [time(19, 30)] + ([time(14, 30)] if day.weekday() >= 5 else [])
        for slot in slots:
            status = PerformanceStatus.ON_SALE if d < 12 else PerformanceStatus.SCHEDULED
            p = performances.add_performance(
                session, actor, show, theatre_map, _local(day, slot, "Europe/London"), status=status
            )
            _prices(session, actor, p.id, THEATRE_PRICES, "5")
            count += 1
    for d in (2, 5, 9, 12):
        day = today + timedelta(days=d)
        p = performances.add_performance(
            session,
            actor,
            gig,
            club_map,
            _local(day, time(20, 0), "Europe/Berlin"),
            status=PerformanceStatus.ON_SALE,
        )
        _prices(session, actor, p.id, CLUB_PRICES, "7")
        count += 1
    for d, show in ((3, arena_show), (4, arena_show), (10, gala)):
        day = today + timedelta(days=d)
        p = performances.add_performance(
            session,
            actor,
            show,
            arena_map,
            _local(day, time(19, 30), "Asia/Shanghai"),
            status=PerformanceStatus.ON_SALE,
        )
        _prices(session, actor, p.id, ARENA_PRICES, "6")
        count += 1

    discounts.add_refund_rule(
        session, actor, 48, fee_percent="10", label="10 % fee within 48 hours"
    )
    discounts.add_refund_rule(
        session, actor, 2, fee_percent="100", label="no refunds in the last 2 hours"
    )
    discounts.add_discount(
        session,
        actor,
        "Christmas voucher",
        code="XMAS10",
        percent="10",
        scope="order",
        usage_limit=100,
        valid_to=now + timedelta(days=30),
    )
    discounts.add_discount(
        session,
        actor,
        "Friends of the theatre",
        code="FRIEND5",
        amount=Money.of("5.00", "EUR"),
        scope="ticket",
        price_types=["adult"],
    )
    discounts.issue_gift_card(session, actor, "GIFT-0001-EUR", Money.of("100.00", "EUR"))
    discounts.issue_gift_card(session, actor, "GIFT-0002-CNY", Money.of("1000.00", "CNY"))
    settings.put(session, "cash_rounding.CNY", "10")

    first = performances.list_performances(session, event_id=nutcracker.id)[0]
    house_holds.place(
        session, actor, first, [f"S-A-{n}" for n in range(12, 16)], HoldKind.HOUSE, "house seats"
    )
    house_holds.place(session, actor, first, ["S-H-1", "S-H-2"], HoldKind.PRESS, "press night")
    house_holds.place(session, actor, first, ["C-K-1", "C-K-2"], HoldKind.KILL, "camera position")
    sold = sample_sales(session, signer, now) if signer is not None else 0
    return {
        "venues": 3,
        "seat_maps": 3,
        "performances": count,
        "users": len(DEMO_USERS),
        "tickets_sold": sold,
    }


#: clara's opening float: 215.00 EUR and 900.00 CNY in notes and coins.
DEMO_FLOAT = {
    "EUR": {5000: 1, 2000: 4, 1000: 4, 500: 4, 200: 5, 100: 5, 50: 10, 20: 10, 10: 30},
    "CNY": {10000: 5, 5000: 4, 2000: 5, 1000: 5, 500: 6, 100: 20},
}


def sample_sales(session: Session, signer: Signer, now: datetime) -> int:
    """Sell some seats (by clerk clara, in cash) so the seat maps look like a real week."""
    rng = random.Random(20261125)
    register(session, signer, "Window 1")
    clara = auth_users.get_user(session, "clara")
    clerk = Actor(clara.id, clara.username, "Window 1")
    # A sale needs an open shift: clara's drawer opens with a float in both currencies.
    drawer.open_shift(session, clerk, DEMO_FLOAT, now=now)
    sold = 0
    for performance in performances.list_performances(session):
        if performance.status != PerformanceStatus.ON_SALE:
            continue
        seat_ids = list(
            session.scalars(
                select(Seat.id).where(Seat.seat_map_id == performance.seat_map_id).order_by(Seat.id)
            )
        )
        if not seat_ids or performance.id % 3:
            continue
        held = set(house_holds.held_seats(session, performance.id))
        free = [s for s in seat_ids if s not in held]
        orders = min(60, len(free) // 10)
        for start in sorted(rng.sample(range(0, len(free) - 4), orders)):
            group = free[start : start + rng.choice((1, 2, 2, 3, 4))]
            cart = Cart([CartItem(performance.id, "adult", seat_id=s) for s in group])
            try:
                with session.begin_nested():
                    total = checkout.quote(session, cart, now=now).priced.total
                    checkout.sell(session, clerk, cart, [checkout.Cash(total)], signer, now=now)
                    sold += len(group)
            except BoxOfficeError:
                continue  # overlapping groups: that seat was sold already
    return sold
