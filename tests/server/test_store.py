"""The server store: migrations match the models; the audit log is a tamper-evident chain."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import update

from boxoffice.server import audit, cli, enrolment
from boxoffice.server.db import ServerBase, ServerStore
from boxoffice.server.models import ServerAuditEntry


def test_migrations_build_exactly_the_models(server_store: ServerStore) -> None:
    with server_store.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "version_table": "server_alembic_version"}
        )
        diff = compare_metadata(ctx, ServerBase.metadata)
    assert diff == []


def test_admin_actions_are_audited_and_tampering_is_caught(
    sqlite_url: str, sqlite_store: ServerStore, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite_store.session() as s:
        code, _ = enrolment.create_code(s, "Window 1", actor="admin:ops")
    with sqlite_store.session() as s:
        enrolment.revoke(s, enrolment.enrol(s, code, _public_key())[0].id, actor="admin:ops")
    with sqlite_store.read() as s:
        actions = [e.action for e in s.query(ServerAuditEntry).order_by(ServerAuditEntry.seq)]
        assert audit.verify(s) == []
    assert actions == ["catalogue.import", "enrol_code.create", "terminal.enrol", "terminal.revoke"]
    assert cli.main(["verify-audit", "--db", sqlite_url]) == 0
    with sqlite_store.session() as s:
        s.execute(
            update(ServerAuditEntry).where(ServerAuditEntry.seq == 2).values(actor="someone else")
        )
    assert cli.main(["verify-audit", "--db", sqlite_url]) == 1
    assert "entry 2 (enrol_code.create terminal:Window 1) was altered" in capsys.readouterr().err


def _public_key() -> str:
    from tests.server.helpers import new_key

    return new_key()[1]
