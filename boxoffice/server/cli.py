"""``boxoffice-server``: not built yet, and says so instead of pretending.

The central server (FastAPI on uvicorn, PostgreSQL or SQLite) is the subject
of its own issue. Until then this command exits non-zero with a clear
message, so nobody mistakes a placeholder for a running authority.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    print(
        "boxoffice-server: the central server is not implemented yet; "
        "terminals currently run stand-alone on their local store.",
        file=sys.stderr,
    )
    return 3


if __name__ == "__main__":
    sys.exit(main())
