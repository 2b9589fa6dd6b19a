"""Moved to ``boxoffice.ui.shell.app``; this name stays for callers not yet moved."""

from boxoffice.ui.shell.app import (
    LANGUAGES,
    ClientApp,
    Options,
    create_app,
    install_translations,
    run,
    save_screenshot,
    system_language,
)

__all__ = [
    "LANGUAGES",
    "ClientApp",
    "Options",
    "create_app",
    "install_translations",
    "run",
    "save_screenshot",
    "system_language",
]
