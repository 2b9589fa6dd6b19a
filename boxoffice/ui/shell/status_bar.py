"""The main window's status bar: who is signed in, their role, the terminal, and sync.

The labels are permanent widgets on the right of the window's status bar;
the sync indicator redraws on the ``sync`` change-sets the bus adapter
brings (``widgets.sync_status``). Texts keep the ``MainWindow`` translation
context they always had.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from boxoffice.ui.qt import QLabel, QStatusBar, translate
from boxoffice.ui.widgets.sync_status import SyncStatusIndicator

if TYPE_CHECKING:
    from boxoffice.ops.queries import SignedInUser
    from boxoffice.ops.session import SyncStatus
    from boxoffice.ui.common.bus_adapter import BusAdapter

#: The translation context of these texts (literal in each call, so pyside6-lupdate finds them).
CONTEXT = "MainWindow"


def role_text(role: str) -> str:
    """A built-in role's name in the UI language; another role by its own name."""
    names = {
        "clerk": translate("MainWindow", "Clerk"),
        "supervisor": translate("MainWindow", "Supervisor"),
        "door": translate("MainWindow", "Door staff"),
        "admin": translate("MainWindow", "Administrator"),
    }
    return names.get(role, role)


class StatusBarLabels:
    """The permanent labels of ``bar``: user, role, terminal, sync state."""

    def __init__(
        self,
        bar: QStatusBar,
        user: SignedInUser,
        terminal: str,
        sync_status: Callable[[], SyncStatus] | None,
        changes: BusAdapter,
    ) -> None:
        bar.setObjectName("statusBar")
        self.user = QLabel(
            translate("MainWindow", "Signed in: %1 (%2)")
            .replace("%1", user.display_name)
            .replace("%2", user.username)
        )
        self.user.setObjectName("statusUser")
        self.role = QLabel(translate("MainWindow", "Role: %1").replace("%1", role_text(user.role)))
        self.role.setObjectName("statusRole")
        self.terminal = QLabel(translate("MainWindow", "Terminal: %1").replace("%1", terminal))
        self.terminal.setObjectName("statusTerminal")
        self.sync = SyncStatusIndicator(sync_status, changes=changes)
        for label in (self.user, self.role, self.terminal, self.sync):
            bar.addPermanentWidget(label)
