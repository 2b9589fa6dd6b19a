"""Report wording in the UI language, for reports shown on screen.

The report builders (``boxoffice.reports``) write English: their PDF and CSV
are the venue's record and stay as built. On screen, the fixed words of a
report (titles, columns, row labels, banners) are looked up here; anything
not known (a terminal's name, a scheme) is shown as it is.
"""

from __future__ import annotations

from boxoffice.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication
from boxoffice.ui.text_patterns import fill, pattern

CONTEXT = "ReportText"

#: Every fixed text of the Z/X and day-end reports (``reports.zx``, ``reports.day_end``).
KNOWN = (
    # titles, meta, banners
    QT_TRANSLATE_NOOP("ReportText", "Day end"),
    QT_TRANSLATE_NOOP("ReportText", "Terminal"),
    QT_TRANSLATE_NOOP("ReportText", "Clerk"),
    QT_TRANSLATE_NOOP("ReportText", "Shift"),
    QT_TRANSLATE_NOOP("ReportText", "Opened"),
    QT_TRANSLATE_NOOP("ReportText", "Time zone"),
    QT_TRANSLATE_NOOP("ReportText", "Closed"),
    QT_TRANSLATE_NOOP("ReportText", "Closed by"),
    QT_TRANSLATE_NOOP("ReportText", "Z number"),
    QT_TRANSLATE_NOOP("ReportText", "Unsynced operations"),
    QT_TRANSLATE_NOOP("ReportText", "Variance signed off"),
    QT_TRANSLATE_NOOP("ReportText", "SHA-256"),
    QT_TRANSLATE_NOOP("ReportText", "As of"),
    QT_TRANSLATE_NOOP(
        "ReportText", "X report: running figures. The shift stays open; nothing is reset."
    ),
    QT_TRANSLATE_NOOP(
        "ReportText",
        "LOCAL FIGURES ONLY: what this terminal's store holds. Other terminals' "
        "figures come from the central server.",
    ),
    QT_TRANSLATE_NOOP("ReportText", "Business day"),
    QT_TRANSLATE_NOOP("ReportText", "Shifts still open"),
    # sections and notes
    QT_TRANSLATE_NOOP("ReportText", "Expected and counted"),
    QT_TRANSLATE_NOOP("ReportText", "Cash drawer"),
    QT_TRANSLATE_NOOP("ReportText", "Takings by tender"),
    QT_TRANSLATE_NOOP("ReportText", "Card reconciliation"),
    QT_TRANSLATE_NOOP("ReportText", "Counted by denomination"),
    QT_TRANSLATE_NOOP("ReportText", "Activity"),
    QT_TRANSLATE_NOOP("ReportText", "Terminals"),
    QT_TRANSLATE_NOOP("ReportText", "Venue totals"),
    QT_TRANSLATE_NOOP("ReportText", "Cash drawers"),
    QT_TRANSLATE_NOOP("ReportText", "Z reports"),
    QT_TRANSLATE_NOOP("ReportText", "Sign-offs and flags"),
    QT_TRANSLATE_NOOP(
        "ReportText",
        "source: 'server' = from the central server; 'local' = this store only; "
        "'local+server' = this store, checked against the server's copy.",
    ),
    QT_TRANSLATE_NOOP(
        "ReportText", "Closed shifts only. – : not counted (no batch total entered)."
    ),
    QT_TRANSLATE_NOOP(
        "ReportText",
        "Summed over the day's Z reports: float + sales − refunds − drops ± pay-ins/outs.",
    ),
    QT_TRANSLATE_NOOP(
        "ReportText", "– : nothing counted (electronic tender, or no batch total entered)."
    ),
    QT_TRANSLATE_NOOP(
        "ReportText", "Expected = float + cash sales − refunds − drops + pay-ins − pay-outs."
    ),
    # columns
    QT_TRANSLATE_NOOP("ReportText", "tender"),
    QT_TRANSLATE_NOOP("ReportText", "currency"),
    QT_TRANSLATE_NOOP("ReportText", "expected"),
    QT_TRANSLATE_NOOP("ReportText", "counted"),
    QT_TRANSLATE_NOOP("ReportText", "variance"),
    QT_TRANSLATE_NOOP("ReportText", "line"),
    QT_TRANSLATE_NOOP("ReportText", "amount"),
    QT_TRANSLATE_NOOP("ReportText", "payments"),
    QT_TRANSLATE_NOOP("ReportText", "taken"),
    QT_TRANSLATE_NOOP("ReportText", "refunds"),
    QT_TRANSLATE_NOOP("ReportText", "given back"),
    QT_TRANSLATE_NOOP("ReportText", "net"),
    QT_TRANSLATE_NOOP("ReportText", "scheme"),
    QT_TRANSLATE_NOOP("ReportText", "shift"),
    QT_TRANSLATE_NOOP("ReportText", "shift count"),
    QT_TRANSLATE_NOOP("ReportText", "batch"),
    QT_TRANSLATE_NOOP("ReportText", "difference"),
    QT_TRANSLATE_NOOP("ReportText", "status"),
    QT_TRANSLATE_NOOP("ReportText", "denomination"),
    QT_TRANSLATE_NOOP("ReportText", "quantity"),
    QT_TRANSLATE_NOOP("ReportText", "value"),
    QT_TRANSLATE_NOOP("ReportText", "item"),
    QT_TRANSLATE_NOOP("ReportText", "count"),
    QT_TRANSLATE_NOOP("ReportText", "terminal"),
    QT_TRANSLATE_NOOP("ReportText", "source"),
    QT_TRANSLATE_NOOP("ReportText", "Z reports"),
    QT_TRANSLATE_NOOP("ReportText", "open shifts"),
    QT_TRANSLATE_NOOP("ReportText", "unsynced operations"),
    QT_TRANSLATE_NOOP("ReportText", "last contact"),
    QT_TRANSLATE_NOOP("ReportText", "Z"),
    QT_TRANSLATE_NOOP("ReportText", "clerk"),
    QT_TRANSLATE_NOOP("ReportText", "closed"),
    QT_TRANSLATE_NOOP("ReportText", "opened"),
    QT_TRANSLATE_NOOP("ReportText", "running cash"),
    QT_TRANSLATE_NOOP("ReportText", "flag"),
    QT_TRANSLATE_NOOP("ReportText", "detail"),
    # row labels and values
    QT_TRANSLATE_NOOP("ReportText", "Opening float"),
    QT_TRANSLATE_NOOP("ReportText", "Cash sales"),
    QT_TRANSLATE_NOOP("ReportText", "Cash refunds"),
    QT_TRANSLATE_NOOP("ReportText", "Drops to the safe"),
    QT_TRANSLATE_NOOP("ReportText", "Pay-ins"),
    QT_TRANSLATE_NOOP("ReportText", "Pay-outs"),
    QT_TRANSLATE_NOOP("ReportText", "Expected in drawer"),
    QT_TRANSLATE_NOOP("ReportText", "cash"),
    QT_TRANSLATE_NOOP("ReportText", "card"),
    QT_TRANSLATE_NOOP("ReportText", "voucher"),
    QT_TRANSLATE_NOOP("ReportText", "complimentary"),
    QT_TRANSLATE_NOOP("ReportText", "exchange credit"),
    QT_TRANSLATE_NOOP("ReportText", "Expected in drawers"),
    QT_TRANSLATE_NOOP("ReportText", "local+server"),
    QT_TRANSLATE_NOOP("ReportText", "this store"),
    QT_TRANSLATE_NOOP("ReportText", "not known here"),
    QT_TRANSLATE_NOOP("ReportText", "variance signed off"),
    QT_TRANSLATE_NOOP("ReportText", "card batch mismatch"),
    QT_TRANSLATE_NOOP("ReportText", "see its Z report"),
    QT_TRANSLATE_NOOP("ReportText", "closed offline"),
    QT_TRANSLATE_NOOP("ReportText", "copies differ"),
    QT_TRANSLATE_NOOP("ReportText", "this store's copy is shown"),
    QT_TRANSLATE_NOOP("ReportText", "ok"),
    QT_TRANSLATE_NOOP("ReportText", "mismatch"),
    QT_TRANSLATE_NOOP("ReportText", "no batch total"),
    QT_TRANSLATE_NOOP("ReportText", "local"),
    QT_TRANSLATE_NOOP("ReportText", "server"),
    # order and ticket states in the activity section
    QT_TRANSLATE_NOOP("ReportText", "pending"),
    QT_TRANSLATE_NOOP("ReportText", "reserved"),
    QT_TRANSLATE_NOOP("ReportText", "paid"),
    QT_TRANSLATE_NOOP("ReportText", "cancelled"),
    QT_TRANSLATE_NOOP("ReportText", "expired"),
    QT_TRANSLATE_NOOP("ReportText", "voided"),
    QT_TRANSLATE_NOOP("ReportText", "valid"),
    QT_TRANSLATE_NOOP("ReportText", "refunded"),
    QT_TRANSLATE_NOOP("ReportText", "exchanged"),
)

