"""The server's day end: every terminal's Z reports for a venue's day, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from boxoffice import protocol as wire
from boxoffice.server.db import ServerStore
from tests.server import helpers
from tests.server.conftest import enrol
from tests.server.helpers import auth, push

DAY = "2030-06-01"


def _close(seller: helpers.Seller, z: dict, terminal: str) -> dict:
    return seller.op("z_report", z, key=f"z:{terminal}:{z['number']}")


def _open(seller: helpers.Seller, shift: int, user: str, at: str, float_: int = 10000) -> dict:
    return seller.op(
        "shift_open", {"shift": shift, "user": user, "opened_at": at, "float": {"EUR": float_}}
    )


def _day_end(client: TestClient, token: str, **params: str) -> dict:
    r = client.get("/api/v1/day-end", params={"date": DAY, **params}, headers=auth(token))
    assert r.status_code == 200, r.text
    return r.json()


def test_day_end_has_every_terminals_z_reports_and_open_shifts(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    w2 = enrol(client, server_store, "Window 2", "W2")
    one, two = helpers.Seller("W1"), helpers.Seller("W2")
    push(
        client,
        terminal["token"],
        [
            _open(one, 1, "clara", "2030-06-01T08:00:00+00:00"),
            _close(
                one,
                helpers.z_report(1, 1, closed_at="2030-06-01T12:00:00+00:00", cash_sales=5000),
                "Window 1",
            ),
            _open(one, 2, "colin", "2030-06-01T12:05:00+00:00"),
            _close(
                one,
                helpers.z_report(
                    2,
                    2,
                    clerk="colin",
                    closed_at="2030-06-01T20:00:00+00:00",
                    cash_sales=2500,
                    counted=12400,
                    card=7000,
                    signoff={"by": "sue", "reason": "short change"},
                ),
                "Window 1",
            ),
        ],
    )
    push(
        client,
        w2["token"],
        [
            _open(two, 1, "ann", "2030-06-01T09:00:00+00:00", float_=20000),
            _close(
                two,
                helpers.z_report(
                    1, 1, terminal="Window 2", closed_at="2030-06-01T18:00:00+00:00", float_=20000
                ),
                "Window 2",
            ),
            _open(two, 2, "ann", "2030-06-01T18:30:00+00:00", float_=5000),
        ],
    )
    data = _day_end(client, terminal["token"], tz="UTC")
    reply = wire.DayEnd.model_validate(data)  # the shape the client insists on
    assert reply.start.isoformat() == "2030-06-01T00:00:00+00:00"
    by_name = {t.terminal: t for t in reply.terminals}
    assert sorted(by_name) == ["Window 1", "Window 2"]
    w1_day = by_name["Window 1"]
    assert [z.number for z in w1_day.z_reports] == [1, 2]
    assert w1_day.open_shifts == [] and w1_day.last_contact is not None
    second = w1_day.z_reports[1]
    assert second.signoff is not None and second.signoff.reason == "short change"
    assert [(line.tender, line.counted, line.variance) for line in second.reconciliation] == [
        ("cash", 12400, -100),
        ("card", None, None),
    ]
    w2_day = by_name["Window 2"]
    assert [z.number for z in w2_day.z_reports] == [1]
    (still_open,) = w2_day.open_shifts
    assert (still_open.shift, still_open.clerk, still_open.float) == ("2", "ann", {"EUR": 5000})
    # Another terminal asks: the same answer (a supervisor may close the day anywhere).
    assert _day_end(client, w2["token"], tz="UTC")["terminals"] == data["terminals"]


def test_the_venue_zone_decides_which_day_a_late_close_belongs_to(
    client: TestClient, terminal: dict
) -> None:
    seller = helpers.Seller("W1")
    late = helpers.z_report(1, 1, closed_at="2030-06-01T23:30:00+00:00")  # 07:30 next day, Shanghai
    push(client, terminal["token"], [_close(seller, late, "Window 1")])
    utc = _day_end(client, terminal["token"], tz="UTC")
    shanghai = _day_end(client, terminal["token"], tz="Asia/Shanghai")
    assert [len(t["z_reports"]) for t in utc["terminals"]] == [1]
    assert [len(t["z_reports"]) for t in shanghai["terminals"]] == [0]
    assert shanghai["start"] == "2030-05-31T16:00:00+00:00"
    r = client.get(
        "/api/v1/day-end",
        params={"date": "2030-06-02", "tz": "Asia/Shanghai"},
        headers=auth(terminal["token"]),
    )
    assert [len(t["z_reports"]) for t in r.json()["terminals"]] == [1]


def test_a_replayed_z_report_is_listed_once(client: TestClient, terminal: dict) -> None:
    seller = helpers.Seller("W1")
    z = _close(seller, helpers.z_report(1, 1, closed_at="2030-06-01T12:00:00+00:00"), "Window 1")
    push(client, terminal["token"], [z])
    again = push(client, terminal["token"], [z])
    assert again["results"][0]["status"] == "replayed"
    (t,) = _day_end(client, terminal["token"], tz="UTC")["terminals"]
    assert [z["number"] for z in t["z_reports"]] == [1]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("number", "one", "number"),
        ("reconciliation", [{"tender": "cash", "currency": "EUR", "expected": 1.5}], "expected"),
        ("closed_at", "2030-06-01T12:00:00", "closed_at"),
        ("cash", None, "cash"),
    ],
)
def test_a_malformed_z_report_is_refused_and_closes_nothing(
    client: TestClient, terminal: dict, field: str, value: object, message: str
) -> None:
    seller = helpers.Seller("W1")
    z = helpers.z_report(1, 1, closed_at="2030-06-01T12:00:00+00:00")
    z[field] = value
    push(client, terminal["token"], [_open(seller, 1, "clara", "2030-06-01T08:00:00+00:00")])
    (result,) = push(client, terminal["token"], [_close(seller, z, "Window 1")])["results"]
    assert result["status"] == "rejected"
    assert result["error"]["error"] == "invalid_body" and message in result["error"]["message"]
    (t,) = _day_end(client, terminal["token"], tz="UTC")["terminals"]
    assert t["z_reports"] == [] and [o["shift"] for o in t["open_shifts"]] == ["1"]


def test_bad_requests_are_refused_clearly(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    token = terminal["token"]
    r = client.get("/api/v1/day-end", params={"date": "2030-13-01"}, headers=auth(token))
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
    assert "date" in r.json()["message"]
    r = client.get("/api/v1/day-end", headers=auth(token))
    assert r.status_code == 422 and "date" in r.json()["message"]
    r = client.get(
        "/api/v1/day-end", params={"date": DAY, "tz": "Mars/Olympus"}, headers=auth(token)
    )
    assert r.status_code == 422 and "Mars/Olympus" in r.json()["message"]
    r = client.get(
        "/api/v1/day-end", params={"date": DAY, "tz": "../../etc/passwd"}, headers=auth(token)
    )
    assert r.status_code == 422 and "unknown time zone" in r.json()["message"]
    assert client.get("/api/v1/day-end", params={"date": DAY}).status_code == 401
    r = client.get("/api/v1/day-end", params={"date": DAY}, headers=auth("not-a-token"))
    assert r.status_code in (401, 403)
    # The admin route wants an admin token, and a device token is not one.
    r = client.get("/api/v1/admin/day-end", params={"date": DAY}, headers=auth(token))
    assert r.status_code in (401, 403)
    admin = helpers.admin_token(server_store)
    r = client.get("/api/v1/admin/day-end", params={"date": DAY}, headers=auth(admin))
    assert r.status_code == 200 and r.json()["tz"] == "UTC"  # the test catalogue names no zone


def test_revoked_terminal_is_refused_but_its_day_still_counts(
    client: TestClient, server_store: ServerStore, terminal: dict
) -> None:
    w2 = enrol(client, server_store, "Window 2", "W2")
    seller = helpers.Seller("W2")
    z = helpers.z_report(1, 1, terminal="Window 2", closed_at="2030-06-01T12:00:00+00:00")
    push(client, w2["token"], [_close(seller, z, "Window 2")])
    admin = helpers.admin_token(server_store)
    r = client.post(f"/api/v1/admin/terminals/{w2['terminal_id']}/revoke", headers=auth(admin))
    assert r.status_code == 200
    assert (
        client.get("/api/v1/day-end", params={"date": DAY}, headers=auth(w2["token"])).status_code
        == 403
    )
    names = {
        t["terminal"]: t["revoked"]
        for t in _day_end(client, terminal["token"], tz="UTC")["terminals"]
    }
    assert names == {"Window 1": False, "Window 2": True}


def test_head_office_reads_the_day_end_from_the_server_cli(
    sqlite_url: str, sqlite_client: TestClient, sqlite_store: ServerStore, capsys
) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.server import cli

    w1 = enrol(sqlite_client, sqlite_store, "Window 1", "W1")
    seller = helpers.Seller("W1")
    z = helpers.z_report(1, 1, closed_at="2030-06-01T12:00:00+00:00", cash_sales=4200)
    push(sqlite_client, w1["token"], [_close(seller, z, "Window 1")])
    assert cli.main(["day-end", "--db", sqlite_url, "--date", DAY, "--tz", "UTC"]) == 0
    data = json.loads(capsys.readouterr().out)
    (t,) = data["terminals"]
    assert t["terminal"] == "Window 1" and t["z_reports"][0]["cash"][0]["sales"] == 4200
    assert cli.main(["day-end", "--db", sqlite_url, "--date", "1 June"]) == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err
    assert cli.main(["day-end", "--db", sqlite_url, "--date", DAY, "--tz", "Nowhere/City"]) == 1
    assert "unknown time zone 'Nowhere/City'" in capsys.readouterr().err
