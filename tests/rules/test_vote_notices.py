"""The notices every vote needs (data-format-2 §1): a pre-vote notice named in `notice` and of
kind pre_vote, with an objection channel; a result notice once the counted vote's result is due.

物业管理条例第14条; the seed: 表决重大事项前需进行公示并征求意见. BASE's vote fund-vote votes
2025-03-01 to 2025-03-15; its result notice is published 2025-03-17.
"""

from __future__ import annotations

from datetime import date

from tests.rules.helpers import (
    C, PRE_NOTICE, PRE_NOTICE_PATH, RESULT_NOTICE, RESULT_NOTICE_PATH, SITE, SITE_PATH, VOTE, VOTE_PATH, brief,
    col_of, edit, line_of, only, run, t, vote_notices,
)

NO_NOTICE = edit(VOTE, "notice: fund-vote-notice\n", "")


def pre_vote_notice_only(vote_id: str, start: date, end: date) -> dict[str, str]:
    """The vote's pre-vote notice without its result notice."""
    notices = vote_notices(vote_id, start, end)
    notices.pop(f"{C}/notices/{vote_id}-result.yml")
    return notices
RESULT_WITHOUT_PRE_NOTICE = edit(RESULT_NOTICE, ", notice/fund-vote-notice", "")


# ---------------------------------------------------------------- vote.no_pre_vote_notice

def test_vote_without_any_pre_vote_notice(tmp_path):
    data, problems = run(tmp_path, {VOTE_PATH: NO_NOTICE, PRE_NOTICE_PATH: None,
                                    RESULT_NOTICE_PATH: RESULT_WITHOUT_PRE_NOTICE})
    p = only(problems, data, "vote.no_pre_vote_notice", VOTE_PATH, line_of(NO_NOTICE, "voting:"), 1)
    assert "fund-vote" in p.message and "物业管理条例第十四条" in p.message and "gongshi new notice" in p.message


def test_vote_not_naming_the_pre_vote_notice_that_relates_it(tmp_path):
    data, problems = run(tmp_path, {VOTE_PATH: NO_NOTICE})
    p = only(problems, data, "vote.no_pre_vote_notice", VOTE_PATH, line_of(NO_NOTICE, "voting:"), 1)
    assert "notices/fund-vote-notice.yml" in p.message and "notice: fund-vote-notice" in p.message


def test_an_uncounted_vote_needs_its_pre_vote_notice_too(tmp_path):
    text = "title: 测试表决\nmatter: covenant\nvoting: {start: 2026-05-01, end: 2026-05-15}\n"
    data, problems = run(tmp_path, {f"{C}/votes/v.yml": text})
    only(problems, data, "vote.no_pre_vote_notice", f"{C}/votes/v.yml", 3, 1)


# ---------------------------------------------------------------- vote.notice_kind

def test_notice_of_another_kind_cannot_stand_in(tmp_path):
    # The evasion the audit found: `notice` pointing at a general notice escaped the 15 days.
    pre = edit(PRE_NOTICE, "kind: pre_vote", "kind: general")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: pre})
    p = only(problems, data, "vote.notice_kind", VOTE_PATH, line_of(VOTE, "notice:"), col_of(VOTE, "fund-vote-notice"))
    assert "一般公告" in p.message and "general" in p.message and "pre_vote" in p.message


def test_notice_pointing_at_the_result_notice(tmp_path):
    vote = edit(VOTE, "notice: fund-vote-notice", "notice: fund-vote-result")
    data, problems = run(tmp_path, {VOTE_PATH: vote})
    p = only(problems, data, "vote.notice_kind", VOTE_PATH, line_of(vote, "notice:"), 9)
    assert "表决结果公告" in p.message


def test_a_missing_notice_file_is_ref_missing_only(tmp_path):
    vote = edit(VOTE, "notice: fund-vote-notice", "notice: nowhere")
    data, problems = run(tmp_path, {VOTE_PATH: vote})
    only(problems, data, "ref.missing", VOTE_PATH, line_of(vote, "notice:"))


# ---------------------------------------------------------------- notice.no_objection_channel

def test_pre_vote_notice_without_objection_channel(tmp_path):
    pre = edit(PRE_NOTICE, "objection: {contact: 业委会办公室 010-87654321, until: 2025-02-24}\n", "")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: pre})
    p = only(problems, data, "notice.no_objection_channel", PRE_NOTICE_PATH, line_of(pre, "kind:"), 1)
    assert "contact" in p.message and "until" in p.message and "2025-02-24" in p.message


