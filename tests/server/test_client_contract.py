"""The contract with the client: its catalogue and its own outbox bodies, as they are.

A terminal-format store (the sales tests' theatre) is the server's catalogue;
a real sale and refund made by ``boxoffice.sales`` are pushed from the outbox
exactly as written there.
"""

from __future__ import annotations

import base64
import json

from fastapi.testclient import TestClient
from sqlalchemy import select

from boxoffice.catalogue_export import export_store
from boxoffice.protocol import catalogue as schema
from boxoffice.sales import checkout, refunds
from boxoffice.sales.signing_keys import public_bytes
from boxoffice.server import catalogue, migrate
from boxoffice.server.app import create_app
from boxoffice.server.db import ServerStore
from boxoffice.server.models import InvGAArea, InvSeat
from boxoffice.store.base import Base
from boxoffice.store.models import OutboxEntry, Seat
from tests.sales.conftest import World, _template, world  # noqa: F401  (fixtures)
from tests.sales.helpers import cart, eur
from tests.server import helpers
from tests.server.helpers import push, wait_for_kind


def test_outbox_sale_and_refund_are_accepted_as_written(
    world: World,  # noqa: F811  (the sales tests' fixture)
    sqlite_url: str,
) -> None:
    store = ServerStore(sqlite_url)
    migrate.upgrade(store)
    tables = export_store(world.store.path)
    with store.session() as s:
        catalogue.import_tables(s, tables)
    with store.read() as s:
        with world.store.read() as local:
            seats = local.scalar(select(Seat.id).order_by(Seat.id.desc()).limit(1))
        assert s.scalar(select(InvSeat.id).order_by(InvSeat.id.desc()).limit(1)) == seats
        assert s.get(InvGAArea, world.standing).capacity == 20
    # rows carry the protocol's fields, each of which the client stores in a column
    for name in schema.TABLES:
        assert set(schema.fields(name)) <= set(Base.metadata.tables[name].columns.keys())
    assert set(tables["seats"][0]) == set(schema.fields("seats"))
    assert set(tables["performances"][0]) == set(schema.fields("performances"))

    with world.store.write() as s:
        sale = checkout.sell(
            s,
            world.clerk,
            cart(world, "S-A-1", "S-A-2"),
            [checkout.Cash(eur("500.00"))],
            world.signer,
            now=world.now,
        )
        number = sale.order.number
    with world.store.write() as s:
        order = checkout.get_order(s, number)
        refunds.refund(
            s, world.supervisor, order, [order.tickets[0].id], reason="ill", now=world.now
        )
        serial = order.tickets[0].serial
        local_id = order.tickets[0].id
    with world.store.read() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).all()
        ops = [
            {
                "idempotency_key": e.idempotency_key,
                "terminal_seq": e.id,
                "kind": e.kind,
                "client_time": e.created_at.isoformat(),
                "body": json.loads(e.body),
            }
            for e in entries
        ]
    assert [o["kind"] for o in ops] == ["sale", "refund"]

    with TestClient(create_app(store)) as client:
        code = helpers.make_code(store, "Window 1", "W1")
        public = base64.b64encode(public_bytes(world.signer.private_key)).decode()
        term = client.post("/api/v1/enrol", json={"code": code, "public_key": public}).json()
        assert term["key_id"] == world.signer.key_id
        out = push(client, term["token"], ops)
        assert [r["status"] for r in out["results"]] == ["applied", "applied"], out
        assert out["results"][1]["result"]["tickets"] == [{"serial": serial, "status": "refunded"}]
        revoked = wait_for_kind(client, term["token"], "revocation", 1)
        # a scanner can match the revocation to the barcode: its key id and local ticket id
        assert [(r["key_id"], r["ticket_id"], r["serial"]) for r in revoked] == [
            (world.signer.key_id, local_id, serial)
        ]
    store.dispose()


def test_reservation_paid_later_void_exchange_reprint(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    booking = seller.sale([40])
    reserved = {**booking, "status": "reserved", "payments": []}
    out = push(client, terminal["token"], [seller.op("reservation", reserved, key=booking["uuid"])])
    assert out["results"][0]["result"]["tickets"][0]["status"] == "reserved"
    paid = push(client, terminal["token"], [seller.op("sale", booking)])["results"][0]
    assert paid["status"] == "applied" and paid["result"]["tickets"][0]["status"] == "valid"

    sale = seller.sale([41, 42])
    push(client, terminal["token"], [seller.op("sale", sale)])
    serials = [t["serial"] for t in sale["tickets"]]
    void = push(
        client,
        terminal["token"],
        [
            seller.op(
                "void",
                {"order": sale["uuid"], "tickets": serials, "reason": "wrong show", "total": 5000},
            )
        ],
    )
    assert [t["status"] for t in void["results"][0]["result"]["tickets"]] == ["voided", "voided"]

    old = seller.sale([43])
    new = seller.sale([44])
    push(client, terminal["token"], [seller.op("sale", old), seller.op("sale", new)])
    exchange = push(
        client,
        terminal["token"],
        [
            seller.op(
                "exchange",
                {
                    "order": old["uuid"],
                    "new_order": new["uuid"],
                    "old": [old["tickets"][0]["serial"]],
                    "old_ticket_ids": [old["tickets"][0]["id"]],
                    "credit": 2500,
                    "collected": 0,
                    "refunded": 0,
                    "reason": "date change",
                },
            )
        ],
    )["results"][0]
    assert exchange["status"] == "applied"
    reprint = push(
        client,
        terminal["token"],
        [
            seller.op(
                "reprint",
                {
                    "ticket": new["tickets"][0]["id"],
                    "serial": new["tickets"][0]["serial"],
                    "reason": "damaged",
                    "revoked_up_to": 0,
                    "reissue": 1,
                },
            )
        ],
    )["results"][0]
    assert reprint["result"]["reissue"] == 1
    # seats 41, 42, 43 are free again; 40 and 44 are sold
    h = helpers.auth(terminal["token"])
    assert (
        client.post(
            "/api/v1/holds", json={"performance_id": 1, "seat_ids": [41, 42, 43]}, headers=h
        ).status_code
        == 201
    )
    assert (
        client.post(
            "/api/v1/holds", json={"performance_id": 1, "seat_ids": [40]}, headers=h
        ).status_code
        == 409
    )
    reasons = [d["reason"] for d in wait_for_kind(client, terminal["token"], "revocation", 4)]
    assert reasons == ["voided", "voided", "exchanged", "reprinted"]
    # an old barcode generation no longer admits
    scan = {
        "serial": new["tickets"][0]["serial"],
        "reissue": 0,
        "scanned_at": "2030-01-01T19:00:00+00:00",
    }
    r = push(client, terminal["token"], [seller.op("admission", scan)])["results"][0]
    assert r["status"] == "conflict" and r["conflict"]["reason"] == "ticket_revoked"
