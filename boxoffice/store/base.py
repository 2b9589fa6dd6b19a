"""Declarative base of the terminal's store: named constraints and UTC-only timestamps.

Both come from ``boxoffice.sqltypes``, which the server's database uses too.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from boxoffice.sqltypes import NAMING_CONVENTION, UTCDateTime

__all__ = ["NAMING_CONVENTION", "Base", "UTCDateTime"]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
