"""The one error a seat-map file can cause, and JSON field readers that raise it.

An administrator fixing a 100,000-seat file needs to know exactly where the
problem is, so every error names the file, the place inside it (a JSON path
such as ``zones[0].rows[3].seats[7].position.x``, or a ``Notice`` such as a
CSV ``line 12, column "x"`` that reads in either language) and what was
expected. The readers below build those paths only when
something is wrong, so parsing a large file stays fast.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from boxoffice.errors import ValidationError
from boxoffice.messages import Notice

#: Where in a file: a JSON path as written, or a place in words (``at_line``).
Where = str | Notice


def at_line(line: int, column: str | None = None) -> Notice:
    """A place in a text file: ``line 12`` or ``line 12, column "x"`` (in either language)."""
    if column is None:
        return Notice("seatmap_at_line", {"line": line})
    return Notice("seatmap_at_line_column", {"line": line, "column": column})


class SeatMapFormatError(ValidationError):
    """A seat-map file that cannot be imported; nothing has been written.

    ``problem`` is the catalogue code of what is wrong there, ``params`` its
    parameters; the error's own code places it in the file
    (``seatmap_format_at``: "file: where: problem").
    """

    def __init__(self, filename: str, where: Where, problem: str, /, **params: Any) -> None:
        self.filename = filename
        self.where = where
        self.problem = ValidationError(problem, **params)
        if where:
            super().__init__("seatmap_format_at", file=filename, where=where, problem=self.problem)
        else:
            super().__init__("seatmap_format", file=filename, problem=self.problem)


def show(value: Any) -> str:
    """A short, JSON-like rendering of a bad value for an error message."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value).replace("inf", "Infinity").replace("nan", "NaN")
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + '..."'


def join(path: str, key: str) -> str:
    """``path.key``, or just ``key`` at the top level."""
    return f"{path}.{key}" if path else key


def decode_json(text: str, filename: str) -> Any:
    """Parse JSON text, turning a syntax error into a line/column message."""
    if not text.strip():
        raise SeatMapFormatError(filename, "", "seatmap_file_empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SeatMapFormatError(
            filename,
            Notice("seatmap_at_line_char", {"line": exc.lineno, "column": exc.colno}),
            "seatmap_invalid_json",
            reason=exc.msg,
        ) from None
    except RecursionError:
        raise SeatMapFormatError(filename, "", "seatmap_json_too_deep") from None


class JsonFields:
    """Typed access to parsed JSON that names the exact path on any mistake."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, path: str, problem: str, /, **params: Any) -> SeatMapFormatError:
        return SeatMapFormatError(
            self.filename, path or Notice("seatmap_at_top_level"), problem, **params
        )

    def obj(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path, "seatmap_expected_object", got=show(value))
        return value

    def require(self, obj: Mapping[str, Any], key: str, path: str) -> Any:
        try:
            return obj[key]
        except KeyError:
            raise self.fail(join(path, key), "seatmap_field_missing") from None

    def only(self, obj: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
        """Refuse unknown keys, so a typo such as ``wheelchiar`` is not silently lost."""
        if len(obj) > len(allowed) or not allowed.issuperset(obj):
            unknown = sorted(set(obj) - allowed)
            if unknown:
                raise self.fail(
                    join(path, unknown[0]), "seatmap_field_unknown", allowed=sorted(allowed)
                )

    def array(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, "seatmap_expected_list", got=show(value))
        return value

    def string(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.fail(path, "seatmap_expected_string", got=show(value))
        return value

    def number(self, value: Any, path: str) -> float:
        """An int or float; booleans, strings, null and NaN/Infinity are refused."""
        if type(value) is int:
            return value
        if type(value) is float:
            if math.isfinite(value):
                return value
            raise self.fail(path, "seatmap_expected_finite_number", got=show(value))
        raise self.fail(path, "seatmap_expected_number", got=show(value))

    def integer(self, value: Any, path: str) -> int:
        if type(value) is not int:
            raise self.fail(path, "seatmap_expected_whole_number", got=show(value))
        return value

    def boolean(self, value: Any, path: str) -> bool:
        if type(value) is not bool:
            raise self.fail(path, "seatmap_expected_boolean", got=show(value))
        return value

    def position(self, value: Any, path: str) -> tuple[float, float]:
        """A pretix-style ``{"x": .., "y": ..}`` point."""
        point = self.obj(value, path)
        x = self.number(self.require(point, "x", path), f"{path}.x")
        y = self.number(self.require(point, "y", path), f"{path}.y")
        return x, y
