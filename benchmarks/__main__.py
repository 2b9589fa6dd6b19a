"""Run every ``bench_*`` module (or those named on the command line)."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import traceback
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("only", nargs="*", help="module names to run, e.g. bench_seatmap_import")
    args = parser.parse_args(argv)
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if args.only:
        unknown = set(args.only) - set(names)
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}; have {names}")
        names = [n for n in names if n in args.only]
    failed = False
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        try:
            for metric in module.run():
                print(metric.to_json(), flush=True)
        except Exception as exc:  # a broken benchmark is reported, the others still run
            failed = True
            traceback.print_exc(file=sys.stderr)
            print(json.dumps({"metric": name, "error": str(exc)}), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
