"""Version counters of rarely changing tables, for caches shared between sessions.

Each watched table has a row here that an SQLite trigger bumps on every
insert, update or delete of that table (whoever writes: a service, the admin
CLI in another process, raw SQL, a sync). See ``boxoffice.store.versions``.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from boxoffice.store.base import Base


class DataVersion(Base):
    __tablename__ = "data_versions"

    #: A watched table's name, or ``_epoch`` / ``_schema`` (see ``store.versions``).
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
