"""schema.range: no range ends before it starts; the problem sits at the end value."""

from __future__ import annotations

from datetime import date

from tests.rules.helpers import (
    C, COMMITTEE, COMMITTEE_PATH, COMMUNITY, COMMUNITY_PATH, INSPECTION, INSPECTION_PATH, PRE_NOTICE,
    PRE_NOTICE_PATH, brief, col_of, edit, line_of, only, run, vote_notices,
)


def test_contract_ending_before_it_starts(tmp_path):
    text = edit(COMMUNITY, "  office_phone: 010-12345678\n",
                "  office_phone: 010-12345678\n  contract: {start: 2025-01-01, end: 2024-12-31}\n")
    data, problems = run(tmp_path, {COMMUNITY_PATH: text})
    p = only(problems, data, "schema.range", COMMUNITY_PATH, line_of(text, "contract"), col_of(text, "2024-12-31"))
    assert "物业服务合同" in p.message and "2024-12-31" in p.message and "2025-01-01" in p.message


def test_term_ending_before_it_starts(tmp_path):
    text = edit(COMMITTEE, "term_end: 2028-05-31", "term_end: 2023-05-31")
    data, problems = run(tmp_path, {COMMITTEE_PATH: text})
    # (A term that ended long ago also asks for an election.)
    assert brief(problems, data) == [(COMMITTEE_PATH, line_of(text, "term_end"), 11, "warning", "committee.election_due"),
                                     (COMMITTEE_PATH, line_of(text, "term_end"), 11, "error", "schema.range")]


def test_filed_before_the_election(tmp_path):
    text = edit(COMMITTEE, "elected_on: 2023-06-01", "elected_on: 2023-06-25")
    data, problems = run(tmp_path, {COMMITTEE_PATH: text})
    p = only(problems, data, "schema.range", COMMITTEE_PATH, line_of(text, "filed"), col_of(text, "2023-06-20"))
    assert "elected_on" in p.message


def test_member_leaving_before_joining(tmp_path):
    left = "  - {name: 己某, role: member, since: 2024-03-01, until: 2024-02-01, left_reason: 辞职}\n"
    text = COMMITTEE + left
    data, problems = run(tmp_path, {COMMITTEE_PATH: text})
    p = only(problems, data, "schema.range", COMMITTEE_PATH, line_of(text, "己某"), col_of(text, "2024-02-01"))
    assert "己某" in p.message


def test_voting_ending_before_it_starts(tmp_path):
    vote = "title: 测试表决\nmatter: covenant\nnotice: v-notice\nvoting: {start: 2025-05-15, end: 2025-05-01}\n"
    files = {f"{C}/votes/v.yml": vote, **vote_notices("v", date(2025, 5, 15), date(2025, 5, 1))}
    data, problems = run(tmp_path, files)
    only(problems, data, "schema.range", f"{C}/votes/v.yml", 4, col_of(vote, "2025-05-01"))


def test_a_notice_period_ending_before_it_starts_is_only_a_range_problem(tmp_path):
    text = edit(PRE_NOTICE, "to: 2025-02-24}", "to: 2025-02-09}")
    text = edit(text, "until: 2025-02-24", "until: 2025-02-10")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    # Not also notice.period_too_short with a length of 0 days.
    only(problems, data, "schema.range", PRE_NOTICE_PATH, line_of(text, "period"), col_of(text, "2025-02-09"))


def test_objection_until_before_the_notice_is_published(tmp_path):
    text = edit(PRE_NOTICE, "until: 2025-02-24", "until: 2025-02-09")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    p = only(problems, data, "schema.range", PRE_NOTICE_PATH, line_of(text, "objection"), col_of(text, "2025-02-09"))
    assert "异议" in p.message and "2025-02-10" in p.message


def test_rectify_by_before_the_inspection(tmp_path):
    text = edit(INSPECTION, "rectify_by: 2025-07-12", "rectify_by: 2025-06-11")
    text = edit(text, "rectified_on: 2025-07-05", "rectified_on: 2025-06-10")
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    assert brief(problems, data) == [
        (INSPECTION_PATH, line_of(text, "rectify_by"), 17, "error", "schema.range"),
        (INSPECTION_PATH, line_of(text, "rectified_on"), 19, "error", "schema.range"),
    ]
    assert "2025-06-12" in problems[0].message


def test_ranges_of_one_day_are_fine(tmp_path):
    text = edit(INSPECTION, "rectify_by: 2025-07-12", "rectify_by: 2025-06-12")
    text = edit(text, "rectified_on: 2025-07-05", "rectified_on: 2025-06-12")
    vote = "title: 测试表决\nmatter: covenant\nnotice: v-notice\nvoting: {start: 2025-05-15, end: 2025-05-15}\n"
    committee = edit(COMMITTEE, "filed: {date: 2023-06-20", "filed: {date: 2023-06-01")
    files = {INSPECTION_PATH: text, COMMITTEE_PATH: committee, f"{C}/votes/v.yml": vote,
             **vote_notices("v", date(2025, 5, 15), date(2025, 5, 15))}
    data, problems = run(tmp_path, files)
    assert brief(problems, data) == []
