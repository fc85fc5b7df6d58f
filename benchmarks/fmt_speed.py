#!/usr/bin/env python3
"""How long `gongshi fmt --check` takes on the sample and on a large synthetic community.

    .venv/bin/python benchmarks/fmt_speed.py [--entries 10000] [--runs 5]

Times (best of --runs, time.perf_counter) generator.fmt.files.format_files(…, write=False)
over (a) the sample data/ folder and (b) one synthetic community with --entries ledger
entries (benchmarks/synth.py, in a temporary folder), next to bare parsing of the same
files with PyYAML's C loader. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synth  # noqa: E402
from benchmarks.timing import best_of  # noqa: E402
from generator.fmt.files import format_files  # noqa: E402


def measure(label: str, data_dir: Path, runs: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(data_dir.rglob("*.yml"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    outcome = format_files(data_dir, [], write=False)  # warm-up
    fmt_s, fmt_cpu = best_of(runs, lambda: format_files(data_dir, [], write=False))
    parse_s, _ = best_of(runs, lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts])
    print(f"{label}: {len(texts)} files, {size / 1024:.0f} KB, {len(outcome.changed)} not canonical")
    print(f"  fmt --check   {fmt_s * 1000:8.1f} ms wall, {fmt_cpu * 1000:8.1f} ms CPU")
    print(f"  bare parsing  {parse_s * 1000:8.1f} ms wall   (fmt / parsing = {fmt_s / parse_s:.1f}x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000, help="ledger entries of the synthetic community")
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs (default 5)")
    args = parser.parse_args(argv)
    measure("sample data/", HERE.parent / "data", args.runs)
    with tempfile.TemporaryDirectory(prefix="gongshi-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        synth.generate(data_dir, communities=1, years=3, entries_per_community=args.entries, seed=1)
        measure(f"synthetic ({args.entries} entries)", data_dir, max(1, args.runs // 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
