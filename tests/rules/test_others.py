"""Evaluations (scores, the computed grade) and inspections (overdue rectification)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.problems import Severity
from tests.rules.helpers import (
    EVALUATION, EVALUATION_PATH, INSPECTION, INSPECTION_PATH, SITE, SITE_PATH, brief, col_of, edit, line_of, only,
    run,
)


def scored(first: str, second: str, declared: str) -> str:
    text = edit(EVALUATION, "综合管理, max: 50, score: 45", f"综合管理, max: 50, score: {first}")
    text = edit(text, "设施维护, max: 50, score: 40", f"设施维护, max: 50, score: {second}")
    return edit(text, "declared_grade: 良好", f"declared_grade: {declared}")


# ---------------------------------------------------------------- scores

def test_score_above_its_maximum(tmp_path):
    text = scored("50.5", "40", "良好")
    data, problems = run(tmp_path, {EVALUATION_PATH: text})
    p = only(problems, data, "evaluation.score_out_of_range", EVALUATION_PATH, line_of(text, "50.5"), col_of(text, "50.5"))
    assert "综合管理" in p.message and "50.5" in p.message and "50" in p.message


def test_negative_score_is_a_type_error(tmp_path):
    text = scored("-1", "40", "良好")
    data, problems = run(tmp_path, {EVALUATION_PATH: text})
    only(problems, data, "schema.type", EVALUATION_PATH, line_of(text, "score: -1"), col_of(text, "score: -1") + 7)


def test_full_and_zero_scores_are_in_range(tmp_path):
    data, problems = run(tmp_path, {EVALUATION_PATH: scored("50", "0", "不合格")})
    assert brief(problems, data) == []


# ---------------------------------------------------------------- grades

@pytest.mark.parametrize("first, second, grade", [
    ("50", "40", "优秀"),       # exactly 90.00%
    ("49.99", "40", "良好"),    # 89.99%
    ("40", "40", "良好"),       # exactly 80.00%
    ("39.99", "40", "合格"),    # 79.99%
    ("30", "30", "合格"),       # exactly 60.00%
    ("29.99", "30", "不合格"),  # 59.99%
])
def test_grade_floors_include_the_bound(tmp_path, first, second, grade):
    data, problems = run(tmp_path, {EVALUATION_PATH: scored(first, second, grade)})
    assert brief(problems, data) == []


def test_declared_grade_differs_from_the_computed_one(tmp_path):
    text = scored("39.99", "40", "良好")
    data, problems = run(tmp_path, {EVALUATION_PATH: text})
    p = only(problems, data, "evaluation.grade_mismatch", EVALUATION_PATH, line_of(text, "declared_grade"), 17)
    assert "良好" in p.message and "合格" in p.message and "79.99" in p.message and "79.99%" in p.message


def test_a_rate_just_under_a_grade_floor_is_not_printed_as_the_floor(tmp_path):
    # 899.96 of 1,000 is 89.996%, 良好 (优秀 from 90%): half-up would print 90.00% beside "良好".
    text = edit(EVALUATION, "综合管理, max: 50, score: 45", "综合管理, max: 500, score: 499.96")
    text = edit(text, "设施维护, max: 50, score: 40", "设施维护, max: 500, score: 400")
    text = edit(text, "declared_grade: 良好", "declared_grade: 优秀")
    data, problems = run(tmp_path, {EVALUATION_PATH: text})
    p = only(problems, data, "evaluation.grade_mismatch", EVALUATION_PATH, line_of(text, "declared_grade"), 17)
    assert "（89.99%）应为“良好”" in p.message, p.message
    assert "90.00%" not in p.message


def test_grade_floors_from_site_yml(tmp_path):
    # 85% is 良好 by default; with 良好 from 86% it is 合格.
    site = SITE + "rules:\n  grades: {优秀: 95, 良好: 86, 合格: 60}\n"
    data, problems = run(tmp_path, {SITE_PATH: site})
    p = only(problems, data, "evaluation.grade_mismatch", EVALUATION_PATH, line_of(EVALUATION, "declared_grade"))
    assert "合格" in p.message
    site = SITE + "rules:\n  grades: {A: 85, B: 70}\n"
    data, problems = run(tmp_path / "b", {SITE_PATH: site, EVALUATION_PATH: scored("45", "40", "A")})
    assert brief(problems, data) == []


def test_satisfied_more_than_surveyed(tmp_path):
    text = edit(EVALUATION, "satisfied: 255", "satisfied: 301")
    data, problems = run(tmp_path, {EVALUATION_PATH: text})
    only(problems, data, "evaluation.satisfaction_invalid", EVALUATION_PATH, line_of(text, "satisfied"), col_of(text, "301"))


# ---------------------------------------------------------------- inspections

def unrectified(rectify_by: str = "2025-07-12") -> str:
    text = edit(INSPECTION, "    rectified_on: 2025-07-05\n", "")
    return edit(text, "rectify_by: 2025-07-12", f"rectify_by: {rectify_by}")


def test_overdue_rectification_is_a_warning(tmp_path):
    text = unrectified()
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    p = only(problems, data, "inspection.overdue", INSPECTION_PATH, line_of(text, "rectify_by"), 17,
             severity=Severity.WARNING)
    assert "消防通道是否畅通" in p.message and "2025-07-12" in p.message and "172 天" in p.message


def test_not_overdue_on_the_deadline(tmp_path):
    data, problems = run(tmp_path, {INSPECTION_PATH: unrectified()}, as_of=date(2025, 7, 12))
    assert brief(problems, data) == []


def test_overdue_the_day_after_the_deadline(tmp_path):
    data, problems = run(tmp_path, {INSPECTION_PATH: unrectified()}, as_of=date(2025, 7, 13))
    assert [(p.code, p.severity) for p in problems] == [("inspection.overdue", Severity.WARNING)]
    assert "1 天" in problems[0].message


def test_rectified_late_is_not_overdue(tmp_path):
    text = edit(INSPECTION, "rectified_on: 2025-07-05", "rectified_on: 2025-08-05")
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    assert brief(problems, data) == []


def test_failed_item_without_a_deadline_is_not_overdue(tmp_path):
    text = edit(unrectified(), "    rectify_by: 2025-07-12\n", "")
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    assert brief(problems, data) == []
