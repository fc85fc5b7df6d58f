#!/usr/bin/env python3
"""How building a district scales with the number of communities.

    python benchmarks/scale.py                         # N = 1, 3, 10, 30, 100, 3 years, no PDFs
    python benchmarks/scale.py --sizes 1,10,100,1000   # add 1,000 when time allows
    python benchmarks/scale.py --sizes 3,10 --pdf      # with the notice-board PDFs
    python benchmarks/scale.py --layouts 3,10,30       # the measurement behind the layout choice

For each N it writes a synthetic district with benchmarks/synth.py, then runs the real
command line (`python -m generator build`) as a child process and prints:

- full build: wall and CPU seconds of all its processes (the cache beside the data removed
  first);
- pages (.html files), output bytes, the largest page, the largest search index of a
  community and the district's own search index;
- rebuild after one community changed (its address edited): wall seconds and how many
  communities were rebuilt; a no-change rebuild as well; and the next day's build (the build
  date is part of every community's key, so all are rebuilt, with the chart and PDF caches
  warm): what a daily scheduled build costs;
- peak memory: the largest sum of the resident set sizes of the build process and its
  worker processes, sampled every 50 ms (an upper bound: pages shared after fork count
  once per process).

--layouts compares the two ways of putting N communities into MkDocs + Material:
one site with each community a section (navigation.prune on, one search index) against
one site per community (what gongshi does). docs/scaling.md records the figures.

The machine's other load shows in wall times; CPU seconds are steadier.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNTH = ROOT / "benchmarks" / "synth.py"
AS_OF = "2026-11-25"
NEXT_DAY = "2026-11-26"   # the daily rebuild: every community again, chart and PDF caches warm
MB = 1024 * 1024


# ---------------------------------------------------------------- measuring a child process

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _tree(root_pid: int) -> dict[int, tuple[int, float]]:
    """Resident bytes and CPU seconds so far of root_pid and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read().decode("utf-8", "replace")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        cpu[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    found, stack = {}, [root_pid]
    while stack:
        pid = stack.pop()
        if pid in rss:
            found[pid] = (rss[pid], cpu[pid])
        stack.extend(children.get(pid, []))
    return found


@dataclass
class Run:
    wall: float
    cpu: float
    peak_rss: int
    stdout: str
    returncode: int


def run_measured(argv: list[str], env: dict | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}, cwd=ROOT)
    peak = 0
    cpu_seen: dict[int, float] = {}   # worker processes are not all children of the build: sum per process
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            tree = _tree(proc.pid)
            peak = max(peak, sum(rss for rss, _ in tree.values()))
            for pid, (_, cpu) in tree.items():
                cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), cpu)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    # Each process's own CPU time as last sampled (the workers of a fork server are not
    # children of the build, so the build's rusage would miss them).
    return Run(wall, sum(cpu_seen.values()), peak, out, proc.returncode)


def gongshi_build(data: Path, out: Path, *, pdf: bool, jobs: int | None = None, community: str | None = None,
                  as_of: str = AS_OF) -> Run:
    argv = [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out), "--as-of", as_of]
    if not pdf:
        argv.append("--no-pdf")
    if community:
        argv += ["--community", community]
    run = run_measured(argv, env={"GONGSHI_JOBS": str(jobs)} if jobs else None)
    if run.returncode != 0:
        sys.exit(f"build failed ({run.returncode}):\n{run.stdout}")
    return run


def rebuilt_count(run: Run) -> str:
    match = re.search(r"新构建 (\d+) 个，沿用缓存 (\d+) 个", run.stdout)
    return f"{match.group(1)} rebuilt, {match.group(2)} cached" if match else "?"


# ---------------------------------------------------------------- the data

def synthetic_district(work: Path, n: int, years: int) -> Path:
    """work/n{N}-y{Y}/data, written once and reused while synth.py is unchanged."""
    folder = work / f"n{n}-y{years}"
    data = folder / "data"
    stamp = folder / "synth-stamp.json"
    wanted = {"n": n, "years": years, "synth_mtime": SYNTH.stat().st_mtime_ns}
    if not (data.is_dir() and stamp.is_file() and json.loads(stamp.read_text()) == wanted):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(SYNTH), "--communities", str(n), "--years", str(years),
                        "--out", str(data), "--force"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        stamp.write_text(json.dumps(wanted))
    return data


