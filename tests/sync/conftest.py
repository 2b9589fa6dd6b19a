"""Sync tests reuse the sales ``World`` (a small venue, users, prices, a signing key)."""

from tests.sales.conftest import _template, world  # noqa: F401
