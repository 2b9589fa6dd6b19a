"""A supervisor approves one action on the clerk's terminal: username, PIN and a reason.

The PIN is checked by the op ``ops.session.authorise_override`` on the store
worker (argon2 takes a moment; a wrong PIN counts towards the supervisor's
lockout and is audited). The dialog stays open on a refusal, says why (by
its code, in the UI language) and clears the PIN. On success it emits
``authorised`` with the single-use override as plain data
(``ops.session.OverrideGrant``, never the store's row) and the reason, and
the caller retries the action with it.

When the signed-in user may do the action themselves (a supervisor closing
with a variance), the dialog asks only for the reason and emits ``None``.

The dialog is window-modal but never blocks the event loop (``open()``, not
``exec()``), so the store worker's answer can arrive while it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boxoffice.ops.session import OverrideGrant, authorise_override
from boxoffice.ui.common.error_text import error_text
from boxoffice.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.context import TerminalContext
    from boxoffice.ops import OpResult
    from boxoffice.ui.common.workers import StoreWorker


class OverrideDialog(QDialog):
    """Ask a supervisor to authorise ``permission`` (about ``subject``) for ``actor``."""

    #: (``OverrideGrant`` or None, reason): the action may be retried with it.
    authorised = Signal(object, str)

    def __init__(
        self,
        worker: StoreWorker,
        actor: Actor,
        permission: str,
        subject: str,
        what: str,
        *,
        needs_supervisor: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setModal(True)
        self.worker, self.actor = worker, actor
        self.permission, self.subject = permission, subject
        self.needs_supervisor = needs_supervisor
        self._checking = False
        self.setWindowTitle(
            self.tr("Supervisor approval") if needs_supervisor else self.tr("Sign off")
        )
        self.what_label = QLabel(what)
        self.what_label.setObjectName("overrideWhat")
        self.what_label.setWordWrap(True)
        self.supervisor = QLineEdit()
        self.supervisor.setObjectName("overrideUser")
        self.pin = QLineEdit()
        self.pin.setObjectName("overridePin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if needs_supervisor:
            form.addRow(self.tr("&Supervisor"), self.supervisor)
            form.addRow(self.tr("&PIN"), self.pin)
        else:
            self.supervisor.hide()
            self.pin.hide()
        form.addRow(self.tr("&Reason"), self.reason)
        self.message = QLabel("")
        self.message.setObjectName("overrideMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(
            self.tr("&Authorise") if needs_supervisor else self.tr("Sign &off")
        )
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        for field in (self.supervisor, self.pin, self.reason):
            field.returnPressed.connect(self._next_or_submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        (self.supervisor if needs_supervisor else self.reason).setFocus()

    def _next_or_submit(self) -> None:
        fields = [f for f in (self.supervisor, self.pin, self.reason) if f.isVisibleTo(self)]
        for field in fields:
            if not field.text().strip():
                field.setFocus()
                return
        self.submit()

    def submit(self) -> None:
        if self._checking:
            return
        reason = self.reason.text().strip()
        if self.needs_supervisor and not self.supervisor.text().strip():
            self._say(self.tr("Type the supervisor's username."))
            self.supervisor.setFocus()
            return
        if self.needs_supervisor and not self.pin.text():
            self._say(self.tr("Type the supervisor's PIN."))
            self.pin.setFocus()
            return
        if not reason:
            self._say(self.tr("Give a reason: it is kept with the approval."))
            self.reason.setFocus()
            return
        if not self.needs_supervisor:
            self.authorised.emit(None, reason)
            self.accept()
            return
        self._checking = True
        self.ok_button.setEnabled(False)
        self._say(self.tr("Checking…"), error=False)
        username, pin = self.supervisor.text().strip(), self.pin.text()
        actor, permission, subject = self.actor, self.permission, self.subject

        def job(ctx: TerminalContext) -> OpResult[OverrideGrant]:
            return authorise_override(ctx, actor, username, pin, str(permission), subject, reason)

        self.worker.run(job, lambda result: self._granted(result.value, reason), self._refused)

    def _granted(self, grant: OverrideGrant, reason: str) -> None:
        self._checking = False
        self.authorised.emit(grant, reason)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._checking = False
        self.ok_button.setEnabled(True)
        self._say(error_text(error))
        self.pin.clear()
        self.pin.setFocus()

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", "error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))
