"""What a Cash page tells the screen, as signals: ``PageEvents``.

A page does not call its screen to show a line, to say its report changed or
to wait for the drawers to be redrawn; it emits these, and the screen (which
connects them once) decides what to do. Nobody asks for a reload: the ops
publish what they changed, and the screen redraws from those change-sets.
The steps a page needs done for it (run an op, ask a question or a
supervisor) are the ``host.CashHost`` services.
"""

from __future__ import annotations

from collections.abc import Callable

from boxoffice.ui.qt import QObject, Signal


class PageEvents(QObject):
    #: A line for the clerk: (text, kind) with kind "info", "ok" or "error"; "" hides it.
    said = Signal(str, str)
    #: The page's report appeared or went (the Save and Print buttons follow).
    reportChanged = Signal()
    #: Call the callable once the desk is redrawn from the step's change-set (at once if
    #: no redraw is on its way).
    afterRedraw = Signal(object)

    def say(self, text: str, kind: str = "info") -> None:
        self.said.emit(text, kind)

    def reports_changed(self) -> None:
        self.reportChanged.emit()

    def after_redraw(self, then: Callable[[], None]) -> None:
        self.afterRedraw.emit(then)