def edit_one_community(data: Path) -> str:
    """Change the address of the middle community: a visible change to one community's data."""
    slugs = sorted(p.name for p in (data / "communities").iterdir() if p.is_dir())
    slug = slugs[len(slugs) // 2]
    path = data / "communities" / slug / "community.yml"
    text = path.read_text(encoding="utf-8")
    new = re.sub(r"^(address: .*号)(.*)$", lambda m: m.group(1) + ("" if m.group(2) else "附1"), text, count=1, flags=re.M)
    if new == text:
        new = text + "# benchmark edit\n"
    path.write_text(new, encoding="utf-8")
    return slug


def clear_cache(data: Path) -> None:
    shutil.rmtree(data.parent / ".cache", ignore_errors=True)


# ---------------------------------------------------------------- what was built

@dataclass
class SiteStats:
    pages: int = 0
    bytes: int = 0
    largest_page: tuple[int, str] = (0, "")
    largest_community_page: tuple[int, str] = (0, "")
    largest_community_index: tuple[int, str] = (0, "")
    root_index: int = 0
    district_pages: list = field(default_factory=list)


def site_stats(site: Path, community_slugs: set[str]) -> SiteStats:
    stats = SiteStats()
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        stats.bytes += size
        rel = path.relative_to(site).as_posix()
        top = rel.split("/", 1)[0]
        if path.suffix == ".html":
            stats.pages += 1
            stats.largest_page = max(stats.largest_page, (size, rel))
            if top in community_slugs:
                stats.largest_community_page = max(stats.largest_community_page, (size, rel))
        if path.name == "search_index.json":
            if top in community_slugs:
                stats.largest_community_index = max(stats.largest_community_index, (size, rel))
            else:
                stats.root_index = size
    return stats


def slugs_of(data: Path) -> set[str]:
    return {p.name for p in (data / "communities").iterdir() if p.is_dir()}


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


# ---------------------------------------------------------------- scale

def scale(sizes: list[int], years: int, work: Path, pdf: bool) -> dict[int, dict]:
    results = {}
    print(f"scale: {years} years of data per community, PDFs {'on' if pdf else 'off'}, "
          f"{len(os.sched_getaffinity(0))} cores, as of {AS_OF}")
    header = ("N", "full s", "cpu s", "pages", "output", "largest page", "largest cmty page",
              "largest cmty search", "district search", "rebuild 1 s", "no-op s", "next day s (cpu)", "peak MB")
    print(" | ".join(header))
    for n in sizes:
        data = synthetic_district(work, n, years)
        out = data.parent / "site"
        clear_cache(data)
        full = gongshi_build(data, out, pdf=pdf)
        stats = site_stats(out, slugs_of(data) if n > 1 else set())
        if n == 1:   # one community is published at the root
            stats.largest_community_page = stats.largest_page
            stats.largest_community_index = (stats.root_index, "search/search_index.json")
            stats.root_index = 0
        noop = gongshi_build(data, out, pdf=pdf)
        edited = edit_one_community(data) if n > 1 else None
        rebuild = gongshi_build(data, out, pdf=pdf) if edited else None
        next_day = gongshi_build(data, out, pdf=pdf, as_of=NEXT_DAY)
        row = {
            "n": n, "full_s": full.wall, "cpu_s": full.cpu, "pages": stats.pages, "bytes": stats.bytes,
            "largest_page": stats.largest_page, "largest_community_page": stats.largest_community_page,
            "largest_community_index": stats.largest_community_index, "district_index": stats.root_index,
            "rebuild_s": rebuild.wall if rebuild else None, "rebuild_what": rebuilt_count(rebuild) if rebuild else "",
            "noop_s": noop.wall, "next_day_s": next_day.wall, "next_day_cpu_s": next_day.cpu,
            "peak_rss": max(full.peak_rss, noop.peak_rss, rebuild.peak_rss if rebuild else 0, next_day.peak_rss),
        }
        results[n] = row
        print(" | ".join([
            str(n), f"{full.wall:.1f}", f"{full.cpu:.1f}", str(stats.pages), f"{stats.bytes / MB:,.1f} MB",
            f"{kb(stats.largest_page[0])} {stats.largest_page[1]}",
            kb(stats.largest_community_page[0]), kb(stats.largest_community_index[0]),
            kb(stats.root_index) if n > 1 else "-",
            f"{rebuild.wall:.1f} ({row['rebuild_what']})" if rebuild else "-",
            f"{noop.wall:.1f}", f"{next_day.wall:.1f} ({next_day.cpu:.1f})", f"{row['peak_rss'] / MB:,.0f}",
        ]), flush=True)
    return results


def targets(results: dict[int, dict]) -> None:
    print("\ntargets (issue 6):")
    if 3 in results and 30 in results:
        r3, r30 = results[3], results[30]
        ratio = r30["full_s"] / r3["full_s"]
        print(f"  build time 30 / 3            = {ratio:.2f} (≤ 12.5)  {'ok' if ratio <= 12.5 else 'MISSED'}"
              f"  [cpu: {r30['cpu_s'] / r3['cpu_s']:.2f}]")
        page = r30["largest_page"][0] / r3["largest_page"][0]
        print(f"  largest page 30 / 3          = {page:.2f} (≤ 1.3)   {'ok' if page <= 1.3 else 'MISSED'}"
              f"  [{r30['largest_page'][1]} vs {r3['largest_page'][1]}]")
        rebuild = r30["rebuild_s"] / r30["full_s"]
        print(f"  rebuild one / full at 30     = {rebuild:.0%} (≤ 25%)  {'ok' if rebuild <= 0.25 else 'MISSED'}")
    largest = max((r["largest_community_index"][0] for r in results.values()), default=0)
    print(f"  largest community search     = {kb(largest)} (≤ 1 MB)  {'ok' if largest <= MB else 'MISSED'}")
    if 100 in results:
        peak = results[100]["peak_rss"]
        print(f"  peak memory at 100           = {peak / MB:,.0f} MB (≤ 2 GB)  {'ok' if peak <= 2048 * MB else 'MISSED'}")


# ---------------------------------------------------------------- layouts

def build_sections_site(data: Path, out: Path) -> None:
    """Every community as a section of ONE MkDocs site (navigation.prune on): the alternative."""
    from datetime import date

    import yaml

    sys.path.insert(0, str(ROOT))
    from generator.pipeline import check
    from generator.render import charts, pages, views
    from generator.site.mkdocs_build import build_site

    as_of = date.fromisoformat(AS_OF)
    portal, _ = check(data, as_of)
    base_url = portal.site.model.base_url
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        nav, links = [], []
        for slug, community in sorted(portal.communities.items()):
            ctx = views.make_context(portal, community, as_of, base_url + slug + "/", with_pdf=False)
            name = community.profile.model.name
            section = pages.render_community(ctx, docs / slug, name, charts)
            nav.append({name: [{title: f"{slug}/{page}"} for entry in section for title, page in entry.items()]})
            links.append(f"- [{name}]({slug}/index.md)")
        (docs / "index.md").write_text("# 全区总览\n\n" + "\n".join(links) + "\n", encoding="utf-8")
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        config["theme"]["features"] = list(config["theme"]["features"]) + ["navigation.prune"]
        config["theme"]["custom_dir"] = str(ROOT / "overrides")
        base_config = Path(tmp) / "mkdocs.yml"
        base_config.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        build_site(docs, out, site_name=portal.site.model.title, nav=[{"全区总览": "index.md"}] + nav,
                   site_url=base_url, base_config=base_config, build_date=as_of)


def layouts(sizes: list[int], years: int, work: Path) -> None:
    print("layouts: one site with a section per community (navigation.prune) vs one site per community;"
          " no PDFs, one worker for both")
    print("N | layout | wall s | cpu s | pages | output | largest page | mean page | largest search index | peak MB")
    for n in sizes:
        data = synthetic_district(work, n, years)
        for layout in ("sections", "separate"):
            out = data.parent / f"site-{layout}"
            clear_cache(data)
            if layout == "sections":
                run = run_measured([sys.executable, __file__, "--_sections", str(data), str(out)])
                if run.returncode != 0:
                    sys.exit(run.stdout)
            else:
                run = gongshi_build(data, out, pdf=False, jobs=1)
            html = [p.stat().st_size for p in out.rglob("*.html")]
            indexes = [p.stat().st_size for p in out.rglob("search_index.json")]
            total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
            largest = max(html)
            print(" | ".join([str(n), layout, f"{run.wall:.1f}", f"{run.cpu:.1f}", str(len(html)),
                              f"{total / MB:,.1f} MB", kb(largest), kb(sum(html) // len(html)),
                              kb(max(indexes)), f"{run.peak_rss / MB:,.0f}"]), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,3,10,30,100", help="numbers of communities (default 1,3,10,30,100)")
    parser.add_argument("--years", type=int, default=3, help="years of data per community (default 3)")
    parser.add_argument("--pdf", action="store_true", help="also make the notice-board PDFs")
    parser.add_argument("--layouts", metavar="SIZES", help="compare the two MkDocs layouts at these sizes instead")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "gongshi-scale",
                        help="where the synthetic data and sites go (default: $TMPDIR/gongshi-scale)")
    parser.add_argument("--_sections", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._sections:
        build_sections_site(*args._sections)
        return 0
    if args.layouts:
        layouts([int(s) for s in args.layouts.split(",")], args.years, args.work)
        return 0
    results = scale([int(s) for s in args.sizes.split(",")], args.years, args.work, args.pdf)
    targets(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
