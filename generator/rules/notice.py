"""Notice rules: disclosure periods, the timing of vote notices, the objection channel.

物业管理条例第14条: a meeting's matters are announced 15 days before it; results are
announced within days of the vote (北京 Art 37: 3 days). Thresholds come from site.yml;
days are counted by analysis/days.py as `rules.period_counting` says.
"""

from __future__ import annotations

from ..analysis.days import (
    AHEAD_NOTE, LENGTH_NOTE, days_after, days_ahead, latest_start_ahead, period_length, shortest_period_end,
)
from ..problems import Problem, error


def check(ctx) -> list[Problem]:
    rules = ctx.rules
    counting = rules.period_counting
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        for notice_id, loaded in community.notices.items():
            notice, doc = loaded.model, loaded.doc
            length = period_length(notice.period.from_, notice.period.to, counting)
            # An end before the start is schema.range's to report; its length means nothing.
            if notice.period.to >= notice.period.from_ and length < rules.min_notice_days:
                problems.append(error(doc.at("period", "to"), "notice.period_too_short",
                                      f"公示期 {notice.period.from_} 至 {notice.period.to} 共 {length} 天（{LENGTH_NOTE[counting]}），"
                                      f"至少应为 {rules.min_notice_days} 天：结束日期最早为 "
                                      f"{shortest_period_end(notice.period.from_, rules.min_notice_days, counting)}。"))
            if notice.kind == "correction":
                for field, what in (("corrects", "更正的记录"), ("changes", "更正内容（原为…，现为…，原因…）")):
                    if not getattr(notice, field):
                        problems.append(error(doc.key_at("kind"), "schema.missing_field",
                                              f"更正公告缺少必填字段“{field}”（{what}）。"))
            related_votes = [r.split("/", 1)[1] for r in notice.related if r.startswith("vote/")]
            if notice.kind == "pre_vote":
                if notice.objection is None:
                    # 表决重大事项前需进行公示并征求意见: owners need a way to object, and a last day to.
                    problems.append(error(doc.key_at("kind"), "notice.no_objection_channel",
                                          "表决前公示须写明异议渠道 objection：contact（向谁、怎样提出异议，例如“业委会办公室 "
                                          "010-87654321”）和 until（异议截止日期），例如 "
                                          f"objection: {{contact: 业委会办公室, until: {notice.period.to}}}。"))
                named_by = [vid for vid, v in community.votes.items() if v.model.notice == notice_id]
                for vote_id in dict.fromkeys(named_by + related_votes):
                    vote = community.votes.get(vote_id)
                    if vote is None:
                        continue
                    start = vote.model.voting.start
                    lead = days_ahead(notice.period.from_, start, counting)
                    if lead < rules.pre_vote_notice_days:
                        problems.append(error(doc.at("period", "from"), "notice.pre_vote_too_late",
                                              f"表决“{vote_id}”{start} 开始，公示期 {notice.period.from_} 开始，"
                                              f"只提前了 {lead} 天，至少应提前 {rules.pre_vote_notice_days} 天"
                                              f"（{AHEAD_NOTE[counting]}，最晚 "
                                              f"{latest_start_ahead(start, rules.pre_vote_notice_days, counting)} 开始）。"))
            if notice.kind == "vote_result":
                for vote_id in related_votes:
                    vote = community.votes.get(vote_id)
                    if vote is None:
                        continue
                    delay = days_after(vote.model.voting.end, notice.published)
                    if delay > rules.result_notice_within_days:
                        problems.append(error(doc.at("published"), "notice.result_too_late",
                                              f"表决“{vote_id}”{vote.model.voting.end} 结束，结果 {notice.published} 才公告，"
                                              f"晚了 {delay} 天，应在 {rules.result_notice_within_days} 天内公告。"))
    return problems
