"""Benchmarks: ``python -m benchmarks`` prints one JSON object per metric.

Each module here named ``bench_*.py`` defines ``run() -> Iterable[Metric]``.
A benchmark measures; it is not a test and does not fail the suite.

These machines differ by 2x from one to the next, so a budgeted timing also
carries its own yardstick, measured in the same run: ``baseline`` is the bare
cost of what it stands on (a bare SQLite commit, bare PostgreSQL claims, a
bare PySide6 window, a bare Python start), ``baseline_of`` says which, and
``ratio`` is value / baseline. The budgets stay; the ratios are what a
reviewer compares across machines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    metric: str
    value: float
    unit: str
    target: float
    #: "max": value must be ≤ target (times); "min": value must be ≥ target (rates).
    goal: str = "max"
    #: The bare cost of what this stands on, in the same unit, from the same run.
    baseline: float | None = None
    #: What the baseline measures (a metric name, or a few words).
    baseline_of: str = ""

    @property
    def ok(self) -> bool:
        return self.value <= self.target if self.goal == "max" else self.value >= self.target

    @property
    def ratio(self) -> float | None:
        """value / baseline: how many bare costs this is (a rate: what share of the bare rate)."""
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    def to_json(self) -> str:
        out: dict[str, object] = {
            "metric": self.metric,
            "value": round(self.value, 3),
            "unit": self.unit,
            "target": self.target,
            "ok": self.ok,
        }
        if self.baseline is not None:
            ratio = self.ratio
            out["baseline"] = round(self.baseline, 3)
            out["baseline_of"] = self.baseline_of
            out["ratio"] = None if ratio is None else round(ratio, 2)
        return json.dumps(out)
