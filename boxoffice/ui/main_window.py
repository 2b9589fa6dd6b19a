"""Moved to ``boxoffice.ui.shell.main_window``; this name stays for callers not yet moved."""

from boxoffice.ui.shell.main_window import PERFORMANCE_ID, MainWindow

__all__ = ["PERFORMANCE_ID", "MainWindow"]
