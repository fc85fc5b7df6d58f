"""Votes (民法典第278条): tallies add up, the result is recomputed, major matters are reported.

Each test writes one extra vote, votes/v.yml, with its pre-vote notice and its result
notice (the notices every vote needs, tests/rules/test_vote_notices.py); nothing else cites
it. Its electorate is the community's 300 owners and 27000.00 m² unless the test gives one.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.problems import Severity
from tests.rules.helpers import C, SITE, SITE_PATH, brief, col_of, edit, line_of, only, run, t, vote_notices

V = f"{C}/votes/v.yml"
REPORTED = "reported: {party_org: 2025-04-01, street: 2025-04-02}\n"
V_NOTICES = vote_notices("v", date(2025, 5, 1), date(2025, 5, 15))


def vote(matter="covenant", turnout=(240, "21600.00"), approve=(200, "18000.00"), oppose=(30, "2700.00"),
         abstain=(10, "900.00"), declared="passed", electorate=None, reported=None) -> str:
    text = f"title: 测试表决\nmatter: {matter}\nnotice: v-notice\nvoting: {{start: 2025-05-01, end: 2025-05-15}}\n"
    if reported is None and matter in ("hire_manager", "use_fund", "raise_fund", "rebuild", "change_use", "facilities"):
        reported = REPORTED
    text += reported or ""
    if electorate:
        text += f"electorate: {{owners: {electorate[0]}, area_m2: {electorate[1]}}}\n"
    for name, (owners, area) in (("turnout", turnout), ("approve", approve), ("oppose", oppose), ("abstain", abstain)):
        text += f"{name}: {{owners: {owners}, area_m2: {area}}}\n"
    return text + f"declared_result: {declared}\n"


def check_vote(tmp_path, text):
    return run(tmp_path, {V: text, **V_NOTICES})


def test_a_clear_pass(tmp_path):
    data, problems = check_vote(tmp_path, vote())
    assert brief(problems, data) == []


def test_not_yet_counted_is_fine(tmp_path):
    data, problems = check_vote(tmp_path, "title: 测试表决\nmatter: covenant\nnotice: v-notice\n"
                                          "voting: {start: 2026-05-01, end: 2026-05-15}\n")
    assert brief(problems, data) == []


def test_half_the_tallies_is_missing_fields(tmp_path):
    text = "\n".join(vote().split("\n")[:5]) + "\ndeclared_result: passed\n"
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "schema.missing_field", V, 1)
    assert "oppose" in p.message and "abstain" in p.message


# ---------------------------------------------------------------- tallies

def test_tally_headcount_mismatch(tmp_path):
    text = vote(approve=(201, "18000.00"))
    data, problems = check_vote(tmp_path, text)
    # Also, the recomputed result still passes, so no result problem.
    p = only(problems, data, "vote.tally_mismatch", V, line_of(text, "turnout"), col_of(text, "240"))
    assert "240" in p.message and "241" in p.message


def test_tally_area_mismatch(tmp_path):
    text = vote(abstain=(10, "900.01"))
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.tally_mismatch", V, line_of(text, "turnout"), col_of(text, "21600.00"))
    assert "21,600.00" in p.message and "21,600.01" in p.message and "0.01" in p.message


def test_turnout_headcount_exceeds_electorate(tmp_path):
    text = vote(electorate=(239, "27000.00"))
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.turnout_exceeds_electorate", V, line_of(text, "turnout"), col_of(text, "240"))
    assert "240" in p.message and "239" in p.message


def test_turnout_area_exceeds_electorate(tmp_path):
    text = vote(electorate=(300, "21599.99"))
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.turnout_exceeds_electorate", V, line_of(text, "turnout"), col_of(text, "21600.00"))
    assert "21,600.00" in p.message and "21,599.99" in p.message


def test_turnout_equal_to_the_electorate(tmp_path):
    data, problems = check_vote(tmp_path, vote(electorate=(240, "21600.00")))
    assert brief(problems, data) == []


def test_turnout_exceeding_the_community_default(tmp_path):
    text = vote(turnout=(301, "21600.00"), abstain=(71, "900.00"))
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.turnout_exceeds_electorate", V, line_of(text, "turnout"), col_of(text, "301"))
    assert "300" in p.message


# ---------------------------------------------------------------- the recomputed result

def test_declared_passed_but_approval_is_exactly_half(tmp_path):
    # 过半数 excludes the bound: 120 of 240 and 10800.00 of 21600.00 is not a majority.
    text = vote(approve=(120, "10800.00"), oppose=(110, "9900.00"))
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.result_mismatch", V, line_of(text, "declared_result"), 18)
    assert "通过" in p.message and "未通过" in p.message
    assert "50.00%" in p.message and "1/2" in p.message


def test_a_ratio_just_under_two_thirds_is_not_printed_as_66_67(tmp_path):
    # 35,999.99 of 54,000.00 m² is 66.6666…% < 2/3: half-up rounding would print 66.67%, the
    # very figure of 2/3, beside "未通过". Ratios beside a threshold round away from it.
    text = vote(turnout=(240, "35999.99"), approve=(200, "30000.00"), oppose=(30, "4000.00"),
                abstain=(10, "1999.99"), electorate=(300, "54000.00"))
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.result_mismatch", V, line_of(text, "declared_result"), 18)
    assert "参与表决面积占比 66.66%（需≥2/3）" in p.message, p.message
    assert "66.67%" not in p.message


def test_exactly_half_declared_failed_is_consistent(tmp_path):
    data, problems = check_vote(tmp_path, vote(approve=(120, "10800.00"), oppose=(110, "9900.00"), declared="failed"))
    assert brief(problems, data) == []


def test_one_more_than_half_by_both_passes(tmp_path):
    data, problems = check_vote(tmp_path, vote(approve=(121, "10800.01"), oppose=(109, "9899.99")))
    assert brief(problems, data) == []


@pytest.mark.parametrize("approve, oppose", [
    ((121, "10800.00"), (109, "9900.00")),     # headcount over half, area exactly half
    ((120, "10800.01"), (110, "9899.99")),     # area over half, headcount exactly half
])
def test_majority_needs_both_area_and_headcount(tmp_path, approve, oppose):
    text = vote(approve=approve, oppose=oppose)
    data, problems = check_vote(tmp_path, text)
    only(problems, data, "vote.result_mismatch", V, line_of(text, "declared_result"))


def test_turnout_of_exactly_two_thirds_participates(tmp_path):
    # 200/300 owners and 18000.00/27000.00 m²: 三分之二以上 includes the bound.
    data, problems = check_vote(tmp_path, vote(turnout=(200, "18000.00"), approve=(150, "13500.00"),
                                               oppose=(40, "3600.00"), abstain=(10, "900.00")))
    assert brief(problems, data) == []


@pytest.mark.parametrize("turnout, abstain", [
    ((199, "18000.00"), (9, "900.00")),        # one owner short of 2/3
    ((200, "17999.99"), (10, "899.99")),       # one hundredth of a m² short
])
def test_turnout_just_below_two_thirds_fails(tmp_path, turnout, abstain):
    text = vote(turnout=turnout, approve=(150, "13500.00"), oppose=(40, "3600.00"), abstain=abstain)
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.result_mismatch", V, line_of(text, "declared_result"))
    assert "2/3" in p.message


@pytest.mark.parametrize("matter", ["raise_fund", "rebuild", "change_use"])
def test_exactly_three_quarters_passes_a_supermajority_matter(tmp_path, matter):
    # 以上 includes the bound: 180/240 and 16200.00/21600.00.
    data, problems = check_vote(tmp_path, vote(matter=matter, approve=(180, "16200.00"), oppose=(50, "4500.00")))
    assert brief(problems, data) == []


@pytest.mark.parametrize("approve, oppose", [
    ((179, "16200.00"), (51, "4500.00")),
    ((180, "16199.99"), (50, "4500.01")),
])
def test_just_below_three_quarters_fails_change_use(tmp_path, approve, oppose):
    text = vote(matter="change_use", approve=approve, oppose=oppose)
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.result_mismatch", V, line_of(text, "declared_result"))
    assert "3/4" in p.message


@pytest.mark.parametrize("matter", ["rules", "covenant", "election", "hire_manager", "use_fund", "other"])
def test_other_matters_need_only_a_majority(tmp_path, matter):
    data, problems = check_vote(tmp_path, vote(matter=matter, approve=(121, "10800.01"), oppose=(109, "9899.99")))
    assert brief(problems, data) == []


def test_declared_failed_but_passed(tmp_path):
    text = vote(declared="failed")
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.result_mismatch", V, line_of(text, "declared_result"), 18)
    assert "未通过" in p.message and "应为“通过”" in p.message


def test_vote_electorate_overrides_the_community(tmp_path):
    # 3号楼 only: 100 owners, 9000.00 m²; 67 owners and 6000.00 m² reach 2/3.
    data, problems = check_vote(tmp_path, vote(electorate=(100, "9000.00"), turnout=(67, "6000.00"),
                                               approve=(34, "3000.01"), oppose=(33, "2999.99"), abstain=(0, "0.00")))
    assert brief(problems, data) == []


# ---------------------------------------------------------------- reporting major matters

def test_major_matter_without_reporting_is_a_warning(tmp_path):
    text = vote(matter="use_fund", reported="")
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.not_reported", V, line_of(text, "matter"), severity=Severity.WARNING)
    assert not p.is_error
    assert "2025-05-01" in p.message


def test_reported_on_the_first_voting_day_is_late(tmp_path):
    text = vote(matter="hire_manager", reported="reported: {party_org: 2025-04-01, street: 2025-05-01}\n")
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.not_reported", V, line_of(text, "reported"), severity=Severity.WARNING)
    assert "2025-05-01" in p.message


def test_late_reporting_is_pointed_at_its_date(tmp_path):
    text = vote(matter="rebuild", reported="reported:\n  party_org: 2025-04-01\n  street: 2025-05-03\n")
    data, problems = check_vote(tmp_path, text)
    only(problems, data, "vote.not_reported", V, line_of(text, "street"), col_of(text, "2025-05-03"),
         severity=Severity.WARNING)


def test_one_reporting_date_missing(tmp_path):
    text = vote(matter="raise_fund", reported="reported:\n  party_org: 2025-04-01\n")
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.not_reported", V, line_of(text, "reported"), severity=Severity.WARNING)
    assert "街道" in p.message


def test_reported_the_day_before_voting_is_in_time(tmp_path):
    data, problems = check_vote(tmp_path, vote(matter="use_fund",
                                               reported="reported: {party_org: 2025-04-30, street: 2025-04-30}\n"))
    assert brief(problems, data) == []


@pytest.mark.parametrize("matter", ["rules", "covenant", "election", "other"])
def test_other_matters_need_no_reporting(tmp_path, matter):
    data, problems = check_vote(tmp_path, vote(matter=matter, reported=""))
    assert brief(problems, data) == []


def test_facilities_is_a_major_matter(tmp_path):
    # The seed counts 公共设施完善 among 重大事项.
    text = vote(matter="facilities", reported="")
    data, problems = check_vote(tmp_path, text)
    p = only(problems, data, "vote.not_reported", V, line_of(text, "matter"), 1, severity=Severity.WARNING)
    assert "公共设施设备完善改造" in p.message


def test_facilities_needs_a_simple_majority(tmp_path):
    # 民法典第278条: not among items 6-8, so more than half of the participants decides.
    data, problems = check_vote(tmp_path, vote(matter="facilities", approve=(121, "10801.00"), oppose=(109, "9899.00")))
    assert brief(problems, data) == []


THRESHOLD_SITE = SITE + "rules:\n  report_amount_threshold: 100000.00\n"


def _budgeted(budget: str) -> str:
    return vote(matter="covenant", reported="").replace("matter: covenant\n", f"matter: covenant\nbudget: {budget}\n")


def test_a_budget_reaching_the_threshold_is_a_major_matter(tmp_path):
    text = _budgeted("100000.00")
    data, problems = run(tmp_path, {V: text, SITE_PATH: THRESHOLD_SITE, **V_NOTICES})
    p = only(problems, data, "vote.not_reported", V, line_of(text, "matter"), 1, severity=Severity.WARNING)
    assert "100,000.00" in p.message and "报备金额" in p.message


def test_a_budget_one_cent_below_the_threshold(tmp_path):
    data, problems = run(tmp_path, {V: _budgeted("99999.99"), SITE_PATH: THRESHOLD_SITE, **V_NOTICES})
    assert brief(problems, data) == []


def test_no_threshold_no_reporting_by_amount(tmp_path):
    data, problems = run(tmp_path, {V: _budgeted("9999999.00"), **V_NOTICES})
    assert brief(problems, data) == []


def test_tally_and_result_problems_together(tmp_path):
    text = vote(approve=(100, "18000.00"), oppose=(30, "2700.00"))
    data, problems = check_vote(tmp_path, text)
    assert brief(problems, data) == [
        (V, line_of(text, "turnout"), col_of(text, "240"), "error", "vote.tally_mismatch"),
        (V, line_of(text, "declared_result"), 18, "error", "vote.result_mismatch"),
    ]


def test_vote_file_written_in_block_style(tmp_path):
    text = t("""
        title: 测试表决
        matter: covenant
        notice: v-notice
        voting:
          start: 2025-05-01
          end: 2025-05-15
        turnout:
          owners: 240
          area_m2: 21600.00
        approve:
          owners: 200
          area_m2: 18000.00
        oppose:
          owners: 30
          area_m2: 2700.00
        abstain:
          owners: 9
          area_m2: 900.00
        declared_result: passed
    """)
    data, problems = check_vote(tmp_path, text)
    only(problems, data, "vote.tally_mismatch", V, line_of(text, "owners: 240"), col_of(text, "240"))
