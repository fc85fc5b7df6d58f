"""Vote rules: tallies add up, the result is recomputed, major matters are reported, and
the notices the law requires around every vote exist.

民法典第278条 (thresholds, see analysis/votes.py); major matters are reported to the
community party organisation and filed with the street before voting starts.
物业管理条例第14条: the matters are announced before the vote (the seed: 表决重大事项前需
进行公示并征求意见); the result is announced after it (北京 art. 37: within 3 days).
"""

from __future__ import annotations

from ..analysis.days import days_after, deadline_after
from ..analysis.votes import MAJOR_MATTERS, compute_outcome, electorate_of, has_tallies, reporting_gaps
from ..formatting import area, fraction, money, percent_beside_threshold
from ..model.labels import DECLARED_RESULT, MATTER, NOTICE_KIND
from ..problems import Problem, error, warning

TALLIES = ("turnout", "approve", "oppose", "abstain")


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    threshold = ctx.rules.report_amount_threshold
    for community in ctx.portal.communities.values():
        profile = community.profile.model if community.profile else None
        for vote_id, vote in community.votes.items():
            problems += _vote(vote, profile, threshold)
            problems += _pre_vote_notice(community, vote_id, vote)
            problems += _result_notice(community, vote_id, vote, ctx.rules.result_notice_within_days, ctx.as_of)
    return problems


def _pre_vote_notice(community, vote_id: str, loaded) -> list[Problem]:
    """vote.no_pre_vote_notice / vote.notice_kind: `notice` names a notice of kind pre_vote."""
    vote, doc = loaded.model, loaded.doc
    if vote.notice is None:
        relating = sorted(nid for nid, n in community.notices.items()
                          if n.model.kind == "pre_vote" and f"vote/{vote_id}" in n.model.related)
        hint = f"notices/{relating[0]}.yml 的 related 列出了本表决，请填写 notice: {relating[0]}" if relating \
            else "请先发布表决前公示（gongshi new notice，kind: pre_vote），再在 notice 填写它的编号"
        # At an empty `notice:` if the file has one (a skeleton of gongshi new), else at `voting`.
        at = doc.key_at("notice") if ("notice",) in doc.key_positions else doc.key_at("voting")
        return [error(at, "vote.no_pre_vote_notice",
                      f"表决“{vote_id}”没有填写表决前公示 notice：表决前须公示表决事项并征求意见（物业管理条例第十四条）。{hint}。")]
    notice = community.notices.get(vote.notice)
    if notice is None or notice.model.kind == "pre_vote":
        return []   # a missing file is ref.missing's to report
    kind = notice.model.kind
    return [error(doc.at("notice"), "vote.notice_kind",
                  f"notice 指向的公示“{vote.notice}”是{NOTICE_KIND[kind]}（kind: {kind}），不是表决前公示（kind: pre_vote）："
                  "表决前公示须公布表决事项并留出异议期，其他类别的公示不能代替。")]


def _result_notice(community, vote_id: str, loaded, within_days: int, as_of) -> list[Problem]:
    """vote.no_result_notice: a counted vote whose result is due needs a vote_result notice."""
    vote, doc = loaded.model, loaded.doc
    if not has_tallies(vote) or days_after(vote.voting.end, as_of) <= within_days:
        return []
    ref = f"vote/{vote_id}"
    if any(n.model.kind == "vote_result" and ref in n.model.related for n in community.notices.values()):
        return []
    deadline = deadline_after(vote.voting.end, within_days)
    return [error(doc.at("voting", "end"), "vote.no_result_notice",
                  f"表决“{vote_id}”已于 {vote.voting.end} 结束并已计票，应在 {within_days} 天内（{deadline} 前）公告结果，"
                  f"还没有表决结果公告：请发布 kind: vote_result 的公示，related 写 {ref}。")]