def test_other_notices_need_no_objection_channel(tmp_path):
    # BASE's result notice has none.
    assert "objection" not in RESULT_NOTICE
    data, problems = run(tmp_path)
    assert brief(problems, data) == []


def test_an_objection_channel_missing_its_until_is_a_schema_problem(tmp_path):
    pre = edit(PRE_NOTICE, ", until: 2025-02-24}", "}")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: pre})
    only(problems, data, "schema.missing_field", PRE_NOTICE_PATH, line_of(pre, "objection"))


# ---------------------------------------------------------------- vote.no_result_notice

def test_result_notice_missing_on_the_deadline_day_is_not_yet_due(tmp_path):
    # Voting ends 2025-03-15; within 3 days: 2025-03-18 is the last day.
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: None}, as_of=date(2025, 3, 18))
    assert brief(problems, data) == []


def test_result_notice_missing_the_day_after_the_deadline(tmp_path):
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: None}, as_of=date(2025, 3, 19))
    p = only(problems, data, "vote.no_result_notice", VOTE_PATH, line_of(VOTE, "voting:"), col_of(VOTE, "2025-03-15"))
    assert "2025-03-18" in p.message and "vote_result" in p.message and "vote/fund-vote" in p.message


def test_result_notice_days_from_site_yml(tmp_path):
    site = SITE + "rules:\n  result_notice_within_days: 10\n"
    data, problems = run(tmp_path, {SITE_PATH: site, RESULT_NOTICE_PATH: None}, as_of=date(2025, 3, 25))
    assert brief(problems, data) == []
    data, problems = run(tmp_path / "b", {SITE_PATH: site, RESULT_NOTICE_PATH: None}, as_of=date(2025, 3, 26))
    only(problems, data, "vote.no_result_notice", VOTE_PATH, line_of(VOTE, "voting:"))


def test_a_vote_not_yet_counted_needs_no_result_notice(tmp_path):
    text = "title: 测试表决\nmatter: covenant\nnotice: v-notice\nvoting: {start: 2025-05-01, end: 2025-05-15}\n"
    notices = pre_vote_notice_only("v", date(2025, 5, 1), date(2025, 5, 15))
    data, problems = run(tmp_path, {f"{C}/votes/v.yml": text, **notices})
    assert brief(problems, data) == []


def test_a_result_notice_must_relate_the_vote(tmp_path):
    result = edit(RESULT_NOTICE, "related: [vote/fund-vote, notice/fund-vote-notice]", "related: [notice/fund-vote-notice]")
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: result})
    only(problems, data, "vote.no_result_notice", VOTE_PATH, line_of(VOTE, "voting:"))


def test_a_late_result_notice_is_late_not_missing(tmp_path):
    result = edit(RESULT_NOTICE, "published: 2025-03-17", "published: 2025-03-20")
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: result})
    only(problems, data, "notice.result_too_late", RESULT_NOTICE_PATH, line_of(result, "published"))


def test_a_block_style_vote_is_pointed_at_its_end_line(tmp_path):
    text = t("""
        title: 测试表决
        matter: covenant
        notice: v-notice
        voting:
          start: 2025-05-01
          end: 2025-05-15
        turnout: {owners: 240, area_m2: 21600.00}
        approve: {owners: 200, area_m2: 18000.00}
        oppose: {owners: 30, area_m2: 2700.00}
        abstain: {owners: 10, area_m2: 900.00}
        declared_result: passed
    """)
    notices = pre_vote_notice_only("v", date(2025, 5, 1), date(2025, 5, 15))
    data, problems = run(tmp_path, {f"{C}/votes/v.yml": text, **notices})
    only(problems, data, "vote.no_result_notice", f"{C}/votes/v.yml", line_of(text, "end:"), 8)


def test_an_empty_notice_field_is_pointed_at(tmp_path):
    # A skeleton from `gongshi new vote` has the key with nothing after it.
    vote = edit(VOTE, "notice: fund-vote-notice", "notice:")
    data, problems = run(tmp_path, {VOTE_PATH: vote})
    only(problems, data, "vote.no_pre_vote_notice", VOTE_PATH, line_of(vote, "notice:"), 1)
