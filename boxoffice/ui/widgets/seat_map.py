"""The seat map: every seat of a performance, coloured by price zone and state.

Why it is built this way: one ``QGraphicsItem`` per seat costs a Python
object, a scene-index entry and a paint call each, which for 100,000 seats is
seconds. Here one ``SeatLayer`` item paints all seats. Seats are bucketed into
spatial tiles of a few hundred; each tile keeps one ``QPolygonF`` per colour,
built from the coordinate arrays in a single ``QDataStream`` read (no Python
``QPointF`` per seat), and drawn with ``drawPoints`` and a pen as wide as a
seat. Painting walks only the tiles in the exposed rectangle; re-colouring
seats touches only the small state layer above the (pixmap-cached) zone
layer, rebuilding the batches of the tile groups it touched.
"""

from __future__ import annotations

import math
import re
import struct
import sys
from array import array
from collections.abc import Iterable, Mapping
from itertools import groupby

from boxoffice.ops.queries import HOLD_CODES, KILL_CODE, SeatLabel, SeatMapData
from boxoffice.ui.qt import (
    QBrush,
    QByteArray,
    QColor,
    QDataStream,
    QEvent,
    QFont,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QKeyEvent,
    QPainter,
    QPen,
    QPointF,
    QPolygonF,
    QRectF,
    QStyleOptionGraphicsItem,
    Qt,
    QTimer,
    QToolTip,
    QWheelEvent,
    QWidget,
    Signal,
    translate,
)
from boxoffice.ui.widgets.seat_hits import SeatHitIndex

#: Seat states (what a feed update changes); zone colour shows only when available.
AVAILABLE, HELD, KILLED, SOLD = 0, 1, 2, 3
STATE_COLOURS: dict[int, str] = {HELD: "#a8a8a8", KILLED: "#d9d9d9", SOLD: "#37474f"}
MAP_BACKGROUND = "#fbfbf8"
SELECTION_HALO = "#111111"
CURSOR_COLOUR = "#0b57d0"

#: Seats per spatial tile: small enough that a re-colour rebuilds little.
TILE_SEATS = 256
#: Tiles whose unavailable seats share one set of state batches.
MARK_GROUP_TILES = 16
ZOOM_STEP = 1.25
#: Seats bucketed for click lookup per event-loop turn (a few ms each).
HIT_INDEX_STEP = 8192

_LITTLE = sys.byteorder == "little"
#: Hold code (``ops.queries.HOLD_CODES``) → seat state: every hold is HELD, a kill is KILLED.
_HOLD_TO_STATE = bytes(
    (KILLED if code == KILL_CODE else HELD) if code else AVAILABLE for code in range(256)
)


def seat_states(data: SeatMapData) -> bytearray:
    """Each seat's state (AVAILABLE, HELD, KILLED, SOLD), in ``data``'s order."""
    state = data.holds.translate(_HOLD_TO_STATE)
    for seat_id in data.taken:
        state[data.position(seat_id)] = SOLD
    return state


def hold_kind_text(code: int) -> str:
    """A hold code (``ops.queries.HOLD_CODES``) as a clerk reads it, translated."""
    kind = HOLD_CODES[code] if 0 <= code < len(HOLD_CODES) else None
    if kind is None:
        return ""
    names = {
        "house": translate("SeatMapView", "House seat"),
        "press": translate("SeatMapView", "Press hold"),
        "companion": translate("SeatMapView", "Companion hold"),
        "production": translate("SeatMapView", "Production hold"),
        "kill": translate("SeatMapView", "Killed"),
    }
    return names.get(kind.value, kind.value)


