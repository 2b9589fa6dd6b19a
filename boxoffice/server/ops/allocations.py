"""Allocations given back by a terminal (``allocation_release``), in sequence with its sales."""

from __future__ import annotations

from boxoffice.protocol.operations import ReleaseBody
from boxoffice.server import inventory
from boxoffice.server.models import Allocation
from boxoffice.server.ops.handler import Ctx, Outcome, Rejected, parse


def allocation_release(ctx: Ctx) -> Outcome:
    body = parse(ReleaseBody, ctx.op.body)
    alloc = ctx.session.get(Allocation, body.allocation_id)
    if alloc is None or alloc.terminal_id != ctx.terminal.id:
        raise Rejected(
            "unknown_allocation", f"allocation {body.allocation_id} is not this terminal's"
        )
    if alloc.state != "active":
        return Outcome(
            "applied",
            result={
                "allocation_id": alloc.id,
                "state": alloc.state,
                "seats_freed": [],
                "quantity_returned": 0,
            },
        )
    out = inventory.give_back_allocation(
        ctx.session, alloc, body.seat_ids, body.quantity, "released", ctx.now
    )
    return Outcome("applied", result={"allocation_id": alloc.id, **out})
