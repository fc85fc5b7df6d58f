#!/usr/bin/env python3
"""How long the notice-board PDFs take, and proof that the cache spares unchanged ones.

    .venv/bin/python benchmarks/pdf_speed.py [--data data] [--as-of 2026-11-25]

Works on a copy of the data folder in a temporary directory, so its PDF cache
(<copy>/.cache/gongshi/pdf, beside the data) starts empty and the real one is untouched:

1. build with PDFs, empty cache: seconds per notice PDF (the first includes loading
   WeasyPrint);
2. the same build again, nothing changed: how many PDFs were rendered (0 expected);
3. one printed notice's title changed: how many rendered (1 expected);
4. a second copy with its own empty cache: are the PDFs byte-identical to build 1?

Prints figures only and asserts nothing (the tests pin behaviour).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import generator.pdf  # noqa: E402
from generator.build.portal import build_portal  # noqa: E402

# Every call of render_notice_pdf in a build: (output name, rendered?, seconds).
CALLS: list[tuple[str, bool, float]] = []
_render_notice_pdf = generator.pdf.render_notice_pdf


def _timed_render(view, out_path, *, cache_dir):
    start = time.perf_counter()
    rendered = _render_notice_pdf(view, out_path, cache_dir=cache_dir)
    CALLS.append((Path(out_path).name, rendered, time.perf_counter() - start))
    return rendered


# build/pdfs.py imports render_notice_pdf from generator.pdf at each call.
generator.pdf.render_notice_pdf = _timed_render


def run_build(data: Path, out: Path, as_of: date) -> tuple[list[tuple[str, bool, float]], float]:
    CALLS.clear()
    start = time.perf_counter()
    build_portal(data, out, as_of, pdf=True)
    return list(CALLS), time.perf_counter() - start


def copy_data(source: Path, project: Path) -> Path:
    data = project / "data"
    shutil.copytree(source, data)
    return data


def printed_notice(data: Path) -> Path:
    for path in sorted(data.glob("communities/*/notices/*.yml")):
        if re.search(r"^print:\s*true\b", path.read_text(encoding="utf-8"), re.M):
            return path
    raise SystemExit(f"{data} 中没有 print: true 的公示")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--as-of", default="2026-11-25")
    args = parser.parse_args()
    as_of = date.fromisoformat(args.as_of)

    with tempfile.TemporaryDirectory(prefix="gongshi-pdf-bench-") as tmp:
        tmp = Path(tmp)
        data = copy_data(args.data, tmp / "a")

        calls, total = run_build(data, tmp / "site-1", as_of)
        rendered = [(name, seconds) for name, was_rendered, seconds in calls if was_rendered]
        pdf_seconds = sum(seconds for _, seconds in rendered)
        print(f"1. empty cache: {len(rendered)} PDFs rendered in {pdf_seconds:.2f} s, "
              f"{pdf_seconds / max(len(rendered), 1):.2f} s per notice PDF (whole build {total:.2f} s)")
        for name, seconds in rendered:
            print(f"     {seconds:5.2f} s  {name}")
        if len(rendered) > 1:
            rest = [seconds for _, seconds in rendered[1:]]
            print(f"   without the first (WeasyPrint loading): {sum(rest) / len(rest):.2f} s per notice PDF")

        calls, total = run_build(data, tmp / "site-2", as_of)
        again = sum(1 for _, was_rendered, _ in calls if was_rendered)
        pdf_seconds = sum(seconds for *_, seconds in calls)
        print(f"2. nothing changed: {again} rendered, {len(calls) - again} from cache; "
              f"PDF step {pdf_seconds:.2f} s, whole build {total:.2f} s")

        notice = printed_notice(data)
        text = notice.read_text(encoding="utf-8")
        notice.write_text(re.sub(r"^title:\s*(.*)$", r"title: \1（修订）", text, count=1, flags=re.M),
                          encoding="utf-8")
        calls, total = run_build(data, tmp / "site-3", as_of)
        changed = [name for name, was_rendered, _ in calls if was_rendered]
        print(f"3. title of {notice.stem} changed: {len(changed)} rendered {changed}, "
              f"{len(calls) - len(changed)} from cache; whole build {total:.2f} s")

        other = copy_data(args.data, tmp / "b")
        run_build(other, tmp / "site-4", as_of)
        first = sorted((tmp / "site-1" / "notices").glob("*.pdf"))
        same = all(path.read_bytes() == (tmp / "site-4" / "notices" / path.name).read_bytes()
                   for path in first)
        print(f"4. fresh cache in another folder: {len(first)} PDFs byte-identical to build 1: "
              f"{'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