def polygon_from_coords(coords: array) -> QPolygonF:
    """A ``QPolygonF`` from interleaved x, y doubles, in one C++ read.

    ``QDataStream`` serialises a polygon as a count then (x, y) doubles, so
    the array's bytes can be streamed in as they are.
    """
    stream_bytes = struct.pack("<I" if _LITTLE else ">I", len(coords) // 2) + coords.tobytes()
    stream = QDataStream(QByteArray(stream_bytes))
    stream.setByteOrder(
        QDataStream.ByteOrder.LittleEndian if _LITTLE else QDataStream.ByteOrder.BigEndian
    )
    polygon = QPolygonF()
    stream >> polygon
    return polygon


class _Tile:
    __slots__ = ("indices", "polys", "rect")

    def __init__(self, indices: list[int], rect: QRectF) -> None:
        self.indices = indices
        self.rect = rect
        #: Zone-coloured batches: never change after the map is built.
        self.polys: list[tuple[int, QPolygonF]] = []


class _Marks:
    """Unavailable seats of a group of tiles, and their batches (None = stale)."""

    __slots__ = ("polys", "rect", "seats")

    def __init__(self, rect: QRectF) -> None:
        self.rect = rect
        self.seats: set[int] = set()
        self.polys: list[tuple[int, QPolygonF]] | None = []


def _coords(xs: array, ys: array, members: list[int]) -> array:
    coords = array("d", bytes(16 * len(members)))
    coords[0::2] = array("d", [xs[i] for i in members])
    coords[1::2] = array("d", [ys[i] for i in members])
    return coords


def _pen(colour: QColor, width: float, cap: Qt.PenCapStyle) -> QPen:
    pen = QPen(colour)
    pen.setWidthF(width)
    pen.setCapStyle(cap)
    return pen


def _seat_pen_width(size: float, lod: float) -> tuple[float, bool]:
    """Pen width for a seat symbol at this zoom, and whether to draw it round.

    Below ~1.5 px a seat would vanish, so every seat keeps at least that size.
    """
    fine = size * lod >= 5
    return (max(size, 1.5 / lod) if lod > 0 else size), fine


class SeatLayer(QGraphicsItem):
    """All seats of one map in their zone colours, painted in per-tile batches.

    The zone colours never change, so this item is cached as a device pixmap:
    a re-colour repaints only the ``SeatStateLayer`` above it and blits this.
    """

    def __init__(self, data: SeatMapData, seat_size: float, pitch: float | None = None) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.data = data
        self.size = seat_size
        #: Distance between neighbours of a row: a click reaches half of it.
        self.pitch = pitch if pitch and pitch > 0 else seat_size / 0.78
        self._hits: SeatHitIndex | None = None
        self.colours = [QColor(z.color) for z in data.zones]
        self.tiles: list[_Tile] = []
        self._tile_number: dict[int, int] = {}
        self._grid = (0.0, 0.0, 1.0, 1.0, 1)
        self._bounds = QRectF()
        self._build_tiles()
        self.states = SeatStateLayer(self)

    def _build_tiles(self) -> None:
        data = self.data
        xs, ys, zone_of, n = data.xs, data.ys, data.zone_index, len(data)
        if n == 0:
            return
        minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
        w, h = max(maxx - minx, 1.0), max(maxy - miny, 1.0)
        wanted = max(1, n // TILE_SEATS)
        cols = max(1, round(math.sqrt(wanted * w / h)))
        rows = max(1, math.ceil(wanted / cols))
        fx, fy = cols / w * 0.999999, rows / h * 0.999999
        self._grid = (minx, miny, fx, fy, cols)
        keys = [
            int((y - miny) * fy) * cols + int((x - minx) * fx) for x, y in zip(xs, ys, strict=True)
        ]
        order = sorted(range(n), key=keys.__getitem__)
        tw, th, margin = w / cols, h / rows, self.size
        for key, group in groupby(order, key=keys.__getitem__):
            # Zone order within the tile: each zone's seats become one batch.
            indices = sorted(group, key=zone_of.__getitem__)
            row, col = divmod(key, cols)
            cell = QRectF(minx + col * tw, miny + row * th, tw, th)
            tile = _Tile(indices, cell.adjusted(-margin, -margin, margin, margin))
            for zone, run in groupby(indices, key=zone_of.__getitem__):
                tile.polys.append((zone, polygon_from_coords(_coords(xs, ys, list(run)))))
            self._tile_number[key] = len(self.tiles)
            self.tiles.append(tile)
        self._bounds = QRectF(minx, miny, w, h).adjusted(-margin, -margin, margin, margin)

    def tile_of(self, i: int) -> int:
        """The tile holding seat ``i`` (computed, so building needs no per-seat table)."""
        minx, miny, fx, fy, cols = self._grid
        key = int((self.data.ys[i] - miny) * fy) * cols + int((self.data.xs[i] - minx) * fx)
        return self._tile_number[key]

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        exposed = option.exposedRect
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        width, fine = _seat_pen_width(self.size, lod)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, fine)
        cap = Qt.PenCapStyle.RoundCap if fine else Qt.PenCapStyle.SquareCap
        pens = [_pen(c, width, cap) for c in self.colours]
        for tile in self.tiles:
            if tile.rect.intersects(exposed):
                for zone, polygon in tile.polys:
                    painter.setPen(pens[zone])
                    painter.drawPoints(polygon)

    def seat_at(self, point: QPointF) -> int | None:
        """The seat a click at ``point`` (scene coordinates) means: the nearest, if near enough.

        Near enough is half the seat pitch (``seat_hits``): between two seats
        of a row the nearer one, in an aisle nothing.
        """
        if len(self.data) == 0:
            return None
        return self.hit_index().nearest(point.x(), point.y())

    def hit_index(self) -> SeatHitIndex:
        """The grid of seat buckets clicks are looked up in (filled by ``build`` or a lookup)."""
        if self._hits is None:
            self._hits = SeatHitIndex.for_pitch(self.data.xs, self.data.ys, self.pitch)
        return self._hits

    def seat_rect(self, i: int) -> QRectF:
        """The square a seat's symbol (with its selection halo) covers."""
        r = self.size * 1.2
        return QRectF(self.data.xs[i] - r, self.data.ys[i] - r, 2 * r, 2 * r)

    def drawn_seat_count(self) -> int:
        """Seats in the paint batches (what the user sees), counted from the polygons."""
        return sum(p.size() for tile in self.tiles for _, p in tile.polys)


class SeatStateLayer(QGraphicsItem):
    """Seats that are not available (held, killed, sold), the selection and the cursor.

    Drawn over the cached zone layer, slightly larger so no zone colour
    fringe shows. Only tiles with such seats are visited, and a re-colour
    rebuilds only the batches of the tiles it touched.
    """

    def __init__(self, base: SeatLayer) -> None:
        super().__init__(base)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.base = base
        data = base.data
        self.state = seat_states(data)
        self.colours = {s: QColor(c) for s, c in STATE_COLOURS.items()}
        self.selected: set[int] = set()
        self.cursor: int | None = None
        # State batches cover groups of tiles: a scattered update then rebuilds
        # a few dozen small batches, not one per tile it touched.
        self._groups: list[_Marks] = []
        for first in range(0, len(base.tiles), MARK_GROUP_TILES):
            rect = QRectF()
            for tile in base.tiles[first : first + MARK_GROUP_TILES]:
                rect = rect.united(tile.rect)
            self._groups.append(_Marks(rect))
        self._marked: set[int] = set()  # groups with unavailable seats
        for match in re.finditer(rb"[^\x00]", self.state):
            i = match.start()
            g = base.tile_of(i) // MARK_GROUP_TILES
            self._groups[g].seats.add(i)
            self._groups[g].polys = None
            self._marked.add(g)

    def boundingRect(self) -> QRectF:
        return self.base.boundingRect()

    def colour(self, i: int) -> QColor:
        state = self.state[i]
        return self.colours[state] if state else self.base.colours[self.base.data.zone_index[i]]

    def _batches(self, group: _Marks) -> list[tuple[int, QPolygonF]]:
        if group.polys is None:
            xs, ys, state = self.base.data.xs, self.base.data.ys, self.state
            key = state.__getitem__
            group.polys = [
                (s, polygon_from_coords(_coords(xs, ys, list(run))))
                for s, run in groupby(sorted(group.seats, key=key), key=key)
            ]
        return group.polys

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        exposed = option.exposedRect
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        width, fine = _seat_pen_width(self.base.size, lod)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, fine)
        cap = Qt.PenCapStyle.RoundCap if fine else Qt.PenCapStyle.SquareCap
        cover = width * 1.08 if fine else width
        pens = {s: _pen(c, cover, cap) for s, c in self.colours.items()}
        # Held seats get a white centre when big enough to see it, so a hold
        # never reads as a grey price zone (many venues colour one zone grey).
        pip = _pen(QColor(MAP_BACKGROUND), width * 0.38, cap) if fine else None
        for g in self._marked:
            group = self._groups[g]
            if group.rect.intersects(exposed):
                for state, polygon in self._batches(group):
                    painter.setPen(pens[state])
                    painter.drawPoints(polygon)
                    if pip is not None and state == HELD:
                        painter.setPen(pip)
                        painter.drawPoints(polygon)
        self._paint_selection(painter, exposed, width, cap)

    def _paint_selection(
        self, painter: QPainter, exposed: QRectF, width: float, cap: Qt.PenCapStyle
    ) -> None:
        xs, ys = self.base.data.xs, self.base.data.ys
        chosen = [i for i in self.selected if exposed.contains(xs[i], ys[i])]
        if chosen:
            points = QPolygonF([QPointF(xs[i], ys[i]) for i in chosen])
            painter.setPen(_pen(QColor(SELECTION_HALO), width * 1.9, cap))
            painter.drawPoints(points)
            painter.setPen(_pen(QColor("#ffffff"), width * 1.35, cap))
            painter.drawPoints(points)
            for i in chosen:
                painter.setPen(_pen(self.colour(i), width, cap))
                painter.drawPoint(QPointF(xs[i], ys[i]))
        if self.cursor is not None:
            centre = QPointF(xs[self.cursor], ys[self.cursor])
            pen = QPen(QColor(CURSOR_COLOUR))
            pen.setWidthF(max(width * 0.18, 0.5))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, width * 1.15, width * 1.15)

    def seat_rect(self, i: int) -> QRectF:
        return self.base.seat_rect(i)

    def set_states(self, changes: Mapping[int, int]) -> int:
        """Set seat index → state; repaints only the tiles touched. Returns seats changed."""
        state, tile_of, tiles, groups = self.state, self.base.tile_of, self.base.tiles, self._groups
        dirty: set[int] = set()
        area = QRectF()
        changed = 0
        for i, new in changes.items():
            if state[i] == new:
                continue
            state[i] = new
            changed += 1
            t = tile_of(i)
            g = t // MARK_GROUP_TILES
            dirty.add(g)
            if new:
                groups[g].seats.add(i)
            else:
                groups[g].seats.discard(i)
            if changed < 64:  # a few seats: repaint just their tiles
                area = area.united(tiles[t].rect)
        for g in dirty:
            group = groups[g]
            group.polys = None
            if group.seats:
                self._marked.add(g)
            else:
                self._marked.discard(g)
        if dirty:
            if changed >= 64:  # many seats: repaint the groups, not tile by tile
                area = QRectF()
                for g in dirty:
                    area = area.united(groups[g].rect)
            self.update(area)
        return changed


