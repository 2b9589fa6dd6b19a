"""Render a ``Report`` to PDF with reportlab: tables, and charts where a picture reads faster.

Charts use ``reportlab.graphics`` (bar, horizontal bar, pie, line). Chart
coordinates are drawn from the exact amounts converted to major units; the
figures printed in the tables are the exact ``Money`` values.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.pdf_fonts import font_for
from boxoffice.reports.model import Cell, Chart, Report, Section, cell_text

PAGE_SIZES = {"A4": A4, "Letter": letter}
PALETTE = [
    colors.HexColor(c)
    for c in ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")
]
_styles = getSampleStyleSheet()
TITLE = ParagraphStyle("title", parent=_styles["Title"], alignment=0, spaceAfter=2)
SUBTITLE = ParagraphStyle("subtitle", parent=_styles["Normal"], textColor=colors.grey)
H2 = ParagraphStyle("h2", parent=_styles["Heading2"], spaceBefore=10, spaceAfter=4)
NOTE = ParagraphStyle("note", parent=_styles["Normal"], fontSize=8, textColor=colors.grey)
BANNER = ParagraphStyle(
    "banner",
    parent=_styles["Normal"],
    backColor=colors.HexColor("#fff3cd"),
    borderColor=colors.HexColor("#d39e00"),
    borderWidth=1,
    borderPadding=6,
    spaceBefore=6,
    spaceAfter=10,
    fontName="Helvetica-Bold",
)
MAX_CHART_BARS = 15


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _para(text: str) -> str:
    """Paragraph markup for ``text``, escaped, line breaks kept; runs that Helvetica
    cannot draw (a clerk or a terminal named in Chinese) in a font that can."""
    out = []
    for run in re.findall(r"\s+|\S+", text):
        face = font_for(run)
        markup = _esc(run).replace("\n", "<br/>")
        out.append(
            markup if face.startswith("Helvetica") else f'<font name="{face}">{markup}</font>'
        )
    return "".join(out)


def _cjk_cells(data: list[list[Any]]) -> list[tuple[Any, ...]]:
    """Table style commands giving the cells Helvetica cannot draw a CJK font."""
    out: list[tuple[Any, ...]] = []
    for r, row in enumerate(data):
        for c, text in enumerate(row):
            face = font_for(str(text))
            if not face.startswith("Helvetica"):
                out.append(("FONT", (c, r), (c, r), face, 8.5))
    return out


def _label_font(labels: Sequence[str]) -> str:
    """One font for a chart's labels: a CJK one when any label needs it."""
    return next(
        (f for f in (font_for(x) for x in labels) if not f.startswith("Helvetica")), "Helvetica"
    )


def _table(section: Section, width: float) -> Table:
    data: list[list[Any]] = [list(section.columns)]
    data += [[cell_text(c) for c in row] for row in section.rows]
    if section.total is not None:
        data.append([cell_text(c) for c in section.total])
    numeric = [
        i
        for i in range(len(section.columns))
        if section.rows and all(isinstance(r[i], int | Money) or r[i] is None for r in section.rows)
    ]
    table = Table(data, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8.5),
        ("FONT", (0, 1), (-1, -1), "Helvetica", 8.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f7")]),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i in numeric:
        style.append(("ALIGN", (i, 0), (i, -1), "RIGHT"))
    if section.total is not None:
        style += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
            ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8.5),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
        ]
    flags = [
        i
        for i, row in enumerate(section.rows, start=1)
        if any(isinstance(c, str) and c.startswith("! ") for c in row)
    ]
    for i in flags:
        style.append(("TEXTCOLOR", (0, i), (-1, i), colors.HexColor("#b00020")))
    style += _cjk_cells(data)
    table.setStyle(TableStyle(style))
    return table


def _major(cell: Cell) -> float:
    if isinstance(cell, Money):
        return float(cell.amount)  # drawing only; the table shows the exact amount
    if isinstance(cell, int):
        return float(cell)
    return 0.0


