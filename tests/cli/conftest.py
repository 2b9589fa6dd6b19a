"""The sales tests' box office (``world``), for ``boxoffice-admin sell``."""

from tests.sales.conftest import _template, world

__all__ = ["_template", "world"]
