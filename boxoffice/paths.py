"""Where files live by default (platformdirs), overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DB_ENV = "BOXOFFICE_DB"


def data_dir() -> Path:
    return Path(user_data_dir("boxoffice", "boxoffice"))


def default_db_path() -> Path:
    """``$BOXOFFICE_DB`` if set, else ``boxoffice.sqlite3`` in the user data dir."""
    env = os.environ.get(DB_ENV)
    return Path(env) if env else data_dir() / "boxoffice.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite3"


def resources_dir() -> Path:
    """The repository's ``resources/`` folder (installed editable, as ``make`` does)."""
    return Path(__file__).resolve().parent.parent / "resources"