def _standing_rects(data: SeatMapData, seats: QRectF) -> list[QRectF]:
    """Where to draw standing areas (the model stores capacity, not geometry).

    With no seats they share the map; in a bowl they go in the empty middle;
    otherwise they form a strip below the seats.
    """
    areas = data.standing
    if not areas:
        return []
    width = data.width or 600.0
    height = data.height or 400.0
    if len(data) == 0:
        region = QRectF(width * 0.08, height * 0.08, width * 0.84, height * 0.84)
    else:
        centre = seats.center()
        region = QRectF(0, 0, seats.width() * 0.3, seats.height() * 0.3)
        region.moveCenter(centre)
        xs, ys = data.xs, data.ys
        if any(region.contains(xs[i], ys[i]) for i in range(len(data))):
            strip = max(seats.height() * 0.2, 80.0)
            region = QRectF(seats.left(), seats.bottom() + strip * 0.25, seats.width(), strip)
    gap = region.height() * 0.04
    total = sum(max(a.capacity, 1) for a in areas)
    shares = [max(a.capacity / total, 0.25) for a in areas]
    scale = (region.height() - gap * (len(areas) - 1)) / sum(shares)
    rects, top = [], region.top()
    for share in shares:
        h = share * scale
        rects.append(QRectF(region.left(), top, region.width(), h))
        top += h + gap
    return rects


