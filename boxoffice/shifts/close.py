"""Counting and closing a shift; X and Z reports.

The close is in two steps so the count is blind: ``count_cash`` stores what
the clerk counted and answers only with that; the expected figure and the
variance appear in ``close_shift``'s Z report, after the count is on record.
A recount after that needs a supervisor (else a clerk could count until the
variance vanishes).

The Z report is canonical JSON, hashed with SHA-256; the hash goes into the
audit chain and the row can never be updated (database triggers refuse it),
nor can the shift be reopened.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import has_permission, require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.shifts import approvals, cards, denominations, limits
from boxoffice.shifts.approvals import VarianceNeedsSignoff
from boxoffice.shifts.business_day import report_timezone
from boxoffice.shifts.denominations import Count
from boxoffice.shifts.drawer import get_shift
from boxoffice.shifts.figures import ShiftFigures, compute
from boxoffice.store import outbox
from boxoffice.store.models import (
    CountPurpose,
    Override,
    Shift,
    ShiftCount,
    ShiftStatus,
    User,
    ZReport,
)


@dataclass(frozen=True)
class CountReceipt:
    """What the clerk counted, and nothing about what was expected."""

    shift_id: int
    counted: dict[str, int]  # currency → minor units


def _may_handle(session: Session, actor: Actor, shift: Shift, now: datetime) -> None:
    require(session, actor, Permission.SHIFT_CLOSE, now=now)
    if shift.username != actor.username or shift.terminal != actor.terminal:
        # Closing someone else's drawer is a supervisor's job.
        require(session, actor, Permission.REPORT_Z, subject=f"shift:{shift.id}", now=now)


def count_cash(
    session: Session,
    actor: Actor,
    shift_id: int,
    count: Count,
    *,
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> CountReceipt:
    """Store the blind count of the drawer by denomination."""
    now = now or utc_now()
    shift = get_shift(session, shift_id)
    _may_handle(session, actor, shift, now)
    if shift.status != ShiftStatus.OPEN:
        raise ValidationError("shift_closed_count_final", shift=shift.id)
    counted = denominations.validate(count)
    if shift.counted_at is not None:
        approvals.require(
            session,
            actor,
            Permission.VARIANCE_SIGNOFF,
            subject=f"shift:{shift.id}",
            overrides=overrides,
            now=now,
        )
        session.execute(
            delete(ShiftCount).where(
                ShiftCount.shift_id == shift.id, ShiftCount.purpose == CountPurpose.CLOSE
            )
        )
    for currency, lines in counted.items():
        for denomination, quantity in sorted(lines.items(), reverse=True):
            session.add(
                ShiftCount(
                    shift_id=shift.id,
                    purpose=CountPurpose.CLOSE,
                    currency=currency,
                    denomination_minor=denomination,
                    quantity=quantity,
                    counted_at=now,
                )
            )
    totals = denominations.totals(counted)
    audit.record(
        session,
        actor,
        "shift.count" if shift.counted_at is None else "shift.recount",
        f"shift:{shift.id}",
        {"counted": totals},
        at=now,
    )
    shift.counted_at = now
    session.flush()
    return CountReceipt(shift.id, totals)


def stored_count(session: Session, shift_id: int) -> dict[str, dict[int, int]]:
    """The stored blind count: currency → denomination → quantity."""
    out: dict[str, dict[int, int]] = {}
    for row in session.scalars(
        select(ShiftCount).where(
            ShiftCount.shift_id == shift_id, ShiftCount.purpose == CountPurpose.CLOSE
        )
    ):
        out.setdefault(row.currency, {})[row.denomination_minor] = row.quantity
    return out


def canonical(content: Mapping[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(content_json: str) -> str:
    return hashlib.sha256(content_json.encode()).hexdigest()


def _venue_zone(session: Session) -> str:
    """The zone the printout shows times in; a bad setting must not stop a close."""
    try:
        return report_timezone(session).key
    except ValidationError:
        return "UTC"


def report_content(
    session: Session,
    figures: ShiftFigures,
    *,
    kind: str,
    counted: Mapping[str, Mapping[int, int]] | None = None,
    vouchers_counted: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """The X or Z report as plain data: figures, reconciliation, expected vs counted."""
    content: dict[str, Any] = {"kind": kind, **figures.as_dict()}
    content["timezone"] = _venue_zone(session)
    recon = cards.reconcile(session, figures)
    content["card_reconciliation"] = [r.as_dict() for r in recon]
    content["card_mismatch"] = any(r.mismatch for r in recon)
    if counted is None:
        return content
    count_totals = denominations.totals(counted)
    currencies = sorted(set(figures.cash) | set(count_totals))
    lines = []
    for cur in currencies:
        expected = figures.expected("cash", cur)
        lines.append(_line("cash", cur, expected, count_totals.get(cur, 0)))
    card_currencies = {t.currency for t in figures.tenders if t.tender == "card"}
    card_currencies |= {r.currency for r in recon}
    for cur in sorted(card_currencies):
        batch = [r.batch for r in recon if r.currency == cur]
        got = None if any(b is None for b in batch) or not batch else sum(batch)  # type: ignore[arg-type]
        lines.append(_line("card", cur, figures.expected("card", cur), got))
    voucher_currencies = {t.currency for t in figures.tenders if t.tender == "voucher"}
    voucher_currencies |= set(vouchers_counted or {})
    for cur in sorted(voucher_currencies):
        got = (vouchers_counted or {}).get(cur)
        lines.append(_line("voucher", cur, figures.expected("voucher", cur), got))
    content["reconciliation"] = lines
    content["count"] = {
        cur: {str(d): q for d, q in sorted(v.items(), reverse=True)}
        for cur, v in sorted(counted.items())
    }
    return content


def over_threshold(session: Session, reconciliation: Sequence[Mapping[str, Any]]) -> list[Any]:
    """The reconciliation lines whose variance (either way) needs a supervisor's sign-off."""
    return [
        line
        for line in reconciliation
        if line["variance"] is not None
        and abs(line["variance"]) > limits.variance_threshold(session, line["currency"]).minor
    ]


