"""Meetings: a committee meeting's quorum and decisions, and when decisions are posted.

业主大会和业主委员会指导规则第38条: 业主委员会会议应有过半数的委员出席，作出的决定必须经
全体委员半数以上同意 (the spec reads "more than half of all members in office"; with the odd
committee sizes of 第31条 the two agree). 第39条 and 北京第45条: decisions are posted within
3 days (`rules.meeting_publish_days`); so are the owners' assembly's (北京第37条). A joint
meeting has no such deadline (analysis/meetings.py).
"""

from __future__ import annotations

from ..analysis.meetings import COMMITTEE_MEETING, decision_passed, members_in_office, more_than_half, publication
from ..model.labels import MEETING_KIND
from ..problems import Problem, error, warning


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    limit = ctx.rules.meeting_publish_days
    for community in ctx.portal.communities.values():
        committee = community.committee.model if community.committee else None
        for loaded in community.meetings.values():
            meeting = loaded.model
            if meeting.kind == COMMITTEE_MEETING:
                problems += _committee_meeting(loaded, committee)
            problems += _publication(loaded, ctx.as_of, limit)
    return problems


def _committee_meeting(loaded, committee) -> list[Problem]:
    meeting, doc = loaded.model, loaded.doc
    if meeting.members is None:
        return [error(doc.key_at("kind"), "schema.missing_field",
                      "业委会会议缺少出席情况 members：请写成 members: {present: 出席委员人数, total: 在任委员人数}"
                      "（都不含候补委员）。")]
    present, total = meeting.members.present, meeting.members.total
    problems = []
    in_office = members_in_office(committee, meeting.date)
    if in_office is not None and in_office != total:
        problems.append(error(doc.at("members", "total"), "meeting.quorum",
                              f"在任委员人数写的是 {total}，按委员名单 committee.yml，{meeting.date} 在任委员（不含候补委员）"
                              f"是 {in_office} 人：出席和表决都以在任委员人数为准。"))
    if present > total:
        problems.append(error(doc.at("members", "present"), "meeting.quorum",
                              f"出席委员 {present} 人，超过了在任委员 {total} 人。"))
    elif not more_than_half(present, total):
        problems.append(error(doc.at("members", "present"), "meeting.quorum",
                              f"出席委员 {present} 人，未超过在任委员 {total} 人的半数：业委会会议应有过半数的委员出席"
                              f"（至少 {total // 2 + 1} 人，指导规则第三十八条），会议不能作出决定。"))
    for i, decision in enumerate(meeting.decisions):
        if decision.approve is None:
            problems.append(error(doc.key_at("decisions", i, "text"), "schema.missing_field",
                                  f"业委会会议的决定“{decision.text}”缺少同意的委员人数 approve。"))
        elif decision.approve > present:
            problems.append(error(doc.at("decisions", i, "approve"), "meeting.decision_not_passed",
                                  f"决定“{decision.text}”的同意人数 {decision.approve} 超过出席委员 {present} 人"
                                  "（委员不得委托他人表决）。"))
        elif not decision_passed(meeting, decision):
            problems.append(error(doc.at("decisions", i, "approve"), "meeting.decision_not_passed",
                                  f"决定“{decision.text}”只有 {decision.approve} 名委员同意，未超过全体在任委员 {total} 人的半数"
                                  f"（至少 {total // 2 + 1} 人，指导规则第三十八条）：这项决定没有通过。"))
    return problems


def _publication(loaded, as_of, limit: int) -> list[Problem]:
    meeting, doc = loaded.model, loaded.doc
    state = publication(meeting, as_of, limit)
    if not state.late:
        return []
    what = MEETING_KIND[meeting.kind]
    if state.days is None:
        return [warning(doc.key_at("date"), "meeting.published_late",
                        f"{what}（{meeting.date}）的决定还没有公布（没有 published），会后应在 {limit} 日内公布，"
                        f"已超过 {state.overdue_by} 天。公布后请填写 published。")]
    return [warning(doc.at("published"), "meeting.published_late",
                    f"{what}（{meeting.date}）的决定 {meeting.published} 才公布，是会后第 {state.days} 天，"
                    f"应在 {limit} 日内公布（指导规则第三十九条）。")]
