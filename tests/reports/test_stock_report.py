"""The paper ticket stock report, on the ``ticket_stock`` table the printing module keeps.

That table arrives with the printing work; where this store does not have it
yet, the test creates it with the printing module's columns, as its migration does.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import text

from boxoffice.reports import csv_out, pdf, stock
from tests.sales.conftest import World

DDL = """
CREATE TABLE IF NOT EXISTS ticket_stock (
    id INTEGER PRIMARY KEY, at DATETIME NOT NULL, printer VARCHAR(80) NOT NULL,
    terminal VARCHAR(80) NOT NULL, kind VARCHAR(16) NOT NULL, quantity INTEGER NOT NULL,
    user_id INTEGER, username VARCHAR(40) NOT NULL, ticket_serial VARCHAR(32),
    note VARCHAR(200) NOT NULL
)
"""


def test_stock_on_hand_per_printer(world: World, tmp_path: Path) -> None:
    day_before = world.now - timedelta(days=1)
    moves = [
        (day_before, "BOCA 1", "loaded", 500),
        (day_before, "BOCA 1", "printed", 120),
        (world.now, "BOCA 1", "printed", 40),
        (world.now, "BOCA 1", "spoiled", 3),
        (world.now, "BOCA 1", "voided", 2),
        (world.now, "Epson", "loaded", 200),
        (world.now, "Epson", "printed", 15),
        (world.now + timedelta(days=1), "Epson", "printed", 99),  # tomorrow: not in today
    ]
    with world.store.write() as s:
        s.execute(text(DDL))
        for at, printer, kind, quantity in moves:
            s.execute(
                text(
                    "INSERT INTO ticket_stock (at, printer, terminal, kind, quantity, username,"
                    " note) VALUES (:at, :printer, 'Window 1', :kind, :quantity, 'ann', '')"
                ),
                {
                    "at": at.replace(tzinfo=None),
                    "printer": printer,
                    "kind": kind,
                    "quantity": quantity,
                },
            )
    with world.store.read() as s:
        report = stock.build(s, world.now.date())
    rows = {r[0]: r for r in report.sections[0].rows}
    # printer, opening, loaded, printed, voided, spoiled, on hand, counted
    assert rows["BOCA 1"][1:7] == [380, 0, 40, 2, 3, 337]
    assert rows["Epson"][1:7] == [0, 200, 15, 0, 0, 185]
    text_pdf = "".join(
        p.extract_text() for p in PdfReader(pdf.write(report, tmp_path / "s.pdf")).pages
    )
    assert "BOCA 1" in text_pdf and "337" in text_pdf
    content = csv_out.write(report, tmp_path / "s.csv").read_text()
    assert "Ticket stock,Ticket stock per printer,BOCA 1,380,0,40,2,3,337," in content
