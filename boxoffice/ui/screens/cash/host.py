"""What a Cash page may ask of the screen that holds it: the ``CashHost`` protocol.

The pages (drawer, close, X report, day end) and the slip printing are given
an object with these few services, not the screen class: running one step on
the store worker, asking a yes/no question or a supervisor's approval, and
reading the desk the screen loaded. What they *tell* the screen (a line for
the clerk, "my report changed", "reload the drawers") they emit as signals
(``events.PageEvents``). They import only these modules, so no page imports
the screen (no import cycle), and a test can hand a page any object that
does these things.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.ops.cash import CashDesk, DrawerState, Permission
    from boxoffice.ui.common.bus_adapter import BusAdapter
    from boxoffice.ui.common.workers import StoreWorker
    from boxoffice.ui.screens.cash.jobs import Job


class CashHost(Protocol):
    #: The signed-in user the ops run for.
    actor: Actor
    #: The drawers and rights last loaded (None until the first load).
    desk: CashDesk | None
    worker: StoreWorker
    #: The terminal's change-sets on the UI thread (the shell's ``BusAdapter``).
    changes: BusAdapter

    def run(
        self,
        job: Job,
        done: Callable[[Any], None],
        *,
        busy: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run one step on the store worker; False when another step is still running."""

    def wait_for(
        self,
        start: Callable[[], Future[Any]],
        done: Callable[[Any], None],
        *,
        busy: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Like ``run`` for device work (``start()`` returns a device thread's Future)."""

    def watch(self, future: Future[Any], callback: Callable[[Future[Any]], None]) -> None:
        """Call ``callback(future)`` on the UI thread once ``future`` is done."""

    def selected_shift(self) -> DrawerState | None:
        """The shift the Close and X tabs work on."""

    def fail(self, error: BaseException) -> None:
        """Show a refusal (by its code, in the UI language) or an unexpected error."""

    def error_text(self, error: BaseException) -> str:
        """A refusal in the UI language."""

    def ask(self, question: str, yes_text: str, on_yes: Callable[[], None]) -> None:
        """A yes/no question that does not block the event loop."""

    def approve(
        self,
        permission: Permission,
        subject: str,
        what: str,
        on_ok: Callable[[Any, str], None],
        *,
        needs_supervisor: bool = True,
    ) -> None:
        """Ask a supervisor (or, for one's own sign-off, a reason) and continue with it."""

    def when(self, at: datetime, *, time_only: bool = False) -> str:
        """A stored UTC time in the venue's time zone."""

    def offline(self) -> bool:
        """Whether a close now is made without the central server."""

    def activateWindow(self) -> None:
        """Give the keyboard back to the screen's window."""
