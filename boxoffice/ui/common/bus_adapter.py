"""The one Qt adapter of the event bus: change-sets re-emitted on the UI thread.

``boxoffice.bus.EventBus`` is Qt-free and calls its listeners on the
publisher's thread (the store worker after an op's commit, the sync worker,
a printer's queue). ``BusAdapter`` subscribes once and re-emits each
change-set as its ``changed`` signal; Qt queues the emission to the thread
the adapter lives in (the UI thread), so views connect to ``changed`` and
redraw only what the change-set names. A change-set published on the UI
thread itself is delivered at once.
"""

from __future__ import annotations

import contextlib

from shiboken6 import isValid

from boxoffice.bus import ChangeSet, EventBus
from boxoffice.ui.qt import QObject, Signal, Slot


class BusAdapter(QObject):
    """Re-emits every ``ChangeSet`` published on ``bus`` as ``changed`` on the UI thread."""

    changed = Signal(object)  # ChangeSet
    #: Emitted on the publisher's thread; queued to ``_relay`` on the adapter's thread.
    _arrived = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._arrived.connect(self._relay)
        self._unsubscribe = bus.subscribe(self._published)

    def _published(self, changes: ChangeSet) -> None:
        """The bus's listener, on any thread."""
        if isValid(self):
            with contextlib.suppress(RuntimeError):  # deleted between the check and now
                self._arrived.emit(changes)

    @Slot(object)
    def _relay(self, changes: ChangeSet) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        """Stop listening (the bus outlives the window that showed it)."""
        self._unsubscribe()
