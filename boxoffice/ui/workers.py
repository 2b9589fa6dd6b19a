"""Moved to ``boxoffice.ui.common.workers``; this name stays for screens not yet moved."""

from boxoffice.ui.common.workers import (
    Done,
    Failed,
    FutureRelay,
    MainThreadGarbageCollector,
    StoreWorker,
)

__all__ = ["Done", "Failed", "FutureRelay", "MainThreadGarbageCollector", "StoreWorker"]
