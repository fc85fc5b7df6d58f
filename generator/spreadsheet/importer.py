"""`gongshi import` as one call: read the sheet, check every row, plan the period files,
and write them only when every row is good."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..exits import Stop
from ..model.portal import CommunityData
from ..pipeline import load_portal
from ..problems import Problem, display_path, sorted_problems
from . import ledgerfiles
from .headers import Columns, find_columns, read_map
from .rows import Entry, Reader, Skipped
from .table import Table, read_table

ACCOUNTS = ("maintenance-fund", "public-revenue")


@dataclass
class Imported:
    """What an import found and did; `problems` non-empty means nothing was written."""

    problems: list[Problem] = field(default_factory=list)
    table: Table | None = None
    columns: Columns | None = None
    entries: list[Entry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    plan: ledgerfiles.Plan | None = None


def community_folder(data_dir: Path, slug: str | None) -> Path:
    """The community to import into (it may be left out when there is only one)."""
    if not data_dir.is_dir():
        raise Stop.usage(f"找不到数据目录 {display_path(data_dir)}：请用 --data 指定，或在含有 data/ 的目录中运行。")
    folder = data_dir / "communities"
    slugs = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if slug is None:
        if len(slugs) != 1:
            raise Stop.usage(f"有多个小区，请用 --community 指定其中一个：{'、'.join(slugs)}。" if slugs
                             else f"{display_path(folder)} 下还没有小区文件夹。")
        slug = slugs[0]
    if slug not in slugs:
        raise Stop.usage(f"找不到小区“{slug}”（{display_path(folder / slug)}）。已有：{'、'.join(slugs) or '无'}。")
    return folder / slug


def _votes(community: CommunityData) -> dict[str, str]:
    """A vote's id, or its exact title, → its id (a file that fails `check` still has an id)."""
    votes = {stem: stem for kind, stem in community.invalid if kind == "vote"}
    for vid, vote in community.votes.items():
        votes.setdefault(vote.model.title.strip(), vid)
        votes[vid] = vid
    return votes


def _origin(path: Path, table: Table):
    name = path.name.replace("\n", " ")
    where = f"{name} 工作表“{table.sheet}”" if table.sheet is not None else f"{name} "
    return lambda entry: f"{where}第{entry.row}行"


def import_sheet(path: Path, data_dir: Path, slug: str | None, account: str, period: str | None = None,
                 map_path: Path | None = None, sheet: str | None = None, write: bool = True) -> Imported:
    if account not in ACCOUNTS:
        raise Stop.usage(f"--account 应为 {' 或 '.join(ACCOUNTS)}。")
    folder = community_folder(data_dir, slug)
    result = Imported()
    mapping = {}
    if map_path is not None:
        if not map_path.is_file():
            raise Stop.usage(f"找不到对照表 {display_path(map_path)}。")
        mapping, result.problems = read_map(map_path)
        if result.problems:
            return result
    result.table = read_table(path, sheet)
    result.columns, result.problems = find_columns(result.table, mapping)
    if result.problems:
        result.problems = sorted_problems(result.problems)
        return result
    portal, _ = load_portal(data_dir)
    community = portal.communities.get(folder.name) or CommunityData(slug=folder.name, folder=folder)
    reader = Reader(result.table, result.columns, account, _votes(community))
    result.entries, result.skipped, problems = reader.read()
    if problems:
        result.problems = sorted_problems(problems)
        return result
    result.plan, problems = ledgerfiles.plan(portal, community, account, result.entries, period, result.table,
                                             result.columns.by_field["date"], path.name, _origin(path, result.table))
    if problems:
        result.problems = sorted_problems(problems)
        return result
    if write:
        ledgerfiles.write(result.plan)
    return result
