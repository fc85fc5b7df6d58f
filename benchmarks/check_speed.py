#!/usr/bin/env python3
"""How much slower is `gongshi check` than just parsing the same YAML?

    .venv/bin/python benchmarks/check_speed.py [--entries 10000] [--profile]

Writes one synthetic community with --entries ledger entries in total (benchmarks/
synth.py, into a temporary folder), then in one process times, best of --runs runs
each (time.perf_counter):

  (a) bare parsing: yaml.load(text, Loader=yaml.CSafeLoader) of every .yml file
      (texts read beforehand, so neither side is timed on a cold disk);
  (b) the full check: generator.pipeline.check(data_dir, date(2026, 11, 25)),
      which reads, parses, validates and runs every rule.

It prints the figures and the ratio (target: check <= 3x bare parsing) and asserts
nothing. --profile adds a cProfile listing (top 15 by cumulative time) of one check.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synth  # noqa: E402
from benchmarks.timing import best_of  # noqa: E402
from generator.pipeline import check  # noqa: E402

AS_OF = date(2026, 11, 25)
TARGET_RATIO = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000, help="ledger entries in the community (default 10000)")
    parser.add_argument("--years", type=int, default=3, help="years of data (default 3: 6 half-year periods per ledger)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs (default 5)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile top 15 (cumulative) of one check")
    parser.add_argument("--data", type=Path, help="time this existing data folder instead of generating one")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="gongshi-bench-") as tmp:
        if args.data:
            data_dir = args.data
        else:
            data_dir = Path(tmp) / "data"
            synth.generate(data_dir, communities=1, years=args.years, entries_per_community=args.entries, seed=args.seed)
        paths = sorted(data_dir.rglob("*.yml"))
        texts = [p.read_text(encoding="utf-8") for p in paths]
        ledger_files = [p for p, t in zip(paths, texts) if p.parent.name in ("maintenance-fund", "public-revenue")]
        entries = sum(len(re.findall(r"^  - id: ", t, re.MULTILINE)) for p, t in zip(paths, texts) if p in ledger_files)
        size = sum(len(t.encode("utf-8")) for t in texts)

        def parse_all():
            for text in texts:
                yaml.load(text, Loader=yaml.CSafeLoader)

        def check_all():
            return check(data_dir, AS_OF)

        _, problems = check_all()   # warm-up: imports, pydantic schema build, and a sanity look at the result
        errors = sum(1 for p in problems if p.is_error)
        parse_s, parse_cpu = best_of(args.runs, parse_all)
        check_s, check_cpu = best_of(args.runs, check_all)

        print(f"data:             {data_dir}")
        print(f"files:            {len(paths)} ({len(ledger_files)} ledger files, {size / 1e6:.2f} MB)")
        print(f"ledger entries:   {entries}")
        print(f"problems found:   {errors} errors, {len(problems) - errors} warnings")
        print(f"bare parse:       {parse_s * 1000:8.1f} ms   (CPU {parse_cpu * 1000:.1f} ms)  "
              f"yaml.load(CSafeLoader), best of {args.runs}")
        print(f"full check:       {check_s * 1000:8.1f} ms   (CPU {check_cpu * 1000:.1f} ms)  "
              f"pipeline.check, best of {args.runs}")
        verdict = "within" if check_s / parse_s <= TARGET_RATIO else "ABOVE"
        print(f"ratio:            {check_s / parse_s:8.2f} x   (CPU {check_cpu / parse_cpu:.2f} x; "
              f"{verdict} the {TARGET_RATIO:g}x target)")

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(check_all)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(15)
            print()
            print(out.getvalue().rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
