"""履约考评: each evaluation's scores, percentage and grade (computed, never the declared one)."""

from __future__ import annotations

from ...analysis import grades as grading
from ...analysis.periods import period_label, sort_periods
from ...formatting import cn_date, percent, percent_beside_grade
from .. import links
from .context import Context, corrections_on


def evaluation_view(ctx: Context, period: str) -> dict:
    ev = ctx.community.evaluations[period].model
    total, maximum = grading.total_score(ev)
    ratio = grading.score_percent(ev)
    rate = grading.satisfaction_rate(ev)
    return {
        "label": period_label(period), "anchor": links.evaluation_anchor(period),
        "evaluated": ev.evaluated, "evaluators": "、".join(ev.evaluators), "date": cn_date(ev.date),
        "categories": [{"name": c.name, "score": f"{c.score}", "max": f"{c.max}"} for c in ev.categories],
        "total": f"{total}", "max": f"{maximum}", "percent": percent_beside_grade(ratio / 100),
        "grade": grading.grade_for(ratio, ctx.portal.rules.grades),
        "satisfaction": (f"{percent(rate)}（{ev.satisfaction.satisfied}/{ev.satisfaction.surveyed}，"
                         f"{ev.satisfaction.method or '调查'}）") if rate is not None else "",
        "corrected_by": corrections_on(ctx, links.EVALUATIONS, {f"evaluation/{period}"}),
    }


def evaluations_view(ctx: Context) -> list[dict]:
    """Newest first."""
    return [evaluation_view(ctx, p) for p in reversed(sort_periods(ctx.community.evaluations))]