def _chart_points(section: Section, chart: Chart) -> tuple[list[str], list[float], str, list[str]]:
    """Labels, values, the currency drawn ("" for counts) and what was left out, said."""
    labels = section.column(chart.label)
    values = section.column(chart.value)
    currencies = Counter(v.currency for v in values if isinstance(v, Money))
    currency = currencies.most_common(1)[0][0] if currencies else ""
    points = [
        (str(lab), _major(v))
        for lab, v in zip(labels, values, strict=True)
        if not isinstance(v, Money) or v.currency == currency
    ]
    notes = []
    others = sorted(set(currencies) - {currency})
    if others:
        notes.append(f"{currency} only; {', '.join(others)} in the table")
    if chart.kind != "line" and len(points) > MAX_CHART_BARS:
        notes.append(f"first {MAX_CHART_BARS} of {len(points)}")
        points = points[:MAX_CHART_BARS]
    return [p[0] for p in points], [p[1] for p in points], currency, notes


def _short(label: str, n: int = 28) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def chart_drawing(section: Section, chart: Chart, width: float) -> Drawing | None:
    labels, values, currency, notes = _chart_points(section, chart)
    if not values or not any(values):
        return None
    unit = f" ({currency})" if currency else ""
    title = (chart.title or f"{section.title}: {chart.value}") + unit
    if notes:
        title += f" — {'; '.join(notes)}"
    # Money to the cent; counts as whole numbers, with whole-number steps when small.
    amount = "{:,.2f}".format if currency else "{:,.0f}".format
    small_count = not currency and max(values) < 10
    if chart.kind == "pie":
        d = Drawing(width, 62 * mm)
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 10 * mm, 6 * mm, 48 * mm, 48 * mm
        pie.data = [max(v, 0) for v in values]
        total = sum(pie.data) or 1
        pie.labels = None
        pie.slices.strokeColor = colors.white
        for i in range(len(values)):
            pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
        d.add(pie)
        y = 54 * mm
        for i, (lab, v) in enumerate(zip(labels, values, strict=True)):
            d.add(
                _swatch(70 * mm, y - i * 5 * mm, PALETTE[i % len(PALETTE)]),
            )
            d.add(
                String(
                    75 * mm,
                    y - i * 5 * mm,
                    f"{_short(lab, 40)}  {amount(v)}  ({100 * max(v, 0) / total:.0f} %)",
                    fontSize=8,
                    fontName=_label_font([lab]),
                )
            )
        d.add(String(0, 58 * mm, title, fontName=font_for(title, True), fontSize=9))
        return d
    if chart.kind == "hbar":
        bar_h = 6 * mm
        height = len(values) * bar_h + 22 * mm
        d = Drawing(width, height)
        c = HorizontalBarChart()
        c.x, c.y = 55 * mm, 10 * mm
        c.width, c.height = width - 70 * mm, len(values) * bar_h
        c.data = [list(reversed(values))]
        c.categoryAxis.categoryNames = [_short(x, 34) for x in reversed(labels)]
        c.categoryAxis.labels.fontSize = 7.5
        c.categoryAxis.labels.fontName = _label_font(labels)
        c.categoryAxis.labels.boxAnchor = "e"
        c.valueAxis.valueMin = 0
        c.valueAxis.labels.fontSize = 7.5
        c.valueAxis.labelTextFormat = "{:,.0f}".format
        if small_count:
            c.valueAxis.valueStep = 1
        c.bars[0].fillColor = PALETTE[0]
        c.barLabelFormat = amount
        c.barLabels.fontSize = 7
        c.barLabels.boxAnchor = "w"
        c.barLabels.dx = 3
        d.add(c)
        d.add(String(0, height - 6 * mm, title, fontName=font_for(title, True), fontSize=9))
        return d
    d = Drawing(width, 70 * mm)
    if chart.kind == "line":
        c = HorizontalLineChart()
        c.lines[0].strokeColor = PALETTE[0]
        c.lines[0].strokeWidth = 1.5
        c.joinedLines = 1
    else:
        c = VerticalBarChart()
        c.bars[0].fillColor = PALETTE[0]
        c.barLabelFormat = amount
        c.barLabels.fontSize = 7
        c.barLabels.nudge = 6
    c.x, c.y = 18 * mm, 14 * mm
    # A few bars stay bar-shaped instead of filling the page.
    c.width, c.height = min(width - 28 * mm, len(values) * 16 * mm + 10 * mm), 44 * mm
    c.data = [values]
    c.categoryAxis.categoryNames = [_short(x, 12) for x in labels]
    c.categoryAxis.labels.fontSize = 7
    c.categoryAxis.labels.fontName = _label_font(labels)
    c.categoryAxis.labels.angle = 30 if len(labels) > 8 else 0
    c.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    c.valueAxis.valueMin = 0
    c.valueAxis.labels.fontSize = 7.5
    c.valueAxis.labelTextFormat = "{:,.0f}".format
    if small_count:
        c.valueAxis.valueStep = 1
    d.add(c)
    d.add(String(0, 64 * mm, title, fontName=font_for(title, True), fontSize=9))
    return d


