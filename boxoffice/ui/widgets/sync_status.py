"""The status-bar sync indicator: online or offline, operations waiting, last contact, conflicts.

The sync worker runs on its own thread, keeps an immutable ``SyncStatus``
and publishes ``ChangeSet(sync=True)`` on the terminal's bus whenever it
changes; this label reads the status then (a plain attribute read, nothing
slow on the UI thread), never on a timer, and repaints only when it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from boxoffice.ops.session import STANDALONE, SyncStatus
from boxoffice.ui.qt import QDateTime, QLabel, QLocale, QWidget

if TYPE_CHECKING:
    from boxoffice.bus import ChangeSet
    from boxoffice.ui.common.bus_adapter import BusAdapter


class SyncStatusIndicator(QLabel):
    """``● Online · 3 waiting · last contact 15:20:01 · 1 conflict`` and a tooltip with more."""

    def __init__(
        self,
        source: Callable[[], SyncStatus] | None = None,
        parent: QWidget | None = None,
        *,
        changes: BusAdapter | None = None,
    ) -> None:
        """``source``: the sync worker's status (None: working alone); ``changes``:
        the bus adapter whose ``sync`` change-sets say when to read it again."""
        super().__init__(parent)
        self.setObjectName("statusSync")
        self._source = source
        self._shown: SyncStatus | None = None
        self.show_status(source() if source else STANDALONE)
        self._changes = changes  # kept: the adapter must live as long as the label listens
        if changes is not None and source is not None:
            changes.changed.connect(self._changed)

    def _changed(self, changes: ChangeSet) -> None:
        if changes.sync:
            self.refresh()

    def refresh(self) -> None:
        if self._source is not None:
            self.show_status(self._source())

    def _time(self, when: datetime) -> str:
        local = QDateTime.fromSecsSinceEpoch(int(when.timestamp())).toLocalTime()
        if local.date() == QDateTime.currentDateTime().date():
            return QLocale().toString(local.time(), "HH:mm:ss")
        return QLocale().toString(local, QLocale.FormatType.ShortFormat)

    def show_status(self, status: SyncStatus) -> None:
        if status == self._shown:
            return
        self._shown = status
        if not status.configured:
            state = "local"
            text = self.tr("No central server configured — working locally")
            tip = self.tr(
                "Sales are kept in this terminal's local store. "
                "No central server is set up, so nothing is sent anywhere."
            )
        else:
            state = "online" if status.online else "offline"
            if status.conflicts:
                state = "conflict"
            parts = [self.tr("Online") if status.online else self.tr("Offline")]
            parts.append(self.tr("%n waiting", "", status.waiting))
            if status.last_contact is not None:
                parts.append(
                    self.tr("last contact %1").replace("%1", self._time(status.last_contact))
                )
            else:
                parts.append(self.tr("never in contact"))
            if status.conflicts:
                parts.append(self.tr("%n conflict(s)", "", status.conflicts))
            text = " · ".join(parts)
            lines = [
                self.tr("Connected to the central server; sales are sent as they happen.")
                if status.online
                else self.tr(
                    "The central server is not answering. Sales continue from this "
                    "terminal's allocation and are sent when it is back."
                ),
                self.tr("Operations waiting to be sent: %1").replace("%1", str(status.waiting)),
            ]
            if status.attention:
                lines.append(
                    self.tr("Operations the server refused: %1").replace(
                        "%1", str(status.attention)
                    )
                )
            if status.conflicts:
                lines.append(
                    self.tr("Open conflicts for a supervisor: %1").replace(
                        "%1", str(status.conflicts)
                    )
                )
            if status.last_error and not status.online:
                lines.append(status.last_error)
            tip = "\n".join(lines)
        self.setText("● " + text)
        self.setToolTip(tip)
        self.setAccessibleName(text)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
        self.updateGeometry()

    @property
    def state(self) -> str:
        return str(self.property("state"))
