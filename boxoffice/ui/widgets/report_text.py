"""Report wording in the UI language, for reports shown on screen.

The report builders (``boxoffice.reports``) write English: their PDF and CSV
are the venue's record and stay as built. On screen, a text with names or
figures in it comes as a ``Phrase`` (its message code and parameters) and is
rendered from the message catalogue; ``Lines`` are rendered line by line; the
fixed words of a report (titles, columns, row labels) are looked up here by
their exact text; anything else (a terminal's name, a scheme) is shown as it is.
"""

from __future__ import annotations

from boxoffice.ops.cash import Lines, Phrase
from boxoffice.ui.common.error_text import ui_language
from boxoffice.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

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


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def report_text(text: str) -> str:
    """``text`` in the UI language: a phrase by its code, a fixed text by lookup, else as is."""
    if isinstance(text, Phrase):
        return text.text(ui_language())
    if isinstance(text, Lines):
        return "\n".join(report_text(line) for line in text.lines)
    if not text:
        return text
    if text.startswith("! "):  # a flagged row keeps its flag
        return "! " + report_text(text[2:])
    return _tr(text)
