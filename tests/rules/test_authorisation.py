"""Every outflow authorised, commercial income decided by the owners, no spending before the
vote that allows it (data-format-2 §1).

民法典第281条 (the fund is the owners'), 第282条 (revenue net of 合理成本 is theirs),
第278条第一款第八项 (using common parts for business is their joint decision).
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.problems import Severity
from tests.rules.helpers import (
    C, FUND, FUND_PATH, REVENUE, REVENUE_PATH, brief, col_of, edit, line_of, only, run, t, vote_notices,
)

W = Severity.WARNING
# mf-001 (a 50,000.00 deposit) becomes a refund: 200,000.00 − 50,000.00 − 80,000.00 + 10,000.00 = 80,000.00.
REFUND = edit(edit(FUND, "type: deposit", "type: refund"), "opening_balance: 100000.00", "opening_balance: 200000.00")


def refund(extra: str) -> str:
    return edit(REFUND, "    voucher: 记-2025-001\n", "    voucher: 记-2025-001\n" + extra)


# ---------------------------------------------------------------- refunds

def test_a_refund_with_reason_and_approval(tmp_path):
    data, problems = run(tmp_path, {FUND_PATH: refund("    reason: 房屋灭失\n    approved_by: 某市维修资金管理中心\n")})
    assert brief(problems, data) == []


def test_a_refund_with_nothing(tmp_path):
    data, problems = run(tmp_path, {FUND_PATH: REFUND})
    p = only(problems, data, "ledger.outflow_unauthorized", FUND_PATH, line_of(REFUND, "type: refund"),
             col_of(REFUND, "refund"))
    assert "mf-001" in p.message and "50,000.00" in p.message
    assert "reason" in p.message and "approved_by" in p.message


def test_a_refund_with_a_reason_but_no_approval(tmp_path):
    text = refund("    reason: 重复交存\n")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "ledger.outflow_unauthorized", FUND_PATH, line_of(text, "type: refund"), 11)
    assert "approved_by" in p.message and "reason（" not in p.message


def test_an_emergency_is_no_authority_for_a_refund(tmp_path):
    text = refund("    emergency: {reason: 漏水, approved_by: 业委会, reported_on: 2025-01-10}\n")
    data, problems = run(tmp_path, {FUND_PATH: text})
    only(problems, data, "ledger.outflow_unauthorized", FUND_PATH, line_of(text, "type: refund"))


# ---------------------------------------------------------------- costs

NO_RULE = edit(REVENUE, "    summary: 停车管理合理成本\n    authorized_by: 管理规约第十九条\n", "    summary: 停车管理合理成本\n")


def test_a_cost_without_authority(tmp_path):
    data, problems = run(tmp_path, {REVENUE_PATH: NO_RULE})
    p = only(problems, data, "ledger.outflow_unauthorized", REVENUE_PATH, line_of(NO_RULE, "type: cost"), 11)
    assert "pr-002" in p.message and "authorized_by" in p.message and "vote" in p.message


def test_a_cost_authorised_by_a_passed_vote(tmp_path):
    text = edit(edit(NO_RULE, "date: 2025-02-28", "date: 2025-03-20"), "    summary: 停车管理合理成本\n",
                "    summary: 停车管理合理成本\n    vote: fund-vote\n")
    data, problems = run(tmp_path, {REVENUE_PATH: text})
    assert brief(problems, data) == []


def test_a_cost_citing_a_failed_vote(tmp_path):
    vote = t("""
        title: 停车管理委托
        matter: other
        notice: parking-notice
        voting: {start: 2025-02-01, end: 2025-02-15}
        turnout: {owners: 240, area_m2: 21600.00}
        approve: {owners: 100, area_m2: 9000.00}
        oppose: {owners: 130, area_m2: 11700.00}
        abstain: {owners: 10, area_m2: 900.00}
        declared_result: failed
    """)
    text = edit(NO_RULE, "    summary: 停车管理合理成本\n", "    summary: 停车管理合理成本\n    vote: parking\n")
    files = {REVENUE_PATH: text, f"{C}/votes/parking.yml": vote,
             **vote_notices("parking", date(2025, 2, 1), date(2025, 2, 15))}
    data, problems = run(tmp_path, files)
    only(problems, data, "ledger.vote_not_passed", REVENUE_PATH, line_of(text, "vote: parking"), 11)


# ---------------------------------------------------------------- spending before the vote

def _expense_on(day: str) -> str:
    return edit(FUND, "date: 2025-04-01", f"date: {day}")


def test_an_expense_on_the_last_voting_day(tmp_path):
    # fund-vote votes 2025-03-01 to 2025-03-15.
    data, problems = run(tmp_path, {FUND_PATH: _expense_on("2025-03-15")})
    assert brief(problems, data) == []


def test_an_expense_the_day_before_voting_ended(tmp_path):
    text = _expense_on("2025-03-14")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "ledger.expense_before_vote", FUND_PATH, line_of(text, "2025-03-14"),
             col_of(text, "2025-03-14"))
    assert "mf-002" in p.message and "2025-03-15" in p.message and "fund-vote" in p.message


def test_a_cost_before_the_vote_it_cites(tmp_path):
    text = edit(NO_RULE, "    summary: 停车管理合理成本\n", "    summary: 停车管理合理成本\n    vote: fund-vote\n")
    data, problems = run(tmp_path, {REVENUE_PATH: text})
    only(problems, data, "ledger.expense_before_vote", REVENUE_PATH, line_of(text, "2025-02-28"), 11)


# ---------------------------------------------------------------- business income

NO_DECISION = edit(REVENUE, "    summary: 停车费\n    authorized_by: 管理规约第十八条\n", "    summary: 停车费\n")


@pytest.mark.parametrize("source, label", [("parking", "停车"), ("advertising", "广告"), ("lease", "场地租赁")])
def test_business_income_without_a_decision(tmp_path, source, label):
    text = edit(NO_DECISION, "source: parking", f"source: {source}")
    data, problems = run(tmp_path, {REVENUE_PATH: text})
    p = only(problems, data, "ledger.income_unauthorized", REVENUE_PATH, line_of(text, "source:"),
             col_of(text, source), severity=W)
    assert "pr-001" in p.message and label in p.message and "change_use" in p.message and "authorized_by" in p.message


def test_other_income_needs_no_decision(tmp_path):
    data, problems = run(tmp_path, {REVENUE_PATH: edit(NO_DECISION, "source: parking", "source: other")})
    assert brief(problems, data) == []


def _use_vote(matter: str = "change_use", approve=(200, "18000.00"), oppose=(30, "2700.00"), declared="passed"):
    return t(f"""
        title: 利用小区道路设置停车位
        matter: {matter}
        notice: parking-notice
        voting: {{start: 2024-11-01, end: 2024-11-15}}
        reported: {{party_org: 2024-10-01, street: 2024-10-02}}
        turnout: {{owners: 240, area_m2: 21600.00}}
        approve: {{owners: {approve[0]}, area_m2: {approve[1]}}}
        oppose: {{owners: {oppose[0]}, area_m2: {oppose[1]}}}
        abstain: {{owners: 10, area_m2: 900.00}}
        declared_result: {declared}
    """)


def _with_vote(tmp_path, vote_text: str):
    text = edit(NO_DECISION, "    summary: 停车费\n", "    summary: 停车费\n    vote: parking\n")
    files = {REVENUE_PATH: text, f"{C}/votes/parking.yml": vote_text,
             **vote_notices("parking", date(2024, 11, 1), date(2024, 11, 15))}
    data, problems = run(tmp_path, files)
    return text, data, problems


def test_business_income_decided_by_a_passed_change_use_vote(tmp_path):
    # 200/240 and 18000/21600 approve: over 3/4 of the participants.
    _, data, problems = _with_vote(tmp_path, _use_vote())
    assert brief(problems, data) == []


def test_business_income_citing_a_failed_change_use_vote(tmp_path):
    failed = _use_vote(approve=(170, "15300.00"), oppose=(60, "5400.00"), declared="failed")
    text, data, problems = _with_vote(tmp_path, failed)
    p = only(problems, data, "ledger.income_unauthorized", REVENUE_PATH, line_of(text, "vote: parking"), 11,
             severity=W)
    assert "未通过" in p.message


def test_business_income_citing_a_vote_on_another_matter(tmp_path):
    text, data, problems = _with_vote(tmp_path, _use_vote(matter="other"))
    p = only(problems, data, "ledger.income_unauthorized", REVENUE_PATH, line_of(text, "vote: parking"), 11,
             severity=W)
    assert "change_use" in p.message and "other" in p.message


def test_business_income_citing_a_vote_that_does_not_exist(tmp_path):
    text = edit(NO_DECISION, "    summary: 停车费\n", "    summary: 停车费\n    vote: nowhere\n")
    data, problems = run(tmp_path, {REVENUE_PATH: text})
    only(problems, data, "ref.missing", REVENUE_PATH, line_of(text, "vote: nowhere"))
