"""The wire package: its re-exports, and a catalogue schema each client table can store."""

from __future__ import annotations

import subprocess
import sys

import boxoffice.store.models  # noqa: F401  (fills the client metadata)
from boxoffice import protocol
from boxoffice.protocol import catalogue as schema
from boxoffice.store.base import Base


def test_every_re_export_resolves_to_its_module() -> None:
    for name in protocol.__all__:
        value = getattr(protocol, name)
        assert value is not None, name
    assert protocol.MAX_BATCH == 500


def test_the_audit_hash_does_not_load_the_models() -> None:
    code = "import sys, boxoffice.protocol.audit_hash; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_each_catalogue_field_has_a_client_column_and_each_key_a_primary_key() -> None:
    for name in schema.TABLES:
        table = Base.metadata.tables[name]
        assert set(schema.fields(name)) <= set(table.columns.keys()), name
        assert set(schema.model(name).key) == {c.name for c in table.primary_key.columns}
