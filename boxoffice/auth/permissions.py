"""What a person at a box office may do, and which role may do what by default.

Permissions are named after the action a service performs, not after a
screen, so the same check guards the UI, the admin CLI and the server. The
role sets below are what a box office expects on day one; ``ensure_roles``
writes them into the store, and ``docs/roles.md`` shows them as a table
(a test keeps the two in agreement).
"""

from __future__ import annotations

import enum

from boxoffice.errors import ValidationError


class Permission(enum.StrEnum):
    """One guarded action; the value is what the store and the audit log record."""

    # Selling at the window
    SELL = "sell"
    SELL_COMPLIMENTARY = "sell_complimentary"
    PRICE_OVERRIDE = "price_override"
    DISCOUNT_MANUAL = "discount_manual"
    REFUND = "refund"
    EXCHANGE = "exchange"
    VOID = "void"
    REPRINT = "reprint"
    # Cash drawer and shifts
    NO_SALE = "no_sale"
    CASH_DROP = "cash_drop"
    CASH_PAYOUT_LARGE = "cash_payout_large"
    SHIFT_OPEN = "shift_open"
    SHIFT_CLOSE = "shift_close"
    VARIANCE_SIGNOFF = "variance_signoff"
    # Reports
    REPORT_X = "report_x"
    REPORT_Z = "report_z"
    REPORTS_VIEW = "reports_view"
    # Door and redemption
    CHECKIN = "checkin"
    WILL_CALL = "will_call"
    VOUCHER_REDEEM_MANUAL = "voucher_redeem_manual"
    # Inventory
    HOLD_MANAGE = "hold_manage"
    ALLOCATION_MANAGE = "allocation_manage"
    CONFLICT_RESOLVE = "conflict_resolve"
    # Administration
    CATALOGUE_EDIT = "catalog_edit"
    PRICE_EDIT = "price_edit"
    SEATMAP_IMPORT = "seatmap_import"
    USER_MANAGE = "user_manage"
    GRANT = "grant"
    DEVICE_MANAGE = "device_manage"
    AUDIT_VERIFY = "audit_verify"


#: How each permission reads in a sentence: "clerk 'ann' may not <label>".
LABELS: dict[Permission, str] = {
    Permission.SELL: "sell tickets",
    Permission.SELL_COMPLIMENTARY: "issue complimentary tickets",
    Permission.PRICE_OVERRIDE: "override a price",
    Permission.DISCOUNT_MANUAL: "give a manual discount",
    Permission.REFUND: "refund",
    Permission.EXCHANGE: "exchange tickets",
    Permission.VOID: "void a sale",
    Permission.REPRINT: "reprint a ticket",
    Permission.NO_SALE: "open the cash drawer without a sale",
    Permission.CASH_DROP: "drop cash from the drawer to the safe",
    Permission.CASH_PAYOUT_LARGE: "pay out a large amount of cash",
    Permission.SHIFT_OPEN: "open a shift",
    Permission.SHIFT_CLOSE: "close a shift",
    Permission.VARIANCE_SIGNOFF: "sign off a cash variance",
    Permission.REPORT_X: "print an X report",
    Permission.REPORT_Z: "print a Z report",
    Permission.REPORTS_VIEW: "view sales reports",
    Permission.CHECKIN: "check tickets in at the door",
    Permission.WILL_CALL: "hand out will-call tickets",
    Permission.VOUCHER_REDEEM_MANUAL: "redeem a voucher by typing its code",
    Permission.HOLD_MANAGE: "manage house seats and kills",
    Permission.ALLOCATION_MANAGE: "manage offline seat allocations",
    Permission.CONFLICT_RESOLVE: "resolve sync conflicts",
    Permission.CATALOGUE_EDIT: "edit events and performances",
    Permission.PRICE_EDIT: "edit prices and discounts",
    Permission.SEATMAP_IMPORT: "import seat maps",
    Permission.USER_MANAGE: "manage users",
    Permission.GRANT: "grant permissions",
    Permission.DEVICE_MANAGE: "manage devices and terminals",
    Permission.AUDIT_VERIFY: "verify the audit log",
}

#: A window clerk: sells, exchanges within policy, runs their own drawer.
#: Refunds, voids, reprints, comps, price changes and opening the drawer
#: without a sale are exactly what a supervisor approves (design invariant 7).
_CLERK = frozenset(
    {
        Permission.SELL,
        Permission.EXCHANGE,
        Permission.CASH_DROP,
        Permission.SHIFT_OPEN,
        Permission.SHIFT_CLOSE,
        Permission.WILL_CALL,
        Permission.VOUCHER_REDEEM_MANUAL,
    }
)

#: Door and redemption staff: admit, hand out will-call, key in a voucher.
_DOOR = frozenset(
    {
        Permission.CHECKIN,
        Permission.WILL_CALL,
        Permission.VOUCHER_REDEEM_MANUAL,
    }
)

#: A duty supervisor: everything on the floor, nothing that changes the
#: set-up (catalogue, prices, seat maps, users, devices).
_SUPERVISOR = (
    _CLERK
    | _DOOR
    | frozenset(
        {
            Permission.SELL_COMPLIMENTARY,
            Permission.PRICE_OVERRIDE,
            # Running figures show the expected cash: not for the clerk whose
            # count at the close is blind.
            Permission.REPORT_X,
            Permission.DISCOUNT_MANUAL,
            Permission.REFUND,
            Permission.VOID,
            Permission.REPRINT,
            Permission.NO_SALE,
            Permission.CASH_PAYOUT_LARGE,
            Permission.VARIANCE_SIGNOFF,
            Permission.REPORT_Z,
            Permission.REPORTS_VIEW,
            Permission.HOLD_MANAGE,
            Permission.ALLOCATION_MANAGE,
            Permission.CONFLICT_RESOLVE,
            Permission.GRANT,
        }
    )
)

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "clerk": _CLERK,
    "supervisor": _SUPERVISOR,
    "door": _DOOR,
    "admin": frozenset(Permission),
}

ROLE_DESCRIPTIONS: dict[str, str] = {
    "clerk": "Window clerk: sells, exchanges, runs their own cash drawer",
    "supervisor": "Duty supervisor: approves refunds, voids, reprints, overrides; signs off cash",
    "door": "Door and redemption staff: scans tickets, will-call, manual vouchers",
    "admin": "Administrator: sets up venues, events, prices, seat maps, users, devices",
}


def parse_permission(value: str | Permission) -> Permission:
    """The permission named ``value``, or a ValidationError naming the bad value."""
    try:
        return Permission(value)
    except ValueError:
        raise ValidationError("permission_unknown", name=str(value)) from None


def label(permission: Permission | str) -> str:
    """The permission as a verb phrase for messages; unknown names are shown as is."""
    try:
        return LABELS[Permission(permission)]
    except ValueError:
        return str(permission)


def roles_markdown_table() -> str:
    """The role → permission matrix as Markdown, as published in ``docs/roles.md``."""
    roles = list(ROLE_PERMISSIONS)
    lines = [
        "| permission | what it allows | " + " | ".join(roles) + " |",
        "|---|---|" + "---|" * len(roles),
    ]
    for permission in Permission:
        marks = " | ".join("✓" if permission in ROLE_PERMISSIONS[r] else "" for r in roles)
        lines.append(f"| `{permission.value}` | {LABELS[permission]} | {marks} |")
    return "\n".join(lines) + "\n"
