"""The terminal context: everything an op needs to know about where it runs.

Built once by whoever starts the terminal (the desktop client, the admin
CLI, a benchmark, a test) and handed to every op; nothing here is a module
global, so two contexts (a live store and a training store, or two terminals
in one test) live side by side without seeing each other.

- ``store``: the terminal's local store (one writer, WAL).
- ``terminal``: the terminal's name, as receipts, audit entries and the
  server know it.
- ``mode``: live or training. Training mode (a later issue) is this switch:
  its own store, no sync link, simulated tenders, marked paper.
- ``bus``: the event bus ops publish their change-sets on.
- ``sync``: the client half of sync (server client, online/offline status,
  and ``wake()`` to send the outbox now), or ``None`` for a terminal that
  works alone (the CLI on a store without a server, tests, training).
- ``devices``: the device registry (printers, drawer, card terminal,
  scanners), or ``None`` where there are none (the CLI, the server).
- ``clock``: the one clock ops read (tests move it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from boxoffice.bus import ChangeSet, EventBus
from boxoffice.clock import Clock, utc_now

if TYPE_CHECKING:
    from boxoffice.store import Store


class Mode(StrEnum):
    LIVE = "live"
    TRAINING = "training"


@dataclass
class TerminalContext:
    store: Store
    terminal: str
    bus: EventBus = field(default_factory=EventBus)
    mode: Mode = Mode.LIVE
    clock: Clock = utc_now
    #: The sync link (``boxoffice.sync``): ``client``, ``status``, ``wake()``; None when alone.
    sync: Any = None
    #: The device registry (``boxoffice.devices.registry.DeviceRegistry``); None when none.
    devices: Any = None
    #: The language refusals and paper are rendered in (``"en"`` or ``"zh_CN"``).
    language: str = "en"
    #: What ops may cache for this terminal (ticket signer, settings): never shared.
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def training(self) -> bool:
        return self.mode is Mode.TRAINING

    def now(self) -> datetime:
        return self.clock()

    def publish(self, changes: ChangeSet) -> ChangeSet:
        """Tell every view what changed (after the commit); returns ``changes``."""
        self.bus.publish(changes)
        return changes
