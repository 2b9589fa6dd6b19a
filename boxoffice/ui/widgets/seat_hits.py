"""Which seat a click means: the nearest seat within a reach, from a grid of buckets.

A seat on screen may be a few pixels wide, so a click rarely lands on its
centre. The seat map therefore takes the *nearest* seat to the click, but
only within ``reach`` (half the typical seat pitch of the map, computed once
from the layout): a click between two seats of a row takes the nearer one,
and a click in an aisle or empty space selects nothing rather than a seat
far away. Seats are bucketed into square cells twice the reach's
diameter, so a lookup reads at most nine small buckets whatever the size of
the house (100,000 seats included). No Qt here: plain coordinates in, a seat
index out.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

#: Reach as a share of the map's seat pitch (the distance between neighbours of a row).
REACH_OF_PITCH = 0.5


class SeatHitIndex:
    """Seat positions bucketed in a grid; ``nearest`` finds the seat a point means."""

    __slots__ = ("_buckets", "_cell", "_done", "_minx", "_miny", "_stride", "reach", "xs", "ys")

    def __init__(self, xs: Sequence[float], ys: Sequence[float], reach: float) -> None:
        if reach <= 0:
            raise ValueError("reach must be positive")
        self.xs, self.ys, self.reach = xs, ys, reach
        # Cells two pitches wide hold a handful of seats each (not one
        # bucket a seat); the reach is under a cell, so the 3×3 cells
        # around a point hold every seat within it.
        self._cell = 4 * reach
        self._minx = min(xs) if len(xs) else 0.0
        self._miny = min(ys) if len(ys) else 0.0
        width = (max(xs) - self._minx) if len(xs) else 0.0
        self._stride = int(width / self._cell) + 3
        self._buckets: dict[int, array] = {}
        self._done = 0  # seats bucketed so far (``build`` may go in steps)

    def build(self, limit: int | None = None) -> bool:
        """Bucket up to ``limit`` more seats (all if None); True once every seat is in.

        A 100,000-seat map takes about 0.1 s in all, so the widget builds it
        in steps between paints rather than in one stall of the UI thread.
        """
        start, n = self._done, len(self.xs)
        end = n if limit is None else min(n, start + limit)
        inv, minx, miny, stride = 1 / self._cell, self._minx, self._miny, self._stride
        buckets = self._buckets
        keys = [
            int((y - miny) * inv) * stride + int((x - minx) * inv)
            for x, y in zip(self.xs[start:end], self.ys[start:end], strict=True)
        ]
        for i, key in enumerate(keys, start):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = array("I", (i,))
            else:
                bucket.append(i)
        self._done = end
        return end == n

    @classmethod
    def for_pitch(cls, xs: Sequence[float], ys: Sequence[float], pitch: float) -> SeatHitIndex:
        """The index whose reach is ``REACH_OF_PITCH`` of the map's seat pitch."""
        return cls(xs, ys, pitch * REACH_OF_PITCH)

    def nearest(self, x: float, y: float) -> int | None:
        """The seat nearest to (x, y) if it is within the reach, else None."""
        if self._done < len(self.xs):
            self.build()
        inv = 1 / self._cell
        fx, fy = (x - self._minx) * inv, (y - self._miny) * inv
        if fx < -1 or fy < -1:
            return None
        cx, cy = int(fx + 1) - 1, int(fy + 1) - 1  # floor, also just left of / above the map
        if cx > self._stride - 2:
            return None
        xs, ys, get = self.xs, self.ys, self._buckets.get
        best, best_d = None, self.reach * self.reach
        for row in (cy - 1, cy, cy + 1):
            base = row * self._stride
            for col in (cx - 1, cx, cx + 1):
                if col < 0 or row < 0:
                    continue
                for i in get(base + col, ()):
                    d = (xs[i] - x) ** 2 + (ys[i] - y) ** 2
                    if d <= best_d:
                        best, best_d = i, d
        return best
