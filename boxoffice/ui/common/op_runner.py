"""Run an op from a screen: off the UI thread, refusal shown by code, override asked for.

``OpRunner.run(op, *args, done=..., **kwargs)`` runs ``op(ctx, *args,
**kwargs)`` on the store worker and brings its ``OpResult`` back to the UI
thread: ``done(result)`` is called there (the change-set has already been
published on the bus, so views redraw by themselves).

A refusal (``BoxOfficeError``) is shown in the UI language from its code
(``error_text``), or handed to ``failed`` when the screen wants to show it
itself. ``NeedsOverride`` is handled here, for any action: the override
dialog opens for the permission and subject the refusal names, and when a
supervisor approves, the op runs again with ``overrides=`` the plain grants
(``ops.session.OverrideGrant``) given so far. The same permission is never
asked for twice in one run: a second refusal is shown like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from boxoffice.errors import BoxOfficeError, NeedsOverride
from boxoffice.ui.common.error_text import error_text
from boxoffice.ui.common.override_dialog import OverrideDialog
from boxoffice.ui.qt import QMessageBox, QObject, Qt, QWidget, translate

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.ops import OpResult
    from boxoffice.ops.session import OverrideGrant
    from boxoffice.ui.common.workers import StoreWorker

Op = Callable[..., "OpResult[Any]"]


class OpRunner(QObject):
    """Runs ops for one screen (``parent``) on behalf of the signed-in ``actor``."""

    def __init__(self, worker: StoreWorker, actor: Actor | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.worker = worker
        self.actor = actor
        self._screen = parent
        #: The override dialog on screen, if any (tests answer it).
        self.override_dialog: OverrideDialog | None = None
        #: The last refusal shown in a message box (tests read it).
        self.refusal_box: QMessageBox | None = None

    def run(
        self,
        op: Op,
        *args: Any,
        done: Callable[[OpResult[Any]], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> int:
        """Run ``op(ctx, *args, **kwargs)``; returns the store job's number."""
        return self._start(op, args, kwargs, (), done, failed)

    def _start(
        self,
        op: Op,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        grants: tuple[OverrideGrant, ...],
        done: Callable[[OpResult[Any]], None] | None,
        failed: Callable[[BaseException], None] | None,
    ) -> int:
        call_kwargs = dict(kwargs)
        if grants:
            call_kwargs["overrides"] = tuple(call_kwargs.get("overrides", ())) + grants

        def job(ctx: Any) -> OpResult[Any]:
            return op(ctx, *args, **call_kwargs)

        def refused(error: BaseException) -> None:
            asked = {g.permission for g in grants}
            if (
                isinstance(error, NeedsOverride)
                and self.actor is not None
                and error.permission not in asked
            ):
                self._ask_override(error, op, args, kwargs, grants, done, failed)
            else:
                self._refused(error, failed)

        def succeeded(result: OpResult[Any]) -> None:
            if done is not None:
                done(result)

        return self.worker.run(job, succeeded, refused)

    def _ask_override(
        self,
        error: NeedsOverride,
        op: Op,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        grants: tuple[OverrideGrant, ...],
        done: Callable[[OpResult[Any]], None] | None,
        failed: Callable[[BaseException], None] | None,
    ) -> None:
        assert self.actor is not None
        dialog = OverrideDialog(
            self.worker,
            self.actor,
            error.permission,
            error.subject,
            error_text(error),
            parent=self._screen,
        )
        self.override_dialog = dialog

        def authorised(grant: OverrideGrant | None, _reason: str) -> None:
            more = grants + ((grant,) if grant is not None else ())
            self._start(op, args, kwargs, more, done, failed)

        def closed(result: int) -> None:
            self.override_dialog = None
            dialog.deleteLater()
            if result != OverrideDialog.DialogCode.Accepted and failed is not None:
                failed(error)  # no approval: the screen hears the refusal it started from

        dialog.authorised.connect(authorised)
        dialog.finished.connect(closed)
        dialog.open()

    def _refused(
        self, error: BaseException, failed: Callable[[BaseException], None] | None
    ) -> None:
        if failed is not None:
            failed(error)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning
            if isinstance(error, BoxOfficeError)
            else QMessageBox.Icon.Critical,
            translate("OpRunner", "Box Office"),
            error_text(error),
            QMessageBox.StandardButton.Ok,
            self._screen,
        )
        box.setObjectName("opRefusal")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.refusal_box = box
