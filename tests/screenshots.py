"""Where a test saves the screenshots it takes.

A test run never rewrites tracked files: screenshots go to a temporary folder
(``<tmp>/boxoffice-screenshots/<area>``), unless the environment variable
``BOXOFFICE_SCREENSHOTS`` names a folder, as ``make screenshots`` does with
``docs/screenshots`` to refresh the documentation's pictures on purpose.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ENV = "BOXOFFICE_SCREENSHOTS"


def screenshot_dir(area: str) -> Path:
    """The folder for ``area``'s screenshots (made if missing)."""
    chosen = os.environ.get(ENV, "").strip()
    folder = (
        Path(chosen) if chosen else Path(tempfile.gettempdir()) / "boxoffice-screenshots" / area
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder
