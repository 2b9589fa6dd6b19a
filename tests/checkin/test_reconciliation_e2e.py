"""Two doors offline admit one ticket; back online, the server keeps one admission.

End to end with the real central server (uvicorn on SQLite, the sync tests'
harness) and the real sync worker: each door is its own terminal with its
own store, enrolled, with the catalogue pulled from the server. Skipped when
this build has no server or sync client.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.sync import conftest as _sync_fixtures
from tests.sync import harness

# The sync tests' fixtures: a real server (SQLite, and PostgreSQL when configured).
server_db = _sync_fixtures.server_db
server = _sync_fixtures.server
ring = _sync_fixtures.ring

from sqlalchemy import select  # noqa: E402

from boxoffice.checkin import stats  # noqa: E402
from boxoffice.checkin.door import Door  # noqa: E402
from boxoffice.checkin.verdicts import Outcome  # noqa: E402
from boxoffice.sales import checkout, refunds  # noqa: E402
from boxoffice.sales.signer import open_signer  # noqa: E402
from boxoffice.store import Store, open_store  # noqa: E402
from boxoffice.store.models import (  # noqa: E402
    AdmissionConflict,
    BarcodeRevocation,
    OutboxEntry,
    OutboxState,
)
from boxoffice.sync import terminal  # noqa: E402
from boxoffice.sync.worker import SyncWorker  # noqa: E402
from tests.checkin.conftest import DoorWorld  # noqa: E402


@pytest.fixture
def doors(dw: DoorWorld, server, ring, tmp_path: Path) -> Iterator[list[tuple[Store, SyncWorker]]]:  # type: ignore[no-untyped-def]
    """Box office linked and synced; two door terminals with the pulled catalogue."""
    world = dw.world
    server.import_catalogue(world.store)
    box_office = harness.link(world.store, server, ring, world.signer)
    made: list[tuple[Store, SyncWorker]] = []
    clients = [box_office]
    for name, prefix in (("North door", "N1"), ("South door", "S1")):
        store = open_store(tmp_path / f"{prefix}.sqlite3")
        client = harness.link(
            store, server, ring, open_signer(store.path), name=name, prefix=prefix
        )
        terminal.pull_catalogue(store, client)
        clients.append(client)
        made.append((store, SyncWorker(store, client, terminal=name)))  # type: ignore[arg-type]
    dw.box_office_worker = SyncWorker(world.store, box_office, terminal="Window 1")  # type: ignore[attr-defined,arg-type]
    yield made
    for store, _ in made:
        store.dispose()
    for client in clients:
        client.close()


def test_two_offline_doors_reconcile_into_one_admission_and_one_visible_conflict(
    dw: DoorWorld,
    server,
    doors: list[tuple[Store, SyncWorker]],  # type: ignore[no-untyped-def]
) -> None:
    (ticket,) = dw.sell("S-A-14")
    dw.box_office_worker.sync_once()  # type: ignore[attr-defined]  # the sale reaches the server
    (north_store, north_sync), (south_store, south_sync) = doors
    for worker in (north_sync, south_sync):
        worker.sync_once()  # keys and catalogue current; now the network goes
    server.stop()
    north = Door(north_store, dw.doorman, [dw.world.performance], "North door")
    south = Door(south_store, dw.doorman, [dw.world.performance], "South door")
    assert south.scan(ticket.barcode, now=dw.at_door).outcome is Outcome.ADMITTED
    later = dw.at_door + timedelta(minutes=3)
    assert north.scan(ticket.barcode, now=later).outcome is Outcome.ADMITTED  # a photocopy
    server.start()
    # North happens to reconnect first: its (later) admission is applied first.
    north_sync.sync_once()
    south_sync.sync_once()
    north_sync.sync_once()
    south_sync.sync_once()
    admitted = server.query("select gate, scanned_at from admissions")
    assert [a[0] for a in admitted] == ["South door"]  # one admission: the earlier scan
    conflicts = server.query("select reason from conflicts")
    assert [c[0] for c in conflicts] == ["already_redeemed"]
    for store in (north_store, south_store):
        with store.read() as s:
            report = stats.performance_stats(s, dw.world.performance)
            local = list(s.scalars(select(AdmissionConflict)))
            waiting = list(
                s.scalars(select(OutboxEntry).where(OutboxEntry.state != OutboxState.ACKNOWLEDGED))
            )
        assert waiting == []
        assert report.admitted == 1
        assert [(c.kept_door, c.lost_door) for c in report.conflicts] == [
            ("South door", "North door")
        ]
        assert len(local) == 1
    again = north.scan(ticket.barcode, now=later + timedelta(minutes=1))
    assert again.outcome is Outcome.ALREADY_ADMITTED and again.previous is not None
    assert again.previous.door == "South door"


def test_a_refund_at_the_box_office_reaches_the_door_before_it_goes_offline(
    dw: DoorWorld,
    server,
    doors: list[tuple[Store, SyncWorker]],  # type: ignore[no-untyped-def]
) -> None:
    world = dw.world
    refunded, kept = dw.sell("S-A-14", "S-A-15")
    dw.box_office_worker.sync_once()  # type: ignore[attr-defined]
    (door_store, door_sync), _ = doors
    door_sync.sync_once()
    with world.store.write() as s:
        order = checkout.get_order(s, refunded.order_id)
        refunds.refund(s, world.supervisor, order, [refunded.id], reason="ill", to_cash=True)
    dw.box_office_worker.sync_once()  # type: ignore[attr-defined]

    def revoked_at_the_door() -> bool:
        with door_store.read() as s:
            return s.scalar(select(BarcodeRevocation.id)) is not None

    # The revocation arrives through the change feed...
    harness.sync_until(door_sync, revoked_at_the_door)
    server.stop()  # ...and then the door is offline
    door = Door(door_store, dw.doorman, [world.performance], "North door")
    verdict = door.scan(refunded.barcode, now=dw.at_door)
    assert verdict.outcome is Outcome.REVOKED and verdict.revoked_because == "refunded"
    assert door.scan(kept.barcode, now=dw.at_door).outcome is Outcome.ADMITTED
