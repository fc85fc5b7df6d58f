"""inspection.overdue: a failed item not rectified by its deadline (a warning)."""

from __future__ import annotations

from ..analysis.status import OVERDUE, item_status
from ..problems import Problem, warning


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        for loaded in community.inspections.values():
            for i, item in enumerate(loaded.model.items):
                if item_status(item, ctx.as_of) == OVERDUE:
                    days = (ctx.as_of - item.rectify_by).days
                    problems.append(warning(loaded.doc.at("items", i, "rectify_by"), "inspection.overdue",
                                            f"“{item.check}”应在 {item.rectify_by} 前整改，已逾期 {days} 天，"
                                            "仍未填写整改完成日期 rectified_on。"))
    return problems
