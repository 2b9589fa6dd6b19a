"""The ticket layout, defined once in ``resources/tickets/*.json``, filled per ticket.

A template places elements on the ticket stock in millimetres from the top
left corner (``x`` along the ticket, ``y`` across it). Positional drivers (FGL,
PDF) use the coordinates; ESC/POS, which prints on a continuous roll, prints
the elements in template order and uses only their size and weight.

Element types: ``text`` (``text`` is a format string over the fields below,
``size`` one of ``SIZES``, optional ``bold``, ``width`` in mm to wrap at),
``qr`` and ``code128`` (``field`` names the data: ``barcode`` or ``serial``),
``logo`` (drawn only when the printer has a logo configured). ``align``
(left, center, right) applies to roll printers only; ``rotate`` (0, 90, 180,
270 degrees clockwise) to positional ones.

Fields: event, date, time, venue, place (seat or GA area, worded by the
template's ``labels``), price_line, price, tax, tax_rate, price_type, serial,
barcode, holder, order, terms, reprint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from string import Formatter
from typing import Any, Literal

from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.errors import ValidationError
from boxoffice.paths import resources_dir

SIZES = ("tiny", "small", "normal", "large", "title")
TYPES = ("text", "qr", "code128", "logo")
FIELDS = (
    "event",
    "date",
    "time",
    "venue",
    "place",
    "price_line",
    "price",
    "tax",
    "tax_rate",
    "price_type",
    "serial",
    "barcode",
    "holder",
    "order",
    "terms",
    "reprint",
)
CODE_FIELDS = ("barcode", "serial")
ROTATIONS = (0, 90, 180, 270)


def default_template_path() -> Path:
    return resources_dir() / "tickets" / "ticket.json"


@dataclass(frozen=True, slots=True)
class Element:
    """One placed element of a filled-in ticket."""

    type: Literal["text", "qr", "code128", "logo"]
    x: float
    y: float
    value: str = ""
    size: str = "normal"
    bold: bool = False
    w: float = 0.0
    h: float = 0.0
    width: float = 0.0  # wrap width for text, mm (0: no wrapping)
    align: str = "left"  # for roll printers (ESC/POS), which ignore x and y
    rotate: int = 0  # degrees clockwise, for positional printers (FGL, PDF)


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    width_mm: float
    height_mm: float
    labels: dict[str, dict[str, str]]
    elements: tuple[dict[str, Any], ...] = field(default_factory=tuple)


def _number(where: str, value: object, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError("ticket_template_not_mm", where=where, value=value)
    if value < 0 or (positive and value == 0):
        raise ValidationError(
            "ticket_template_not_positive" if positive else "ticket_template_negative", where=where
        )
    return float(value)


def parse(data: object, source: str = "ticket template") -> Template:
    """Check a template completely; the error names the offending element and key."""
    if not isinstance(data, dict):
        raise ValidationError("ticket_template_not_object", where=source)
    stock = data.get("stock")
    if not isinstance(stock, dict):
        raise ValidationError("ticket_template_stock_missing", where=source)
    width = _number(f"{source}: stock.width_mm", stock.get("width_mm"), positive=True)
    height = _number(f"{source}: stock.height_mm", stock.get("height_mm"), positive=True)
    labels = data.get("labels", {})
    if not isinstance(labels, dict) or "en" not in labels:
        raise ValidationError("ticket_template_labels_missing", where=source)
    for lang, words in labels.items():
        for key in ("seat", "area", "price", "date", "time"):
            if not isinstance(words, dict) or not isinstance(words.get(key), str):
                raise ValidationError(
                    "ticket_template_label_not_text", where=source, label=f"labels.{lang}.{key}"
                )
    elements = data.get("elements")
    if not isinstance(elements, list) or not elements:
        raise ValidationError("ticket_template_elements_missing", where=source)
    for i, el in enumerate(elements):
        where = f"{source}: element {i}"
        if not isinstance(el, dict):
            raise ValidationError("ticket_template_element_not_object", where=where)
        kind = el.get("type")
        if kind not in TYPES:
            raise ValidationError(
                "ticket_template_type_unknown", where=where, types=list(TYPES), type=kind
            )
        x = _number(f"{where}: x", el.get("x"))
        y = _number(f"{where}: y", el.get("y"))
        if x >= width or y >= height:
            raise ValidationError(
                "ticket_template_off_stock",
                where=where,
                position=f"({x}, {y})",
                stock=f"{width}x{height}",
            )
        if kind == "text":
            text = el.get("text")
            if not isinstance(text, str):
                raise ValidationError("ticket_template_text_missing", where=where)
            try:
                names = [n for _, n, _, _ in Formatter().parse(text) if n is not None]
            except ValueError as exc:
                raise ValidationError(
                    "ticket_template_format_bad", where=where, text=text, reason=str(exc)
                ) from None
            unknown = [n for n in names if n not in FIELDS]
            if unknown:
                raise ValidationError(
                    "ticket_template_field_unknown", where=where, field=unknown[0]
                )
            if el.get("rotate", 0) not in ROTATIONS:
                raise ValidationError("ticket_template_rotate_invalid", where=where)
            if el.get("align", "left") not in ("left", "center", "right"):
                raise ValidationError("ticket_template_align_invalid", where=where)
            if el.get("size", "normal") not in SIZES:
                raise ValidationError(
                    "ticket_template_size_invalid", where=where, sizes=list(SIZES)
                )
        elif kind in ("qr", "code128"):
            if el.get("field") not in CODE_FIELDS:
                raise ValidationError(
                    "ticket_template_code_field_invalid", where=where, fields=list(CODE_FIELDS)
                )
            key = "size" if kind == "qr" else "w"
            _number(f"{where}: {key}", el.get(key), positive=True)
        else:
            _number(f"{where}: w", el.get("w"), positive=True)
            _number(f"{where}: h", el.get("h"), positive=True)
    return Template(
        name=str(data.get("name", "ticket")),
        width_mm=width,
        height_mm=height,
        labels=labels,
        elements=tuple(elements),
    )


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Template:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError("ticket_template_missing", path=str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValidationError("ticket_template_not_json", path=str(path), reason=str(exc)) from None
    return parse(data, f"ticket template {Path(path).name}")


def load(path: Path | None = None) -> Template:
    """The template at ``path`` (default: the standard one), cached until it changes."""
    path = path or default_template_path()
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        raise ValidationError("ticket_template_missing", path=str(path)) from None
    return _load_cached(str(path), mtime)


def values(template: Template, ticket: TicketData) -> dict[str, str]:
    """The template's fields for one ticket, worded in the ticket's language."""
    words = template.labels.get(ticket.language, template.labels["en"])
    if ticket.is_ga:
        place = words["area"].format(area=ticket.area)
    else:
        place = words["seat"].format(section=ticket.section, row=ticket.row, seat=ticket.seat)
    price = ticket.price.format()
    tax = ticket.tax.format()
    rate = f"{ticket.tax_rate.normalize():f}"
    return {
        "event": ticket.event,
        "date": ticket.starts_at.strftime(words["date"]),
        "time": ticket.starts_at.strftime(words["time"]),
        "venue": ticket.venue,
        "place": place,
        "price_line": words["price"].format(
            price_type=ticket.price_type, price=price, tax=tax, tax_rate=rate
        ),
        "price": price,
        "tax": tax,
        "tax_rate": rate,
        "price_type": ticket.price_type,
        "serial": ticket.serial,
        "barcode": ticket.barcode,
        "holder": ticket.holder,
        "order": ticket.order_number,
        "terms": ticket.terms,
        "reprint": f"REPRINT {ticket.reissue}" if ticket.reissue else "",
    }


def fill(template: Template, ticket: TicketData) -> list[Element]:
    """The elements of ``template`` with this ticket's values; empty texts are dropped."""
    vals = values(template, ticket)
    out: list[Element] = []
    for el in template.elements:
        kind = el["type"]
        x, y = float(el["x"]), float(el["y"])
        if kind == "text":
            text = el["text"].format(**vals).strip()
            if text:
                out.append(
                    Element(
                        "text",
                        x,
                        y,
                        text,
                        size=el.get("size", "normal"),
                        bold=bool(el.get("bold", False)),
                        width=float(el.get("width", 0)),
                        align=el.get("align", "left"),
                        rotate=int(el.get("rotate", 0)),
                    )
                )
        elif kind == "qr":
            size = float(el["size"])
            out.append(Element("qr", x, y, vals[el["field"]], w=size, h=size))
        elif kind == "code128":
            out.append(
                Element("code128", x, y, vals[el["field"]], w=float(el["w"]), h=float(el["h"]))
            )
        else:
            out.append(Element("logo", x, y, w=float(el["w"]), h=float(el["h"])))
    return out
