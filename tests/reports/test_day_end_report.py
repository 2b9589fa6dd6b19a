"""The day end: this store's figures, merged with the server's, as PDF and CSV read back."""

from __future__ import annotations

import csv
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from boxoffice import audit
from boxoffice import protocol as wire
from boxoffice.context import TerminalContext
from boxoffice.errors import PermissionDenied
from boxoffice.ops import cash
from boxoffice.reports import csv_out, day_end, pdf
from boxoffice.shifts import close
from boxoffice.shifts.day_end import DayEnd, local_day_end
from boxoffice.shifts.figures import compute
from boxoffice.store.models import Shift
from tests.reports.conftest import Day
from tests.reports.test_reports import text_of as raw_text_of
from tests.server import helpers as server_helpers


def fetch(store, actor, on, server, *, now=None):  # type: ignore[no-untyped-def]
    """The day end through its op (``ops.cash.day_end``), with ``server`` or none."""
    ctx = TerminalContext(store, actor.terminal)
    return cash.day_end(ctx, actor, on, server=server, local_only=server is None, now=now).value


def text_of(path: Path) -> str:
    """The PDF's text with line breaks as spaces (a banner wraps where the page ends)."""
    return " ".join(raw_text_of(path).split())


def _server_reply(day: Day, terminals: list[dict[str, Any]]) -> wire.DayEnd:
    """The server's answer, validated as the sync client validates it."""
    iso = day.date.isoformat()
    return wire.DayEnd.model_validate(
        {
            "day": iso,
            "tz": "UTC",
            "start": f"{iso}T00:00:00+00:00",
            "end": f"{(day.date + timedelta(days=1)).isoformat()}T00:00:00+00:00",
            "as_of": f"{iso}T22:00:00+00:00",
            "terminals": terminals,
        }
    )


def _local(day: Day) -> DayEnd:
    with day.world.store.read() as s:
        return local_day_end(s, day.date, now=day.world.now)


def test_local_day_end_is_marked_and_matches_the_store(busy_day: Day, tmp_path: Path) -> None:
    local = _local(busy_day)
    assert local.local_only and local.partial
    w1 = local.terminals["Window 1"]
    assert w1.z_numbers == [busy_day.z.number]
    stored = close.content_of(busy_day.z)
    assert w1.expected == {
        (line["tender"], line["currency"]): line["expected"] for line in stored["reconciliation"]
    }
    # sue's drawer at Window 1 is still open: listed with the running cash an X report shows.
    with busy_day.world.store.read() as s:
        sue = s.get(Shift, busy_day.world.shifts[("sue", "Window 1")])
        running = compute(s, sue, busy_day.world.now).cash["EUR"].expected
    (open_w1,) = [o for o in w1.open_shifts if not o.opened_as]
    assert (open_w1.clerk, open_w1.running_cash) == ("sue", {"EUR": running})
    report = day_end.to_report(local)
    text = text_of(pdf.write(report, tmp_path / "day.pdf"))
    assert "LOCAL FIGURES ONLY" in text and "INCOMPLETE" in text
    cash_line = next(line for line in stored["reconciliation"] if line["tender"] == "cash")
    expected_text = f"{Decimal(cash_line['expected']) / 100:,.2f}"
    assert expected_text in text
    # The CSV's Z lines sum to the venue total for each tender.
    rows = list(csv.DictReader(csv_out.write(report, tmp_path / "day.csv").open()))
    z_cash = sum(
        Decimal(r["expected"])
        for r in rows
        if r["section"] == "Z reports" and r["tender"] == "cash"
    )
    venue_cash = [
        Decimal(r["expected"])
        for r in rows
        if r["section"] == "Venue totals" and r["tender"].endswith("cash")
    ]
    assert venue_cash == [z_cash] == [Decimal(cash_line["expected"]) / 100]


