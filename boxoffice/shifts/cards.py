"""Card reconciliation: the shift's card takings per scheme against the terminal's batch.

The batch totals come from the card terminal's end-of-day printout (keyed in
by hand) or from an integrated terminal's end-of-day result, handed in as a
plain dict. A scheme whose totals differ is flagged on the Z report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.money import Money, exponent
from boxoffice.shifts.drawer import get_shift
from boxoffice.shifts.figures import ShiftFigures
from boxoffice.store.models import CardBatchTotal, ShiftStatus


@dataclass(frozen=True)
class BatchLine:
    scheme: str
    amount: Money
    count: int | None = None


@dataclass(frozen=True)
class SchemeReconciliation:
    scheme: str
    currency: str
    shift_net: int
    shift_count: int
    batch: int | None  # None: no batch total entered for this scheme
    batch_count: int | None

    @property
    def difference(self) -> int | None:
        return None if self.batch is None else self.batch - self.shift_net

    @property
    def mismatch(self) -> bool:
        """Flagged when the batch differs, or a scheme is on one side only."""
        return (
            self.batch is None
            or self.batch != self.shift_net
            or (self.batch_count is not None and self.batch_count != self.shift_count)
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "scheme": self.scheme,
            "currency": self.currency,
            "shift": self.shift_net,
            "shift_count": self.shift_count,
            "batch": self.batch,
            "batch_count": self.batch_count,
            "difference": self.difference,
            "mismatch": self.mismatch,
        }


def parse_terminal_result(result: Mapping[str, Any]) -> list[BatchLine]:
    """Read an integrated terminal's end-of-day result.

    Expected shape: ``{"currency": "EUR", "schemes": {"VISA": {"count": 12,
    "amount_minor": 45600}, ...}}``; anything else is refused by name.
    """
    if not isinstance(result, Mapping):
        raise ValidationError("card_batch_not_mapping")
    currency = result.get("currency")
    if not isinstance(currency, str):
        raise ValidationError("card_batch_no_currency")
    exponent(currency)
    schemes = result.get("schemes")
    if not isinstance(schemes, Mapping) or not schemes:
        raise ValidationError("card_batch_no_schemes")
    lines = []
    for scheme, totals in schemes.items():
        if not isinstance(scheme, str) or not scheme.strip():
            raise ValidationError("card_batch_bad_scheme", scheme=scheme)
        if not isinstance(totals, Mapping):
            raise ValidationError("card_batch_totals_not_mapping", scheme=scheme)
        amount, count = totals.get("amount_minor"), totals.get("count")
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise ValidationError("card_batch_amount_not_whole", scheme=scheme)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValidationError("card_batch_count_not_whole", scheme=scheme)
        lines.append(BatchLine(scheme.strip().upper(), Money(amount, currency), count))
    return lines


def enter_batch(
    session: Session,
    actor: Actor,
    shift_id: int,
    lines: list[BatchLine],
    *,
    source: str = "manual",
    now: datetime | None = None,
) -> None:
    """Record the terminal's batch totals for the shift (replacing earlier ones)."""
    now = now or utc_now()
    require(session, actor, Permission.SHIFT_CLOSE, now=now)
    if source not in ("manual", "terminal"):
        raise ValidationError("card_batch_bad_source")
    shift = get_shift(session, shift_id)
    if shift.status != ShiftStatus.OPEN:
        raise ValidationError("shift_closed_reconciliation_final", shift=shift.id)
    seen = set()
    for line in lines:
        key = (line.scheme.strip().upper(), line.amount.currency)
        if not key[0]:
            raise ValidationError("card_batch_scheme_needed")
        if key in seen:
            raise ValidationError("card_batch_scheme_twice", scheme=key[0])
        seen.add(key)
    session.execute(delete(CardBatchTotal).where(CardBatchTotal.shift_id == shift.id))
    for line in lines:
        session.add(
            CardBatchTotal(
                shift_id=shift.id,
                scheme=line.scheme.strip().upper(),
                currency=line.amount.currency,
                amount_minor=line.amount.minor,
                count=line.count,
                source=source,
                entered_at=now,
            )
        )
    audit.record(
        session,
        actor,
        "shift.card_batch",
        f"shift:{shift.id}",
        {
            "source": source,
            "totals": [
                [line.scheme.upper(), line.amount.currency, line.amount.minor, line.count]
                for line in lines
            ],
        },
        at=now,
    )
    session.flush()


def reconcile(session: Session, figures: ShiftFigures) -> list[SchemeReconciliation]:
    """Scheme by scheme: the shift's net card takings against the batch, if entered."""
    batch = {
        (b.scheme, b.currency): b
        for b in session.scalars(
            select(CardBatchTotal).where(CardBatchTotal.shift_id == figures.shift_id)
        )
    }
    ours = {(s.scheme.upper(), s.currency): s for s in figures.schemes}
    out = []
    for key in sorted(set(batch) | set(ours)):
        mine, theirs = ours.get(key), batch.get(key)
        out.append(
            SchemeReconciliation(
                key[0],
                key[1],
                mine.net if mine else 0,
                mine.count if mine else 0,
                theirs.amount_minor if theirs else None,
                theirs.count if theirs else None,
            )
        )
    return out