#: Texts with a variable part: the pattern, the template with %1, %2 …, which groups are words.
PATTERNS = (
    pattern(
        r"Z report (\d+) — (.+)",
        QT_TRANSLATE_NOOP("ReportText", "Z report %1 — %2"),
    ),
    pattern(
        r"X report \(running, not closed\) — (.+)",
        QT_TRANSLATE_NOOP("ReportText", "X report (running, not closed) — %1"),
    ),
    pattern(
        r"shift (\d+) · clerk (.+)",
        QT_TRANSLATE_NOOP("ReportText", "shift %1 · clerk %2"),
    ),
    pattern(
        r"(\S+ \(.+\)) · this terminal's figures only",
        QT_TRANSLATE_NOOP("ReportText", "%1 · this terminal's figures only"),
    ),
    pattern(
        r"(\S+ \(.+\)) · every terminal, server figures as of (.+)",
        QT_TRANSLATE_NOOP("ReportText", "%1 · every terminal, server figures as of %2"),
    ),
    pattern(
        r"The server's figures are missing: (.+)",
        QT_TRANSLATE_NOOP("ReportText", "The server's figures are missing: %1"),
    ),
    pattern(
        r"PARTIAL: (.+) not known to the central server; "
        r"their figures are this store's only\.",
        QT_TRANSLATE_NOOP(
            "ReportText",
            "PARTIAL: %1 not known to the central server; their figures are this store's only.",
        ),
    ),
    pattern(
        r"INCOMPLETE: (\d+) shift\(s\) still open: (.+)",
        QT_TRANSLATE_NOOP("ReportText", "INCOMPLETE: %1 shift(s) still open: %2"),
    ),
    pattern(
        r"MISMATCH: (.+) differ\(s\) between this terminal and the server; "
        r"check both copies before signing off\.",
        QT_TRANSLATE_NOOP(
            "ReportText",
            "MISMATCH: %1 differ(s) between this terminal and the server; "
            "check both copies before signing off.",
        ),
    ),
    pattern(
        r"(\d+) operations not yet sent then",
        QT_TRANSLATE_NOOP("ReportText", "%1 operations not yet sent then"),
    ),
    pattern(
        r"(.+) \(revoked\)",
        QT_TRANSLATE_NOOP("ReportText", "%1 (revoked)"),
    ),
    pattern(
        r"Closed offline: (\d+) operations had not reached the central server yet\.",
        QT_TRANSLATE_NOOP(
            "ReportText", "Closed offline: %1 operations had not reached the central server yet."
        ),
    ),
    pattern(
        # A shift still open in this store that was opened under the terminal's old name.
        r"(.+) \(opened as (.+)\)",
        QT_TRANSLATE_NOOP("ReportText", "%1 (opened as %2)"),
    ),
    pattern(
        r"orders (\w+)",
        QT_TRANSLATE_NOOP("ReportText", "orders %1"),
        True,
    ),
    pattern(
        r"tickets (\w+)",
        QT_TRANSLATE_NOOP("ReportText", "tickets %1"),
        True,
    ),
    pattern(
        r"sales total ([A-Z]{3})",
        QT_TRANSLATE_NOOP("ReportText", "sales total %1"),
    ),
    pattern(
        r"discounts given ([A-Z]{3})",
        QT_TRANSLATE_NOOP("ReportText", "discounts given %1"),
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def report_text(text: str) -> str:
    """``text`` in the UI language if it is one of the reports' fixed texts, else as is."""
    if not text:
        return text
    if text.startswith("! "):  # a flagged row keeps its flag
        return "! " + report_text(text[2:])
    translated = _tr(text)
    if translated != text:
        return translated
    patterned = fill(text, PATTERNS, _tr, _tr)
    return text if patterned is None else patterned
