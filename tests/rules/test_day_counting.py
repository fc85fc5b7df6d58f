"""Day counting (analysis/days.py): one module for every "N days" rule.

`inclusive` (the default) counts a notice period's both ends; `civil_code_201` (民法典第201条)
leaves out the first day. "Within N days after" counts alike in both. The properties compare
each function with a literal count of calendar days.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.days import (
    CIVIL_CODE_201, COUNTINGS, INCLUSIVE, days_after, days_ahead, deadline_after, earliest_event_after,
    latest_start_ahead, period_length,
    shortest_period_end,
)
from tests.rules.helpers import (
    COMMITTEE, COMMITTEE_PATH, GENERAL_PATH, PRE_NOTICE_PATH, RESULT_NOTICE, RESULT_NOTICE_PATH, SITE, SITE_PATH,
    brief, col_of, edit, general_notice, line_of, only, pre_notice_from, run,
)

CIVIL_SITE = SITE + "rules:\n  period_counting: civil_code_201\n"
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 12, 31))
spans = st.integers(0, 400)
countings = st.sampled_from(COUNTINGS)


def calendar(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, both included: the count the properties check against."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# ---------------------------------------------------------------- properties

@settings(max_examples=300)
@given(first=days, span=spans)
def test_a_period_counts_both_ends_or_all_but_the_first(first, span):
    last = first + timedelta(days=span)
    every = calendar(first, last)
    assert period_length(first, last, INCLUSIVE) == len(every)
    assert period_length(first, last, CIVIL_CODE_201) == len([d for d in every if d != first])
    assert period_length(first, last, CIVIL_CODE_201) == period_length(first, last, INCLUSIVE) - 1


@settings(max_examples=300)
@given(first=days, n=st.integers(1, 400), counting=countings)
def test_the_shortest_period_lasts_exactly_n_days(first, n, counting):
    end = shortest_period_end(first, n, counting)
    assert period_length(first, end, counting) == n
    assert period_length(first, end - timedelta(days=1), counting) == n - 1


@settings(max_examples=300)
@given(first=days, span=st.integers(1, 400))
def test_days_ahead_of_an_event_never_count_the_event(first, span):
    event = first + timedelta(days=span)
    before = [d for d in calendar(first, event) if d < event]
    assert days_ahead(first, event, INCLUSIVE) == len(before)
    assert days_ahead(first, event, CIVIL_CODE_201) == len([d for d in before if d != first])


@settings(max_examples=300)
@given(event=days, n=st.integers(0, 400), counting=countings)
def test_the_latest_start_is_exactly_n_days_ahead(event, n, counting):
    start = latest_start_ahead(event, n, counting)
    assert days_ahead(start, event, counting) == n
    assert days_ahead(start + timedelta(days=1), event, counting) == n - 1


@settings(max_examples=300)
@given(event=days, n=st.integers(0, 400))
def test_within_n_days_after_an_event(event, n):
    deadline = deadline_after(event, n)
    assert days_after(event, deadline) == n == len([d for d in calendar(event, deadline) if d != event])
    assert days_after(event, deadline + timedelta(days=1)) == n + 1


def test_an_unknown_counting_is_a_bug_not_a_default():
    with pytest.raises(ValueError):
        period_length(date(2025, 1, 1), date(2025, 1, 2), "exclusive")


# ---------------------------------------------------------------- the rules under each counting

G = GENERAL_PATH


def test_base_passes_under_both_countings(tmp_path):
    # The pre-vote notice runs 02-10 to 02-24: 15 days, or 14 not counting 02-10; 18 days ahead of 03-01.
    data, problems = run(tmp_path, {SITE_PATH: CIVIL_SITE})
    assert brief(problems, data) == []


def test_seven_days_counting_both_ends(tmp_path):
    data, problems = run(tmp_path, {G: general_notice("2025-05-07")})
    assert brief(problems, data) == []


def test_seven_days_under_article_201_need_one_more_day(tmp_path):
    text = general_notice("2025-05-07")
    data, problems = run(tmp_path, {SITE_PATH: CIVIL_SITE, G: text})
    p = only(problems, data, "notice.period_too_short", G, line_of(text, "period"), col_of(text, "2025-05-07"))
    assert "共 6 天" in p.message and "开始的当日不计入" in p.message and "2025-05-08" in p.message
    data, problems = run(tmp_path / "b", {SITE_PATH: CIVIL_SITE, G: general_notice("2025-05-08")})
    assert brief(problems, data) == []


def test_fifteen_days_ahead_under_article_201(tmp_path):
    # Counting the notice day, 02-14 … 02-28 are 15 days before 2025-03-01 (test_notices.py). Not
    # counting 02-14 itself, 02-15 … 02-28 are 14 days: the notice had to start on 02-13.
    text = pre_notice_from("2025-02-14")
    data, problems = run(tmp_path, {SITE_PATH: CIVIL_SITE, PRE_NOTICE_PATH: text})
    p = only(problems, data, "notice.pre_vote_too_late", PRE_NOTICE_PATH, line_of(text, "period"), 16)
    assert "14 天" in p.message and "2025-02-13" in p.message and "民法典第二百零一条" in p.message
    data, problems = run(tmp_path / "b", {SITE_PATH: CIVIL_SITE, PRE_NOTICE_PATH: pre_notice_from("2025-02-13")})
    assert brief(problems, data) == []


@pytest.mark.parametrize("site", [SITE, CIVIL_SITE], ids=["inclusive", "civil_code_201"])
def test_within_days_after_count_alike(tmp_path, site):
    # Result notice: voting ended 03-15, 3 days → 03-18 in time, 03-19 late, under either counting.
    for day, late in (("2025-03-18", False), ("2025-03-19", True)):
        text = edit(edit(RESULT_NOTICE, "published: 2025-03-17", f"published: {day}"),
                    "period: {from: 2025-03-17, to: 2025-03-31}", f"period: {{from: {day}, to: 2025-04-02}}")
        data, problems = run(tmp_path / day, {SITE_PATH: site, RESULT_NOTICE_PATH: text})
        assert [p.code for p in problems] == (["notice.result_too_late"] if late else [])
    # Filing: elected 06-01, 30 days → 07-01 in time, 07-02 late.
    for day, late in (("2023-07-01", False), ("2023-07-02", True)):
        text = edit(COMMITTEE, "filed: {date: 2023-06-20", f"filed: {{date: {day}")
        data, problems = run(tmp_path / ("f" + day), {SITE_PATH: site, COMMITTEE_PATH: text})
        assert [p.code for p in problems] == (["committee.filing_late"] if late else [])


def test_an_unknown_counting_in_site_yml(tmp_path):
    site = SITE + "rules:\n  period_counting: both_ends\n"
    data, problems = run(tmp_path, {SITE_PATH: site})
    p = only(problems, data, "schema.enum", SITE_PATH, line_of(site, "period_counting"))
    assert "civil_code_201" in p.message and "inclusive" in p.message


@settings(max_examples=300)
@given(first=days, n=st.integers(0, 400), counting=countings)
def test_the_earliest_event_is_exactly_n_days_after_the_start(first, n, counting):
    event = earliest_event_after(first, n, counting)
    assert days_ahead(first, event, counting) == n
    assert latest_start_ahead(event, n, counting) == first
