#!/usr/bin/env python3
"""How much does gongshi add to a plain MkDocs build, and how heavy is the front page?

    .venv/bin/python benchmarks/site_speed.py [--data data] [--as-of 2026-11-25] [--runs 3]

In one run:

1. Captures what gongshi hands to MkDocs for the data folder: the generated Markdown
   (staging docs/) and the effective mkdocs.yml, by wrapping the MkDocs step of one
   in-process build and copying both out of the staging folder. The data is copied to a
   temporary folder first, so the build caches beside it (charts) start empty.
2. Times, best of --runs each, as two separate commands the way a user runs them:
     (a) `gongshi build --no-pdf` (check + render + MkDocs + manifest), and
     (b) `mkdocs build` of the captured Markdown and config,
   and prints both with the ratio (target (a) <= 1.2 x (b)), and (a)'s very first run,
   with empty caches, beside them. Wall times, with the
   children's CPU time beside them: CPU time barely moves when other processes
   compete for the machine. The same is then done in-process (imports and jieba's
   dictionary already loaded), which shows the work itself without interpreter start.
3. Lists everything the front page loads — measured in Debian's chromium on a 390x844
   screen through a local web server: every finished request until the network has been
   idle for a second — with each file's size and gzip -9 size, and the total (target
   <= 80 KB gzipped). Then what opening the search adds on top (Material's search
   worker and the search index, which gongshi's overrides/main.html loads on demand).

Asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from benchmarks.timing import best_of  # noqa: E402
from generator.builddate import epoch_of  # noqa: E402

TARGET_RATIO = 1.2
TARGET_FRONT_PAGE_KB = 80


def capture_mkdocs_input(data: Path, as_of: date, into: Path) -> Path:
    """Build once in-process; copy the staging docs and effective config into `into`.
    Returns the captured mkdocs.yml (docs_dir pointing at the copied docs)."""
    from generator.build.portal import build_portal
    from generator.site import mkdocs_build

    into.mkdir(parents=True)
    captured = into / "mkdocs.yml"
    real_run = mkdocs_build._run_mkdocs

    def run_and_capture(config_file: Path, *, strict: bool) -> None:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        shutil.copytree(config["docs_dir"], into / "docs")
        config["docs_dir"] = str(into / "docs")
        config["site_dir"] = str(into / "site")
        captured.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        real_run(config_file, strict=strict)

    mkdocs_build._run_mkdocs = run_and_capture
    try:
        build_portal(data, into / "gongshi-site", as_of, pdf=False)
    finally:
        mkdocs_build._run_mkdocs = real_run
    return captured


def best_of_commands(runs: int, command: list[str], env: dict) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system of the child) over `runs` runs."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def plain_mkdocs_in_process(config_file: Path) -> None:
    """What `mkdocs build` does, minus the command line (as generator/site/mkdocs_build.py)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def print_loaded_files(title: str, files: list[tuple[str, int, int]], base: str, target_kb: int | None) -> None:
    print(title)
    for url, raw, packed in files:
        print(f"  {packed / 1024:7.1f} KB  （原始 {raw / 1024:7.1f} KB）  {url.removeprefix(base) or '页面 HTML'}")
    total_raw, total_gz = sum(raw for _, raw, _ in files), sum(packed for _, _, packed in files)
    budget = f"，目标 ≤ {target_kb} KB" if target_kb else ""
    print(f"  合计 {total_gz / 1024:.1f} KB（原始 {total_raw / 1024:.1f} KB）{budget}")


def measure_front_page(site: Path) -> None:
    from tests.browser import chromium, loaded_files, phone_page, serving

    with serving(site) as base, chromium() as browser:
        print_loaded_files("首页加载的全部文件（浏览器实测，gzip -9）", loaded_files(browser, base), base,
                           TARGET_FRONT_PAGE_KB)
        with phone_page(browser) as (page, requests, _):
            page.goto(base, wait_until="networkidle")
            before = len(requests)
            page.locator("label.md-header__button[for=__search]").click()
            page.locator(".md-search__input").fill("电梯")
            page.locator(".md-search__input").press("End")
            page.locator(".md-search-result__item").first.wait_for()
            page.wait_for_load_state("networkidle")
            added = [url for url in requests[before:] if not url.startswith("data:")]
        files = []
        for url in added:
            raw = (site / url.removeprefix(base)).read_bytes()
            files.append((url, len(raw), len(gzip.compress(raw, compresslevel=9, mtime=0))))
        print()
        print_loaded_files("打开搜索后再加载的文件", files, base, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--as-of", default="2026-11-25")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    as_of = date.fromisoformat(args.as_of)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch_of(as_of)), NO_MKDOCS_2_WARNING="1")

    with tempfile.TemporaryDirectory(prefix="gongshi-bench-") as tmp:
        tmp = Path(tmp)
        # A copy, so the build caches (beside the data folder) start empty for the first run.
        data = tmp / "project" / "data"
        shutil.copytree(args.data, data)
        gongshi = [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(tmp / "out-a"),
                   "--as-of", args.as_of, "--no-pdf"]
        cold_wall, cold_cpu = best_of_commands(1, gongshi, env)

        config = capture_mkdocs_input(data, as_of, tmp / "captured")
        pages = sum(1 for _ in (tmp / "captured" / "docs").rglob("*.md"))
        print(f"样例：{args.data}，构建日期 {as_of}，{pages} 个 Markdown 页面；每项取 {args.runs} 次中最快的一次。")
        print()

        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp / "out-b")]
        a_wall, a_cpu = best_of_commands(args.runs, gongshi, env)
        b_wall, b_cpu = best_of_commands(args.runs, mkdocs, env)
        print("命令行（各自启动一个 Python 进程）")
        print(f"  gongshi build --no-pdf            {a_wall:6.2f} s   (CPU {a_cpu:5.2f} s)")
        print(f"  mkdocs build（同一份 Markdown）   {b_wall:6.2f} s   (CPU {b_cpu:5.2f} s)")
        print(f"  比值 {a_wall / b_wall:.2f}×（CPU {a_cpu / b_cpu:.2f}×），目标 ≤ {TARGET_RATIO}×")
        print(f"  首次构建（图表缓存为空）          {cold_wall:6.2f} s   (CPU {cold_cpu:5.2f} s)，"
              f"比值 {cold_wall / b_wall:.2f}×")
        print()

        from generator.build.portal import build_portal

        c_wall, c_cpu = best_of(args.runs, lambda: build_portal(data, tmp / "out-c", as_of, pdf=False))
        d_wall, d_cpu = best_of(args.runs, lambda: plain_mkdocs_in_process(config))
        print("同一进程内（模块和 jieba 词典已加载）")
        print(f"  gongshi build()          {c_wall:6.2f} s   (CPU {c_cpu:5.2f} s)")
        print(f"  MkDocs build()           {d_wall:6.2f} s   (CPU {d_cpu:5.2f} s)")
        print(f"  比值 {c_wall / d_wall:.2f}×（CPU {c_cpu / d_cpu:.2f}×）")
        print()

        measure_front_page(tmp / "out-a")
    return 0


if __name__ == "__main__":
    sys.exit(main())
