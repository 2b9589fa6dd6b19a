"""The core's refusals in the UI language.

The core (``boxoffice.auth``, ``boxoffice.shifts``, the print queue) never
imports Qt and words its errors in English, for the CLI, the logs and the
audit trail. The clerk reads them here: a known message is translated whole;
a known *shape* (``PATTERNS``, matched by ``text_patterns``) is translated
with its names and figures kept, and its phrases (a permission, a role, a
tender) translated in turn. Anything else is shown as the service wrote
it: better English than nothing.

A test drives the real services into each refusal and checks that the
Chinese UI shows it in Chinese, so a reworded core message cannot silently
fall back to English.
"""

from __future__ import annotations

from boxoffice.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication
from boxoffice.ui.text_patterns import fill, pattern

CONTEXT = "ServiceMessages"

#: Whole messages and the phrases that appear inside patterned ones.
SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "Wrong username or PIN/password."),
    # Why a print queue stopped (``print_queue.MESSAGES``; a test keeps them in step).
    QT_TRANSLATE_NOOP("ServiceMessages", "out of paper: load paper or ticket stock, then resume"),
    QT_TRANSLATE_NOOP("ServiceMessages", "paper jam: clear it, then resume"),
    QT_TRANSLATE_NOOP("ServiceMessages", "cutter jam: clear it, then resume"),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "printer offline: check cable and power, then resume or redirect"
    ),
    # Shifts and the cash drawer (``boxoffice.shifts``).
    QT_TRANSLATE_NOOP("ServiceMessages", "count the cash in the drawer before closing the shift"),
    QT_TRANSLATE_NOOP("ServiceMessages", "a pay-in needs a reason"),
    QT_TRANSLATE_NOOP("ServiceMessages", "a pay-out needs a reason"),
    QT_TRANSLATE_NOOP("ServiceMessages", "a voucher count cannot be negative"),
    QT_TRANSLATE_NOOP("ServiceMessages", "each batch total needs a card scheme"),
    # Overrides (``boxoffice.auth.overrides`` and ``guard``).
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "an override needs a reason (e.g. 'customer double-charged')"
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "a supervisor cannot authorise their own action; another person must approve it",
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "the override does not exist"),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "the override has already been used; each override allows one action"
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "the override has already been used"),
    QT_TRANSLATE_NOOP("ServiceMessages", "the override was given for another user"),
    QT_TRANSLATE_NOOP("ServiceMessages", "the override was given at another terminal"),
    QT_TRANSLATE_NOOP("ServiceMessages", "ask a supervisor for an override"),
    QT_TRANSLATE_NOOP("ServiceMessages", "ask an administrator"),
    # Roles, as ``guard`` names the person refused.
    QT_TRANSLATE_NOOP("ServiceMessages", "clerk"),
    QT_TRANSLATE_NOOP("ServiceMessages", "supervisor"),
    QT_TRANSLATE_NOOP("ServiceMessages", "door"),
    QT_TRANSLATE_NOOP("ServiceMessages", "admin"),
    QT_TRANSLATE_NOOP("ServiceMessages", "user"),
    QT_TRANSLATE_NOOP("ServiceMessages", "deactivated user"),
    # Tenders and cash movements, as variances and drawer refusals name them.
    QT_TRANSLATE_NOOP("ServiceMessages", "cash"),
    QT_TRANSLATE_NOOP("ServiceMessages", "card"),
    QT_TRANSLATE_NOOP("ServiceMessages", "voucher"),
    QT_TRANSLATE_NOOP("ServiceMessages", "drop"),
    QT_TRANSLATE_NOOP("ServiceMessages", "pay-in"),
    QT_TRANSLATE_NOOP("ServiceMessages", "pay-out"),
    # Permissions (``permissions.LABELS``; a test keeps them in step).
    QT_TRANSLATE_NOOP("ServiceMessages", "sell tickets"),
    QT_TRANSLATE_NOOP("ServiceMessages", "issue complimentary tickets"),
    QT_TRANSLATE_NOOP("ServiceMessages", "override a price"),
    QT_TRANSLATE_NOOP("ServiceMessages", "give a manual discount"),
    QT_TRANSLATE_NOOP("ServiceMessages", "refund"),
    QT_TRANSLATE_NOOP("ServiceMessages", "exchange tickets"),
    QT_TRANSLATE_NOOP("ServiceMessages", "void a sale"),
    QT_TRANSLATE_NOOP("ServiceMessages", "reprint a ticket"),
    QT_TRANSLATE_NOOP("ServiceMessages", "open the cash drawer without a sale"),
    QT_TRANSLATE_NOOP("ServiceMessages", "drop cash from the drawer to the safe"),
    QT_TRANSLATE_NOOP("ServiceMessages", "pay out a large amount of cash"),
    QT_TRANSLATE_NOOP("ServiceMessages", "open a shift"),
    QT_TRANSLATE_NOOP("ServiceMessages", "close a shift"),
    QT_TRANSLATE_NOOP("ServiceMessages", "sign off a cash variance"),
    QT_TRANSLATE_NOOP("ServiceMessages", "print an X report"),
    QT_TRANSLATE_NOOP("ServiceMessages", "print a Z report"),
    QT_TRANSLATE_NOOP("ServiceMessages", "view sales reports"),
    QT_TRANSLATE_NOOP("ServiceMessages", "check tickets in at the door"),
    QT_TRANSLATE_NOOP("ServiceMessages", "hand out will-call tickets"),
    QT_TRANSLATE_NOOP("ServiceMessages", "redeem a voucher by typing its code"),
    QT_TRANSLATE_NOOP("ServiceMessages", "manage house seats and kills"),
    QT_TRANSLATE_NOOP("ServiceMessages", "manage offline seat allocations"),
    QT_TRANSLATE_NOOP("ServiceMessages", "resolve sync conflicts"),
    QT_TRANSLATE_NOOP("ServiceMessages", "edit events and performances"),
    QT_TRANSLATE_NOOP("ServiceMessages", "edit prices and discounts"),
    QT_TRANSLATE_NOOP("ServiceMessages", "import seat maps"),
    QT_TRANSLATE_NOOP("ServiceMessages", "manage users"),
    QT_TRANSLATE_NOOP("ServiceMessages", "grant permissions"),
    QT_TRANSLATE_NOOP("ServiceMessages", "manage devices and terminals"),
    QT_TRANSLATE_NOOP("ServiceMessages", "verify the audit log"),
)


