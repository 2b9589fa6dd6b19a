"""The core's refusals in the UI language.

The core (``boxoffice.auth``, ``boxoffice.shifts``, the print queue) never
imports Qt and words its errors in English, for the CLI, the logs and the
audit trail. The clerk reads them here: a known message is translated whole;
a known *shape* (``PATTERNS``: a regular expression over the English text and
a translatable template with ``%1``, ``%2`` …) is translated with its
variable parts kept, and those parts are themselves translated when they are
known phrases (a permission, a role, a tender). Anything else is shown as the
service wrote it: better English than nothing.

A test drives the real services into each refusal and checks that the
Chinese UI shows it in Chinese, so a reworded core message cannot silently
fall back to English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boxoffice.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

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


@dataclass(frozen=True)
class Pattern:
    """A shape of message: ``regex`` over the English, ``template`` to translate.

    The template's ``%1``, ``%2`` … take the regex's groups in order. A group
    named ``t…`` (``trole``, ``tperm`` …) is translated in turn (a phrase, or
    a whole message of its own); other groups are names and figures, kept as
    written.
    """

    regex: re.Pattern[str]
    template: str


def _p(regex: str, template: str) -> Pattern:
    return Pattern(re.compile(regex + r"$"), template)


#: Who was refused, as ``guard`` names them: "clerk 'ann'", "deactivated user 'bob'".
_WHO = r"(?P<trole>[a-z]+(?: user)?) '(?P<user>[^']+)'"

#: Longest and most specific first: the first that matches wins.
PATTERNS = (
    _p(
        r"Too many wrong attempts: '(?P<user>[^']+)' is locked until (?P<until>.+)\.",
        QT_TRANSLATE_NOOP("ServiceMessages", "Too many wrong attempts: %1 is locked until %2."),
    ),
    _p(
        r"(?P<user>.+) has no open shift at (?P<terminal>.+); "
        r"open a shift \(count the float\) first",
        QT_TRANSLATE_NOOP(
            "ServiceMessages", "%1 has no open shift at %2; open a shift (count the float) first"
        ),
    ),
    _p(
        r"(?P<user>.+) already has an open shift at (?P<terminal>.+); close it first",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 already has an open shift at %2; close it first"),
    ),
    _p(
        r"(?P<user>.+) already has an open shift at (?P<terminal>.+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 already has an open shift at %2"),
    ),
    _p(
        r"the (?P<ttender>[a-z]+) variance of (?P<amount>.+) is over the limit: "
        r"a supervisor must sign it off with a reason",
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "the %1 variance of %2 is over the limit: a supervisor must sign it off with a reason",
        ),
    ),
    _p(
        r"shift (?P<shift>\d+) is already closed; a shift is never reopened",
        QT_TRANSLATE_NOOP(
            "ServiceMessages", "shift %1 is already closed; a shift is never reopened"
        ),
    ),
    _p(
        r"shift (?P<shift>\d+) is closed; its count is final",
        QT_TRANSLATE_NOOP("ServiceMessages", "shift %1 is closed; its count is final"),
    ),
    _p(
        r"shift (?P<shift>\d+) is closed; its reconciliation is final",
        QT_TRANSLATE_NOOP("ServiceMessages", "shift %1 is closed; its reconciliation is final"),
    ),
    _p(
        r"shift (?P<shift>\d+) is closed; print its Z report instead",
        QT_TRANSLATE_NOOP("ServiceMessages", "shift %1 is closed; print its Z report instead"),
    ),
    _p(
        r"the drawer does not hold (?P<amount>.+) in (?P<currency>[A-Z]{3}) cash: "
        r"no (?P<twhat>[a-z-]+); if the drawer holds more than the system knows, "
        r"book a pay-in first",
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "the drawer does not hold %1 in %2 cash: no %3; if the drawer holds more than the system knows, book a pay-in first",  # noqa: E501
        ),
    ),
    _p(
        r"a (?P<twhat>[a-z-]+) must be more than zero",
        QT_TRANSLATE_NOOP("ServiceMessages", "a %1 must be more than zero"),
    ),
    _p(
        r"(?P<quantity>[\d,]+) × (?P<denomination>.+) is more than a drawer or a safe bag "
        r"holds \(at most (?P<most>[\d,]+)\); check the count",
        QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "%1 × %2 is more than a drawer or a safe bag holds (at most %3); check the count",
        ),
    ),
    _p(
        r"(?P<denomination>.+) is not a (?P<currency>[A-Z]{3}) note or coin",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 is not a %2 note or coin"),
    ),
    _p(
        r"no notes and coins are configured for '(?P<currency>[^']+)'",
        QT_TRANSLATE_NOOP("ServiceMessages", "no notes and coins are configured for %1"),
    ),
    _p(
        r"(?P<scheme>.+) is entered twice",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 is entered twice"),
    ),
    _p(
        r"(?P<amount>.+) has more decimal places than (?P<currency>[A-Z]{3}) allows "
        r"\((?P<places>\d+)\)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 has more decimal places than %2 allows (%3)"),
    ),
    _p(
        r"the reason may have at most (?P<most>\d+) characters",
        QT_TRANSLATE_NOOP("ServiceMessages", "the reason may have at most %1 characters"),
    ),
    _p(
        r"the override was given to (?P<tgiven>.+), not to (?P<tasked>.+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "the override was given to %1, not to %2"),
    ),
    _p(
        r"the override was given for (?P<given>.+), not for (?P<asked>.+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "the override was given for %1, not for %2"),
    ),
    _p(
        r"the override has expired \(overrides are valid for (?P<minutes>\d+) minutes\)",
        QT_TRANSLATE_NOOP(
            "ServiceMessages", "the override has expired (overrides are valid for %1 minutes)"
        ),
    ),
    _p(
        r"(?P<trole>[a-z]+) '(?P<user>[^']+)' may not (?P<tperm>.+) and so cannot authorise it",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3 and so cannot authorise it"),
    ),
    _p(
        _WHO + r" may not (?P<tperm>.+?), even with an override",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3, even with an override"),
    ),
    _p(
        _WHO + r" may not (?P<tperm>.+?); (?P<task>ask .+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3; %4"),
    ),
    _p(
        _WHO + r" may not (?P<tperm>.+?): (?P<tproblem>the override .+)",
        QT_TRANSLATE_NOOP("ServiceMessages", "%1 %2 may not %3: %4"),
    ),
)


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _fill(template: str, parts: list[str]) -> str:
    """``%1`` … ``%n`` replaced in one pass, so a part containing ``%2`` stays as it is."""
    return re.sub(r"%(\d+)", lambda m: parts[int(m[1]) - 1], template)


def _patterned(text: str) -> str | None:
    for pattern in PATTERNS:
        found = pattern.regex.match(text)
        if not found:
            continue
        template = _translate(pattern.template)
        if template == pattern.template:
            return None  # no translation loaded (English): the service's own words
        parts = [
            service_message(value) if name.startswith("t") else value
            for name, value in found.groupdict().items()
        ]
        return _fill(template, parts)
    return None


def service_message(text: str) -> str:
    """The service's message in the UI language when we know it, else verbatim.

    A known message followed by details (``" (…)"``) keeps the details as written.
    """
    translated = _translate(text)
    if translated != text:
        return translated
    patterned = _patterned(text)
    if patterned is not None:
        return patterned
    for known in SERVICE_MESSAGES:
        if text.startswith(known + " "):
            return _translate(known) + " " + service_message(text[len(known) + 1 :])
    return text
