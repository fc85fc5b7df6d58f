"""A minimal valid portal written inline, and helpers to break one rule at a time.

Every test starts from BASE (one community "x" with a committee, a passed fund vote,
its pre-vote and result notices, two ledgers whose transfer matches and whose every
outflow and business income is authorised, an inspection and an evaluation), which
checks clean at AS_OF (the 2025 ledgers' statements are not due yet). A test replaces one file, or one
line of one file, and asserts the exact problem: code, file, line, column.
"""

from __future__ import annotations

import textwrap
from datetime import date, timedelta
from pathlib import Path

from generator.pipeline import check
from generator.problems import Problem, Severity
from tests.conftest import write_tree

AS_OF = date(2025, 12, 31)
C = "communities/x"


def t(text: str) -> str:
    """Dedent a file's text exactly as write_tree does, so line numbers agree."""
    return textwrap.dedent(text).lstrip("\n")


SITE_PATH = "site.yml"
COMMUNITY_PATH = f"{C}/community.yml"
COMMITTEE_PATH = f"{C}/committee.yml"
VOTE_PATH = f"{C}/votes/fund-vote.yml"
PRE_NOTICE_PATH = f"{C}/notices/fund-vote-notice.yml"
RESULT_NOTICE_PATH = f"{C}/notices/fund-vote-result.yml"
FUND_PATH = f"{C}/maintenance-fund/2025.yml"
REVENUE_PATH = f"{C}/public-revenue/2025.yml"
INSPECTION_PATH = f"{C}/inspections/2025-fire.yml"
EVALUATION_PATH = f"{C}/evaluations/2024.yml"

SITE = t("""
    title: 测试家园小区信息公开
    publisher: 测试家园小区业主委员会
    base_url: https://xiaoqu.test/t/   # not example.org: that would be site.base_url_example
""")

COMMUNITY = t("""
    name: 测试家园
    address: 某市某区测试路1号
    street: 测试街道
    neighbourhood: 测试社区
    owners: 300
    exclusive_area_m2: 27000.00
    buildings: [1号楼, 2号楼, 3号楼]
    property_manager:
      name: 某某物业服务有限公司
      office_phone: 010-12345678
      fees:
        - {item: 物业服务费（住宅）, price: 2.50, unit: 元/平方米·月}
""")

COMMITTEE = t("""
    kind: owners_committee
    term: 2
    elected_on: 2023-06-01
    term_start: 2023-06-01
    term_end: 2028-05-31
    filed: {date: 2023-06-20, authority: 测试街道办事处}
    office_phone: 010-87654321
    members:
      - {name: 甲某, role: chair, building: 1号楼, party_member: true, since: 2023-06-01}
      - {name: 乙某, role: vice_chair, building: 2号楼, since: 2023-06-01}
      - {name: 丙某, role: member, building: 3号楼, since: 2023-06-01}
      - {name: 丁某, role: member, building: 1号楼, since: 2023-06-01}
      - {name: 戊某, role: member, building: 2号楼, since: 2023-06-01}
""")

# Electorate defaults to the community's 300 owners and 27000.00 m².
VOTE = t("""
    title: 使用专项维修资金维修屋面
    matter: use_fund
    budget: 100000.00
    notice: fund-vote-notice
    voting: {start: 2025-03-01, end: 2025-03-15}
    reported: {party_org: 2025-02-01, street: 2025-02-02}
    turnout: {owners: 240, area_m2: 21600.00}
    approve: {owners: 200, area_m2: 18000.00}
    oppose: {owners: 30, area_m2: 2700.00}
    abstain: {owners: 10, area_m2: 900.00}
    declared_result: passed
""")

PRE_NOTICE = t("""
    title: 关于使用专项维修资金维修屋面的表决前公示
    kind: pre_vote
    issuer: 测试家园小区业主委员会
    published: 2025-02-10
    period: {from: 2025-02-10, to: 2025-02-24}
    related: [vote/fund-vote]
    objection: {contact: 业委会办公室 010-87654321, until: 2025-02-24}
    print: false
    body: |
      拟使用专项维修资金维修屋面，预算 100000.00 元。

      详见[表决说明](https://example.org/t/)，意见请发至 [邮箱](mailto:ywh@example.org)。
""")

