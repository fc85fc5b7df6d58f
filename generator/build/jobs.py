"""What a worker process builds for a district: one community's site into its cache entry,
or the overview. Jobs and results cross the process boundary, so they are plain data, and
a Stop in a worker comes back as a result (its message and exit code), never as an
exception whose exit code pickling would lose."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..district.pages import NAV_TITLE
from ..exits import ExitCode, Stop
from ..model.portal import CommunityData, Loaded, Portal
from .result import PdfCount


@dataclass(frozen=True)
class CommunityJob:
    """Everything a worker needs to build one community's site (picklable)."""

    slug: str
    key: str
    data_dir: Path
    site: Loaded
    community: CommunityData
    firms: dict            # the register's file of the firm serving the community (its 物业服务 page shows it)
    as_of: date
    pdf: bool
    district_url: str      # the district overview, linked from every community page
    site_url: str          # base_url + slug + "/"
    cache: Path            # the site cache (build/sitecache.py); the site goes into its entry
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
    exit_code: ExitCode = ExitCode.OK
    pdfs: PdfCount = PdfCount()


def community_title(community: CommunityData) -> str:
    name = community.profile.model.name if community.profile else community.slug
    return f"{name}信息公开"


def build_community(job: CommunityJob) -> JobResult:
    """Render and build one community's site into its cache entry (runs in a worker)."""
    from ..render import pages, views
    from ..render.chart_cache import CachedCharts
    from ..site.mkdocs_build import build_site
    from ..site.safety import require_no_foreign_loads
    from .content import merge_content
    from .pdfs import refuse_overlong_notices, render_pdfs
    from .sitecache import SiteCache
    from .staging import staging

    portal = Portal(data_dir=job.data_dir, site=job.site, communities={job.slug: job.community}, firms=job.firms)
    ctx = views.make_context(portal, job.community, job.as_of, job.site_url, with_pdf=job.pdf, in_district=True)
    title = community_title(job.community)
    pdfs = PdfCount()
    store = SiteCache(job.cache)
    try:
        if job.pdf:
            refuse_overlong_notices(ctx)   # before any page: a refusal comes in seconds
        with tempfile.TemporaryDirectory(prefix="gongshi-docs-") as tmp:
            docs = Path(tmp) / "docs"
            docs.mkdir()
            # First tab: back to the district. Absolute, because a relative nav link that is not
            # a page of this site fails MkDocs' strict nav validation.
            nav = [{NAV_TITLE: job.district_url}]
            nav += pages.render_community(ctx, docs, title, CachedCharts(job.chart_cache))
            nav += merge_content(job.content_dir, docs)
            if job.pdf:
                pdfs = render_pdfs(ctx, docs, job.pdf_cache)
            with staging(store.entry(job.slug, job.key)) as built:
                build_site(docs, built, site_name=title, nav=nav, site_url=job.site_url,
                           base_config=job.mkdocs_yml, build_date=job.as_of)
                # The gate before the entry is swapped in: a cached entry was scanned when built
                # (the generator's code is part of its key).
                require_no_foreign_loads(built, site_url=job.site_url)
    except Stop as stop:
        return JobResult(job.slug, stop.message, stop.exit_code)
    store.record(job.slug, job.key)
    return JobResult(job.slug, pdfs=pdfs)


def build_overview(job: OverviewJob) -> JobResult:
    from ..site.mkdocs_build import build_site
    from ..site.safety import require_no_foreign_loads

    try:
        build_site(job.docs, job.out, site_name=job.site_name, nav=job.nav, site_url=job.site_url,
                   base_config=job.mkdocs_yml, build_date=job.as_of)
        # The overview alone (the communities are linked in later, each scanned when built);
        # the whole district is swapped in only after this.
        require_no_foreign_loads(job.out, site_url=job.site_url)
    except Stop as stop:
        return JobResult("", stop.message, stop.exit_code)
    return JobResult("")
