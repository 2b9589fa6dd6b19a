"""Moved to ``boxoffice.ui.common.override_dialog``; this name stays for screens not yet moved."""

from boxoffice.ui.common.override_dialog import OverrideDialog

__all__ = ["OverrideDialog"]