def _vote(loaded, profile, threshold) -> list[Problem]:
    vote, doc = loaded.model, loaded.doc
    present = [name for name in TALLIES if getattr(vote, name) is not None]
    if present and len(present) < len(TALLIES) or (vote.declared_result and not present):
        missing = [name for name in TALLIES if getattr(vote, name) is None]
        return [error(doc.at(), "schema.missing_field",
                      f"计票结果不完整：缺少 {'、'.join(missing)}。计票后 turnout、approve、oppose、abstain 都要填写。")]
    problems = _reporting(vote, doc, threshold)
    if not present:
        return problems
    if vote.declared_result is None:
        problems.append(error(doc.at(), "schema.missing_field", "已填写计票结果，缺少公告的表决结果 declared_result（passed 或 failed）。"))
    summed_owners = vote.approve.owners + vote.oppose.owners + vote.abstain.owners
    summed_area = vote.approve.area_m2 + vote.oppose.area_m2 + vote.abstain.area_m2
    if summed_owners != vote.turnout.owners:
        problems.append(error(doc.at("turnout", "owners"), "vote.tally_mismatch",
                              f"参与表决人数 {vote.turnout.owners} 与同意、反对、弃权人数之和 {summed_owners} 不符，"
                              f"差 {abs(summed_owners - vote.turnout.owners)}。"))
    if summed_area != vote.turnout.area_m2:
        problems.append(error(doc.at("turnout", "area_m2"), "vote.tally_mismatch",
                              f"参与表决面积 {area(vote.turnout.area_m2)} 与同意、反对、弃权面积之和 {area(summed_area)} 不符，"
                              f"差 {area(abs(summed_area - vote.turnout.area_m2))}。"))
    electorate = electorate_of(vote, profile)
    if electorate is not None:
        if vote.turnout.owners > electorate.owners:
            problems.append(error(doc.at("turnout", "owners"), "vote.turnout_exceeds_electorate",
                                  f"参与表决人数 {vote.turnout.owners} 超过了有表决权的业主总人数 {electorate.owners}。"))
        if vote.turnout.area_m2 > electorate.area_m2:
            problems.append(error(doc.at("turnout", "area_m2"), "vote.turnout_exceeds_electorate",
                                  f"参与表决面积 {area(vote.turnout.area_m2)} 超过了专有部分总面积 {area(electorate.area_m2)}。"))
    outcome = compute_outcome(vote, profile)
    if outcome is not None and vote.declared_result and vote.declared_result != outcome.result:
        figures = "；".join(
            f"{t.label} {percent_beside_threshold(t.ratio, t.met)}（需{t.comparison}{fraction(t.threshold)}）"
            for t in outcome.participation + outcome.approval
        )
        problems.append(error(doc.at("declared_result"), "vote.result_mismatch",
                              f"公告的结果是“{DECLARED_RESULT[vote.declared_result]}”，按计票计算应为"
                              f"“{DECLARED_RESULT[outcome.result]}”：{outcome.reason}。{figures}。"))
    return problems


def _reporting(vote, doc, threshold) -> list[Problem]:
    gaps = reporting_gaps(vote, threshold)
    if not gaps:
        return []
    return [warning(_reporting_at(vote, doc), "vote.not_reported",
                    f"{_why_major(vote, threshold)}，属重大事项，应在表决开始（{vote.voting.start}）前报告社区党组织并书面报街道备案："
                    f"{'；'.join(gaps)}。")]


def _why_major(vote, threshold) -> str:
    if vote.matter in MAJOR_MATTERS:
        return f"事项类别为“{MATTER[vote.matter]}”"
    return f"预算 {money(vote.budget)} 元达到 site.yml 规定的报备金额 {money(threshold)} 元"


def _reporting_at(vote, doc):
    """The first late date itself, else the `reported` key (a date missing), else `matter`."""
    if vote.reported is None:
        return doc.key_at("matter")
    for field in ("party_org", "street"):
        day = getattr(vote.reported, field)
        if day is None:
            return doc.key_at("reported")
        if day >= vote.voting.start:
            return doc.at("reported", field)
    return doc.key_at("reported")
