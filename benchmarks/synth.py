#!/usr/bin/env python3
"""Write a valid synthetic data folder for benchmarks (and district-overview tests).

    python benchmarks/synth.py --communities 30 --years 3 --out /tmp/bench-data
    python benchmarks/synth.py --communities 1 --years 3 --entries-per-community 10000 --out /tmp/big

The folder follows the data format (the spec's data-format.md; every field in docs/fields.md) and passes
`gongshi check --data DIR --as-of 2026-11-25` with no errors and no warnings.

- Everything is fictional (某某, 某市某区) and comes from `random.Random(seed)`, so the
  same arguments always write the same bytes. Each community has its own generator
  seeded from (seed, index): community 3 looks the same whatever --communities is.
- "Now" is the build date 2026-11-25 (AS_OF). No date lies after it, except the
  few notices that are deliberately upcoming (published 2026-12-01).
- --years Y covers the calendar years AS_OF.year-Y+1 .. AS_OF.year; ledgers are kept by
  half-year (YYYY-H1/H2, contiguous; the current half-year runs up to AS_OF).
- Money is decimal.Decimal throughout and written as plain YAML numbers with 2 decimals.
- Communities differ on purpose (for 三率 and red/black lists): some have no property
  manager (then no fees and no evaluations), some no party organisation, some no
  committee.yml, a few a 物业管理委员会; each community has a quality tier, so its latest
  evaluation is 优秀 (≥ 90 %), 良好, 合格 or 不合格 (< 60 %).
- --entries-per-community K forces exactly K ledger entries per community (both ledgers
  and all periods together) by adding daily temporary-parking receipts and owners'
  fund deposits spread over the whole span. K below the natural count is ignored.
- Governance (data-format-2 §3): a register of property service companies (firms/, their
  credit codes' check characters computed as GB 32100-2015 says), each serving several
  communities (so a failing tier puts a firm on the 警示名单); a committee meeting before
  each vote it submits, the documents its passed covenant and rules votes adopt, party
  organisations of committees with 3 or more party members and of some property projects.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

AS_OF = date(2026, 11, 25)
UPCOMING = date(2026, 12, 1)          # the one kind of date allowed after AS_OF
CENT = Decimal("0.01")
FUND, REVENUE = "maintenance-fund", "public-revenue"
GRADE_FLOORS = ((90, "优秀"), (80, "良好"), (60, "合格"))   # the defaults in site.yml
TIERS = ("优秀", "良好", "合格", "不合格")
TIER_PERCENT = {"优秀": (91, 97), "良好": (81, 88), "合格": (63, 78), "不合格": (42, 57)}
QUARTER = " 一二三四"
SUPERMAJORITY_MATTERS = {"raise_fund", "rebuild", "change_use"}
MAJOR_MATTERS = {"hire_manager", "use_fund", "raise_fund", "rebuild", "change_use", "facilities"}
# The owners' rules (管理规约) that authorise business income and its reasonable costs.
BUSINESS_RULE = {"authorized_by": "管理规约第十八条"}
COST_RULE = {"authorized_by": "管理规约第十九条"}


# ---------------------------------------------------------------- money and dates

def q(value) -> Decimal:
    """Exactly two decimals (half up)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def q_down(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_DOWN)


def yuan(rng: random.Random, low: float, high: float) -> Decimal:
    """A random amount in [low, high] yuan, to the cent."""
    return Decimal(rng.randint(round(low * 100), round(high * 100))).scaleb(-2)