#: Who was refused, as ``guard`` names them: "clerk 'ann'", "deactivated user 'bob'".
_WHO = r"([a-z]+(?: user)?) '([^']+)'"

#: Most specific first: the first that matches wins. A group marked True is a
#: phrase (a role, a permission, a tender, a nested message) translated in turn.
PATTERNS = (
    pattern(
        r"Too many wrong attempts: '([^']+)' is locked until (.+)\.",
        QT_TRANSLATE_NOOP("ServiceMessages", "Too many wrong attempts: %1 is locked until %2."),
    ),
    pattern(
        r"(.+) has no open shift at (.+); open a shift \(count the float\) first",
        QT_TRANSLATE_NOOP(
            "ServiceMessages", "%1 has no open shift at %2; open a shift (count the float) first"
        ),
    ),
    pattern(
        r"(.+) already has an open shift at (.+); close it first",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 already has an open shift at %2; close it first"),
    ),
    pattern(
        r"(.+) already has an open shift at (.+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 already has an open shift at %2"),
    ),
    pattern(
        r"the ([a-z]+) variance of (.+) is over the limit: "
        r"a supervisor must sign it off with a reason",
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "the %1 variance of %2 is over the limit: a supervisor must sign it off with a reason",
        ),
        True,
        False,
    ),
    pattern(
        r"shift (\d+) is already closed; a shift is never reopened",
        QT_TRANSLATE_NOOP(
            "ServiceMessages", "shift %1 is already closed; a shift is never reopened"
        ),
    ),
    pattern(
        r"shift (\d+) is closed; its count is final",
        QT_TRANSLATE_NOOP("ServiceMessages", "shift %1 is closed; its count is final"),
    ),
    pattern(
        r"shift (\d+) is closed; its reconciliation is final",
        QT_TRANSLATE_NOOP("ServiceMessages", "shift %1 is closed; its reconciliation is final"),
    ),
    pattern(
        r"shift (\d+) is closed; print its Z report instead",
        QT_TRANSLATE_NOOP("ServiceMessages", "shift %1 is closed; print its Z report instead"),
    ),
    pattern(
        r"the drawer does not hold (.+) in ([A-Z]{3}) cash: no ([a-z-]+); "
        r"if the drawer holds more than the system knows, book a pay-in first",
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "the drawer does not hold %1 in %2 cash: no %3; if the drawer holds more than the system knows, book a pay-in first",  # noqa: E501
        ),
        False,
        False,
        True,
    ),
    pattern(
        r"a ([a-z-]+) must be more than zero",
        QT_TRANSLATE_NOOP("ServiceMessages", "a %1 must be more than zero"),
        True,
    ),
    pattern(
        r"([\d,]+) × (.+) is more than a drawer or a safe bag holds \(at most ([\d,]+)\); "
        r"check the count",
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "%1 × %2 is more than a drawer or a safe bag holds (at most %3); check the count",
        ),
    ),
    pattern(
        r"(.+) is not a ([A-Z]{3}) note or coin",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 is not a %2 note or coin"),
    ),
    pattern(
        r"no notes and coins are configured for '([^']+)'",
        QT_TRANSLATE_NOOP("ServiceMessages", "no notes and coins are configured for %1"),
    ),
    pattern(
        r"(.+) is entered twice",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 is entered twice"),
    ),
    pattern(
        r"(.+) has more decimal places than ([A-Z]{3}) allows \((\d+)\)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 has more decimal places than %2 allows (%3)"),
    ),
    pattern(
        r"the reason may have at most (\d+) characters",
        QT_TRANSLATE_NOOP("ServiceMessages", "the reason may have at most %1 characters"),
    ),
    pattern(
        r"the override was given to (.+), not to (.+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "the override was given to %1, not to %2"),
        True,
        True,
    ),
    pattern(
        r"the override was given for (.+), not for (.+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "the override was given for %1, not for %2"),
    ),
    pattern(
        r"the override has expired \(overrides are valid for (\d+) minutes\)",
        QT_TRANSLATE_NOOP(
            "ServiceMessages", "the override has expired (overrides are valid for %1 minutes)"
        ),
    ),
    pattern(
        _WHO + r" may not (.+) and so cannot authorise it",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3 and so cannot authorise it"),
        True,
        False,
        True,
    ),
    pattern(
        _WHO + r" may not (.+?), even with an override",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3, even with an override"),
        True,
        False,
        True,
    ),
    pattern(
        _WHO + r" may not (.+?); (ask .+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3; %4"),
        True,
        False,
        True,
        True,
    ),
    pattern(
        _WHO + r" may not (.+?): (the override .+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3: %4"),
        True,
        False,
        True,
        True,
    ),
)


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def service_message(text: str) -> str:
    """The service's message in the UI language when we know it, else verbatim.

    A known message followed by details (``" (…)"``) keeps the details as written.
    """
    translated = _translate(text)
    if translated != text:
        return translated
    patterned = fill(text, PATTERNS, _translate, service_message)
    if patterned is not None:
        return patterned
    for known in SERVICE_MESSAGES:
        if text.startswith(known + " "):
            return _translate(known) + " " + service_message(text[len(known) + 1 :])
    return text
