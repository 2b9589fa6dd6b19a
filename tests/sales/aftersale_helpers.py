"""Running the after-sale ops (``boxoffice.ops.aftersale``) against a test world."""

from __future__ import annotations

from boxoffice.context import TerminalContext
from tests.sales.conftest import TERMINAL, World


def ctx_of(world: World) -> TerminalContext:
    """The terminal context the ops run in: this world's store, signer and clock."""
    ctx = TerminalContext(store=world.store, terminal=TERMINAL, clock=lambda: world.now)
    ctx.cache["signer"] = world.signer
    return ctx
