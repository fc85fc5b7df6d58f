"""schema.range: a range whose end lies before its start.

Each pair is checked where both dates are written; the problem sits at the end value,
the one an editor most often mistypes (a year carried over, month and day swapped).
The other schema.* codes are the validate stage's: this one needs two fields at once.
"""

from __future__ import annotations

from datetime import date

from ..problems import Location, Problem, error


def _range(problems: list, at: Location, start: date | None, end: date | None, what: str,
           start_name: str, end_name: str) -> None:
    if start is not None and end is not None and end < start:
        problems.append(error(at, "schema.range",
                              f"{what}的{end_name} {end} 早于{start_name} {start}：结束不能早于开始，请核对年份和月、日。"))


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        profile = community.profile
        manager = profile.model.property_manager if profile else None
        if manager is not None and manager.contract is not None:
            _range(problems, profile.doc.at("property_manager", "contract", "end"), manager.contract.start,
                   manager.contract.end, "物业服务合同", "开始日期 start", "结束日期 end")
        if community.committee is not None:
            c, doc = community.committee.model, community.committee.doc
            _range(problems, doc.at("term_end"), c.term_start, c.term_end, "任期", "开始 term_start", "结束 term_end")
            if c.filed is not None:
                _range(problems, doc.at("filed", "date"), c.elected_on, c.filed.date, "备案", "选举产生之日 elected_on",
                       "备案日期 filed.date")
            for i, m in enumerate(c.members):
                _range(problems, doc.at("members", i, "until"), m.since, m.until, f"委员“{m.name}”的任职",
                       "开始 since", "离任日期 until")
        for vote in community.votes.values():
            _range(problems, vote.doc.at("voting", "end"), vote.model.voting.start, vote.model.voting.end,
                   "表决期间", "开始 start", "结束 end")
        for notice in community.notices.values():
            n, doc = notice.model, notice.doc
            _range(problems, doc.at("period", "to"), n.period.from_, n.period.to, "公示期", "开始 from", "结束 to")
            if n.objection is not None:
                _range(problems, doc.at("objection", "until"), n.published, n.objection.until, "异议渠道",
                       "发布日期 published", "异议截止日期 until")
        for inspection in community.inspections.values():
            ins, doc = inspection.model, inspection.doc
            for i, item in enumerate(ins.items):
                for field, name in (("rectify_by", "整改期限 rectify_by"), ("rectified_on", "整改完成日期 rectified_on")):
                    _range(problems, doc.at("items", i, field), ins.date, getattr(item, field),
                           f"检查项目“{item.check}”", "检查日期 date", name)
    return problems
