"""`build_portal`: the one entry of a build. Check the data, then build a one-community
portal (single.py) or a district (district.py) into --out, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..exits import Stop
from ..load.discover import community_folders
from ..pipeline import check
from ..problems import Problem
from .guard import refuse_build_out_dir
from .project import Project, refuse_project_links
from .result import BuildResult
from .site_files import site_files


def checked_portal(data_dir: Path, as_of: date, community: str | None,
                   on_checked: Callable[[list[Problem]], None] | None = None):
    """The portal, once `gongshi check` finds no error in it. on_checked receives every
    problem found (warnings, or the errors that stop the build) before anything is built."""
    portal, problems = check(data_dir, as_of)
    if on_checked is not None:
        on_checked(problems)
    if any(p.is_error for p in problems):
        raise Stop.data("数据有错误，未构建网站（原有网站保持不变）。")
    if portal.site is None or not portal.communities:
        raise Stop.data("没有可发布的小区。")
    refuse_project_links(data_dir)
    if community is not None and community not in portal.communities:
        known = sorted(portal.communities)
        listed = "、".join(known[:10]) + ("等" if len(known) > 10 else "")
        raise Stop.usage(f"没有目录名为“{community}”的小区（现有：{listed}）。")
    return portal


def build_portal(data_dir: Path, out_dir: Path, as_of: date, *, pdf: bool = True, community: str | None = None,
                 admin: bool = False, on_checked: Callable[[list[Problem]], None] | None = None) -> BuildResult:
    """Check, then build the portal; with `community`, only that community's site; with
    `admin`, the web forms too (generator/admin/).
    Raises Stop (with its exit code) when the build cannot be made; --out is then untouched."""
    refuse_build_out_dir(out_dir, data_dir)   # first: a wrong --out is refused before any work
    # Several communities: worker processes start now and load MkDocs while the data is checked.
    # One community (the usual portal) never imports the district machinery.
    workers = None
    if len(community_folders(data_dir)) > 1:
        from .workers import Workers
        workers = Workers.start(data_dir, as_of, pdf=pdf, only=community)
    try:
        portal = checked_portal(data_dir, as_of, community, on_checked)
        if len(portal.communities) > 1:
            from .district import build_district
            with site_files(Project.around(data_dir)) as files:
                return build_district(portal, data_dir, out_dir, as_of, files, pdf=pdf, only=community,
                                      workers=workers, before_manifest=_admin_writer(portal, data_dir, admin))
    finally:
        if workers is not None:
            workers.close()
    from .single import build_single
    with site_files(Project.around(data_dir)) as files:
        return build_single(portal, data_dir, out_dir, as_of, files, pdf=pdf,
                            before_manifest=_admin_writer(portal, data_dir, admin))


def _admin_writer(portal, data_dir: Path, admin: bool) -> Callable[[Path], None]:
    """With --admin: a step that writes the web forms (admin/) into the finished build
    folder, before its files are listed in the manifest."""
    if not admin:
        return lambda built: None
    from ..admin import write_admin
    from .project import cache_root
    return lambda built: write_admin(portal, built, cache_root(data_dir))
