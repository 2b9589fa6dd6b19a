"""Moved to ``boxoffice.ui.shell.login_dialog``; this name stays for callers not yet moved."""

from boxoffice.ui.shell.login_dialog import LoginDialog

__all__ = ["LoginDialog"]
