"""Argument types for the CLI that give a precise error instead of a traceback."""

from __future__ import annotations

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def aware_datetime(text: str) -> datetime:
    """ISO 8601 with an offset (``2026-12-01T19:30+01:00``) or ``Z``."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time: {text!r} (use e.g. 2026-12-01T19:30+01:00)"
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no time zone; add one, e.g. {text}+01:00, or use --tz"
        )
    return value


def local_datetime(text: str, tz: str) -> datetime:
    """A time given without an offset is read in the venue's (or ``--tz``) zone."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time: {text!r} (use e.g. 2026-12-01T19:30)"
        ) from None
    if value.tzinfo is not None:
        return value
    try:
        return value.replace(tzinfo=ZoneInfo(tz))
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown time zone {tz!r}") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value