class SeatMapView(QGraphicsView):
    """Shows one seat map; click or Space selects seats, Ctrl+wheel and +/- zoom.

    Keyboard: arrows move a cursor from seat to seat (left/right along the
    row), Space or Enter selects the seat under it, Escape clears the
    selection, + / - zoom, 0 fits the map.
    """

    selectionChanged = Signal(list)  # seat ids, in the order chosen
    seatRefused = Signal(int, str)  # seat id, why it cannot be chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seatMap")
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setBackgroundBrush(QColor(MAP_BACKGROUND))
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.layer: SeatLayer | None = None
        self._order: list[int] = []
        self._fitted = True
        self._press: QPointF | None = None
        self._message: QGraphicsSimpleTextItem | None = None
        self.show_message(translate("SeatMapView", "Choose a performance to see its seat map."))

    # -- content -------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """Replace the map with a line of text (nothing chosen, loading, error)."""
        self.scene().clear()
        self.layer = None
        self._order = []
        item = QGraphicsSimpleTextItem(text)
        font = QFont(self.font())
        font.setPointSizeF(14)
        item.setFont(font)
        item.setBrush(QColor("#444444"))
        self.scene().addItem(item)
        self._message = item
        self.scene().setSceneRect(item.boundingRect().adjusted(-20, -20, 20, 20))
        self.resetTransform()
        self.centerOn(item)

    def show_map(self, data: SeatMapData) -> None:
        """Draw ``data`` (replacing what was there) and fit it to the view."""
        scene = self.scene()
        scene.clear()
        self._message = None
        self._order = []
        pitch = data.seat_pitch() if len(data) > 1 else 20.0
        layer = SeatLayer(data, pitch * 0.78, pitch)
        self.layer = layer
        scene.addItem(layer)
        # The click index is built after the map has painted, in steps.
        QTimer.singleShot(0, lambda: self._warm_hits(layer))
        bounds = QRectF(layer.boundingRect())
        rects = _standing_rects(data, bounds)
        # One text size for all areas of a map, so a small balcony does not
        # look less important than the floor.
        text_px = min((min(r.height() * 0.2, r.width() * 0.07) for r in rects), default=0)
        for area, rect in zip(data.standing, rects, strict=True):
            self._add_standing(data, area.zone_index, area.name, area.capacity, rect, text_px)
            bounds = bounds.united(rect)
        pad = max(bounds.width(), bounds.height()) * 0.03
        scene.setSceneRect(bounds.adjusted(-pad, -pad, pad, pad))
        self._fitted = True
        self.fit()

    def _add_standing(
        self,
        data: SeatMapData,
        zone_index: int,
        name: str,
        capacity: int,
        rect: QRectF,
        text_px: float,
    ) -> None:
        zone = data.zones[zone_index]
        colour = QColor(zone.color)
        fill = QColor(colour)
        fill.setAlpha(40)
        box = QGraphicsRectItem(rect)
        pen = QPen(colour)
        pen.setWidthF(max(rect.height(), rect.width()) * 0.006)
        box.setPen(pen)
        box.setBrush(QBrush(fill))
        capacity_text = translate("SeatMapView", "Standing · capacity %1").replace(
            "%1", f"{capacity:,}"
        )
        box.setToolTip(
            f"{name}\n{capacity_text}\n"
            + translate("SeatMapView", "Zone: %1").replace("%1", zone.name)
        )
        self.scene().addItem(box)
        lines = []
        for text, scale, bold in ((name, 1.0, True), (capacity_text, 0.7, False)):
            label = QGraphicsSimpleTextItem(text, box)
            font = QFont(self.font())
            font.setPixelSize(max(1, int(text_px * scale)))
            font.setBold(bold)
            label.setFont(font)
            label.setBrush(colour.darker(160))
            lines.append(label)
        heights = [line.boundingRect().height() for line in lines]
        top = rect.center().y() - sum(heights) / 2
        for line, height in zip(lines, heights, strict=True):
            line.setPos(rect.center().x() - line.boundingRect().width() / 2, top)
            top += height

    def _warm_hits(self, layer: SeatLayer) -> None:
        stale = layer is not self.layer or len(layer.data) == 0
        if not stale and not layer.hit_index().build(HIT_INDEX_STEP):
            QTimer.singleShot(0, lambda: self._warm_hits(layer))

    def has_map(self) -> bool:
        return self.layer is not None

    def _has_seats(self) -> bool:
        return self.layer is not None and len(self.layer.data) > 0

    def seat_count(self) -> int:
        """Seats drawn on the map now."""
        return self.layer.drawn_seat_count() if self.layer else 0

    # -- seat lookups (ids are store seat ids) --------------------------------
    def _index_of(self, seat_id: int) -> int:
        assert self.layer is not None
        return self.layer.data.position(seat_id)

    def seat_scene_pos(self, seat_id: int) -> QPointF:
        assert self.layer is not None
        i = self._index_of(seat_id)
        return QPointF(self.layer.data.xs[i], self.layer.data.ys[i])

    def seat_label(self, seat_id: int) -> SeatLabel:
        """Section, row, seat number and zone of ``seat_id``."""
        assert self.layer is not None
        return self.layer.data.label(self._index_of(seat_id))

    def seat_colour(self, seat_id: int) -> QColor:
        """The colour the seat is painted with now."""
        assert self.layer is not None
        return QColor(self.layer.states.colour(self._index_of(seat_id)))

    def set_seat_states(self, changes: Mapping[int, int]) -> None:
        """Seat id → state (AVAILABLE, HELD, KILLED, SOLD), e.g. after a feed update."""
        if self.layer is None:
            return
        index = self._index_of
        self.layer.states.set_states({index(sid): state for sid, state in changes.items()})
        unavailable = [i for i in self._order if self.layer.states.state[i] != AVAILABLE]
        if unavailable:
            self._deselect(unavailable)

    def refresh_states(self, data: SeatMapData) -> int | None:
        """Re-colour from a fresh load of the map on screen: only the seats whose state changed.

        Returns how many seats changed, or None when ``data`` is not the map
        on screen (another seat map, other seats): then call ``show_map``.
        The selection, zoom and cursor stay; a selected seat that is no
        longer available is deselected.
        """
        if self.layer is None:
            return None
        shown = self.layer.data
        if shown.seat_map_id != data.seat_map_id or shown.seat_ids != data.seat_ids:
            return None
        new, old = seat_states(data), self.layer.states.state
        ids = data.seat_ids
        changes = {ids[i]: new[i] for i in range(len(new)) if new[i] != old[i]}
        shown.holds, shown.taken = data.holds, data.taken  # tooltips and refusals read these
        if changes:
            self.set_seat_states(changes)
        return len(changes)

    def selected_seat_ids(self) -> list[int]:
        if self.layer is None:
            return []
        return [self.layer.data.seat_ids[i] for i in self._order]

    def select_seat(self, seat_id: int) -> bool:
        """Toggle the seat's selection as a click would; False if it cannot be chosen."""
        return self._toggle(self._index_of(seat_id))

    def clear_selection(self) -> None:
        if self._order:
            self._deselect(list(self._order))

    def _toggle(self, i: int) -> bool:
        assert self.layer is not None
        layer, data = self.layer.states, self.layer.data
        if layer.state[i] != AVAILABLE:
            reason = hold_kind_text(data.holds[i]) or translate("SeatMapView", "Not available")
            self.seatRefused.emit(data.seat_ids[i], reason)
            return False
        if i in layer.selected:
            self._deselect([i])
            return True
        layer.selected.add(i)
        self._order.append(i)
        layer.update(layer.seat_rect(i))
        self.selectionChanged.emit(self.selected_seat_ids())
        return True

    def _deselect(self, indices: Iterable[int]) -> None:
        assert self.layer is not None
        layer = self.layer.states
        gone = set(indices)
        for i in gone:
            layer.selected.discard(i)
            layer.update(layer.seat_rect(i))
        self._order = [i for i in self._order if i not in gone]
        self.selectionChanged.emit(self.selected_seat_ids())

    def describe(self, i: int) -> str:
        """Tooltip text: section, row, seat, zone and any hold."""
        assert self.layer is not None
        label = self.layer.data.label(i)
        text = (
            translate("SeatMapView", "Section %1 · Row %2 · Seat %3")
            .replace("%1", label.section)
            .replace("%2", label.row)
            .replace("%3", label.number)
        )
        text += "\n" + translate("SeatMapView", "Zone: %1").replace("%1", label.zone)
        hold = hold_kind_text(self.layer.data.holds[i])
        if hold:
            text += "\n" + hold
        elif self.layer.states.state[i] == SOLD:
            text += "\n" + translate("SeatMapView", "Sold")
        return text

    # -- zoom ----------------------------------------------------------------
    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def fit(self) -> None:
        """Show the whole map."""
        self._fitted = True
        rect = self.sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_factor(self) -> float:
        return self.transform().m11()

    def _zoom(self, factor: float) -> None:
        if self.layer is None:
            return
        current = self.zoom_factor()
        rect = self.sceneRect()
        fit = min(
            self.viewport().width() / max(rect.width(), 1),
            self.viewport().height() / max(rect.height(), 1),
        )
        # Between half the fitted size and a seat 160 px wide.
        lowest, highest = fit * 0.5, max(fit, 160 / max(self.layer.size, 1e-6))
        target = min(max(current * factor, lowest), highest)
        if abs(target - current) > 1e-9:
            self._fitted = False
            self.scale(target / current, target / current)

    # -- events --------------------------------------------------------------
    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)
        if self._fitted and self.layer is not None:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self._zoom(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QEvent) -> None:  # type: ignore[override]
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or self.layer is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() > 4:
            return  # that was a drag to pan
        i = self.layer.seat_at(self.mapToScene(event.position().toPoint()))
        if i is not None:
            self._set_cursor(i, scroll=False)
            self._toggle(i)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.layer is not None:
            i = self.layer.seat_at(self.mapToScene(event.pos()))
            if i is not None:
                QToolTip.showText(event.globalPos(), self.describe(i), self.viewport())
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif self._has_seats() and key in _ARROWS:
            self._move_cursor(*_ARROWS[key])
        elif self._has_seats() and key in (
            Qt.Key.Key_Space,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            assert self.layer is not None
            if self.layer.states.cursor is None:
                self._set_cursor(0)
            else:
                self._toggle(self.layer.states.cursor)
        elif key == Qt.Key.Key_Escape and self._order:
            self.clear_selection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- keyboard cursor -----------------------------------------------------
    def cursor_seat_id(self) -> int | None:
        if self.layer is None or self.layer.states.cursor is None:
            return None
        return self.layer.data.seat_ids[self.layer.states.cursor]

    def _set_cursor(self, i: int, scroll: bool = True) -> None:
        assert self.layer is not None
        layer = self.layer.states
        if layer.cursor is not None:
            layer.update(layer.seat_rect(layer.cursor))
        layer.cursor = i
        layer.update(layer.seat_rect(i))
        if scroll:
            self.ensureVisible(layer.seat_rect(i), 40, 40)
        tip_at = self.viewport().mapToGlobal(self.mapFromScene(self.layer.seat_rect(i).center()))
        if self.hasFocus():
            QToolTip.showText(tip_at, self.describe(i), self.viewport())

    def _move_cursor(self, dx: int, dy: int) -> None:
        assert self.layer is not None
        layer, data = self.layer, self.layer.data
        n = len(data)
        if n == 0:
            return
        current = layer.states.cursor
        if current is None:
            self._set_cursor(0)
            return
        if dy == 0:  # along the row, in seat order
            step = current + dx
            if 0 <= step < n and data.row_index[step] == data.row_index[current]:
                self._set_cursor(step)
            return
        # Up/down: the nearest seat in that direction, preferring straight lines.
        x0, y0 = data.xs[current], data.ys[current]
        best, best_score = None, math.inf
        for i in range(n):
            along = (data.ys[i] - y0) * dy
            if along <= layer.size * 0.3:
                continue
            across = abs(data.xs[i] - x0)
            if across > along * 2.5:
                continue
            score = along + across * 2
            if score < best_score:
                best, best_score = i, score
        if best is not None:
            self._set_cursor(best)


_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
