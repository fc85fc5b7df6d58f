"""Committee rules.

业主大会和业主委员会指导规则: 5 to 11 members, an odd number; a term of at most 5
years. 物业管理条例第16条: the committee files "自选举产生之日起30日内", so the 30 days
count from `elected_on` (from `term_start`, with a warning, where the election date is
not written); the election day itself is not counted (民法典第201条).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..analysis.days import days_after, deadline_after
from ..analysis.status import is_current_member, term_status, voting_members
from ..problems import Problem, error, warning

MAX_TERM_YEARS = 5
FILING_DAYS = 30


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    low, high = ctx.rules.committee_size
    for community in ctx.portal.communities.values():
        if community.committee is None:
            continue
        committee, doc = community.committee.model, community.committee.doc
        for i, member in enumerate(committee.members):
            if member.until is not None and not member.left_reason:
                problems.append(error(doc.at("members", i, "until"), "committee.left_reason_missing",
                                      f"委员“{member.name}”填写了离任日期 {member.until}，还需填写离任原因 left_reason。"))
        current = [m for m in committee.members if is_current_member(m, ctx.as_of)]
        voting = voting_members(committee.members, ctx.as_of)
        if committee.kind == "owners_committee" and (not low <= len(voting) <= high or len(voting) % 2 == 0):
            problems.append(error(doc.key_at("members"), "committee.size",
                                  f"现任委员（不含候补委员）{len(voting)} 人，应为 {low} 至 {high} 人之间的单数。"))
        chairs = [m for m in current if m.role == "chair"]
        if len(chairs) != 1:
            names = "、".join(m.name for m in chairs) or "无"
            at = doc.at("members", committee.members.index(chairs[1]), "role") if len(chairs) > 1 else doc.key_at("members")
            problems.append(error(at, "committee.chair", f"现任主任应恰好 1 名，现在是 {len(chairs)} 名（{names}）。"))
        latest_end = _add_years(committee.term_start, MAX_TERM_YEARS) - timedelta(days=1)
        if committee.term_end > latest_end:
            problems.append(error(doc.at("term_end"), "committee.term_too_long",
                                  f"任期 {committee.term_start} 至 {committee.term_end} 超过 {MAX_TERM_YEARS} 年：最晚到 {latest_end}。"))
        problems += _filing(committee, doc, ctx.as_of)
        problems += _election_due(community, committee, doc, ctx.as_of)
    return problems


def _filing(committee, doc, as_of: date) -> list[Problem]:
    problems: list[Problem] = []
    if committee.elected_on is not None:
        start, start_label = committee.elected_on, "选举产生之日"
    else:
        start, start_label = committee.term_start, "任期开始"
        problems.append(warning(doc.key_at("term_start"), "committee.elected_on_missing",
                                f"没有填写选举产生之日 elected_on：备案期限应自选举产生之日起算（物业管理条例第十六条），"
                                f"现暂按任期开始 {committee.term_start} 计算。请在 term 下面加一行 elected_on: 选举日期。"))
    deadline = deadline_after(start, FILING_DAYS)
    if committee.filed is not None:
        late = days_after(start, committee.filed.date)
        if late > FILING_DAYS:
            problems.append(error(doc.at("filed", "date"), "committee.filing_late",
                                  f"备案日期 {committee.filed.date} 在{start_label} {start} 后第 {late} 天，"
                                  f"应在 {FILING_DAYS} 日内（{deadline} 前）备案。"))
    elif as_of > deadline:
        at = doc.at("elected_on") if committee.elected_on is not None else doc.key_at("term_start")
        problems.append(error(at, "committee.filing_late",
                              f"{start_label} {start} 已超过 {FILING_DAYS} 日，仍没有备案记录 filed。"))
    return problems


def _election_due(community, committee, doc, as_of: date) -> list[Problem]:
    term = term_status(committee.term_end, as_of)
    if not term.election_due:
        return []
    planned = [v for v in community.votes.values()
               if v.model.matter == "election" and v.model.voting.start > committee.term_start]
    if planned:
        return []
    state = f"还有 {term.days_left} 天" if not term.expired else f"已过 {-term.days_left} 天"
    return [warning(doc.at("term_end"), "committee.election_due",
                    f"本届任期 {committee.term_end} 结束（{state}），还没有换届选举的表决（matter: election）。")]
