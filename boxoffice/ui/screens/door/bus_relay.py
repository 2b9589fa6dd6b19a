"""Change-sets from the terminal's event bus, re-emitted on the UI thread (for the door screen).

A stand-in for the shared Qt adapter of the bus (``ui.common.bus_adapter``,
built alongside): same shape, a ``changed(ChangeSet)`` signal emitted on the
thread the relay lives in, whatever thread published. The door screen takes
any object with that signal, so the shared adapter replaces this one without
a change to the screen.
"""

from __future__ import annotations

import contextlib

from boxoffice.bus import ChangeSet, EventBus
from boxoffice.ui.qt import QObject, Signal, Slot


class BusRelay(QObject):
    """Re-emits every ``ChangeSet`` published on ``bus`` as ``changed`` on this object's thread."""

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self._relay)
        unsubscribe = bus.subscribe(self._published)
        self._unsubscribe = unsubscribe
        self.destroyed.connect(lambda *_: unsubscribe())

    def _published(self, changes: ChangeSet) -> None:
        with contextlib.suppress(RuntimeError):  # the relay was deleted meanwhile
            self._arrived.emit(changes)

    @Slot(object)
    def _relay(self, changes: ChangeSet) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        """Stop listening (the bus outlives the screen)."""
        self._unsubscribe()
