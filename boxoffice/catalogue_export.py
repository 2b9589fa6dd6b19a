"""A catalogue for the central server, made from a terminal-format store or from the demo.

An administrator sets a venue up on a terminal (or seeds the demo) and hands
the catalogue to the server. This is the client's half of that: it reads the
store and writes the protocol's catalogue (``boxoffice.protocol.catalogue``)
as JSON. The server never imports the client, so ``boxoffice-server
load-demo`` and ``import-catalogue --from-store`` run this module as a
separate process and import its output, the same JSON an administrator can
write with ``python -m boxoffice.catalogue_export`` and upload.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from boxoffice.store import open_store
from boxoffice.sync.catalogue import export_tables


def export_store(path: Path | str) -> dict[str, list[dict[str, Any]]]:
    """Every catalogue table of a terminal-format store, as protocol rows."""
    store = open_store(path)
    try:
        with store.read() as session:
            return export_tables(session)
    finally:
        store.dispose()


def demo_catalogue(workdir: Path, now: datetime | None = None) -> dict[str, list[dict[str, Any]]]:
    """The demo seeded into a scratch terminal store in ``workdir``, as protocol rows."""
    from boxoffice import demo
    from boxoffice.actor import system_actor

    path = workdir / "demo-catalogue.sqlite3"
    store = open_store(path)
    try:
        with store.write() as s:
            demo.seed(s, system_actor("server"), now=now)
    finally:
        store.dispose()
    return export_store(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m boxoffice.catalogue_export",
        description="write a catalogue for the central server as JSON ({'tables': ...})",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-store", metavar="PATH", help="a terminal-format store")
    source.add_argument("--demo", action="store_true", help="the demo catalogue")
    args = parser.parse_args(argv)
    if args.demo:
        with tempfile.TemporaryDirectory() as tmp:
            tables = demo_catalogue(Path(tmp))
    else:
        path = Path(args.from_store)
        if not path.is_file():
            print(f"no store file {path}", file=sys.stderr)
            return 2
        tables = export_store(path)
    json.dump({"tables": tables}, sys.stdout, sort_keys=True, separators=(",", ":"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
