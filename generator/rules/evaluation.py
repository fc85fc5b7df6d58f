"""Evaluation rules: scores within range, the grade computed from the total."""

from __future__ import annotations

from ..analysis.grades import grade_for, score_percent, total_score
from ..analysis.periods import period_bounds, period_label
from ..formatting import percent_beside_grade
from ..problems import Problem, error


def _overlaps(community) -> list[Problem]:
    """One evaluation per stretch of time: 2025 and 2025-H1 both judging the first half of
    2025 would publish two grades for it (and the district's lists take the latest)."""
    problems: list[Problem] = []
    periods = sorted((bounds, period) for period in community.evaluations
                     if (bounds := period_bounds(period)) is not None)
    for i, ((start, _), later) in enumerate(periods):
        earlier = [period for (_, end), period in periods[:i] if end >= start]
        if earlier:
            problems.append(error(community.evaluations[later].doc.at(), "period.overlap",
                                  f"考评期间 {later}（{period_label(later)}）与 {earlier[0]}（{period_label(earlier[0])}）重叠："
                                  "同一段时间只能有一份履约考评，请合并或改正文件名。"))
    return problems


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    floors = ctx.rules.grades
    for community in ctx.portal.communities.values():
        problems += _overlaps(community)
        for loaded in community.evaluations.values():
            ev, doc = loaded.model, loaded.doc
            in_range = True
            for i, category in enumerate(ev.categories):
                if category.score > category.max:
                    in_range = False
                    problems.append(error(doc.at("categories", i, "score"), "evaluation.score_out_of_range",
                                          f"“{category.name}”得分 {category.score} 超过满分 {category.max}：应在 0 至 {category.max} 之间。"))
            if ev.satisfaction and ev.satisfaction.satisfied > ev.satisfaction.surveyed:
                problems.append(error(doc.at("satisfaction", "satisfied"), "evaluation.satisfaction_invalid",
                                      f"满意户数 {ev.satisfaction.satisfied} 超过调查户数 {ev.satisfaction.surveyed}。"))
            if not in_range:
                continue
            ratio = score_percent(ev)
            grade = grade_for(ratio, floors)
            if ev.declared_grade != grade:
                total, maximum = total_score(ev)
                floor_text = "、".join(f"{k} ≥ {v}%" for k, v in floors.items())
                problems.append(error(doc.at("declared_grade"), "evaluation.grade_mismatch",
                                      f"公布的等级是“{ev.declared_grade}”，按总分 {total}/{maximum}"
                                      f"（{percent_beside_grade(ratio / 100)}）应为“{grade}”（{floor_text}）。"))
    return problems
