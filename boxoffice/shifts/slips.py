"""Who may print a Z report's slip, and the audit entry that records it.

A Z slip is a print of a report that is already signed and stored, so
printing it is a supervisor's job (``report_z``), with one exception: the
clerk whose shift it is may print it for ``OWN_SLIP_WINDOW`` after the close
(the slip that goes into the cash bag with the count, or again if that one
jammed). Every Z slip is audited (``report.z_slip``) before it is queued, and
a report whose stored content no longer hashes to what the audit chain holds
is never printed as if it were the signed one.

Printing itself (the receipt printer, its queue, the print log) is the
device layer's; ``ops.cash.print_z_slip`` puts the two together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.permissions import Permission
from boxoffice.errors import NotFound, ValidationError
from boxoffice.shifts import approvals, close
from boxoffice.store.models import Override, Shift, ZReport

#: How long after the close the clerk may print their own Z slip without a supervisor.
OWN_SLIP_WINDOW = timedelta(minutes=15)


def find_z_report(
    session: Session, *, z_report_id: int | None = None, terminal: str = "", number: int = 0
) -> ZReport:
    """A stored Z report by id, or by terminal and number."""
    if z_report_id is not None:
        row = session.get(ZReport, z_report_id)
        if row is None:
            raise NotFound("z_report_id_not_found", z_report=z_report_id)
        return row
    if not terminal or number < 1:
        raise ValidationError("z_report_unnamed")
    return close.z_report(session, terminal=terminal, number=number)


def _own_fresh(shift: Shift, z: ZReport, actor: Actor, now: datetime) -> bool:
    own = shift.username == actor.username and shift.terminal == actor.terminal
    return own and timedelta(0) <= now - z.created_at <= OWN_SLIP_WINDOW


def record_z_slip(
    session: Session,
    actor: Actor,
    z: ZReport,
    *,
    printer: str,
    reprint: bool,
    overrides: Sequence[Override] = (),
    now: datetime,
) -> bool:
    """Check that ``actor`` may print a slip of ``z`` now, and audit it; returns "own shift".

    Refuses (``NeedsOverride`` for ``report_z``, or the hash mismatch) before
    anything is recorded.
    """
    shift = session.get(Shift, z.shift_id)
    if shift is None:  # pragma: no cover - the foreign key forbids it
        raise NotFound("shift_missing_for_z", number=z.number, terminal=z.terminal)
    own = _own_fresh(shift, z, actor, now)
    if not own:
        approvals.require(
            session,
            actor,
            Permission.REPORT_Z,
            subject=f"shift:{shift.id}",
            overrides=overrides,
            now=now,
        )
    if not close.verify(session, z):
        raise ValidationError("z_report_hash_mismatch", number=z.number, terminal=z.terminal)
    audit.record(
        session,
        actor,
        "report.z_slip",
        f"shift:{shift.id}",
        {
            "terminal": z.terminal,
            "z_number": z.number,
            "sha256": z.sha256,
            "printer": printer,
            "reprint": reprint,
            "own_shift": own,
        },
        at=now,
    )
    return own


def z_reports_between(
    session: Session, terminal: str, start: datetime, end: datetime
) -> list[ZReport]:
    """The Z reports closed at ``terminal`` in [start, end), by number."""
    return list(
        session.scalars(
            select(ZReport)
            .where(
                ZReport.terminal == terminal,
                ZReport.created_at >= start,
                ZReport.created_at < end,
            )
            .order_by(ZReport.number)
        )
    )