RESULT_NOTICE = t("""
    title: 屋面维修表决结果公告
    kind: vote_result
    issuer: 测试家园小区业主委员会
    published: 2025-03-17
    period: {from: 2025-03-17, to: 2025-03-31}
    related: [vote/fund-vote, notice/fund-vote-notice]
    body: |
      表决通过，见[表决前公示](../fund-vote-notice/)。
""")

FUND = t("""
    period: 2025
    opening_balance: 100000.00
    entries:
      - id: mf-001
        date: 2025-01-10
        type: deposit
        amount: 50000.00
        summary: 新售房屋首期交存
        voucher: 记-2025-001
      - id: mf-002
        date: 2025-04-01
        type: expense
        amount: 80000.00
        summary: 屋面维修
        vote: fund-vote
        apportionment: {basis: area, scope: [1号楼]}
      - id: mf-003
        date: 2025-06-30
        type: transfer_in
        from: public-revenue
        amount: 10000.00
        summary: 公共收益转入
    closing_balance: 80000.00
""")

REVENUE = t("""
    period: 2025
    opening_balance: 20000.00
    entries:
      - id: pr-001
        date: 2025-02-01
        type: income
        source: parking
        amount: 15000.00
        summary: 停车费
        authorized_by: 管理规约第十八条
      - id: pr-002
        date: 2025-02-28
        type: cost
        amount: 1000.00
        summary: 停车管理合理成本
        authorized_by: 管理规约第十九条
      - id: pr-003
        date: 2025-06-30
        type: transfer_out
        to: maintenance-fund
        amount: 10000.00
        summary: 转入专项维修资金
    closing_balance: 24000.00
""")

INSPECTION = t("""
    date: 2025-06-12
    authority: 某区消防救援支队
    source: government
    kind: fire_safety
    items:
      - check: 消防通道是否畅通
        result: fail
        finding: 2号楼北侧通道堆放杂物
        rectify_by: 2025-07-12
        rectified_on: 2025-07-05
      - check: 消火栓是否完好
        result: pass
    conclusion: 基本合格
""")

# 85 / 100 = 85% → 良好 under the default floors.
EVALUATION = t("""
    evaluated: 某某物业服务有限公司
    evaluators: [测试家园小区业主委员会]
    date: 2025-01-10
    categories:
      - {name: 综合管理, max: 50, score: 45}
      - {name: 设施维护, max: 50, score: 40}
    satisfaction: {surveyed: 300, satisfied: 255}
    declared_grade: 良好
""")

BASE: dict[str, str] = {
    SITE_PATH: SITE,
    COMMUNITY_PATH: COMMUNITY,
    COMMITTEE_PATH: COMMITTEE,
    VOTE_PATH: VOTE,
    PRE_NOTICE_PATH: PRE_NOTICE,
    RESULT_NOTICE_PATH: RESULT_NOTICE,
    FUND_PATH: FUND,
    REVENUE_PATH: REVENUE,
    INSPECTION_PATH: INSPECTION,
    EVALUATION_PATH: EVALUATION,
}


GENERAL_PATH = f"{C}/notices/general.yml"


def general_notice(period_to: str = "2025-05-07", body: str = "本周六上午停水。\n") -> str:
    """A general notice published 2025-05-01, up to `period_to`, with a multi-line body."""
    text = t(f"""
        title: 停水通知
        kind: general
        issuer: 测试家园小区业主委员会
        published: 2025-05-01
        period: {{from: 2025-05-01, to: {period_to}}}
        body: |
    """)
    return text + "".join(f"  {line}\n" if line else "\n" for line in body.rstrip("\n").split("\n"))


def pre_notice_from(day: str) -> str:
    """BASE's pre-vote notice starting (and published) on `day`, ending 2025-02-28."""
    text = edit(PRE_NOTICE, "published: 2025-02-10", f"published: {day}")
    return edit(text, "period: {from: 2025-02-10, to: 2025-02-24}", f"period: {{from: {day}, to: 2025-02-28}}")


