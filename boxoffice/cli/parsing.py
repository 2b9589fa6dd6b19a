"""Argument types for the CLI that give a precise error instead of a traceback.

A bad argument raises ``ArgumentRefused``: argparse's own error type, carrying
the refusal's code and parameters so that the parser can show it in the
language of ``--lang`` (``main.AdminParser``); ``str()`` is the English.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from boxoffice.errors import ValidationError


class ArgumentRefused(argparse.ArgumentTypeError):
    """A bad command-line argument, as a catalogue code and its parameters."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.error = ValidationError(code, **params)
        super().__init__(str(self.error))


def aware_datetime(text: str) -> datetime:
    """ISO 8601 with an offset (``2026-12-01T19:30+01:00``) or ``Z``."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ArgumentRefused("cli_not_aware_datetime", text=text) from None
    if value.tzinfo is None:
        raise ArgumentRefused("cli_no_time_zone", text=text)
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ArgumentRefused("cli_not_whole_number", text=text) from None
    if value < 1:
        raise ArgumentRefused("cli_not_positive", value=value)
    return value
