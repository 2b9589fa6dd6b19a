"""Device tests share the sales tests' small box office (``world``)."""

from tests.devices.print_world import chinese_performance  # noqa: F401
from tests.sales.conftest import _template, world  # noqa: F401