def test_server_figures_join_this_stores(busy_day: Day, tmp_path: Path) -> None:
    local = _local(busy_day)
    ours = close.content_of(busy_day.z)
    iso = busy_day.date.isoformat()
    theirs = server_helpers.z_report(
        1, 9, terminal="Window 3", closed_at=f"{iso}T15:00:00+00:00", cash_sales=5000, counted=14900
    )
    merged = local.merge(
        _server_reply(
            busy_day,
            [
                {
                    "terminal": "Window 1",
                    "last_contact": f"{iso}T21:00:00+00:00",
                    "z_reports": [ours],
                },
                {
                    "terminal": "Window 3",
                    "last_contact": f"{iso}T15:01:00+00:00",
                    "z_reports": [theirs],
                    "open_shifts": [
                        {"shift": "10", "clerk": "zoe", "opened_at": f"{iso}T15:05:00+00:00"}
                    ],
                },
            ],
        )
    )
    assert not merged.local_only
    w1, w3 = merged.terminals["Window 1"], merged.terminals["Window 3"]
    assert (w1.source, w1.mismatched, w1.z_numbers) == ("local+server", [], [busy_day.z.number])
    assert (w3.source, w3.variance("cash", "EUR")) == ("server", -100)
    assert [o.clerk for o in w3.open_shifts] == ["zoe"] and w3.open_shifts[0].running_cash is None
    totals = merged.totals()
    assert totals[("cash", "EUR")][0] == _local(busy_day).totals()[("cash", "EUR")][0] + 15000
    # Every shift in this store is this terminal's, whatever it was called when opened.
    assert sorted(merged.terminals) == ["Window 1", "Window 3"] and not merged.partial
    assert {o.opened_as for o in w1.open_shifts} == {"", "Window 2"}
    text = text_of(pdf.write(day_end.to_report(merged), tmp_path / "day.pdf"))
    assert "LOCAL FIGURES ONLY" not in text and "PARTIAL" not in text
    assert "zoe (Window 3)" in text and "Window 1 (opened as Window 2)" in text
    assert "€149.00" in text and "-€1.00" in text  # Window 3's count and variance


def test_a_z_report_that_differs_from_the_servers_copy_is_flagged(
    busy_day: Day, tmp_path: Path
) -> None:
    ours = close.content_of(busy_day.z)
    tampered = {**ours, "reconciliation": [dict(line) for line in ours["reconciliation"]]}
    tampered["reconciliation"][0]["counted"] += 100
    tampered["reconciliation"][0]["variance"] += 100
    iso = busy_day.date.isoformat()
    restored = {  # a later shift's Z that this store lost (restored from a backup)
        **ours,
        "number": ours["number"] + 1,
        "shift": ours["shift"] + 100,
        "closed_at": f"{iso}T20:00:00+00:00",
    }
    merged = _local(busy_day).merge(
        _server_reply(busy_day, [{"terminal": "Window 1", "z_reports": [tampered, restored]}])
    )
    w1 = merged.terminals["Window 1"]
    assert w1.mismatched == [ours["number"]]
    # This store's copy is the one shown; the one this store lost comes from the server.
    assert w1.z_reports[0] == ours and w1.z_numbers == [ours["number"], ours["number"] + 1]
    text = text_of(pdf.write(day_end.to_report(merged), tmp_path / "day.pdf"))
    assert f"MISMATCH: Z {ours['number']} of Window 1" in text


def test_fetch_needs_a_supervisor_and_says_why_the_server_is_missing(busy_day: Day) -> None:
    w = busy_day.world
    with w.store.read() as s:
        before = len(audit.entries(s, "report.day_end"))
    with pytest.raises(PermissionDenied):
        fetch(w.store, w.clerk, busy_day.date, None, now=w.now)
    result = fetch(w.store, w.supervisor, busy_day.date, None, now=w.now)
    assert result.local_only and "not connected" in (result.server_error or "")
    with w.store.read() as s:
        assert len(audit.entries(s, "report.day_end")) == before + 1
    text = day_end.to_report(result).banner
    assert text.startswith("LOCAL FIGURES ONLY") and "not connected" in text


def test_chinese_names_are_drawn_in_a_chinese_font(tmp_path: Path) -> None:
    """A terminal, clerk or reason in Chinese prints as Chinese, not as empty boxes."""
    from datetime import date

    from pypdf import PdfReader

    from boxoffice.shifts.day_end import OpenShift, TerminalDay

    z = server_helpers.z_report(
        1,
        3,
        terminal="一号窗口",
        clerk="王芳",
        closed_at="2030-06-01T12:00:00+00:00",
        signoff={"by": "李主管", "reason": "少了一张二十元"},
    )
    day = DayEnd(
        date(2030, 6, 1),
        {
            "一号窗口": TerminalDay(
                "一号窗口",
                z_reports=[z],
                open_shifts=[OpenShift("4", "张伟", None, {"CNY": 100})],
                unsynced_operations=0,
            )
        },
    )
    reader = PdfReader(pdf.write(day_end.to_report(day), tmp_path / "day.pdf"))
    fonts = {
        reader.pages[0]["/Resources"]["/Font"][k].get_object()["/BaseFont"]
        for k in reader.pages[0]["/Resources"]["/Font"]
    }
    assert "/STSong-Light" in fonts and "/Helvetica" in fonts
    text = reader.pages[0].extract_text()
    for name in ("一号窗口", "王芳", "李主管:少了一张二十元", "张伟"):
        assert name in text.replace(" ", ""), name
