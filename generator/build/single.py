"""A portal of one community: its pages, hand-written content/, PDFs and MkDocs site,
swapped in for --out with the manifest."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..model.portal import Portal
from ..render import pages, views
from ..render.chart_cache import CachedCharts
from ..site.mkdocs_build import build_site
from ..site.safety import require_no_foreign_loads
from .content import merge_content
from .manifest import write_manifest
from .pdfs import refuse_overlong_notices, render_pdfs
from .project import cache_root, site_url
from .result import BuildResult
from .site_files import SiteFiles
from .staging import staging


def build_single(portal: Portal, data_dir: Path, out_dir: Path, as_of: date, files: SiteFiles, *, pdf: bool,
                 before_manifest: Callable[[Path], None] = lambda built: None) -> BuildResult:
    site = portal.site.model
    community = next(iter(portal.communities.values()))
    base_url = site_url(site.base_url)
    ctx = views.make_context(portal, community, as_of, base_url, with_pdf=pdf)
    if pdf:
        refuse_overlong_notices(ctx)   # before any page: a refusal comes in seconds
    charts = CachedCharts(cache_root(data_dir) / "charts")  # matplotlib only for changed charts
    with tempfile.TemporaryDirectory(prefix="gongshi-docs-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        nav = pages.render_community(ctx, docs, site.title, charts)
        nav += merge_content(files.content_dir, docs)
        pdfs = render_pdfs(ctx, docs, cache_root(data_dir) / "pdf") if pdf else None
        with staging(out_dir) as built:
            build_site(docs, built, site_name=site.title, nav=nav, site_url=base_url,
                       base_config=files.mkdocs_yml, build_date=as_of)
            require_no_foreign_loads(built, site_url=base_url)   # the gate before the swap
            before_manifest(built)   # the web forms (--admin), before the files are listed
            write_manifest(data_dir, built, as_of)
    return BuildResult(out_dir, as_of, district=False, communities=(community.slug,),
                       rebuilt=(community.slug,), pdfs=pdfs)
