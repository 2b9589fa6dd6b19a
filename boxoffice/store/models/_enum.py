"""Enum columns stored as their string values (portable, readable in SQL)."""

from __future__ import annotations

import enum

from sqlalchemy import Enum


def str_enum(cls: type[enum.StrEnum], length: int = 16) -> Enum:
    return Enum(
        cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e]
    )
