"""Small districts written inline: each community is a few short YAML files whose figures the
tests know by heart. Everything passes `gongshi check` at AS_OF with no errors; each community's
one ledger period (2026-H1) has its statement published on time unless a test says otherwise."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import write_tree

AS_OF = date(2026, 11, 25)
BASE_URL = "https://qu.gongshi.test/"

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
    # governance (data-format-2 §3)
    firm: str | None = None             # the register's id of the manager (write_district's `firms`)
    party_members: int = 0              # the first N of the five members are party members
    cross: int = 0                      # the first N members are cross-appointed
    committee_party: bool = False       # the committee has its own party organisation
    project_party: bool = False         # the property project has one
    documents: int = 0                  # documents of kind `other` in effect
    meetings: list[date] = field(default_factory=list)   # committee meetings, all five present


# Real-format credit codes whose check characters are right (GB 32100-2015).
CREDIT_CODES = ["91110105MA01K8W3XA", "91110108MA02RL5Q1R", "91110105MA04BT7N6B", "91330106MA2H3KQ4X2"]


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
        if c.firm:
            text += f"  firm: {c.firm}\n    "
        if c.project_party:
            text += f"  party_organisation: {{name: {c.name}项目党支部}}\n    "
    if c.party:
        text += f"""party_organisation:
      name: {c.name}小区党支部
      kind: branch
    """
    return text


def _member(c: Tiny, i: int) -> str:
    text = f"""
      - name: 委员{i}
        role: {"chair" if i == 1 else "member"}
        party_member: {"true" if i <= c.party_members else "false"}"""
    if i <= c.cross:
        text += """
        cross_appointment: 某某社区居委会委员"""
    return text + """
        since: 2023-06-01"""


def _committee_yml(c: Tiny) -> str:
    members = "".join(_member(c, i) for i in range(1, 6))
    party = f"party_organisation: {{name: {c.name}业委会党支部}}\n    " if c.committee_party else ""
    return f"""
    kind: {c.committee}
    term: 1
    elected_on: 2023-05-28
    term_start: 2023-06-01
    term_end: {c.term_end.isoformat()}
    filed: {{date: 2023-06-20, authority: {c.street}办事处}}
    {party}members:{members}
    """


def _meeting_yml(day: date) -> str:
    return f"""
    date: {day.isoformat()}
    kind: committee
    members: {{present: 5, total: 5}}
    decisions:
      - text: 同意本季度工作安排
        approve: 5
    published: {day.isoformat()}
    """


def _document_yml(c: Tiny, n: int) -> str:
    return f"""
    title: {c.name}制度{n}
    kind: other
    adopted: 2024-01-0{n}
    effective: {{from: 2024-01-0{n}}}
    body: 第一条 …
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
    for day in c.meetings:
        files[base + f"meetings/{day.isoformat()}.yml"] = _meeting_yml(day)
    for n in range(1, c.documents + 1):
        files[base + f"documents/rule-{n}.yml"] = _document_yml(c, n)
    return files


def write_district(root: Path, communities: list[Tiny], site: str = SITE,
                   firms: dict[str, str] | None = None) -> Path:
    """firms: the register, id → name; each firm gets the next of CREDIT_CODES."""
    data = root / "data"
    files = {"site.yml": site}
    for c in communities:
        files.update(community_files(c))
    for (ident, name), code in zip((firms or {}).items(), CREDIT_CODES):
        files[f"firms/{ident}.yml"] = f"""
    name: {name}
    credit_code: {code}
    complaint_phone: 010-66668888
    """
    write_tree(data, files)
    return data
