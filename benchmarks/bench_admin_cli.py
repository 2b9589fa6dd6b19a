"""The admin CLI's start: ``boxoffice-admin --help`` beside ``python -c pass``.

* ``admin_cli_help`` (target 1 s, no budget in the design brief): a fresh
  process running ``boxoffice-admin --help`` (``python -m boxoffice.cli.main
  --help``, what the console script runs), timed from launch to exit: the
  imports every admin command pays before it does anything.
* Its baseline, from the same run: ``python_bare_start``, a fresh
  ``python -c pass``. Both are the median of seven runs, interleaved.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import Metric

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def _seconds(args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, check=True, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if args[-1] == "--help" and "usage" not in done.stdout:
        raise RuntimeError("boxoffice-admin --help printed no usage")
    return elapsed


def run() -> Iterator[Metric]:
    helps, bare = [], []
    for _ in range(RUNS):
        helps.append(_seconds(["-m", "boxoffice.cli.main", "--help"]))
        bare.append(_seconds(["-c", "pass"]))
    yield Metric(
        "admin_cli_help",
        statistics.median(helps),
        "s",
        1.0,
        baseline=statistics.median(bare),
        baseline_of="python_bare_start",
    )
    yield Metric("python_bare_start", statistics.median(bare), "s", 0.5)


if __name__ == "__main__":
    for metric in run():
        print(metric.to_json())
