"""`gongshi build` for a portal of several communities: a district overview at the root,
and each community as its own MkDocs site under <slug>/.

Why separate builds (docs/scaling.md has the measurements): with every community in one
MkDocs site, each page carries every community in its navigation and one search index
holds them all, so a page's size and a search's download grow with the district. Built
separately, a community's pages and search index are the size of a single-community
site, communities build in parallel, and an unchanged community's site is taken from the
content-keyed cache (district/sitecache.py) instead of being built again.

The sequence: worker processes start while the main process checks the data (they load
MkDocs and jieba's dictionary meanwhile); the communities whose cache entry is missing
are built in them, and so is the overview, from pages the main process renders; the
main process then links the communities' sites under the overview, writes the manifest
of the whole site and swaps it in for --out in one rename.
"""

from __future__ import annotations

import ctypes
import gc
import json
import multiprocessing
import multiprocessing.pool
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Iterator

from ..district.pages import NAV_TITLE, page_tops, render_district
from ..district.sitecache import KeyInputs, SiteCache, community_key
from ..integrity.manifest import MANIFEST, build_manifest, write_manifest
from ..load.discover import community_folders
from ..model.portal import CommunityData, Loaded, Portal
from .build import (
    EXIT_DATA, EXIT_ENV, BuildFailed, cache_root, merge_content, project_file, render_pdfs,
)

# Names MkDocs and Material put at a site's root: a community cannot take them as its folder.
SITE_ROOT_NAMES = {"assets", "search", "404.html", "sitemap.xml", "sitemap.xml.gz", MANIFEST, "admin"}  # admin/: the web forms
JOBS_ENV = "GONGSHI_JOBS"   # worker processes (default: the usable CPU cores)
# Sites a worker builds before a fresh one takes over. A worker's memory creeps up from one
# community to the next (by about 6 MB with PDFs, after the release below): renewing it
# now and then keeps the peak flat, for a second or two of warm-up each time.
TASKS_PER_WORKER, TASKS_PER_WORKER_PDF = 100, 25


# ---------------------------------------------------------------- what a worker builds

@dataclass(frozen=True)
class CommunityJob:
    """Everything a worker needs to build one community's site (picklable)."""

    slug: str
    key: str
    data_dir: Path
    site: Loaded
    community: CommunityData
    as_of: date
    pdf: bool
    district_url: str      # the district overview, linked from every community page
    site_url: str          # base_url + slug + "/"
    cache: Path            # the site cache (district/sitecache.py); the site goes into its entry
    mkdocs_yml: Path
    content_dir: Path      # hand-written pages: every community's site gets them, as a single site does
    pdf_cache: Path
    chart_cache: Path


@dataclass(frozen=True)
class OverviewJob:
    """The district overview, rendered by the main process, built by a worker."""

    docs: Path
    out: Path
    site_name: str
    nav: list
    site_url: str
    mkdocs_yml: Path
    as_of: date


@dataclass(frozen=True)
class JobResult:
    slug: str
    error: str | None = None
    exit_code: int = 0
    pdf_rendered: int = 0
    pdf_cached: int = 0


def community_title(community: CommunityData) -> str:
    name = community.profile.model.name if community.profile else community.slug
    return f"{name}信息公开"


def _site_failure(name: str, exc: Exception) -> JobResult:
    return JobResult(name, f"{exc}", EXIT_ENV if "jieba" in str(exc) else EXIT_DATA)


