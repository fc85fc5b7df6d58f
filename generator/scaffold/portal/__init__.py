"""`gongshi init DIR`: a new portal repository that a committee can push as it is.

Everything it writes comes from files/ beside this module: repository/ (README, the
pinned requirement, GitHub and Gitea workflows, pre-commit, .gitignore), data/ (site.yml)
and community/ (one community's files, written once per community). A name ending in
`.in` is a `string.Template` and loses the suffix; a path part starting with `dot-`
starts with `.` in the repository (hidden names would be easy to lose in a wheel).
The JSON Schemas are written from the models; .vscode/settings.json is gongshi's own
(a test keeps the two equal and checks it maps every data file to its schema).

The data passes `gongshi check` as written: a committee of five, an empty ledger period of
the current year for each account, and a first notice (printed, so the first build makes
a PDF). Names and figures are placeholders the README asks to replace before the first push.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from ... import __version__
from ...exits import Stop
from ...model.records import KINDS
from ...model.schema import schema_text
from .. import align

NOTICE_DAYS = 15      # the first notice's period, both ends counted (site.yml asks at least 7)


@dataclass(frozen=True)
class Seed:
    """The placeholders of one community (the README asks to replace them)."""

    slug: str
    name: str
    owners: int
    area: str


ONE = (Seed("xiaoqu", "某某小区", 1000, "90000.00"),)
DISTRICT = (Seed("dongyuan", "某某东苑", 800, "72000.00"), Seed("xiyuan", "某某西苑", 600, "54000.00"))
STREET = "某某街道"


def requirement() -> str:
    """The one install line of a portal (requirements.txt): the gongshi that wrote it."""
    return f"gongshi=={__version__}"


def _templates(folder: str) -> dict[str, Traversable]:
    """Relative path → file, below files/<folder>."""
    found: dict[str, Traversable] = {}

    def walk(node: Traversable, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, rel + "/")
            elif child.is_file():
                found[rel] = child

    walk(resources.files(__package__) / "files" / folder, "")
    return found


def _target(rel: str) -> str:
    parts = [("." + part[4:]) if part.startswith("dot-") else part for part in rel.split("/")]
    name = "/".join(parts)
    return name[:-3] if name.endswith(".in") else name


def _text(template: Traversable, values: dict[str, object]) -> str:
    text = template.read_text(encoding="utf-8")
    if not template.name.endswith(".in"):
        return text
    rendered = Template(text).substitute({k: str(v) for k, v in values.items()})
    return align(rendered) if template.name.endswith(".yml.in") else rendered


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _community_files(seed: Seed, as_of: date, issuer: str) -> dict[str, str]:
    term_start = as_of - timedelta(days=60)
    values = {
        "as_of": as_of, "year": as_of.year, "name": seed.name, "street": STREET, "owners": seed.owners,
        "area": seed.area, "issuer": issuer, "period": as_of.year,
        "elected_on": term_start - timedelta(days=3),                  # 选举产生之日，任期随后开始
        "term_start": term_start,
        "term_end": _years_later(term_start, 5) - timedelta(days=1),   # 物业管理条例第16条：任期不超过5年
        "filed_on": term_start + timedelta(days=20),                   # 选举产生之日起30日内备案
        "notice_to": as_of + timedelta(days=NOTICE_DAYS - 1),
    }
    folder = f"data/communities/{seed.slug}"
    places = {
        "community.yml.in": f"{folder}/community.yml",
        "committee.yml.in": f"{folder}/committee.yml",
        "maintenance-fund.yml.in": f"{folder}/maintenance-fund/{as_of.year}.yml",
        "public-revenue.yml.in": f"{folder}/public-revenue/{as_of.year}.yml",
        "notice.yml.in": f"{folder}/notices/{as_of:%Y-%m}-website.yml",
    }
    return {places[rel]: _text(template, values) for rel, template in _templates("community").items()}


def portal_files(as_of: date, *, district: bool) -> dict[str, str]:
    """Relative path → text of every file of a new portal repository."""
    seeds = DISTRICT if district else ONE
    title, publisher, slug = ((f"{STREET}小区信息公开", f"{STREET}办事处", "jiedao") if district else
                              (f"{seeds[0].name}信息公开", f"{seeds[0].name}业主委员会", seeds[0].slug))
    values = {"as_of": as_of, "title": title, "publisher": publisher, "slug": slug,
              "version": __version__, "requirement": requirement()}
    files = {prefix + _target(rel): _text(t, values) for folder, prefix in (("repository", ""), ("data", "data/"))
             for rel, t in _templates(folder).items()}
    for seed in seeds:
        files.update(_community_files(seed, as_of, f"{seed.name}业主委员会"))
    files.update({f"schemas/{kind}.schema.json": schema_text(kind) for kind in KINDS})
    return dict(sorted(files.items()))


def _is_empty(folder: Path) -> bool:
    """Nothing in it but, perhaps, an empty clone's .git (a repository made on GitHub first)."""
    return all(entry.name == ".git" for entry in folder.iterdir())


def write_portal(target: Path, as_of: date, *, district: bool) -> list[str]:
    """Write a new portal repository into `target` (created if missing; refused unless empty).
    Returns the relative paths written."""
    if target.exists() and not target.is_dir():
        raise Stop.usage(f"{target} 已存在，且不是文件夹：请换一个文件夹名。")
    if target.is_dir() and not _is_empty(target):
        raise Stop.usage(f"文件夹 {target} 不是空的：gongshi init 只在空文件夹里新建仓库，不覆盖已有的文件。")
    files = portal_files(as_of, district=district)
    try:
        for rel, text in files.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    except OSError as error:
        raise Stop.usage(f"无法在 {target} 中写入文件：{error}") from error
    return list(files)
