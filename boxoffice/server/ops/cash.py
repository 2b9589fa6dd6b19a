"""Shifts and cash: openings, closings (with their Z reports) and cash movements, as facts.

A ``z_report`` is checked against the protocol's Z report when it arrives,
because the day end hands it out later as it is.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from boxoffice.protocol.day_end import ZReport
from boxoffice.protocol.operations import CashBody, ShiftBody
from boxoffice.server.models import CashRecord, ShiftRecord
from boxoffice.server.ops.handler import Ctx, Outcome, parse


def shift_open(ctx: Ctx) -> Outcome:
    body = parse(ShiftBody, ctx.op.body)
    s = ctx.session
    row = s.scalar(
        select(ShiftRecord).where(
            ShiftRecord.terminal_id == ctx.terminal.id, ShiftRecord.shift == str(body.shift)
        )
    )
    if row is None:
        s.add(
            ShiftRecord(
                terminal_id=ctx.terminal.id,
                shift=str(body.shift),
                opened_at=body.opened_at or ctx.op.client_time,
                body=json.dumps(ctx.op.body, default=str),
            )
        )
    return Outcome("applied", result={"shift": str(body.shift), "state": "open"})


def shift_close(ctx: Ctx) -> Outcome:
    body = parse(ShiftBody, ctx.op.body)
    if ctx.op.kind == "z_report":  # the day end hands these out as they are: check them now
        parse(ZReport, ctx.op.body)
    s = ctx.session
    row = s.scalar(
        select(ShiftRecord).where(
            ShiftRecord.terminal_id == ctx.terminal.id, ShiftRecord.shift == str(body.shift)
        )
    )
    if row is None:  # closed before its opening reached the server (or never sent one)
        row = ShiftRecord(
            terminal_id=ctx.terminal.id, shift=str(body.shift), opened_at=body.opened_at, body="{}"
        )
        s.add(row)
    row.closed_at = body.closed_at or ctx.op.client_time
    row.body = json.dumps({"open": json.loads(row.body or "{}"), "close": ctx.op.body}, default=str)
    return Outcome("applied", result={"shift": str(body.shift), "state": "closed"})


def cash_movement(ctx: Ctx) -> Outcome:
    body = parse(CashBody, ctx.op.body)
    ctx.session.add(
        CashRecord(
            terminal_id=ctx.terminal.id,
            shift=str(body.shift) if body.shift is not None else None,
            kind=body.kind,
            amount_minor=body.amount,
            currency=body.currency,
            reason=body.reason,
            client_time=ctx.op.client_time,
        )
    )
    return Outcome("applied", result={"kind": body.kind, "amount": body.amount})