def _swatch(x: float, y: float, colour: colors.Color) -> Any:
    from reportlab.graphics.shapes import Rect

    return Rect(x, y - 0.5 * mm, 3 * mm, 3 * mm, fillColor=colour, strokeColor=None)


def story(report: Report, width: float) -> list[Any]:
    out: list[Any] = [
        Paragraph(_para(report.title), TITLE),
        Paragraph(_para(report.subtitle), SUBTITLE),
    ]
    if report.banner:
        out.append(Paragraph(_para(report.banner), BANNER))
    if report.meta:
        facts = [[k, v] for k, v in report.meta]
        meta = Table(
            facts,
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("FONT", (0, 0), (0, -1), "Helvetica-Bold", 8.5),
                    ("FONT", (1, 0), (1, -1), "Helvetica", 8.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    *_cjk_cells(facts),
                ]
            ),
        )
        out += [Spacer(1, 4), meta]
    for section in report.sections:
        block: list[Any] = [Paragraph(_para(section.title), H2)]
        if not section.rows:
            block.append(Paragraph("Nothing recorded.", NOTE))
            out.append(KeepTogether(block))
            continue
        block.append(_table(section, width))
        if section.note:
            block += [Spacer(1, 2), Paragraph(_para(section.note), NOTE)]
        out.append(KeepTogether(block))
        if section.chart is not None:
            drawing = chart_drawing(section, section.chart, width)
            if drawing is not None:
                out += [Spacer(1, 6), drawing]
    return out


def write(reports: Report | Sequence[Report], path: Path | str, *, page: str = "A4") -> Path:
    """Write one or more reports (each starting on a new page) to ``path``."""
    if page not in PAGE_SIZES:
        raise ValidationError("report_bad_page_size", sizes=list(PAGE_SIZES), page=page)
    items = [reports] if isinstance(reports, Report) else list(reports)
    path = Path(path)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=PAGE_SIZES[page],
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=items[0].title if items else "Report",
        author="boxoffice",
    )
    flow: list[Any] = []
    for i, report in enumerate(items):
        if i:
            flow.append(PageBreak())
        flow += story(report, doc.width)
    if not flow:
        flow.append(Paragraph("No reports for this selection.", _styles["Normal"]))

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(15 * mm, 8 * mm, items[0].title if items else "")
        canvas.drawRightString(document.pagesize[0] - 15 * mm, 8 * mm, f"page {document.page}")
        canvas.restoreState()

    doc.build(flow, onFirstPage=footer, onLaterPages=footer)
    return path
