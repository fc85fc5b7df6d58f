"""Evaluation grades from the score ratio."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..model.labels import FAILING_GRADE  # noqa: F401 - the grade below every floor; others import it here


def total_score(evaluation) -> tuple[Decimal, Decimal]:
    total = sum((c.score for c in evaluation.categories), Decimal("0"))
    maximum = sum((c.max for c in evaluation.categories), Decimal("0"))
    return total, maximum


def score_percent(evaluation) -> Fraction:
    total, maximum = total_score(evaluation)
    return Fraction(total) / Fraction(maximum) * 100 if maximum else Fraction(0)


def grade_for(percent: Fraction, floors: dict[str, Decimal]) -> str:
    """The best grade whose floor the percentage reaches (a floor is included)."""
    for name, floor in sorted(floors.items(), key=lambda kv: kv[1], reverse=True):
        if percent >= Fraction(floor):
            return name
    return FAILING_GRADE


def satisfaction_rate(evaluation) -> Fraction | None:
    s = evaluation.satisfaction
    if s is None or not s.surveyed:
        return None
    return Fraction(s.satisfied, s.surveyed)