def _line(tender: str, currency: str, expected: int, counted: int | None) -> dict[str, Any]:
    return {
        "tender": tender,
        "currency": currency,
        "expected": expected,
        "counted": counted,
        "variance": None if counted is None else counted - expected,
    }


def x_report(
    session: Session, actor: Actor, shift_id: int, *, now: datetime | None = None
) -> dict[str, Any]:
    """The running figures of an open shift; nothing is stored or closed."""
    now = now or utc_now()
    require(session, actor, Permission.REPORT_X, subject=f"shift:{shift_id}", now=now)
    shift = get_shift(session, shift_id)
    if shift.status != ShiftStatus.OPEN:
        raise ValidationError("shift_closed_x_report", shift=shift.id)
    audit.record(session, actor, "report.x", f"shift:{shift.id}", {}, at=now)
    return report_content(session, compute(session, shift, now), kind="X")


def close_shift(
    session: Session,
    actor: Actor,
    shift_id: int,
    *,
    signoff_reason: str = "",
    overrides: Sequence[Override] = (),
    vouchers_counted: Mapping[str, int] | None = None,
    offline: bool = False,
    now: datetime | None = None,
) -> ZReport:
    """Close the shift after its blind count; returns the stored Z report.

    A variance above the threshold (in any currency, either way) needs
    ``variance_signoff`` (the supervisor's role, or their override) and a
    reason. ``offline=True`` marks a close made without the central server;
    the Z report carries how many operations still wait to be sent.
    """
    now = now or utc_now()
    shift = get_shift(session, shift_id)
    _may_handle(session, actor, shift, now)
    if shift.status != ShiftStatus.OPEN:
        raise ValidationError("shift_already_closed", shift=shift.id)
    if shift.counted_at is None:
        raise ValidationError("shift_count_first")
    for cur, amount in (vouchers_counted or {}).items():
        Money(amount, cur)
        if amount < 0:
            raise ValidationError("shift_voucher_count_negative")
    counted = stored_count(session, shift.id)
    figures = compute(session, shift, now)
    content = report_content(
        session, figures, kind="Z", counted=counted, vouchers_counted=vouchers_counted
    )
    over = over_threshold(session, content["reconciliation"])
    signoff = None
    if over:
        if not signoff_reason.strip():
            worst = max(over, key=lambda line: abs(line["variance"]))
            raise VarianceNeedsSignoff(
                subject=f"shift:{shift.id}",
                tender=worst["tender"],
                variance=Money(worst["variance"], worst["currency"]),
            )
        approvals.require(
            session,
            actor,
            Permission.VARIANCE_SIGNOFF,
            subject=f"shift:{shift.id}",
            overrides=overrides,
            now=now,
        )
        signoff = {"by": actor.username, "reason": signoff_reason.strip()}
        used = [o for o in overrides if o.permission == Permission.VARIANCE_SIGNOFF.value]
        if used and not has_permission(session, actor, Permission.VARIANCE_SIGNOFF, now=now):
            # The supervisor who typed their PIN signed it off, for the clerk who closed.
            supervisor = session.get(User, used[0].supervisor_id)
            signoff = {
                "by": supervisor.username if supervisor else f"user {used[0].supervisor_id}",
                "reason": signoff_reason.strip(),
                "for": actor.username,
                "supervisor_override": used[0].id,
            }
    number = (
        session.scalar(select(func.max(ZReport.number)).where(ZReport.terminal == shift.terminal))
        or 0
    ) + 1
    content.update(
        number=number,
        closed_at=now.isoformat(),
        closed_by=actor.username,
        signoff=signoff,
        offline=offline,
        unsynced_operations=outbox.waiting(session),
    )
    body = canonical(content)
    sha = digest(body)
    shift.status = ShiftStatus.CLOSED
    shift.closed_at = now
    shift.closed_by = actor.username
    shift.z_number = number
    report = ZReport(
        shift_id=shift.id,
        terminal=shift.terminal,
        number=number,
        content=body,
        sha256=sha,
        created_at=now,
    )
    session.add(report)
    audit.record(
        session,
        actor,
        "shift.close",
        f"shift:{shift.id}",
        {
            "z_number": number,
            "sha256": sha,
            "variances": {
                f"{line['tender']}:{line['currency']}": line["variance"]
                for line in content["reconciliation"]
            },
            "signoff": signoff,
        },
        at=now,
    )
    outbox.enqueue(session, "z_report", content, key=f"z:{shift.terminal}:{number}", now=now)
    session.flush()
    return report


def z_report(
    session: Session, *, shift_id: int | None = None, terminal: str = "", number: int = 0
) -> ZReport:
    """A stored Z report, by shift or by terminal and number."""
    if shift_id is not None:
        row = session.scalar(select(ZReport).where(ZReport.shift_id == shift_id))
        if row is None:
            raise NotFound("z_report_not_found_for_shift", shift=shift_id)
        return row
    row = session.scalar(
        select(ZReport).where(ZReport.terminal == terminal, ZReport.number == number)
    )
    if row is None:
        raise NotFound("z_report_not_found", number=number, terminal=terminal)
    return row


def verify(session: Session, report: ZReport) -> bool:
    """Whether the stored content still hashes to what the audit chain recorded."""
    if digest(report.content) != report.sha256:
        return False
    entries = audit.entries(session, "shift.close")
    recorded = [
        json.loads(e.details).get("sha256")
        for e in entries
        if e.subject == f"shift:{report.shift_id}"
    ]
    return recorded == [report.sha256]


def content_of(report: ZReport) -> dict[str, Any]:
    return json.loads(report.content)
