"""红榜 and 黑榜: property managers by their latest 履约考评 in each community.

A community counts once, with its most recent evaluation period: the top grade puts its
evaluated property manager on the red list, the failing grade on the black list
(天长 2024, 呼伦贝尔 2025: regulations.md §6). The grade is computed from the scores,
never taken from `declared_grade`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Iterable

from ..analysis.grades import FAILING_GRADE, grade_for, score_percent
from ..analysis.periods import sort_periods
from ..model.portal import CommunityData


@dataclass(frozen=True)
class LatestEvaluation:
    slug: str
    community: str          # the community's name
    manager: str            # the evaluated property manager
    period: str
    evaluated_on: date
    score_percent: Fraction  # total / maximum × 100
    grade: str


def top_grade(floors: dict[str, Decimal]) -> str | None:
    """The grade with the highest floor (优秀 with the default floors)."""
    return max(floors.items(), key=lambda kv: kv[1])[0] if floors else None


def latest_evaluation(community: CommunityData, floors: dict[str, Decimal]) -> LatestEvaluation | None:
    if not community.evaluations:
        return None
    period = sort_periods(community.evaluations)[-1]
    ev = community.evaluations[period].model
    ratio = score_percent(ev)
    name = community.profile.model.name if community.profile else community.slug
    return LatestEvaluation(community.slug, name, ev.evaluated, period, ev.date, ratio, grade_for(ratio, floors))


def latest_evaluations(communities: Iterable[CommunityData], floors: dict[str, Decimal]) -> list[LatestEvaluation]:
    found = (latest_evaluation(c, floors) for c in communities)
    return [e for e in found if e is not None]


def red_list(latest: Iterable[LatestEvaluation], floors: dict[str, Decimal]) -> list[LatestEvaluation]:
    """Latest evaluations at the top grade, best score first."""
    top = top_grade(floors)
    rows = [e for e in latest if e.grade == top]
    return sorted(rows, key=lambda e: (-e.score_percent, e.manager, e.slug))


def black_list(latest: Iterable[LatestEvaluation]) -> list[LatestEvaluation]:
    """Latest evaluations at the failing grade, worst score first."""
    rows = [e for e in latest if e.grade == FAILING_GRADE]
    return sorted(rows, key=lambda e: (e.score_percent, e.manager, e.slug))
