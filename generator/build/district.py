"""A portal of several communities: a district overview at the root, and each community as
its own MkDocs site under <slug>/.

Why separate builds (docs/scaling.md has the measurements): with every community in one
MkDocs site, each page carries every community in its navigation and one search index
holds them all, so a page's size and a search's download grow with the district. Built
separately, a community's pages and search index are the size of a single-community
site, communities build in parallel, and an unchanged community's site is taken from the
content-keyed cache (build/sitecache.py) instead of being built again.

The sequence: worker processes start while the main process checks the data (they load
MkDocs and jieba's dictionary meanwhile); the communities whose cache entry is missing
are built in them (build/jobs.py), and so is the overview, from pages the main process
renders; the main process then links the communities' sites under the overview, writes
the manifest of the whole site and swaps it in for --out in one rename.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from multiprocessing.pool import AsyncResult
from pathlib import Path

from ..analysis.firms import firm_ids_by_name, firm_of
from ..district.pages import page_tops, render_district
from ..exits import ExitCode, Stop
from ..model.portal import Portal
from ..site_layout import GENERATED_ROOT
from .jobs import CommunityJob, JobResult, OverviewJob, build_community, build_overview
from .manifest import write_manifest
from .project import cache_root, site_url
from .result import BuildResult, PdfCount
from .site_files import SiteFiles
from .sitecache import KeyInputs, SiteCache, community_key
from .staging import staging
from .workers import Progress, Workers

# Names MkDocs, Material and gongshi put at a site's root: a community cannot take them as its
# folder (the check refuses them first, as id.reserved: site_layout.py).
SITE_ROOT_NAMES = set(GENERATED_ROOT)


def _check_slugs(slugs: list[str], taken: set[str]) -> None:
    clashes = sorted(set(slugs) & taken)
    if clashes:
        raise Stop.data(f"小区目录名 {'、'.join(clashes)} 与全区网站自身的路径冲突，请给小区换一个目录名。")


def _changed_during_build(slug: str) -> Stop:
    return Stop.data(f"小区 {slug} 的网站缓存在构建过程中被改动，请重新构建。")


def _collect(futures: dict[str, AsyncResult]) -> list[JobResult]:
    results = [futures[name].get() for name in sorted(futures)]
    failed = [r for r in results if r.error]
    if failed:
        raise Stop("\n".join(r.error for r in failed), ExitCode(max(r.exit_code for r in failed)))
    return results


def build_district(portal: Portal, data_dir: Path, out_dir: Path, as_of: date, files: SiteFiles, *, pdf: bool,
                   only: str | None = None, workers: Workers | None = None,
                   before_manifest: Callable[[Path], None] = lambda built: None) -> BuildResult:
    cache = cache_root(data_dir)
    mkdocs_yml = files.mkdocs_yml
    key_inputs = KeyInputs.of_build(data_dir, as_of, pdf)
    site = portal.site.model
    base_url = site_url(site.base_url)
    store = SiteCache(cache / "sites")
    shared = key_inputs.digest()
    slugs = [only] if only else sorted(portal.communities)
    if not only:
        _check_slugs(slugs, SITE_ROOT_NAMES)
    # The firm of the register each community's pages show (its 物业服务 page).
    by_name = firm_ids_by_name(portal)
    firms = {slug: {f: portal.firms[f] for f in [firm_of(portal.communities[slug], portal, by_name)] if f}
             for slug in slugs}
    # Keys again after the check: the files are read as they are now.
    keys = {slug: community_key(shared, slug, portal.communities[slug].folder) for slug in slugs}
    reusable = {slug: store.files(slug, keys[slug]) for slug in slugs}
    jobs = [CommunityJob(slug, keys[slug], data_dir.resolve(), portal.site, portal.communities[slug], firms[slug],
                         as_of, pdf,
                         base_url, base_url + slug + "/", store.root, mkdocs_yml, files.content_dir,
                         cache / "pdf", cache / "charts")
            for slug in slugs if reusable[slug] is None]
    own = workers is None
    if own:
        workers = Workers.for_jobs(len(jobs) + (0 if only else 1), pdf=pdf)
    progress = Progress(len(jobs))
    futures: dict[str, AsyncResult] = {}
    try:
        for job in jobs:
            futures[job.slug] = workers.submit(build_community, job, progress.step)
        if only:
            results = _collect(futures)
            if store.files(only, keys[only]) is None:
                raise _changed_during_build(only)
            with staging(out_dir) as built:
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
    return BuildResult(out_dir, as_of, district=True, communities=tuple(slugs),
                       rebuilt=tuple(job.slug for job in jobs),
                       pdfs=sum((r.pdfs for r in results), PdfCount()) if pdf else None, only=only)


def _build_whole(portal, data_dir, out_dir, as_of, slugs, keys, reusable, store, futures, workers, title,
                 base_url, mkdocs_yml, before_manifest) -> list[JobResult]:
    """The overview and every community, swapped in for out_dir together."""
    with tempfile.TemporaryDirectory(prefix="gongshi-district-") as tmp, staging(out_dir) as built:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        nav = render_district(portal, as_of, docs, title)
        _check_slugs(slugs, page_tops(docs))
        _collect({"": workers.submit(build_overview, OverviewJob(
            docs, built, title, nav, base_url, mkdocs_yml, as_of))})
        results = _collect(futures)
        _check_slugs(slugs, {p.name for p in built.iterdir()})
        before_manifest(built)   # the web forms (--admin), before the files are listed
        hashed = {}
        for slug in slugs:
            # Reused entries were verified above; new ones were recorded just now.
            files = reusable[slug] if reusable[slug] is not None else store.recorded(slug, keys[slug])
            if files is None:
                raise _changed_during_build(slug)
            store.link_out(slug, keys[slug], built / slug)
            # Hashed once, when the community was built (SiteCache.record).
            hashed[slug] = {rel: sha for rel, (sha, _, _) in files.items()}
        write_manifest(data_dir, built, as_of, hashed=hashed)
    return results
