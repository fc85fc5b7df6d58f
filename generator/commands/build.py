"""`gongshi build`: check, render pages and PDFs into a staging folder, build the site.

The output folder is replaced only when every step succeeded (site/mkdocs_build.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from .. import PACKAGE_ROOT
from ..integrity.manifest import write_manifest
from ..load.discover import community_folders
from ..pipeline import check
from ..problems import format_text
from ..render import pages, views
from ..render.print_view import notice_print_view

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_ENV = 0, 1, 2, 3


class BuildFailed(Exception):
    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


def project_file(data_dir: Path, name: str) -> Path:
    """A project file (mkdocs.yml, content/, overrides/) beside the data folder, else gongshi's own."""
    beside = data_dir.resolve().parent / name
    return beside if beside.exists() else PACKAGE_ROOT / name


def cache_root(data_dir: Path) -> Path:
    """Build caches live beside the data folder, in a git-ignored .cache/ (never in --out)."""
    from ..cachedir import UnsafeCache, cache_root as checked_cache_root

    try:
        return checked_cache_root(data_dir)
    except UnsafeCache as exc:
        raise BuildFailed(f"{exc}（原有网站保持不变）", EXIT_DATA) from None


def refuse_project_links(data_dir: Path) -> None:
    """content/, overrides/ and mkdocs.yml are published or obeyed as they are: like data/,
    they may hold no symbolic link, or a pull request could publish a file from outside."""
    root = data_dir.resolve().parent
    for name in ("content", "overrides", "mkdocs.yml"):
        top = root / name
        links = [top] if top.is_symlink() else []
        if not links and top.is_dir():
            for folder, dirs, files in os.walk(top):  # does not descend into linked folders
                links += [Path(folder) / n for n in sorted(dirs + files) if (Path(folder) / n).is_symlink()]
        if links:
            raise BuildFailed(f"{links[0].relative_to(root).as_posix()} 是符号链接：content/、overrides/ 和 mkdocs.yml "
                              "中不允许符号链接，请把文件本身放进仓库（原有网站保持不变）。", EXIT_DATA)


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        return text[end + 5:] if end != -1 else text
    return text


def merge_content(content_dir: Path, docs: Path) -> list[dict]:
    """Hand-written pages (content/) join the generated ones; returns their nav entries."""
    nav = []
    if not content_dir.is_dir():
        return nav
    for path in sorted(content_dir.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(content_dir)
        target = docs / rel
        if target.exists():
            raise BuildFailed(f"content/{rel.as_posix()} 与生成的页面同名，请改名。", EXIT_DATA)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        if path.suffix == ".md" and len(rel.parts) == 1:
            first = next((line for line in _without_front_matter(path.read_text(encoding="utf-8")).splitlines()
                          if line.startswith("# ")), None)
            nav.append({(first[2:].strip() if first else path.stem): rel.as_posix()})
    return nav


def render_pdfs(ctx, docs: Path, cache_dir: Path) -> tuple[int, int]:
    from ..pdf import render_notice_pdf

    rendered = cached = 0
    for nid, notice in sorted(ctx.community.notices.items()):
        if not notice.model.print:
            continue
        out = docs / "notices" / f"{nid}.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        if render_notice_pdf(notice_print_view(ctx, nid), out, cache_dir=cache_dir):
            rendered += 1
        else:
            cached += 1
    return rendered, cached


def checked_portal(data_dir: Path, as_of: date, community: str | None):
    """The portal, once `gongshi check` finds no error in it; problems are printed."""
    portal, problems = check(data_dir, as_of)
    if problems:
        sys.stdout.write(format_text(problems))
    if any(p.is_error for p in problems):
        raise BuildFailed("数据有错误，未构建网站（原有网站保持不变）。", EXIT_DATA)
    if portal.site is None or not portal.communities:
        raise BuildFailed("没有可发布的小区。", EXIT_DATA)
    refuse_project_links(data_dir)
    if community is not None and community not in portal.communities:
        known = sorted(portal.communities)
        listed = "、".join(known[:10]) + ("等" if len(known) > 10 else "")
        raise BuildFailed(f"没有目录名为“{community}”的小区（现有：{listed}）。", EXIT_USAGE)
    return portal


def admin_writer(portal, data_dir: Path, admin: bool):
    """With --admin: a step that writes the web forms (admin/) into a finished build folder."""
    if not admin:
        return lambda built: None
    from ..admin import write_admin
    return lambda built: write_admin(portal, built, cache_root(data_dir))


def build(data_dir: Path, out_dir: Path, as_of: date, *, pdf: bool, log=print, community: str | None = None,
          admin: bool = False) -> None:
    """Check, then build the portal; with `community`, only that community's site; with
    `admin`, the web forms too (generator/admin/)."""
    from ..site.mkdocs_build import SiteBuildError, build_site

    # Several communities: worker processes start now and load MkDocs while the data is checked.
    # One community (the usual portal) never imports the district machinery.
    workers = None
    if len(community_folders(data_dir)) > 1:
        from .district import Workers
        workers = Workers.start(data_dir, as_of, pdf=pdf, only=community)
    try:
        portal = checked_portal(data_dir, as_of, community)
        if len(portal.communities) > 1:
            from .district import build_district
            build_district(portal, data_dir, out_dir, as_of, pdf=pdf, log=log, only=community, workers=workers,
                           before_manifest=admin_writer(portal, data_dir, admin))
            return
    finally:
        if workers is not None:
            workers.close()
    site = portal.site.model
    community = next(iter(portal.communities.values()))
    base_url = site.base_url if site.base_url.endswith("/") else site.base_url + "/"
    ctx = views.make_context(portal, community, as_of, base_url, with_pdf=pdf)
    from ..render.chart_cache import CachedCharts
    charts = CachedCharts(cache_root(data_dir) / "charts")  # matplotlib only for changed charts
    add_admin = admin_writer(portal, data_dir, admin)
    with tempfile.TemporaryDirectory(prefix="gongshi-docs-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        nav = pages.render_community(ctx, docs, site.title, charts)
        nav += merge_content(project_file(data_dir, "content"), docs)
        if pdf:
            from ..pdf import MissingFontError
            try:
                rendered, cached = render_pdfs(ctx, docs, cache_root(data_dir) / "pdf")
            except MissingFontError as exc:
                raise BuildFailed(str(exc), EXIT_ENV) from None
            log(f"打印版 PDF：新生成 {rendered} 份，沿用缓存 {cached} 份。")
        try:
            build_site(docs, out_dir, site_name=site.title, nav=nav, site_url=base_url,
                       base_config=project_file(data_dir, "mkdocs.yml"), build_date=as_of,
                       before_swap=lambda built: (add_admin(built), write_manifest(data_dir, built, as_of)))
        except SiteBuildError as exc:
            raise BuildFailed(str(exc), EXIT_ENV if "jieba" in str(exc) else EXIT_DATA) from None
    log(f"网站已生成：{out_dir}/（数据截至 {as_of}）")


def run(data_dir: Path, out_dir: Path, as_of: date, *, pdf: bool = True, community: str | None = None,
        admin: bool = False) -> int:
    try:
        build(data_dir, out_dir, as_of, pdf=pdf, community=community, admin=admin)
    except BuildFailed as exc:
        print(f"gongshi build：{exc}", file=sys.stderr)
        return exc.exit_code
    return EXIT_OK