def round_yuan(rng: random.Random, low: int, high: int, step: int = 1) -> Decimal:
    return q(Decimal(rng.randint(low // step, high // step) * step))


def ratio(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(rng.randint(round(low * 10000), round(high * 10000))).scaleb(-4)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def half_of(day: date) -> str:
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def half_bounds(period: str) -> tuple[date, date]:
    year, half = int(period[:4]), period[-1]
    return (date(year, 1, 1), date(year, 6, 30)) if half == "1" else (date(year, 7, 1), date(year, 12, 31))


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# ---------------------------------------------------------------- credit codes (GB 32100-2015)

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"   # 31 characters: no I, O, Z, S, V


def credit_code(rng: random.Random) -> str:
    """A real-format 统一社会信用代码: 9 (工商), 1 (企业), a district code, an organisation code
    that starts with MA, and the check character: 31 − (Σ value × 3^(i−1) mod 31) mod 31."""
    body = "91" + rng.choice(["110105", "110108", "310104", "440305", "330106"]) + "MA" + "".join(
        rng.choice(CREDIT_ALPHABET) for _ in range(7))
    total = sum(CREDIT_ALPHABET.index(ch) * pow(3, i, 31) for i, ch in enumerate(body))
    return body + CREDIT_ALPHABET[(31 - total % 31) % 31]


# ---------------------------------------------------------------- a small YAML writer

class Flow(dict):
    """A mapping written on one line: {start: 2024-03-01, end: 2024-03-15}."""


class Literal(str):
    """Text written as a literal block scalar (`|`)."""


# Conservative: anything that could be read as YAML syntax is double-quoted instead.
_PLAIN_SAFE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^:#,\[\]{}\"'\n]|:(?=[^\s,\[\]{}]))*")
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}


def scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text in _NULL_WORDS or text != text.strip() or not _PLAIN_SAFE.fullmatch(text) or (flow and ":" in text):
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return text


def _flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items() if v is not None) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value, flow=True)


def _block(lines: list[str], mapping: dict, indent: int) -> None:
    pad = " " * indent
    for key, value in mapping.items():
        if value is None:
            continue
        if isinstance(value, Literal):
            lines.append(f"{pad}{key}: |")
            lines.extend(f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n"))
        elif isinstance(value, Flow) or (isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value)):
            lines.append(f"{pad}{key}: {_flow(value)}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            _block(lines, value, indent + 2)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, Flow) or not isinstance(item, dict):
                    lines.append(f"{pad}  - {_flow(item)}")
                else:
                    sub: list[str] = []
                    _block(sub, item, indent + 4)
                    sub[0] = f"{pad}  - {sub[0].lstrip()}"
                    lines.extend(sub)
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")


def dump(mapping: dict, header: str = "") -> str:
    lines = [f"# {line}" for line in header.split("\n")] if header else []
    _block(lines, mapping, 0)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- fictional names

PLACE_WORDS = [
    ("幸福", "xingfu"), ("和谐", "hexie"), ("阳光", "yangguang"), ("翠柳", "cuiliu"), ("金桂", "jingui"),
    ("锦绣", "jinxiu"), ("碧水", "bishui"), ("青松", "qingsong"), ("丽景", "lijing"), ("明珠", "mingzhu"),
    ("怡和", "yihe"), ("康乐", "kangle"), ("春晖", "chunhui"), ("秀水", "xiushui"), ("书香", "shuxiang"),
    ("枫林", "fenglin"),
]
PLACE_SUFFIXES = [("家园", "jiayuan"), ("花园", "huayuan"), ("小区", "xiaoqu"), ("新村", "xincun"),
                  ("雅苑", "yayuan"), ("名邸", "mingdi")]
STREETS = {
    "东风街道": ["东风社区", "红旗社区", "新华社区"],
    "南湖街道": ["南湖社区", "湖滨社区", "荷塘社区"],
    "西山街道": ["西山社区", "枫叶社区"],
    "北苑街道": ["北苑社区", "育才社区", "安康社区"],
    "中心街道": ["中心社区", "文化社区"],
}
SURNAMES = list("李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕")
COMPANY_WORDS = ["安居", "嘉和", "瑞丰", "诚信", "华庭", "康顺", "德馨", "宜居", "祥和", "万家"]
LEAVE_REASONS = [
    "房屋已转让，不再具有业主身份，委员资格自动终止",
    "因工作调动本人书面申请辞去委员职务，经业委会会议确认",
    "因身体原因本人书面申请辞去委员职务，经业委会会议确认",
]


def person(rng: random.Random, used: set[str] | None = None) -> str:
    for _ in range(100):
        name = rng.choice(SURNAMES) + ("某某" if rng.random() < 0.5 else "某")
        if used is None or name not in used:
            if used is not None:
                used.add(name)
            return name
    raise RuntimeError("ran out of fictional names")


def landline(rng: random.Random) -> str:
    return f"0{rng.choice(['10', '21', '22', '571', '755'])}-{rng.randint(50000000, 89999999)}"


# ---------------------------------------------------------------- plans

@dataclass
class Building:
    name: str
    owners: int
    area: Decimal


@dataclass
class Entry:
    account: str
    day: date
    type: str
    summary: str
    counterparty: str
    fixed: Decimal | None = None      # a known amount
    plan: Decimal | None = None       # an outflow ceiling, shrunk to what the balance allows
    share: Decimal | None = None      # a share of the balance (transfer_out), in whole hundreds
    rate: Decimal | None = None       # interest: balance × rate
    extra: dict = field(default_factory=dict)
    filler: bool = False
    amount: Decimal = Decimal("0")
    id: str = ""
    voucher: str = ""

    @property
    def inflow(self) -> bool:
        return self.type in ("deposit", "interest", "transfer_in", "income")


@dataclass
class VotePlan:
    id: str
    title: str
    matter: str
    start: date
    end: date
    want_pass: bool
    budget: Decimal | None = None
    scope: list[Building] | None = None     # electorate limited to these buildings
    spend_from: str | None = None          # ledger whose expenses cite this vote
    notice_id: str = ""
    notice_from: date | None = None
    reported: tuple[date, date] | None = None
    tallies: dict | None = None
    passed: bool = False
    result_published: date | None = None
    expenses: list[Entry] = field(default_factory=list)


@dataclass
class Community:
    index: int
    slug: str
    name: str
    street: str
    neighbourhood: str
    owners: int
    area: Decimal
    buildings: list[Building]
    tier: str
    property_manager: dict | None = None
    party: dict | None = None
    committee: dict | None = None
    committee_name: str | None = None
    files: dict[str, str] = field(default_factory=dict)   # relative path → text
    entries: int = 0


# ---------------------------------------------------------------- the generator

class CommunityGenerator:
    def __init__(self, index: int, seed: int, years: int, names: tuple[str, str], street: str,
                 flags: dict, entries: int | None):
        self.rng = random.Random(f"gongshi-synth:{seed}:{index}")
        self.first_year = AS_OF.year - years + 1
        self.span_start = date(self.first_year, 1, 1)
        self.target_entries = entries
        self.flags = flags
        self.c = self._profile(index, names, street)
        self.issuer = self.c.committee_name or f"{self.c.neighbourhood}居民委员会"
        self.votes: list[VotePlan] = []
        self.vote_ids: set[str] = set()
        self.notices: dict[str, dict] = {}
        self.evaluations: dict[str, dict] = {}
        self.inspections: dict[str, dict] = {}
        self.meetings: dict[str, dict] = {}
        self.documents: dict[str, dict] = {}
        self.members: list[dict] = []

    # ------------------------------------------------------------ profile and committee

    def _profile(self, index, names, street) -> Community:
        rng = self.rng
        name, slug = names
        owners = rng.randint(480, 720)
        nb = rng.randint(5, 10)
        avg_area = ratio(rng, 78, 105)
        # Split owners and area over buildings; the parts add up exactly.
        weights = [rng.randint(80, 120) for _ in range(nb)]
        total_w = sum(weights)
        counts = [owners * w // total_w for w in weights]
        counts[-1] += owners - sum(counts)
        buildings = []
        area_total = Decimal("0")
        for i, n in enumerate(counts):
            area = q(n * avg_area * ratio(rng, 0.95, 1.05))
            buildings.append(Building(f"{i + 1}号楼", n, area))
            area_total += area
        c = Community(index, slug, name, street, rng.choice(STREETS[street]), owners, area_total, buildings,
                      tier=self.flags["tier"])
        if self.flags["property_manager"]:
            start = date(rng.choice([AS_OF.year - 2, AS_OF.year - 1, AS_OF.year]), 1, 1)
            firm = self.flags["firm"]
            c.property_manager = {
                "name": firm["name"],
                "firm": firm["id"],
                "project_manager": person(rng),
                "office_phone": landline(rng),
                "contract": Flow(start=start, end=add_years(start, 3) - timedelta(days=1)),
                "fees": [
                    Flow(item="物业服务费（住宅）", price=q(ratio(rng, 1.5, 3.2)), unit="元/平方米·月"),
                    Flow(item="地面停车位使用费", price=round_yuan(rng, 100, 200, 10), unit="元/个·月"),
                ] + ([Flow(item="物业服务费（底商）", price=q(ratio(rng, 3, 5)), unit="元/平方米·月")]
                     if rng.random() < 0.5 else [])
                  + ([Flow(item="装修垃圾清运费", price=round_yuan(rng, 200, 400, 50), unit="元/户·次")]
                     if rng.random() < 0.5 else []),
            }
            if rng.random() < 0.4:   # the project's own party branch
                c.property_manager["party_organisation"] = {
                    "name": f"{firm['short']}{name}项目党支部",
                    "established": date(rng.randint(2019, AS_OF.year - 1), rng.randint(1, 12), 1)}
        if self.flags["party"]:
            c.party = {
                "name": f"{name}小区党支部" if rng.random() < 0.7 else f"{c.neighbourhood}{name}联合党支部",
                "kind": rng.choice(["branch", "branch", "joint_branch", "functional"]),
                "established": date(rng.randint(2016, AS_OF.year - 1), rng.randint(1, 12), 1),
            }
            if c.party["kind"] == "joint_branch":
                c.party["name"] = f"{c.neighbourhood}{name}联合党支部"
            elif c.party["kind"] == "functional":
                c.party["name"] = f"{name}小区功能型党支部"
            else:
                c.party["name"] = f"{name}小区党支部"
        if self.flags["committee"]:
            kind = "management_committee" if self.flags.get("management") else "owners_committee"
            c.committee_name = f"{name}小区{'业主委员会' if kind == 'owners_committee' else '物业管理委员会'}"
            c.committee = {"kind": kind}
        return c

    def _committee(self) -> None:
        c, rng = self.c, self.rng
        if c.committee is None:
            return
        term_years = rng.choice([3, 4, 5, 5])
        back = rng.randint(150, min(1300, term_years * 365 - 220))
        term_start = AS_OF - timedelta(days=back)
        term_end = add_years(term_start, term_years) - timedelta(days=1)
        # Elected 2-8 days before the term starts (below): filed within 30 days of the election.
        filed = term_start + timedelta(days=rng.randint(5, 21))
        used: set[str] = set()
        roles = ["chair", "vice_chair"] + (["vice_chair"] if rng.random() < 0.5 else [])
        roles += ["member"] * (7 - len(roles))
        party_share = 0.6 if c.party else 0.3
        members = []
        for i, role in enumerate(roles):
            member = {
                "name": person(rng, used),
                "role": role,
                "building": rng.choice(c.buildings).name,
                "party_member": rng.random() < party_share,
                "since": term_start,
            }
            if role == "chair" and rng.random() < 0.5:
                member["cross_appointment"] = f"{c.neighbourhood}居民委员会委员"
            members.append(member)
        changes = []
        if rng.random() < 0.35 and back > 200:
            leaving = members[rng.randint(3, 6)]
            until = term_start + timedelta(days=rng.randint(90, back - 60))
            leaving["until"] = until
            leaving["left_reason"] = rng.choice(LEAVE_REASONS)
            since = until + timedelta(days=rng.randint(7, 25))
            members.append({"name": person(rng, used), "role": "member", "building": rng.choice(c.buildings).name,
                            "party_member": rng.random() < party_share, "since": since})
            changes.append((since, leaving["name"], members[-1]["name"]))
        for _ in range(rng.randint(0, 2)):
            members.append({"name": person(rng, used), "role": "alternate", "building": rng.choice(c.buildings).name,
                            "party_member": rng.random() < party_share, "since": term_start})
        self.members = members
        party = sum(1 for m in members if m["party_member"] and self._serving(m, AS_OF))
        c.committee.update({
            "term": rng.randint(1, 4) if c.committee["kind"] == "owners_committee" else 1,
            "term_start": term_start,
            "term_end": term_end,
            "filed": Flow(date=filed, authority=f"{c.street}办事处"),
            "office_phone": landline(rng),
            # 有3名以上正式党员的业主委员会…建立党组织 (party.organisation_missing otherwise)
            "party_organisation": ({"name": f"{c.committee_name}党支部", "established": filed + timedelta(days=20)}
                                   if party >= 3 and not c.party else None),
            "members": members,
        })
        # Notices: the new committee, and each change of member.
        self._notice(f"committee-{term_start.year}-term", {
            "title": f"关于{c.committee_name}{'第' + str(c.committee['term']) + '届' if c.committee['kind'] == 'owners_committee' else ''}成员及备案情况的公示",
            "kind": "committee", "issuer": self.issuer, "published": filed + timedelta(days=1),
            "length": 15, "related": ["committee"],
            "body": Literal(
                f"{c.committee_name}任期自{cn_date(term_start)}至{cn_date(term_end)}，"
                f"已于{cn_date(filed)}向{c.street}办事处备案。\n\n"
                "| 姓名 | 职务 | 楼栋 |\n| --- | --- | --- |\n"
                + "\n".join(f"| {m['name']} | {ROLE_LABEL[m['role']]} | {m['building']} |"
                            for m in members if m["since"] == term_start)
                + "\n\n委员只公布所在楼栋，不公布房号和个人电话；联系业委会请拨打办公电话。"
            ),
        })
        for since, old, new in changes:
            self._notice(f"committee-change-{since.isoformat()}", {
                "title": "关于业主委员会委员变更的公示", "kind": "committee", "issuer": self.issuer,
                "published": since + timedelta(days=1), "length": 15, "related": ["committee"],
                "body": Literal(f"委员{old}已离任，经业委会会议确认，由{new}自{cn_date(since)}起担任委员。"),
            })
        # The election that produced this committee, when it falls inside the span.
        end = term_start - timedelta(days=rng.randint(2, 8))
        start = end - timedelta(days=rng.randint(10, 15))
        if start - timedelta(days=30) >= self.span_start:
            self._add_vote(VotePlan(f"{term_start.year}-election", f"选举{c.committee_name}成员", "election",
                                    start, end, want_pass=True))
        ordered = list(c.committee.items())
        after_term = [k for k, _ in ordered].index("term") + 1
        c.committee.clear()
        c.committee.update(ordered[:after_term] + [("elected_on", end)] + ordered[after_term:])

    @staticmethod
    def _serving(member: dict, day: date) -> bool:
        """A voting member of the committee on `day` (alternates do not count)."""
        return (member["role"] != "alternate" and member["since"] <= day
                and (member.get("until") is None or member["until"] >= day))

    # ------------------------------------------------------------ meetings and documents

    def _meetings(self) -> None:
        """A committee meeting a few days before each vote's pre-vote notice, deciding to put it
        to the owners (指导规则第38、39条: more than half present, more than half of all in
        office approving, posted within 3 days)."""
        c, rng = self.c, self.rng
        if c.committee is None:
            return
        term_start = c.committee["term_start"]
        for vote in self.votes:
            day = vote.notice_from - timedelta(days=rng.randint(3, 8))
            if day < term_start or vote.matter == "election":
                continue
            total = sum(1 for m in self.members if self._serving(m, day))
            present = total - rng.randint(0, 2)
            approve = max(total // 2 + 1, present - rng.randint(0, 1))
            self.meetings[f"{vote.id}-meeting"] = {
                "date": day, "kind": "committee",
                "members": Flow(present=present, total=total),
                "invited": [f"{c.neighbourhood}居民委员会"] if rng.random() < 0.5 else None,
                "decisions": [{"text": f"同意将“{vote.title}”提交业主表决", "approve": approve, "vote": vote.id}],
                "published": day + timedelta(days=rng.randint(1, 3)),
            }

    def _documents(self) -> None:
        """The covenant or rules each passed covenant/rules vote adopted; an earlier one of the
        same kind ends the day before the next takes effect."""
        latest: dict[str, str] = {}
        for vote in sorted(self.votes, key=lambda v: v.end):
            if not vote.passed or vote.matter not in ("covenant", "rules"):
                continue
            start = vote.end + timedelta(days=7)
            if vote.matter in latest:
                self.documents[latest[vote.matter]]["effective"]["to"] = start - timedelta(days=1)
            self.documents[vote.id] = {
                "title": f"{self.c.name}{'管理规约' if vote.matter == 'covenant' else '业主大会议事规则'}（{vote.end.year}年修订）",
                "kind": vote.matter, "adopted": vote.end, "vote": vote.id,
                "effective": Flow({"from": start, "to": None}),
                "body": Literal(f"**第一条** 本{'规约' if vote.matter == 'covenant' else '规则'}经{cn_date(vote.end)}"
                                f"结束的业主表决通过，自{cn_date(start)}起施行。\n\n（条文从略。合成测试数据。）"),
            }
            latest[vote.matter] = vote.id

    # ------------------------------------------------------------ votes

    def _vote_id(self, base: str) -> str:
        ident, n = base, 2
        while ident in self.vote_ids:
            ident, n = f"{base}-{n}", n + 1
        self.vote_ids.add(ident)
        return ident

    def _add_vote(self, vote: VotePlan) -> None:
        vote.id = self._vote_id(vote.id)
        self.votes.append(vote)

    def _plan_votes(self) -> None:
        c, rng = self.c, self.rng
        kinds = ["use_fund"] * 7 + ["revenue"] * 5 + ["change_use"] * 3 + ["covenant"] * 2 + ["raise_fund"]
        if c.property_manager:
            kinds += ["hire_manager"] * 2
        pools: dict[str, list] = {}

        def pick(name: str, items: list):
            """The next topic of a kind: each one once before any repeats."""
            if not pools.get(name):
                pools[name] = rng.sample(items, len(items))
            return pools[name].pop()
        for year in range(self.first_year, AS_OF.year + 1):
            last_month = 9 if year == AS_OF.year else 11
            months = sorted(rng.sample(range(2, last_month + 1), rng.randint(2, 3)))
            for month in months:
                start = date(year, month, rng.randint(1, 15))
                end = start + timedelta(days=rng.randint(10, 20))
                kind = rng.choice(kinds)
                if kind == "hire_manager":
                    kinds = [k for k in kinds if k != "hire_manager"]
                if kind == "use_fund":
                    topic, title, (low, high), scoped = pick("fund", FUND_WORKS)
                    scope = sorted(rng.sample(c.buildings, rng.randint(1, 2)), key=lambda b: b.name) if scoped else None
                    where = "、".join(b.name for b in scope) if scope else "小区"
                    vote = VotePlan(f"{year}-{topic}", title.format(b=where), "use_fund", start, end,
                                    want_pass=rng.random() < 0.85, budget=round_yuan(rng, low, high, 1000),
                                    scope=scope, spend_from=FUND)
                elif kind == "revenue":
                    topic, title, (low, high) = pick("revenue", REVENUE_WORKS)
                    vote = VotePlan(f"{year}-{topic}", title, "other", start, end, want_pass=rng.random() < 0.85,
                                    budget=round_yuan(rng, low, high, 1000), spend_from=REVENUE)
                elif kind == "change_use":
                    topic, title = pick("change_use", CHANGE_USE)
                    vote = VotePlan(f"{year}-{topic}", title, "change_use", start, end, want_pass=rng.random() < 0.45)
                elif kind == "covenant":
                    topic, matter, title = pick("rules", RULE_CHANGES)
                    vote = VotePlan(f"{year}-{topic}", title, matter, start, end, want_pass=rng.random() < 0.8)
                elif kind == "raise_fund":
                    vote = VotePlan(f"{year}-raise-fund", "续筹专项维修资金（首期余额不足30%的楼栋）", "raise_fund",
                                    start, end, want_pass=rng.random() < 0.4)
                else:
                    vote = VotePlan(f"{year}-hire-manager", f"续聘{c.property_manager['name']}提供物业服务",
                                    "hire_manager", start, end, want_pass=rng.random() < 0.85)
                self._add_vote(vote)
        if self.votes and all(v.want_pass for v in self.votes):
            candidates = [v for v in self.votes if v.matter != "election"]
            if candidates:
                rng.choice(candidates).want_pass = False
        self.votes.sort(key=lambda v: v.start)
        for vote in self.votes:
            self._tally(vote)

    def _tally(self, vote: VotePlan) -> None:
        rng = self.rng
        owners = sum(b.owners for b in vote.scope) if vote.scope else self.c.owners
        area = sum((b.area for b in vote.scope), Decimal("0")) if vote.scope else self.c.area
        supermajority = vote.matter in SUPERMAJORITY_MATTERS
        for _ in range(200):
            if vote.want_pass or rng.random() < 0.6:
                turnout_share = ratio(rng, 0.70, 0.93)
            else:
                turnout_share = ratio(rng, 0.50, 0.66)   # participation falls short
            if vote.want_pass:
                approve_share = ratio(rng, 0.78, 0.95) if supermajority else ratio(rng, 0.56, 0.90)
            else:
                approve_share = ratio(rng, 0.55, 0.72) if supermajority else ratio(rng, 0.30, 0.48)
            t_owners = min(owners, int(q(owners * turnout_share)))
            t_area = min(area, q(area * (turnout_share + ratio(rng, -0.02, 0.02))))
            a_owners = min(t_owners, int(q(t_owners * approve_share)))
            a_area = min(t_area, q(t_area * (approve_share + ratio(rng, -0.02, 0.02))))
            rest_owners, rest_area = t_owners - a_owners, t_area - a_area
            split = ratio(rng, 0.6, 0.85)
            o_owners = int(q(rest_owners * split))
            o_area = q(rest_area * split)
            tallies = {
                "turnout": Flow(owners=t_owners, area_m2=t_area),
                "approve": Flow(owners=a_owners, area_m2=a_area),
                "oppose": Flow(owners=o_owners, area_m2=o_area),
                "abstain": Flow(owners=rest_owners - o_owners, area_m2=rest_area - o_area),
            }
            passed = outcome(owners, area, tallies, supermajority)
            if passed == vote.want_pass:
                break
        else:  # pragma: no cover - the ranges above make this practically impossible
            raise RuntimeError(f"could not tally vote {vote.id}")
        vote.tallies, vote.passed = tallies, passed
        # The pre-vote notice, the report to the party organisation and the street.
        lead = rng.randint(16, 25)
        vote.notice_from = vote.start - timedelta(days=lead)
        vote.notice_id = f"{vote.id}-notice"
        if vote.matter in MAJOR_MATTERS:
            party = vote.notice_from - timedelta(days=rng.randint(3, 10))
            vote.reported = (party, party + timedelta(days=rng.randint(1, 3)))
        vote.result_published = vote.end + timedelta(days=rng.randint(1, 3))

    # ------------------------------------------------------------ ledgers

    def _revenue_entries(self) -> list[Entry]:
        c, rng = self.c, self.rng
        pm = c.property_manager["name"] if c.property_manager else None
        collector = pm or f"{c.name}小区停车管理组（业委会自管）"
        entries: list[Entry] = []
        spaces = max(40, int(c.owners * rng.uniform(0.15, 0.25)))
        fee = round_yuan(rng, 100, 180, 10)
        has_ads = rng.random() < 0.8
        ad_fee = round_yuan(rng, 6000, 15000, 100)
        ad_company = f"某某{rng.choice(['传媒', '广告', '文化'])}广告有限公司"
        leases = [(f"{rng.choice(c.buildings).name}架空层便民超市场地租赁费", "某某便民超市（个体工商户）",
                   round_yuan(rng, 3000, 6000, 100))]
        if rng.random() < 0.6:
            leases.append(("快递柜场地租赁费", "某某智能科技有限公司", round_yuan(rng, 800, 1500, 100)))
        parking_cost = round_yuan(rng, 1500, 2600, 10)
        half_income: dict[str, Decimal] = {}
        day = self.span_start
        while day <= AS_OF:
            y, m = day.year, day.month
            pay = date(y, m, 28)
            if pay <= AS_OF:
                used = rng.randint(int(spaces * 0.9), spaces)
                amount = q(used * fee)
                entries.append(Entry(REVENUE, pay, "income", f"{y}年{m}月地面停车位使用费（{used}个车位，代收后转入）",
                                     collector, fixed=amount, extra={"source": "parking", **BUSINESS_RULE}))
            if m in (1, 4, 7, 10):
                for what, who, amount in leases:
                    pay = date(y, m, 15)
                    if pay <= AS_OF:
                        entries.append(Entry(REVENUE, pay, "income", f"{y}年第{QUARTER[(m + 2) // 3]}季度{what}", who,
                                             fixed=amount, extra={"source": "lease", **BUSINESS_RULE}))
            if m in (3, 6, 9, 12) and date(y, m, 25) <= AS_OF:
                pay = date(y, m, 25)
                quarter = QUARTER[m // 3]
                if has_ads:
                    entries.append(Entry(REVENUE, pay, "income", f"{y}年第{quarter}季度电梯轿厢广告位使用费", ad_company,
                                         fixed=ad_fee, extra={"source": "advertising", **BUSINESS_RULE}))
                    entries.append(Entry(REVENUE, pay, "cost", f"{y}年第{quarter}季度广告经营合理成本（按收入15%）",
                                         pm or ad_company, plan=q(ad_fee * Decimal("0.15")), extra=dict(COST_RULE)))
                entries.append(Entry(REVENUE, pay, "cost", f"{y}年第{quarter}季度停车管理合理成本（道闸维护、秩序人员）",
                                     collector, plan=parking_cost, extra=dict(COST_RULE)))
            if m in (6, 12) and month_end(y, m) <= AS_OF:
                entries.append(Entry(REVENUE, month_end(y, m), "income", f"{y}年{'上' if m == 6 else '下'}半年公共收益账户活期利息",
                                     "某某银行某某支行", rate=Decimal("0.0004"), extra={"source": "other"}))
            if m in (1, 7) and date(y, m, 14) <= AS_OF and (y, m) != (self.first_year, 1):
                previous = f"{y - 1}-H2" if m == 1 else f"{y}-H1"
                entries.append(Entry(REVENUE, date(y, m, 14), "cost",
                                     f"{previous[:4]}年{'下' if previous.endswith('2') else '上'}半年公共收益增值税及附加",
                                     "国家税务总局某市某区税务局", plan=None, extra=dict(COST_RULE)))
                entries[-1].extra["_tax_of"] = previous
            if m == 1 and y > self.first_year and date(y, 1, 20) <= AS_OF:
                entries.append(Entry(REVENUE, date(y, 1, 20), "transfer_out",
                                     f"{y - 1}年度公共收益转入专项维修资金（管理规约规定不低于上年度净收益的40%）",
                                     f"{c.name}小区专项维修资金账户", share=ratio(rng, 0.4, 0.6),
                                     extra={"to": "maintenance-fund"}))
            if m == 5 and rng.random() < 0.5 and date(y, 5, 18) <= AS_OF:
                entries.append(Entry(REVENUE, date(y, 5, 18), "income", "废旧物资（报废健身器材等）回收处置收入",
                                     "某某再生资源回收有限公司", fixed=yuan(rng, 200, 1500), extra={"source": "other"}))
            if m in (3, 9) and rng.random() < 0.5 and date(y, m, 6) <= AS_OF:
                entries.append(Entry(REVENUE, date(y, m, 6), "expense", f"{self.issuer}办公用品及公示栏维护",
                                     "某某文具商店", plan=yuan(rng, 800, 4000),
                                     extra={"authorized_by": "管理规约第二十条"}))
            day = date(y + (m == 12), m % 12 + 1, 1)
        # Tax on each half-year's income.
        for e in entries:
            if e.type == "income":
                half_income[half_of(e.day)] = half_income.get(half_of(e.day), Decimal("0")) + (e.fixed or Decimal("0"))
        for e in entries:
            previous = e.extra.pop("_tax_of", None)
            if previous:
                e.plan = q(half_income.get(previous, Decimal("0")) * Decimal("0.056"))
        entries = [e for e in entries if e.type != "cost" or e.plan]
        # Votes: spending of public revenue, and new lease income after a passed change of use.
        for vote in self.votes:
            if not vote.passed:
                continue
            if vote.spend_from == REVENUE:
                vote.expenses = self._payments(vote, REVENUE, "某某" + rng.choice(["安防", "建设", "设施", "照明"]) + "工程有限公司")
                entries += vote.expenses
            if vote.matter == "change_use":
                amount = round_yuan(rng, 6000, 18000, 100)
                day = vote.end + timedelta(days=rng.randint(30, 60))
                n = 1
                while day <= AS_OF:
                    entries.append(Entry(REVENUE, day, "income", f"{vote.title}：场地使用费（第{n}期）",
                                         "某某新能源科技有限公司" if "充电" in vote.title else ad_company,
                                         fixed=amount, extra={"source": "lease" if "广告" not in vote.title else "advertising",
                                                              "vote": vote.id}))
                    day, n = day + timedelta(days=91), n + 1
        return entries

    def _fund_entries(self) -> list[Entry]:
        c, rng = self.c, self.rng
        entries: list[Entry] = []
        developer = "某某房地产开发有限公司"
        for year in range(self.first_year, AS_OF.year + 1):
            for month in (3, 6, 9, 12):
                day = date(year, month, 21)
                if day <= AS_OF:
                    entries.append(Entry(FUND, day, "interest", f"{year}年第{QUARTER[month // 3]}季度存款利息（增值收益）",
                                         "某某银行某某支行", rate=Decimal("0.0035")))
            for half in (1, 2):
                for _ in range(rng.randint(0, 2)):
                    day = date(year, 6 * (half - 1) + rng.randint(1, 6), rng.randint(1, 28))
                    if day > AS_OF:
                        continue
                    b = rng.choice(c.buildings)
                    if rng.random() < 0.5:
                        n = rng.randint(1, 4)
                        entries.append(Entry(FUND, day, "deposit", f"{b.name}{n}户业主补交首期维修资金",
                                             f"业主（{b.name}共{n}户）", fixed=round_yuan(rng, 8000 * n, 14000 * n, 10)))
                    else:
                        entries.append(Entry(FUND, day, "deposit", f"{b.name}底商新售房屋首期交存", developer,
                                             fixed=round_yuan(rng, 15000, 60000, 10)))
            if rng.random() < 0.25:
                day = date(year, rng.randint(2, 11), rng.randint(1, 28))
                if day <= AS_OF:
                    b = rng.choice(c.buildings)
                    entries.append(Entry(FUND, day, "refund", f"退还{b.name}业主重复交存的维修资金（经资金管理中心核实）",
                                         f"业主{person(rng)}（{b.name}）", plan=round_yuan(rng, 3000, 12000, 10),
                                         extra={"reason": "重复交存", "approved_by": "某市住房专项维修资金管理中心"}))
            if rng.random() < 0.4:
                day = date(year, rng.randint(4, 10), rng.randint(1, 28))
                if day <= AS_OF:
                    b = rng.choice(c.buildings)
                    what, why = rng.choice(EMERGENCIES)
                    entries.append(Entry(FUND, day, "expense", what.format(b=b.name), "某某工程维修有限公司",
                                         plan=round_yuan(rng, 8000, 60000, 10), extra={
                                             "apportionment": Flow(basis="area", scope=[b.name]),
                                             "emergency": Flow(reason=why.format(b=b.name),
                                                               approved_by=self.c.committee_name or f"{c.street}办事处",
                                                               reported_on=day - timedelta(days=rng.randint(1, 7))),
                                         }))
        for vote in self.votes:
            if vote.passed and vote.spend_from == FUND:
                vote.expenses = self._payments(vote, FUND, "某某" + rng.choice(["电梯", "防水", "建筑", "机电"]) + "工程有限公司")
                entries += vote.expenses
        return entries

    def _payments(self, vote: VotePlan, account: str, contractor: str) -> list[Entry]:
        """A prepayment and, when it falls before AS_OF, the final payment: never over budget."""
        rng = self.rng
        first = vote.end + timedelta(days=rng.randint(20, 50))
        second = first + timedelta(days=rng.randint(60, 130))
        contract = q_down(vote.budget * ratio(rng, 0.88, 0.99))
        prepay = q_down(contract * ratio(rng, 0.3, 0.6))
        extra: dict = {"vote": vote.id}
        if account == FUND:
            scope = vote.scope or self.c.buildings
            extra["apportionment"] = Flow(basis=rng.choice(["area", "area", "equal"]), scope=[b.name for b in scope])
        out = []
        if first <= AS_OF:
            out.append(Entry(account, first, "expense", f"{vote.title}（合同价{contract}元，预付款）", contractor,
                             plan=prepay, extra=dict(extra)))
        if second <= AS_OF:
            out.append(Entry(account, second, "expense", f"{vote.title}（验收合格后付款，余款为质保金）", contractor,
                             plan=q_down((contract - prepay) * ratio(rng, 0.9, 0.97)), extra=dict(extra)))
        return out

    def _fillers(self, count: int, salt: int) -> list[Entry]:
        """Daily temporary-parking receipts and owners' deposits: inflows only, so none is dropped."""
        rng = random.Random(f"fill:{self.c.slug}:{count}:{salt}")
        days = (AS_OF - self.span_start).days
        out = []
        for i in range(count):
            day = self.span_start + timedelta(days=rng.randint(0, days))
            if rng.random() < 0.6:
                out.append(Entry(REVENUE, day, "income", f"临时停车费（{day.month}月{day.day}日日结，第{i % 7 + 1}岗亭）",
                                 "某某停车管理岗亭", fixed=yuan(rng, 60, 900), extra={"source": "parking", **BUSINESS_RULE},
                                 filler=True))
            else:
                b = rng.choice(self.c.buildings)
                out.append(Entry(FUND, day, "deposit", f"{b.name}业主交存专项维修资金（按户收缴）",
                                 f"业主（{b.name}）", fixed=yuan(rng, 2000, 9000), filler=True))
        return out

    @staticmethod
    def _settle(entries: list[Entry], opening: Decimal) -> list[Entry]:
        """Amounts in date order (inflows first on a day); outflows never exceed the balance."""
        entries.sort(key=lambda e: (e.day, not e.inflow))
        balance, kept = opening, []
        for e in entries:
            e.amount = Decimal("0")
            if e.fixed is not None:
                amount = e.fixed
            elif e.rate is not None:
                amount = q(balance * e.rate)
            elif e.share is not None:
                amount = q((balance * e.share / 100).to_integral_value(rounding=ROUND_DOWN) * 100)
            else:
                amount = min(e.plan, q_down(balance * Decimal("0.95")))
            if amount <= 0 or (not e.inflow and amount > balance):
                continue
            e.amount = amount
            balance += amount if e.inflow else -amount
            kept.append(e)
        return kept

    def _ledgers(self) -> None:
        c, rng = self.c, self.rng
        fund_opening = q(c.area * ratio(rng, 35, 70))
        revenue_opening = round_yuan(rng, 30000, 180000, 1) + yuan(rng, 0, 0.99)
        natural_revenue = self._revenue_entries()
        natural_fund = self._fund_entries()
        fillers: list[Entry] = []
        for attempt in range(20):
            revenue = self._settle(natural_revenue + [f for f in fillers if f.account == REVENUE], revenue_opening)
            transfers = [Entry(FUND, e.day, "transfer_in", f"{e.day.year - 1}年度公共收益转入", f"{c.name}小区公共收益账户",
                               fixed=e.amount, extra={"from": "public-revenue"}) for e in revenue if e.type == "transfer_out"]
            fund = self._settle(natural_fund + transfers + [f for f in fillers if f.account == FUND], fund_opening)
            total = len(revenue) + len(fund)
            if self.target_entries is None or total == self.target_entries:
                break
            if total < self.target_entries:
                fillers += self._fillers(self.target_entries - total, attempt)
            elif fillers:
                del fillers[: total - self.target_entries]
            else:
                break   # K below the natural count: keep the natural ledgers
        # Ids and vouchers in date order.
        for account, rows, prefix in ((FUND, fund, "mf"), (REVENUE, revenue, "pr")):
            counters: dict[int, int] = {}
            for e in rows:
                counters[e.day.year] = counters.get(e.day.year, 0) + 1
                e.id = f"{prefix}-{e.day.year}-{counters[e.day.year]:03d}"
        vouchers: dict[int, int] = {}
        for e in sorted(fund + revenue, key=lambda e: (e.day, e.account)):
            vouchers[e.day.year] = vouchers.get(e.day.year, 0) + 1
            e.voucher = f"记-{e.day.year}-{vouchers[e.day.year]:03d}"
        for vote in self.votes:
            vote.expenses = [e for e in vote.expenses if e.amount > 0 and e.id]
        self.ledger_rows = {FUND: fund, REVENUE: revenue}
        self.c.entries = len(fund) + len(revenue)
        periods = [f"{y}-H{h}" for y in range(self.first_year, AS_OF.year + 1) for h in (1, 2)
                   if half_bounds(f"{y}-H{h}")[0] <= AS_OF]
        self.periods = periods
        self.period_totals: dict[tuple[str, str], dict] = {}
        for account, rows, opening in ((FUND, fund, fund_opening), (REVENUE, revenue, revenue_opening)):
            by_period: dict[str, list[Entry]] = {p: [] for p in periods}
            for e in rows:
                by_period[half_of(e.day)].append(e)
            balance = opening
            for period in periods:
                closing = balance
                for e in by_period[period]:
                    closing += e.amount if e.inflow else -e.amount
                self._write_ledger(account, period, balance, by_period[period], closing)
                self.period_totals[(account, period)] = {"opening": balance, "closing": closing,
                                                         "rows": by_period[period]}
                balance = closing

    def _write_ledger(self, account: str, period: str, opening: Decimal, rows: list[Entry], closing: Decimal) -> None:
        first, last = half_bounds(period)
        what = "专项维修资金" if account == FUND else "公共收益"
        inflow = sum((e.amount for e in rows if e.inflow), Decimal("0"))
        outflow = sum((e.amount for e in rows if not e.inflow), Decimal("0"))
        upto = f"，截至 {AS_OF}" if last > AS_OF else ""
        entries = []
        for e in rows:
            item = {"id": e.id, "date": e.day, "type": e.type}
            for key in ("source", "to", "from"):
                if key in e.extra:
                    item[key] = e.extra[key]
            item.update({"amount": e.amount, "summary": e.summary, "counterparty": e.counterparty, "voucher": e.voucher})
            for key in ("vote", "authorized_by", "apportionment", "emergency", "reason", "approved_by"):
                if key in e.extra:
                    item[key] = e.extra[key]
            entries.append(item)
        doc = {"period": period, "opening_balance": opening, "entries": entries, "closing_balance": closing}
        header = (f"{self.c.name} {what}台账 {period}（{first} 至 {last}{upto}）。合成测试数据，纯属虚构。\n"
                  f"本期收入合计 {inflow:.2f}，支出合计 {outflow:.2f}；期初 + 收入 − 支出 = 期末。")
        self.c.files[f"{account}/{period}.yml"] = dump(doc, header)

    # ------------------------------------------------------------ inspections and evaluations

    def _inspections(self) -> None:
        c, rng = self.c, self.rng
        for year in range(self.first_year, AS_OF.year + 1):
            kinds = rng.sample(list(INSPECTIONS), rng.randint(1, 2))
            for kind in kinds:
                last = min(date(year, 12, 20), AS_OF - timedelta(days=3))
                day = date(year, 3, 1) + timedelta(days=rng.randint(0, (last - date(year, 3, 1)).days))
                source, authority = rng.choice(INSPECTION_SOURCES[kind])
                if source == "committee" and not c.committee_name:
                    source, authority = "street", "{street}办事处"
                if source == "self" and not c.property_manager:
                    source, authority = "street", "{street}办事处"
                authority = authority.format(street=c.street, committee=c.committee_name or "",
                                             pm=c.property_manager["name"] if c.property_manager else "")
                items = []
                fails = 0
                for check, finding in rng.sample(INSPECTIONS[kind], min(len(INSPECTIONS[kind]), rng.randint(3, 5))):
                    result = "fail" if rng.random() < 0.25 and finding else "pass"
                    item: dict = {"check": check, "result": result}
                    if result == "fail":
                        fails += 1
                        rectify_by = day + timedelta(days=rng.randint(15, 30))
                        done = day + timedelta(days=rng.randint(3, (rectify_by - day).days + (8 if rng.random() < 0.1 else 0)))
                        item.update({"finding": finding.format(b=rng.choice(c.buildings).name), "rectify_by": rectify_by})
                        if done <= AS_OF:
                            item["rectified_on"] = done
                        elif rectify_by < AS_OF:   # never overdue at AS_OF: rectified by then
                            item["rectified_on"] = AS_OF - timedelta(days=1)
                    elif rng.random() < 0.1:
                        item["result"] = "not_applicable"
                    items.append(item)
                pending = sum(1 for i in items if i["result"] == "fail" and "rectified_on" not in i)
                conclusion = ("合格" if not fails else
                              f"基本合格，限期整改{fails}项" + ("（已全部完成）" if not pending else f"（{pending}项整改中）"))
                ident = self._unique(f"{year}-{kind.replace('_', '-')}", self.inspections)
                self.inspections[ident] = {"date": day, "authority": authority, "source": source, "kind": kind,
                                           "items": items, "conclusion": conclusion}
                published = day + timedelta(days=rng.randint(2, 6))
                if published <= AS_OF:
                    self._notice(f"{ident}-inspection", {
                        "title": f"关于{authority}{INSPECTION_LABEL[kind]}检查结果的公示", "kind": "inspection",
                        "issuer": c.property_manager["name"] if c.property_manager and source == "self" else self.issuer,
                        "published": published, "length": rng.randint(10, 15),
                        "related": [f"inspection/{ident}"],
                        "body": Literal(
                            f"{cn_date(day)}，{authority}对本小区进行了{INSPECTION_LABEL[kind]}检查，结论：{conclusion}。\n\n"
                            "| 检查项目 | 结果 |\n| --- | --- |\n"
                            + "\n".join(f"| {i['check']} | {ITEM_LABEL[i['result']]} |" for i in items)
                            + ("\n\n整改情况将在整改完成后更新。" if fails else "")
                        ),
                    })

    def _evaluations(self) -> None:
        c, rng = self.c, self.rng
        if not c.property_manager:
            return
        years = list(range(self.first_year - 1, AS_OF.year))
        for n, year in enumerate(years):
            tier = c.tier if year == years[-1] else TIERS[min(3, max(0, TIERS.index(c.tier) + rng.choice([-1, 0, 0, 1])))]
            low, high = TIER_PERCENT[tier]
            target = rng.randint(low, high)
            categories = []
            for name, maximum in EVAL_CATEGORIES:
                categories.append({"name": name, "max": maximum, "score": max(0, min(maximum, round(maximum * target / 100)))})
            # Nudge single points until the total equals the target (max is 100).
            total = sum(cat["score"] for cat in categories)
            while total != target:
                cat = rng.choice(categories)
                step = 1 if total < target else -1
                if 0 <= cat["score"] + step <= cat["max"]:
                    cat["score"] += step
                    total += step
            grade = grade_for(Fraction(total, 100) * 100)
            surveyed = rng.randint(200, 400)
            satisfied = int(surveyed * min(0.98, target / 100 + rng.uniform(-0.05, 0.05)))
            evaluated_on = date(year + 1, 1, rng.randint(8, 25))
            self.evaluations[str(year)] = {
                "evaluated": c.property_manager["name"],
                "evaluators": [self.issuer, f"{c.neighbourhood}党委"],
                "date": evaluated_on,
                "categories": [Flow(cat) for cat in categories],
                "satisfaction": Flow(surveyed=surveyed, satisfied=satisfied,
                                     method=rng.choice(["入户问卷", "入户与线上问卷", "线上问卷"])),
                "declared_grade": grade,
            }
            published = evaluated_on + timedelta(days=rng.randint(3, 8))
            if published <= AS_OF:
                self._notice(f"{year}-evaluation", {
                    "title": f"关于{c.property_manager['name']}{year}年度履约考评结果的公示", "kind": "evaluation",
                    "issuer": self.issuer, "published": published, "length": 15,
                    "related": [f"evaluation/{year}"],
                    "body": Literal(
                        f"{cn_date(evaluated_on)}，{self.issuer}会同{c.neighbourhood}党委对物业服务企业"
                        f"{year}年度履约情况进行了考评。\n\n"
                        f"- 总分 {total} 分（满分 100 分），等级 **{grade}**；\n"
                        f"- 满意度调查 {surveyed} 户，满意 {satisfied} 户。\n"
                    ),
                })

    # ------------------------------------------------------------ notices

    def _notice(self, ident: str, spec: dict) -> None:
        ident = self._unique(ident, self.notices)
        start = spec.pop("from", spec["published"])
        length = spec.pop("length")
        end = spec.pop("to", start + timedelta(days=length - 1))
        contact = (f"业委会办公室 {self.c.committee['office_phone']}" if self.c.committee and "office_phone" in self.c.committee
                   else f"{self.c.neighbourhood}居民委员会 {self.community_phone}")
        if spec["issuer"] == (self.c.property_manager or {}).get("name"):
            contact = f"物业服务中心 {self.c.property_manager['office_phone']}"
        self.notices[ident] = {
            "title": spec["title"], "kind": spec["kind"], "issuer": spec["issuer"], "published": spec["published"],
            "period": Flow({"from": start, "to": end}), "related": spec.get("related", []),
            "objection": Flow(contact=contact, until=end) if spec.get("objection", True) else None,
            "print": spec.get("print"), "body": spec["body"],
        }

    @staticmethod
    def _unique(ident: str, taken: dict) -> str:
        base, n = ident, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        return ident

    def _vote_notices(self) -> None:
        c = self.c
        for vote in self.votes:
            where = "、".join(b.name for b in vote.scope) if vote.scope else "全体"
            lines = [f"经业主提议，{self.issuer}决定将“{vote.title}”提交{where}业主表决。", ""]
            if vote.budget is not None:
                lines += ["| 项目 | 内容 |", "| --- | --- |", f"| 预算上限 | {vote.budget} 元 |",
                          f"| 资金来源 | {'本小区专项维修资金' if vote.spend_from == FUND else '本小区公共收益'} |"]
                if vote.scope:
                    owners = sum(b.owners for b in vote.scope)
                    area = sum((b.area for b in vote.scope), Decimal("0"))
                    lines.append(f"| 列支范围 | {where}（{owners}户，专有部分面积 {area} 平方米） |")
                lines.append("")
            rule = "四分之三以上" if vote.matter in SUPERMAJORITY_MATTERS else "过半数"
            lines += [f"投票时间：{cn_date(vote.start)}至{cn_date(vote.end)}。",
                      f"依《民法典》第二百七十八条，须专有部分面积和人数均达三分之二以上的业主参与表决，"
                      f"并经参与表决专有部分面积和人数{rule}的业主同意。"]
            if vote.reported:
                lines.append(f"本事项已于{cn_date(vote.reported[0])}告知社区党组织，{cn_date(vote.reported[1])}书面报{c.street}办事处。")
            lines.append("对方案有异议的，请于公示期内提出，也可发邮件至 [yeweihui@example.org](mailto:yeweihui@example.org)。")
            self._notice(vote.notice_id, {
                "title": f"关于{vote.title}的表决前公示", "kind": "pre_vote", "issuer": self.issuer,
                "published": vote.notice_from, "from": vote.notice_from, "to": vote.start - timedelta(days=1),
                "length": 0, "related": [f"vote/{vote.id}"], "print": True, "body": Literal("\n".join(lines)),
            })
            t = vote.tallies
            table = "\n".join(f"| {label} | {t[key]['owners']} | {t[key]['area_m2']} |" for key, label in
                              (("turnout", "参与表决"), ("approve", "同意"), ("oppose", "反对"), ("abstain", "弃权")))
            self._notice(f"{vote.id}-result", {
                "title": f"关于{vote.title}表决结果的公告", "kind": "vote_result", "issuer": self.issuer,
                "published": vote.result_published, "length": 14,
                "related": [f"vote/{vote.id}", f"notice/{vote.notice_id}"], "print": True,
                "body": Literal(
                    f"“{vote.title}”表决已于{cn_date(vote.end)}结束，经计票、监票，结果如下。\n\n"
                    f"| 项目 | 人数 | 专有部分面积（平方米） |\n| --- | --- | --- |\n{table}\n\n"
                    f"**本事项表决{'通过' if vote.passed else '未通过'}**。"
                ),
            })

    def _report_notices(self) -> None:
        c, rng = self.c, self.rng
        for (account, period), totals in self.period_totals.items():
            first, last = half_bounds(period)
            published = last + timedelta(days=rng.randint(8, 14))
            if published > AS_OF:
                continue
            rows = totals["rows"]
            spent = [e for e in rows if e.type == "expense" and ("vote" in e.extra or "emergency" in e.extra)]
            related = [f"{account}/{period}"] + [f"entry/{e.id}" for e in spent[:3]]
            by_type: dict[str, Decimal] = {}
            for e in rows:
                by_type[e.type] = by_type.get(e.type, Decimal("0")) + e.amount
            labels = FUND_LABEL if account == FUND else REVENUE_LABEL
            half = "上" if period.endswith("1") else "下"
            table = [f"| 期初余额 | {totals['opening']} |"]
            table += [f"| {labels[k]} | {by_type[k]} |" for k in labels if k in by_type]
            table.append(f"| 期末余额 | {totals['closing']} |")
            is_fund = account == FUND
            issuer = self.issuer if is_fund or not c.property_manager else c.property_manager["name"]
            self._notice(f"{period.lower()}-{'fund' if is_fund else 'revenue'}-report", {
                "title": f"{c.name}{period[:4]}年{half}半年{'专项维修资金' if is_fund else '公共收益'}收支情况公示",
                "kind": "fund_report" if is_fund else "revenue_report", "issuer": issuer, "published": published,
                "length": 30, "related": related, "print": is_fund or None,
                "body": Literal(
                    f"现将{cn_date(first)}至{cn_date(last)}{'专项维修资金' if is_fund else '公共收益'}收支情况公示如下（单位：元）。\n\n"
                    "| 项目 | 金额 |\n| --- | --- |\n" + "\n".join(table) + "\n\n"
                    f"本期明细共 {len(rows)} 笔，业主可到办公室查阅明细账和凭证。"
                ),
            })

    def _general_notices(self) -> None:
        c, rng = self.c, self.rng
        if c.property_manager:
            for year in range(self.first_year, AS_OF.year):
                published = date(year, 12, rng.randint(10, 18))
                fees = "\n".join(f"| {f['item']} | {f['price']} {f['unit']} |" for f in c.property_manager["fees"])
                self._notice(f"{year + 1}-fee-standards", {
                    "title": f"{year + 1}年度物业服务收费项目和标准公示", "kind": "general",
                    "issuer": c.property_manager["name"], "published": published, "length": 30,
                    "body": Literal("| 收费项目 | 收费标准 |\n| --- | --- |\n" + fees + "\n\n收费标准与上年度相同。"),
                })
        if rng.random() < 0.5:   # upcoming at AS_OF
            self._notice(f"{UPCOMING.year}-winter-fire-drill", {
                "title": "关于开展冬季消防安全检查和疏散演练的通知", "kind": "general",
                "issuer": c.property_manager["name"] if c.property_manager else self.issuer,
                "published": UPCOMING, "length": 15, "objection": False,
                "body": Literal(f"定于{cn_date(UPCOMING + timedelta(days=9))}上午开展消防疏散演练，请各位业主配合。"),
            })

    # ------------------------------------------------------------ assembly

    def generate(self) -> Community:
        c = self.c
        self.community_phone = landline(self.rng)
        self._committee()
        self._plan_votes()
        self._meetings()
        self._documents()
        self._ledgers()
        self._vote_notices()
        self._report_notices()
        self._inspections()
        self._evaluations()
        self._general_notices()
        profile = {
            "name": c.name,
            "address": f"某市某区{c.street}某某路{self.rng.randint(1, 300)}号",
            "street": c.street,
            "neighbourhood": c.neighbourhood,
            "owners": c.owners,
            "exclusive_area_m2": c.area,
            "buildings": [b.name for b in c.buildings],
            "property_manager": c.property_manager,
            "party_organisation": c.party,
        }
        c.files["community.yml"] = dump(profile, f"{c.name}小区基本情况。合成测试数据（benchmarks/synth.py），纯属虚构。")
        if c.committee:
            c.files["committee.yml"] = dump(c.committee, "委员会名单。合成测试数据，纯属虚构。只写楼栋，不写房号。")
        for vote in self.votes:
            doc = {
                "title": vote.title, "matter": vote.matter, "budget": vote.budget, "notice": vote.notice_id,
                "voting": Flow(start=vote.start, end=vote.end),
                "reported": Flow(party_org=vote.reported[0], street=vote.reported[1]) if vote.reported else None,
                "electorate": (Flow(owners=sum(b.owners for b in vote.scope),
                                    area_m2=sum((b.area for b in vote.scope), Decimal("0"))) if vote.scope else None),
                **vote.tallies,
                "declared_result": "passed" if vote.passed else "failed",
            }
            c.files[f"votes/{vote.id}.yml"] = dump(doc, "业主共同决定（民法典第二百七十八条）。合成测试数据，纯属虚构。")
        for ident, doc in self.notices.items():
            c.files[f"notices/{ident}.yml"] = dump(doc, "公示。合成测试数据，纯属虚构。")
        for ident, doc in self.inspections.items():
            c.files[f"inspections/{ident}.yml"] = dump(doc, "监督检查结果。合成测试数据，纯属虚构。")
        for ident, doc in self.evaluations.items():
            c.files[f"evaluations/{ident}.yml"] = dump(doc, "物业服务履约考评。合成测试数据，纯属虚构。")
        for ident, doc in self.meetings.items():
            c.files[f"meetings/{ident}.yml"] = dump(doc, "会议与决定。合成测试数据，纯属虚构。")
        for ident, doc in self.documents.items():
            c.files[f"documents/{ident}.yml"] = dump(doc, "制度文件。合成测试数据，纯属虚构。")
        return c


def outcome(owners: int, area: Decimal, t: dict, supermajority: bool) -> bool:
    """Civil code art. 278, in exact rationals (the same rule as generator/analysis/votes.py)."""
    turnout, approve = t["turnout"], t["approve"]
    if Fraction(turnout["owners"], owners) < Fraction(2, 3) or Fraction(turnout["area_m2"]) / Fraction(area) < Fraction(2, 3):
        return False
    if turnout["owners"] == 0 or turnout["area_m2"] == 0:
        return False
    by_owners = Fraction(approve["owners"], turnout["owners"])
    by_area = Fraction(approve["area_m2"]) / Fraction(turnout["area_m2"])
    if supermajority:
        return by_owners >= Fraction(3, 4) and by_area >= Fraction(3, 4)
    return by_owners > Fraction(1, 2) and by_area > Fraction(1, 2)


def grade_for(percent: Fraction) -> str:
    for floor, name in GRADE_FLOORS:
        if percent >= floor:
            return name
    return "不合格"


# ---------------------------------------------------------------- templates

FUND_WORKS = [
    ("elevator", "使用专项维修资金更换{b}电梯", (300000, 480000), True),
    ("roof", "使用专项维修资金维修{b}屋面防水", (60000, 180000), True),
    ("facade", "使用专项维修资金修缮{b}外墙", (120000, 320000), True),
    ("pipes", "使用专项维修资金更换{b}供水立管", (80000, 220000), True),
    ("fire-pump", "使用专项维修资金更新改造小区消防泵房", (90000, 260000), False),
    ("roads", "使用专项维修资金翻修小区道路和雨污管网", (150000, 400000), False),
]
REVENUE_WORKS = [
    ("monitoring", "使用公共收益更新改造小区监控系统", (40000, 90000)),
    ("gates", "使用公共收益更换小区门禁和道闸", (30000, 70000)),
    ("playground", "使用公共收益改造儿童游乐区", (20000, 60000)),
    ("lighting", "使用公共收益更换小区公共照明", (15000, 45000)),
    ("ev-sheds", "使用公共收益建设电动自行车集中充电棚", (30000, 80000)),
]
CHANGE_USE = [
    ("advertising", "利用共有部分（小区围墙）设置户外广告牌"),
    ("charging", "利用共有部分场地建设新能源汽车充电桩"),
    ("express", "利用架空层设置快递驿站"),
]
RULE_CHANGES = [
    ("covenant", "covenant", "修订管理规约（公共收益分配条款）"),
    ("rules", "rules", "修订业主大会议事规则（表决方式）"),
    ("pets", "other", "制定小区文明养犬公约"),
]
EMERGENCIES = [
    ("{b}屋面渗漏紧急维修", "连续强降雨致{b}顶层多户屋面渗漏，危及房屋使用安全"),
    ("{b}电梯主板故障紧急更换", "{b}电梯主板烧毁停运，经特种设备检验机构认定须立即更换"),
    ("{b}供水管道爆裂紧急抢修", "{b}地下供水主管爆裂，全楼停水"),
    ("{b}外墙脱落隐患紧急排险", "{b}外墙饰面砖脱落，危及行人安全"),
]
EVAL_CATEGORIES = [("综合管理", 20), ("房屋及设施设备维护", 25), ("秩序维护", 20), ("环境卫生", 20), ("绿化养护", 15)]
INSPECTIONS = {
    "fire_safety": [("消防通道是否畅通", "{b}北侧消防通道停放电动自行车、堆放杂物"),
                    ("室内消火栓、水带、水枪是否配置完好", "{b}2单元消火栓箱内水带缺失"),
                    ("消防控制室是否24小时双人值班", "夜间仅一人值班"),
                    ("电动自行车是否在集中充电点充电", "{b}楼道内发现飞线充电"),
                    ("疏散指示标志和应急照明是否完好", "{b}地下室应急照明不亮")],
    "elevator": [("电梯运行状况及维保记录", "{b}电梯维保记录缺少两次签字"),
                 ("轿厢应急照明和五方通话", "{b}电梯断电试验时轿厢应急照明不亮"),
                 ("电梯安全管理人员是否持证上岗", None),
                 ("电梯使用标志和维保单位信息是否张贴", "{b}电梯使用标志过期未更换")],
    "sanitation": [("垃圾分类投放点是否完好、整洁", "{b}东侧投放点顶棚破损"),
                   ("楼道是否清洁、无堆物", "{b}楼道堆放纸箱"),
                   ("化粪池、雨污管道是否定期清掏", None),
                   ("绿化带内是否有积存垃圾", "{b}南侧绿化带内积存建筑垃圾")],
    "security": [("出入口门禁和道闸是否正常", "北门门禁读卡器故障"),
                 ("监控系统是否完好、录像是否保存30日", "{b}西侧监控探头损坏"),
                 ("夜间巡逻记录是否完整", None)],
    "facilities": [("小区道路、井盖是否完好", "{b}西侧雨水井盖破损"),
                   ("公共照明是否正常", "{b}至大门的路灯三盏不亮"),
                   ("公示栏信息是否及时更新", "公示栏仍张贴已过期的通知"),
                   ("健身器材是否完好", "儿童滑梯扶手松动")],
    "service": [("物业服务中心是否按时值班", None),
                ("报修是否在承诺时限内响应", "两起报修超过24小时未响应"),
                ("收费项目和标准是否公示", None)],
}
INSPECTION_SOURCES = {
    "fire_safety": [("government", "某区消防救援支队"), ("self", "{pm}")],
    "elevator": [("government", "某区市场监督管理局")],
    "sanitation": [("street", "{street}办事处"), ("committee", "{committee}")],
    "security": [("government", "某区公安分局{street}派出所"), ("self", "{pm}")],
    "facilities": [("street", "{street}办事处"), ("committee", "{committee}")],
    "service": [("committee", "{committee}"), ("street", "{street}办事处")],
}
INSPECTION_LABEL = {"fire_safety": "消防安全", "elevator": "电梯安全", "sanitation": "环境卫生", "security": "安全防范",
                    "facilities": "公共设施", "service": "物业服务质量"}
ITEM_LABEL = {"pass": "合格", "fail": "不合格", "not_applicable": "不适用"}
ROLE_LABEL = {"chair": "主任", "vice_chair": "副主任", "member": "委员", "alternate": "候补委员"}
FUND_LABEL = {"deposit": "交存", "interest": "增值收益（利息）", "transfer_in": "公共收益转入", "expense": "使用",
              "refund": "退还"}
REVENUE_LABEL = {"income": "收入", "cost": "合理成本", "expense": "使用", "transfer_out": "转入专项维修资金"}


# ---------------------------------------------------------------- portal

def community_flags(count: int, rng: random.Random) -> list[dict]:
    """Who has a property manager, a party organisation, a committee, and which tier.

    Drawn from the seed, then nudged so that any portal of 4+ communities has at least
    one community without each of the three, and every evaluation tier once.
    """
    flags = [{
        "property_manager": rng.random() < 0.8,
        "party": rng.random() < 0.7,
        "committee": rng.random() < 0.75,
        "tier": rng.choice(TIERS),
    } for _ in range(count)]
    for f in flags:
        f["management"] = f["committee"] and rng.random() < 0.1
    if count >= 4:
        for key, slot in (("property_manager", 1), ("party", 2), ("committee", 3)):
            if all(f[key] for f in flags):
                flags[slot][key] = False
                if key == "committee":
                    flags[slot]["management"] = False
        tiers = list(TIERS)
        rng.shuffle(tiers)
        managed = [i for i, f in enumerate(flags) if f["property_manager"]]
        for tier, i in zip(tiers, managed):
            flags[i]["tier"] = tier
    return flags


def firm_register(count: int, rng: random.Random) -> list[dict]:
    """`count` property service companies (ids, names, credit codes); communities share them.
    Names repeat the company words with a round number once the words run out."""
    words = rng.sample(COMPANY_WORDS, len(COMPANY_WORDS))
    firms = []
    for i in range(count):
        round_, word = divmod(i, len(words))
        short = f"某某{words[word]}{f'{round_ + 1}号' if round_ else ''}物业"
        firms.append({"id": f"firm-{i + 1:02d}", "name": f"{short}服务有限公司", "short": short,
                      "credit_code": credit_code(rng), "complaint_phone": landline(rng)})
    return firms


def community_names(count: int, rng: random.Random) -> list[tuple[str, str]]:
    combos = [(w + s, f"{wp}-{sp}") for w, wp in PLACE_WORDS for s, sp in PLACE_SUFFIXES]
    rng.shuffle(combos)
    names = []
    for i in range(count):
        name, slug = combos[i % len(combos)]
        round_ = i // len(combos)
        if round_:
            name, slug = f"{name}{round_ + 1}期", f"{slug}-{round_ + 1}"
        names.append((name, slug))
    return names


@dataclass
class Summary:
    communities: int
    files: int
    entries: int
    bytes: int


def generate(out: Path, communities: int, years: int, entries_per_community: int | None = None,
             seed: int = 1) -> Summary:
    """Write the data folder `out` (which must not exist yet, or be empty)."""
    if communities < 1 or years < 1:
        raise ValueError("--communities and --years must be at least 1")
    rng = random.Random(f"gongshi-synth:{seed}")
    names = community_names(communities, rng)
    flags = community_flags(communities, rng)
    streets = list(STREETS)
    out.mkdir(parents=True, exist_ok=True)
    site = {
        "title": "某市某区住宅小区信息公开（合成测试数据）" if communities > 1 else f"{names[0][0]}小区信息公开（合成测试数据）",
        "publisher": "某市某区住房和城乡建设局" if communities > 1 else "合成测试数据",
        "base_url": "https://bench.gongshi.test/",
        "rules": {"pre_vote_notice_days": 15, "result_notice_within_days": 3, "min_notice_days": 7,
                  "committee_size": [5, 11], "grades": Flow({"优秀": 90, "良好": 80, "合格": 60})},
    }
    text = dump(site, "门户设置。合成测试数据（benchmarks/synth.py 生成），纯属虚构。")
    (out / "site.yml").write_text(text, encoding="utf-8")
    files, entries, size = 1, 0, len(text.encode())
    # About three communities per firm, so every firm's page and the warning list span several.
    register = firm_register(max(1, communities // 3), rng)
    managed = [f for f in flags if f["property_manager"]]
    for i, f in enumerate(managed):
        f["firm"] = register[i % len(register)]
    (out / "firms").mkdir(exist_ok=True)
    for firm in register:
        text = dump({"name": firm["name"], "credit_code": firm["credit_code"], "complaint_phone": firm["complaint_phone"]},
                    "全区物业服务企业名录。合成测试数据，纯属虚构。")
        (out / "firms" / f"{firm['id']}.yml").write_text(text, encoding="utf-8")
        files, size = files + 1, size + len(text.encode())
    short: list[str] = []
    for i in range(communities):
        street = streets[rng.randrange(len(streets))]
        c = CommunityGenerator(i, seed, years, names[i], street, flags[i], entries_per_community).generate()
        folder = out / "communities" / c.slug
        for rel, text in c.files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            size += len(data)
        files += len(c.files)
        entries += c.entries
        if entries_per_community is not None and c.entries != entries_per_community:
            short.append(c.slug)
    if short:
        print(f"note: --entries-per-community {entries_per_community} is below the natural count of "
              f"{len(short)} communities (e.g. {short[0]}); they keep their natural ledgers", file=sys.stderr)
    return Summary(communities, files, entries, size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a valid synthetic gongshi data folder (for benchmarks).")
    parser.add_argument("--communities", type=int, required=True, help="number of communities")
    parser.add_argument("--years", type=int, required=True, help="calendar years up to 2026 (the build year)")
    parser.add_argument("--out", type=Path, required=True, help="data folder to write (must not exist or be empty)")
    parser.add_argument("--entries-per-community", type=int, default=None,
                        help="exact number of ledger entries per community (at least the natural count)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="delete --out first if it exists")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        if not args.force:
            parser.error(f"{args.out} exists and is not empty (use --force to replace it)")
        shutil.rmtree(args.out)
    summary = generate(args.out, args.communities, args.years, args.entries_per_community, args.seed)
    print(f"wrote {args.out}: {summary.communities} communities, {summary.files} files, "
          f"{summary.entries} ledger entries, {summary.bytes / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
