"""Importing a seat-map file: read, detect the format, parse, validate, store.

The whole file is parsed and validated before anything is written, and the
writing happens in the caller's transaction, so a bad file or a clash leaves
the store exactly as it was (design invariant 10: bad input changes nothing).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.catalogue import venues
from boxoffice.errors import ValidationError
from boxoffice.seatmaps import csv_format, own_format, pretix_format
from boxoffice.seatmaps.errors import SeatMapFormatError, at_line, decode_json
from boxoffice.seatmaps.plan import SeatMapPlan
from boxoffice.seatmaps.save import SOURCE_FORMATS, save_plan
from boxoffice.seatmaps.validate import MAX_MAP_NAME
from boxoffice.store.models import SeatMap

FORMATS = SOURCE_FORMATS


def read_text(path: Path) -> str:
    """The file as text; unreadable or non-UTF-8 files are a ``SeatMapFormatError``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeatMapFormatError(
            path.name, "", "seatmap_unreadable", reason=str(exc.strerror or exc)
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SeatMapFormatError(
            path.name,
            at_line(line),
            "seatmap_not_utf8",
            byte=f"0x{raw[exc.start]:02x}",
            offset=exc.start,
        ) from None


def detect_format(filename: str, text: str) -> tuple[str, Any]:
    """``(format, decoded JSON or None)`` from the extension and the content."""
    if Path(filename).suffix.lower() in (".csv", ".tsv", ".txt"):
        return "csv", None
    if not text.lstrip().startswith(("{", "[")) and text.strip():
        return "csv", None
    data = decode_json(text, filename)
    if own_format.looks_like(data):
        return "own", data
    if pretix_format.looks_like(data):
        return "pretix", data
    raise SeatMapFormatError(
        filename,
        "",
        "seatmap_format_unknown",
    )


def load_plan(path: str | Path, fmt: str | None = None) -> SeatMapPlan:
    """The validated plan in the file at ``path``; ``fmt`` is own, csv or pretix (or detected)."""
    return _load(Path(path), fmt)[0]


def _load(path: Path, fmt: str | None) -> tuple[SeatMapPlan, str]:
    if fmt is not None and fmt not in FORMATS:
        raise SeatMapFormatError(
            path.name, "", "seatmap_format_not_supported", format=repr(fmt), formats=list(FORMATS)
        )
    text = read_text(path)
    data: Any = None
    if fmt is None:
        fmt, data = detect_format(path.name, text)
    if fmt == "csv":
        return csv_format.parse(text, path.name), fmt
    if data is None:
        data = decode_json(text, path.name)
    module = own_format if fmt == "own" else pretix_format
    return module.parse(data, path.name), fmt


def import_seatmap(
    session: Session,
    actor: Actor,
    path: str | Path,
    venue_name: str,
    fmt: str | None = None,
    name: str | None = None,
) -> SeatMap:
    """Import the file as a new seat map of the venue (created if missing).

    The map is called ``name`` if given, else as in the file (a CSV: after the
    file). Call inside one ``store.write()`` so that a failure imports nothing.
    """
    plan, source_format = _load(Path(path), fmt)
    if name is not None:
        name = name.strip()
        if not name or len(name) > MAX_MAP_NAME:
            raise ValidationError("seatmap_name_length", max=MAX_MAP_NAME)
        plan = dataclasses.replace(plan, name=name)
    venue = venues.get_or_create(session, actor, venue_name)
    return save_plan(session, actor, venue, plan, source_format)
