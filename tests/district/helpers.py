"""Small districts written inline: each community is a few short YAML files whose figures the
tests know by heart. Everything passes `gongshi check` at AS_OF with no errors; each community's
one ledger period (2026-H1) has its statement published on time unless a test says otherwise."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import write_tree

AS_OF = date(2026, 11, 25)
BASE_URL = "https://example.org/qu/"

SITE = f"""
title: 某区小区信息公开
publisher: 某区住房和城乡建设局
base_url: {BASE_URL}
"""


@dataclass
class Tiny:
    """One community; the defaults give a community with everything (三率 all yes)."""

    slug: str
    name: str
    street: str = "幸福街道"
    manager: str | None = "某某物业服务有限公司"
    party: bool = True
    committee: str | None = "owners_committee"     # or management_committee, or None
    term_end: date = date(2028, 5, 31)
    fund_closing: str = "100000.00"
    # period → score out of 100; the grade is declared as the default floors give it
    evaluations: dict[str, int] = field(default_factory=dict)
    evaluated: str | None = None                     # default: the manager
    overdue_items: int = 0
    notices: list[tuple[str, str, date, date]] = field(default_factory=list)   # id, title, from, to
    # The fund's 2026-H1 statement (due after 2026-07-30): published that day, or None (missing).
    fund_report: date | None = date(2026, 7, 10)


def grade_of(score: int) -> str:
    return "优秀" if score >= 90 else "良好" if score >= 80 else "合格" if score >= 60 else "不合格"


def _community_yml(c: Tiny) -> str:
    text = f"""
    name: {c.name}
    address: 某市某区{c.street}某某路1号
    street: {c.street}
    neighbourhood: 某某社区
    owners: 100
    exclusive_area_m2: 9000.00
    """
    if c.manager:
        text += f"""property_manager:
      name: {c.manager}
    """
    if c.party:
        text += f"""party_organisation:
      name: {c.name}小区党支部
      kind: branch
    """
    return text


def _committee_yml(c: Tiny) -> str:
    members = "".join(f"""
      - name: 委员{i}
        role: {"chair" if i == 1 else "member"}
        since: 2023-06-01""" for i in range(1, 6))
    return f"""
    kind: {c.committee}
    term: 1
    elected_on: 2023-05-28
    term_start: 2023-06-01
    term_end: {c.term_end.isoformat()}
    filed: {{date: 2023-06-20, authority: {c.street}办事处}}
    members:{members}
    """


def _evaluation_yml(c: Tiny, period: str, score: int) -> str:
    return f"""
    evaluated: {c.evaluated or c.manager}
    evaluators: [{c.name}小区业主委员会]
    date: {int(period[:4]) + 1}-01-15
    categories:
      - {{name: 综合管理, max: 100, score: {score}}}
    declared_grade: {grade_of(score)}
    """


def _inspection_yml(c: Tiny) -> str:
    items = "".join(f"""
      - check: 检查项目{i}
        result: fail
        finding: 问题{i}
        rectify_by: 2026-10-01""" for i in range(1, c.overdue_items + 1))
    return f"""
    date: 2026-09-01
    authority: {c.street}办事处
    source: street
    kind: facilities
    items:{items}
    """


def _notice_yml(title: str, start: date, end: date, kind: str = "general", related: str = "") -> str:
    return f"""
    title: {title}
    kind: {kind}
    issuer: 业主委员会
    published: {start.isoformat()}
    period: {{from: {start.isoformat()}, to: {end.isoformat()}}}
    related: [{related}]
    body: 详见公示栏。
    """


def community_files(c: Tiny) -> dict[str, str]:
    base = f"communities/{c.slug}/"
    files = {base + "community.yml": _community_yml(c)}
    if c.committee:
        files[base + "committee.yml"] = _committee_yml(c)
    files[base + "maintenance-fund/2026-H1.yml"] = f"""
    period: 2026-H1
    opening_balance: {c.fund_closing}
    closing_balance: {c.fund_closing}
    """
    for period, score in c.evaluations.items():
        files[base + f"evaluations/{period}.yml"] = _evaluation_yml(c, period, score)
    if c.overdue_items:
        files[base + "inspections/2026-facilities.yml"] = _inspection_yml(c)
    for nid, title, start, end in c.notices:
        files[base + f"notices/{nid}.yml"] = _notice_yml(title, start, end)
    if c.fund_report is not None:
        files[base + "notices/fund-2026-h1.yml"] = _notice_yml("2026年上半年专项维修资金收支公示", c.fund_report,
                                                               c.fund_report + timedelta(days=14),
                                                               kind="fund_report", related="maintenance-fund/2026-H1")
    return files


def write_district(root: Path, communities: list[Tiny], site: str = SITE) -> Path:
    data = root / "data"
    files = {"site.yml": site}
    for c in communities:
        files.update(community_files(c))
    write_tree(data, files)
    return data
