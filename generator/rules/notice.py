"""Notice rules: disclosure periods, the timing of vote notices, the objection channel,
and the figures typed in a body (notice.figure_unmatched).

物业管理条例第14条: a meeting's matters are announced 15 days before it; results are
announced within days of the vote (北京 Art 37: 3 days). Thresholds come from site.yml;
days are counted by analysis/days.py as `rules.period_counting` says.
住宅专项维修资金管理办法第30条 / 民法典第282条: the statements owners read on the board
must be the ledger's own figures (data-format-2.md §2).
"""

from __future__ import annotations

from ..analysis.days import (
    AHEAD_NOTE, LENGTH_NOTE, days_after, days_ahead, latest_start_ahead, period_length, shortest_period_end,
)
from ..analysis.figures import CommunityFigures, describe_typed, disclosed_refs, typed_figures
from ..model import labels
from ..problems import Problem, error, warning

# A statement or a vote result is the figures themselves: a typed figure that matches
# none of them is an error there, and a warning in any other notice.
FIGURE_ERROR_KINDS = frozenset({"fund_report", "revenue_report", "vote_result"})


def check(ctx) -> list[Problem]:
    rules = ctx.rules
    counting = rules.period_counting
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        figures = CommunityFigures(community)
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
            problems += unmatched_figures(figures, notice_id, loaded)
    return problems


def unmatched_figures(records: CommunityFigures, notice_id: str, loaded) -> list[Problem]:
    """Money typed in the body that no related record has, at its own line and column.

    A notice that discloses no record (a fee table, a drill) has nothing to compare with,
    nor one naming a record that is missing or does not validate; one a later correction
    supersedes keeps the figures it published (the correction states old and new values).
    """
    notice, doc = loaded.model, loaded.doc
    if (not disclosed_refs(notice) or not notice.body or records.superseded(notice_id, notice)
            or records.unresolved(notice)):
        return []
    typed = typed_figures(notice.body)
    if not typed:
        return []
    figures = records.of_notice(notice)
    wrong = [t for t in typed if not figures.matches(t)]
    places = doc.fragments_at(("body",), notice.body, [(t.start, t.end) for t in wrong])
    report = error if notice.kind in FIGURE_ERROR_KINDS else warning
    kind = labels.NOTICE_KIND.get(notice.kind, notice.kind)
    problems = []
    for t, where in zip(wrong, places):
        near = figures.nearest(t)
        hint = f"最接近的是{near.shown()}" if near else "所公示的记录中没有可以对照的金额"
        problems.append(report(where, "notice.figure_unmatched",
                               f"正文中的金额{describe_typed(t)}与本{kind}所公示的记录（{'、'.join(disclosed_refs(notice))}）"
                               f"中的任何数字都不符，{hint}。请按台账、表决记录核对这个数字；收支表、计票表由程序根据数据生成，"
                               "正文不必重抄。"))
    return problems
