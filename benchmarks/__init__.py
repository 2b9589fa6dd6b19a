"""Benchmarks: ``python -m benchmarks`` prints one JSON object per metric.

Each module here named ``bench_*.py`` defines ``run() -> Iterable[Metric]``.
A benchmark measures; it is not a test and does not fail the suite.
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

    @property
    def ok(self) -> bool:
        return self.value <= self.target if self.goal == "max" else self.value >= self.target

    def to_json(self) -> str:
        return json.dumps(
            {
                "metric": self.metric,
                "value": round(self.value, 3),
                "unit": self.unit,
                "target": self.target,
                "ok": self.ok,
            }
        )