def build_community(job: CommunityJob) -> JobResult:
    """Render and build one community's site into its cache entry (runs in a worker)."""
    from ..render import pages, views
    from ..render.chart_cache import CachedCharts
    from ..site.mkdocs_build import SiteBuildError, build_site

    portal = Portal(data_dir=job.data_dir, site=job.site, communities={job.slug: job.community})
    ctx = views.make_context(portal, job.community, job.as_of, job.site_url, with_pdf=job.pdf)
    title = community_title(job.community)
    rendered = cached = 0
    with tempfile.TemporaryDirectory(prefix="gongshi-docs-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        # First tab: back to the district. Absolute, because a relative nav link that is not
        # a page of this site fails MkDocs' strict nav validation.
        nav = [{NAV_TITLE: job.district_url}]
        nav += pages.render_community(ctx, docs, title, CachedCharts(job.chart_cache))
        try:
            nav += merge_content(job.content_dir, docs)
        except BuildFailed as exc:
            return JobResult(job.slug, str(exc), exc.exit_code)
        if job.pdf:
            from ..pdf import MissingFontError
            try:
                rendered, cached = render_pdfs(ctx, docs, job.pdf_cache)
            except MissingFontError as exc:
                return JobResult(job.slug, str(exc), EXIT_ENV)
        store = SiteCache(job.cache)
        try:
            build_site(docs, store.entry(job.slug, job.key), site_name=title, nav=nav, site_url=job.site_url,
                       base_config=job.mkdocs_yml, build_date=job.as_of)
        except SiteBuildError as exc:
            return _site_failure(job.slug, exc)
        store.record(job.slug, job.key)
    return JobResult(job.slug, pdf_rendered=rendered, pdf_cached=cached)


def build_overview(job: OverviewJob) -> JobResult:
    from ..site.mkdocs_build import SiteBuildError, build_site

    try:
        build_site(job.docs, job.out, site_name=job.site_name, nav=job.nav, site_url=job.site_url,
                   base_config=job.mkdocs_yml, build_date=job.as_of)
    except SiteBuildError as exc:
        return _site_failure("", exc)
    return JobResult("")


# ---------------------------------------------------------------- the workers

def _warm_up() -> None:
    """In each worker as it starts: the imports and jieba's dictionary (a second or two)
    load here, while the main process is still checking the data."""
    import logging

    import jieba
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    from ..render import pages, views  # noqa: F401
    from ..site import mkdocs_build  # noqa: F401

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _release_memory() -> None:
    """After each site: collect WeasyPrint's and MkDocs' cycles and hand freed heap back to
    the system (glibc keeps it otherwise), so a worker's resident size stays near its base."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc


def _in_worker(build, job) -> JobResult:
    try:
        return build(job)
    finally:
        _release_memory()


def worker_count(pending: int) -> int:
    configured = os.environ.get(JOBS_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        cores = int(configured)
    else:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, pending))


def _pool(workers: int, pdf: bool) -> multiprocessing.pool.Pool:
    # Processes, not threads: build_site sets SOURCE_DATE_EPOCH in os.environ. Started from
    # a fork server (the default from Python 3.14), not forked from this process, which may
    # have threads (a test's web server, say) whose locks a fork would copy mid-use.
    # multiprocessing.Pool, not ProcessPoolExecutor, whose max_tasks_per_child deadlocks on
    # Python 3.11 to 3.14 (CPython gh-115634).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return context.Pool(processes=workers, initializer=_warm_up,
                        maxtasksperchild=TASKS_PER_WORKER_PDF if pdf else TASKS_PER_WORKER)


@dataclass
class Workers:
    """The worker processes of one build, started before the data is checked."""

    pool: multiprocessing.pool.Pool

    def submit(self, build, job, done=None) -> AsyncResult:
        return self.pool.apply_async(_in_worker, (build, job), callback=done, error_callback=done)

    @classmethod
    def start(cls, data_dir: Path, as_of: date, *, pdf: bool, only: str | None) -> Workers | None:
        """Workers for a portal of several communities (else None): as many as there are
        communities to build plus the overview, up to the CPU cores."""
        folders = community_folders(data_dir)
        if len(folders) < 2:
            return None
        store = SiteCache(cache_root(data_dir) / "sites")
        wanted = [f for f in folders if only is None or f.name == only]
        try:
            shared = _key_inputs(data_dir, as_of, pdf).digest()
            # An estimate (the check may still change what is built): is an entry recorded at all?
            stale = sum(1 for f in wanted if store.recorded(f.name, community_key(shared, f.name, f)) is None)
        except OSError:
            stale = len(wanted)   # an unreadable file: the check reports it
        return cls(_pool(worker_count(stale + (0 if only else 1)), pdf))   # they start warming up now

    def close(self) -> None:
        """Stop the workers; a site still being built is abandoned (its cache entry appears
        only by a rename of a finished build)."""
        self.pool.terminate()
        self.pool.join()


# ---------------------------------------------------------------- the main process

class Progress:
    """A counter on a terminal; silent in CI logs, where only the summary is printed."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.live = total > 1 and sys.stderr.isatty()

    def step(self, _result=None) -> None:
        self.done += 1
        if self.live:
            sys.stderr.write(f"\r构建小区网站 {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\n")


def _key_inputs(data_dir: Path, as_of: date, pdf: bool) -> KeyInputs:
    return KeyInputs(data_dir.resolve() / "site.yml", project_file(data_dir, "mkdocs.yml"),
                     project_file(data_dir, "content"), as_of, pdf)


def _guard_out_dir(out_dir: Path, data_dir: Path) -> None:
    out = out_dir.resolve()
    for precious in (data_dir.resolve(), cache_root(data_dir), project_file(data_dir, "mkdocs.yml"),
                     project_file(data_dir, "content")):
        if precious == out or out in precious.parents:
            raise BuildFailed(f"输出目录 {out} 包含 {precious}，构建会将其删除；请换一个输出目录。", EXIT_DATA)
    if out.exists() and not out.is_dir():
        raise BuildFailed(f"输出路径 {out} 已存在且不是目录。", EXIT_DATA)


def _check_slugs(slugs: list[str], taken: set[str]) -> None:
    clashes = sorted(set(slugs) & taken)
    if clashes:
        raise BuildFailed(f"小区目录名 {'、'.join(clashes)} 与全区网站自身的路径冲突，请给小区换一个目录名。", EXIT_DATA)


def _collect(futures: dict[str, AsyncResult]) -> list[JobResult]:
    results = [futures[name].get() for name in sorted(futures)]
    failed = [r for r in results if r.error]
    if failed:
        raise BuildFailed("\n".join(r.error for r in failed), max(r.exit_code for r in failed))
    return results


def build_district(portal: Portal, data_dir: Path, out_dir: Path, as_of: date, *, pdf: bool,
                   log=print, only: str | None = None, workers: Workers | None = None,
                   before_manifest=lambda built: None) -> None:
    _guard_out_dir(out_dir, data_dir)
    site = portal.site.model
    base_url = site.base_url if site.base_url.endswith("/") else site.base_url + "/"
    mkdocs_yml = project_file(data_dir, "mkdocs.yml")
    store = SiteCache(cache_root(data_dir) / "sites")
    key_inputs = _key_inputs(data_dir, as_of, pdf)
    shared = key_inputs.digest()
    slugs = [only] if only else sorted(portal.communities)
    if not only:
        _check_slugs(slugs, SITE_ROOT_NAMES)
    # Keys again after the check: the files are read as they are now.
    keys = {slug: community_key(shared, slug, portal.communities[slug].folder) for slug in slugs}
    reusable = {slug: store.files(slug, keys[slug]) for slug in slugs}
    jobs = [CommunityJob(slug, keys[slug], data_dir.resolve(), portal.site, portal.communities[slug], as_of, pdf,
                         base_url, base_url + slug + "/", store.root, mkdocs_yml, key_inputs.content_dir,
                         cache_root(data_dir) / "pdf", cache_root(data_dir) / "charts")
            for slug in slugs if reusable[slug] is None]
    own = workers is None
    if own:
        workers = Workers(_pool(worker_count(len(jobs) + (0 if only else 1)), pdf))
    progress = Progress(len(jobs))
    futures: dict[str, AsyncResult] = {}
    try:
        for job in jobs:
            futures[job.slug] = workers.submit(build_community, job, progress.step)
        if only:
            results = _collect(futures)
            if store.files(only, keys[only]) is None:
                raise BuildFailed(f"小区 {only} 的网站缓存在构建过程中被改动，请重新构建。", EXIT_DATA)
            with _staging(out_dir) as built:
                shutil.copytree(store.entry(only, keys[only]), built, copy_function=shutil.copyfile)
                before_manifest(built)
                write_manifest(data_dir, built, as_of)
        else:
            results = _build_whole(portal, data_dir, out_dir, as_of, slugs, keys, reusable, store, futures,
                                   workers, site.title, base_url, mkdocs_yml, before_manifest)
    finally:
        if own:
            workers.close()
        progress.close()
    for slug in slugs:
        store.prune(slug, keys[slug])
    log(f"小区网站：新构建 {len(jobs)} 个，沿用缓存 {len(slugs) - len(jobs)} 个。")
    if pdf and jobs:
        log(f"打印版 PDF（新构建的小区）：新生成 {sum(r.pdf_rendered for r in results)} 份，"
            f"沿用缓存 {sum(r.pdf_cached for r in results)} 份。")
    what = f"小区 {only} 的网站" if only else f"全区网站（{len(slugs)} 个小区）"
    log(f"{what}已生成：{out_dir}/（数据截至 {as_of}）")


def _build_whole(portal, data_dir, out_dir, as_of, slugs, keys, reusable, store, futures, workers, title,
                 base_url, mkdocs_yml, before_manifest) -> list[JobResult]:
    """The overview and every community, swapped in for out_dir together."""
    with tempfile.TemporaryDirectory(prefix="gongshi-district-") as tmp, _staging(out_dir) as built:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        nav = render_district(portal, as_of, docs, title)
        _check_slugs(slugs, page_tops(docs))
        _collect({"": workers.submit(build_overview, OverviewJob(
            docs, built, title, nav, base_url, mkdocs_yml, as_of))})
        results = _collect(futures)
        _check_slugs(slugs, {p.name for p in built.iterdir()})
        before_manifest(built)   # the web forms (--admin), before the files are listed
        manifest = build_manifest(data_dir, built, as_of)   # the overview's own files
        for slug in slugs:
            # Reused entries were verified above; new ones were recorded just now.
            files = reusable[slug] if reusable[slug] is not None else store.recorded(slug, keys[slug])
            if files is None:
                raise BuildFailed(f"小区 {slug} 的网站缓存在构建过程中被改动，请重新构建。", EXIT_DATA)
            store.link_out(slug, keys[slug], built / slug)
            # Hashed once, when the community was built (SiteCache.record).
            manifest["site"].update((f"{slug}/{rel}", sha) for rel, (sha, _, _) in files.items())
        write_manifest_json(built, manifest)
    return results


def write_manifest_json(site_dir: Path, manifest: dict) -> None:
    """Written as integrity/manifest.py writes it (a test compares the two byte for byte)."""
    (site_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                     encoding="utf-8")


@contextmanager
def _staging(out_dir: Path) -> Iterator[Path]:
    """A folder next to out_dir to make the new site in; when the block ends without an
    error it replaces out_dir with two renames (as site/mkdocs_build.py does), so a failure
    anywhere leaves the previous site as it was."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".gongshi-build-", dir=out_dir.parent))
    try:
        built = work / "site"
        yield built
        if out_dir.exists():
            out_dir.rename(work / "previous")
        try:
            built.rename(out_dir)
        except OSError:
            if (work / "previous").exists():
                (work / "previous").rename(out_dir)
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