def vote_notices(vote_id: str, start: date, end: date) -> dict[str, str]:
    """The two notices every vote needs (vote.no_pre_vote_notice, vote.no_result_notice):
    notices/<id>-notice.yml (pre_vote, 20 days ahead of `start`, with its objection
    channel) and notices/<id>-result.yml (vote_result, the day after `end`). The vote
    names the first in `notice: <id>-notice`."""
    first, last, published = start - timedelta(days=20), start - timedelta(days=6), end + timedelta(days=1)
    return {
        f"{C}/notices/{vote_id}-notice.yml": t(f"""
            title: 表决前公示 {vote_id}
            kind: pre_vote
            issuer: 测试家园小区业主委员会
            published: {first}
            period: {{from: {first}, to: {last}}}
            related: [vote/{vote_id}]
            objection: {{contact: 业委会办公室, until: {last}}}
            body: 表决事项见公示栏。
        """),
        f"{C}/notices/{vote_id}-result.yml": t(f"""
            title: 表决结果公告 {vote_id}
            kind: vote_result
            issuer: 测试家园小区业主委员会
            published: {published}
            period: {{from: {published}, to: {published + timedelta(days=14)}}}
            related: [vote/{vote_id}]
            body: 结果见公示栏。
        """),
    }


def statement_notice(account: str, period: str, published: date, *, kind: str | None = None) -> tuple[str, str]:
    """(path, text) of the statement notice of one ledger period (disclosure.missing)."""
    kind = kind or {"maintenance-fund": "fund_report", "public-revenue": "revenue_report"}[account]
    return f"{C}/notices/{account}-{period.lower()}.yml", t(f"""
        title: {period} 收支公示
        kind: {kind}
        issuer: 测试家园小区业主委员会
        published: {published}
        period: {{from: {published}, to: {published + timedelta(days=14)}}}
        related: [{account}/{period}]
        body: 收支情况见账目页。
    """)


def edit(text: str, old: str, new: str) -> str:
    """Replace the one occurrence of `old` (failing loudly if it is not unique)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based number of the one line of `text` that contains `needle`."""
    hits = [i for i, line in enumerate(text.split("\n"), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {hits}"
    return hits[0]


def col_of(text: str, needle: str) -> int:
    """1-based column where `needle` starts on its (unique) line."""
    line = text.split("\n")[line_of(text, needle) - 1]
    return line.index(needle) + 1


def write_data(root: Path, files: dict[str, str | None] | None = None, *, base: dict | None = None) -> Path:
    """BASE with `files` laid over it (a value of None removes that file); returns the data folder."""
    merged = dict(BASE if base is None else base)
    for rel, text in (files or {}).items():
        if text is None:
            merged.pop(rel, None)
        else:
            merged[rel] = text
    data = root / "data"
    write_tree(data, merged)
    return data


def run(root: Path, files: dict[str, str | None] | None = None, *, as_of: date = AS_OF,
        base: dict | None = None) -> tuple[Path, list[Problem]]:
    data = write_data(root, files, base=base)
    _, problems = check(data, as_of)
    return data, problems


def rel(problem: Problem, data: Path) -> str:
    return Path(problem.location.path).relative_to(data).as_posix()


def brief(problems: list[Problem], data: Path) -> list[tuple]:
    """(file, line, column, severity, code) of each problem: readable in a failed assert."""
    return [(rel(p, data), p.location.line, p.location.column, p.severity.value, p.code) for p in problems]


def only(problems: list[Problem], data: Path, code: str, path: str, line: int, column: int | None = None,
         severity: Severity = Severity.ERROR) -> Problem:
    """Assert that `problems` is exactly one problem, at this file and line (and column)."""
    assert len(problems) == 1, brief(problems, data)
    p = problems[0]
    got = (p.code, rel(p, data), p.location.line, p.severity)
    assert got == (code, path, line, severity), (brief(problems, data), p.message)
    if column is not None:
        assert p.location.column == column, (brief(problems, data), p.message)
    return p


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]
