"""Vote rules: tallies add up, the result is recomputed, major matters are reported.

民法典第278条 (thresholds, see analysis/votes.py); major matters are reported to the
community party organisation and filed with the street before voting starts.
"""

from __future__ import annotations

from ..analysis.votes import compute_outcome, electorate_of, reporting_gaps
from ..formatting import area, fraction, percent_beside_threshold
from ..model.labels import DECLARED_RESULT
from ..problems import Problem, error, warning

TALLIES = ("turnout", "approve", "oppose", "abstain")


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        profile = community.profile.model if community.profile else None
        for vote in community.votes.values():
            problems += _vote(vote, profile)
    return problems


def _vote(loaded, profile) -> list[Problem]:
    vote, doc = loaded.model, loaded.doc
    present = [name for name in TALLIES if getattr(vote, name) is not None]
    if present and len(present) < len(TALLIES) or (vote.declared_result and not present):
        missing = [name for name in TALLIES if getattr(vote, name) is None]
        return [error(doc.at(), "schema.missing_field",
                      f"计票结果不完整：缺少 {'、'.join(missing)}。计票后 turnout、approve、oppose、abstain 都要填写。")]
    problems = _reporting(vote, doc)
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


def _reporting(vote, doc) -> list[Problem]:
    gaps = reporting_gaps(vote)
    if not gaps:
        return []
    return [warning(_reporting_at(vote, doc), "vote.not_reported",
                    f"重大事项应在表决开始（{vote.voting.start}）前报告社区党组织并书面报街道备案：{'；'.join(gaps)}。")]


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
