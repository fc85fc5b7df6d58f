"""Statements on schedule (data-format-2 §1, 周期): every ended ledger period gets its statement
notice within report_within_days, and no period is longer than the locality allows.

BASE keeps both accounts in yearly 2025 files: their statements are due after
2025-12-31 + 30 days = 2026-01-30 (the period's last day is not counted, 民法典第201条).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from generator.analysis.disclosure import LATE, MISSING, ON_TIME, statements_due, timeliness
from generator.model.records import DisclosureRules
from generator.pipeline import check
from generator.problems import Severity
from tests.rules.helpers import (
    C, FUND, FUND_PATH, REVENUE_PATH, SITE, SITE_PATH, brief, line_of, only, run, statement_notice, t,
    write_data,
)

W = Severity.WARNING
FUND_REPORT = statement_notice("maintenance-fund", "2025", date(2026, 1, 20))
REVENUE_REPORT = statement_notice("public-revenue", "2025", date(2026, 1, 20))
# Without the revenue ledger of 2025 the fund's transfer_in has no counterpart: make it interest.
FUND_WITHOUT_TRANSFER = FUND.replace("    type: transfer_in\n    from: public-revenue\n", "    type: interest\n")


def site_with(**disclosure) -> str:
    return SITE + "rules:\n  disclosure:\n" + "".join(f"    {k}: {v}\n" for k, v in disclosure.items())


# ---------------------------------------------------------------- disclosure.missing

def test_nothing_is_missing_on_the_deadline_day(tmp_path):
    data, problems = run(tmp_path, as_of=date(2026, 1, 30))
    assert brief(problems, data) == []


def test_both_statements_missing_the_day_after_the_deadline(tmp_path):
    data, problems = run(tmp_path, as_of=date(2026, 1, 31))
    assert brief(problems, data) == [(FUND_PATH, 1, 9, "warning", "disclosure.missing"),
                                     (REVENUE_PATH, 1, 9, "warning", "disclosure.missing")]
    fund = problems[0].message
    assert "2025-12-31" in fund and "2026-01-30" in fund and "已逾期 1 天" in fund
    assert "fund_report" in fund and "maintenance-fund/2025" in fund
    assert "revenue_report" in problems[1].message and "public-revenue/2025" in problems[1].message


def test_published_statements_are_not_missing(tmp_path):
    data, problems = run(tmp_path, dict([FUND_REPORT, REVENUE_REPORT]), as_of=date(2026, 6, 1))
    assert brief(problems, data) == []


def test_a_notice_of_another_kind_is_no_statement(tmp_path):
    general = statement_notice("maintenance-fund", "2025", date(2026, 1, 20), kind="general")
    revenue_as_fund = statement_notice("public-revenue", "2025", date(2026, 1, 20), kind="fund_report")
    data, problems = run(tmp_path, dict([general, revenue_as_fund]), as_of=date(2026, 6, 1))
    assert [(p.code, p.location.path.rsplit("/", 2)[-2]) for p in problems] == [
        ("disclosure.missing", "maintenance-fund"), ("disclosure.missing", "public-revenue")]


def test_a_statement_published_after_the_build_date_is_not_yet_published(tmp_path):
    later = statement_notice("maintenance-fund", "2025", date(2026, 2, 20))
    data, problems = run(tmp_path, dict([later, REVENUE_REPORT]), as_of=date(2026, 2, 10))
    p = only(problems, data, "disclosure.missing", FUND_PATH, 1, 9, severity=W)
    assert "已逾期 11 天" in p.message


def test_report_within_days_from_site_yml(tmp_path):
    site = site_with(report_within_days=10)
    files = {SITE_PATH: site, **dict([statement_notice("public-revenue", "2025", date(2026, 1, 5))])}
    data, problems = run(tmp_path, files, as_of=date(2026, 1, 10))
    assert brief(problems, data) == []
    data, problems = run(tmp_path / "b", files, as_of=date(2026, 1, 11))
    p = only(problems, data, "disclosure.missing", FUND_PATH, 1, 9, severity=W)
    assert "10 天内" in p.message and "2026-01-10" in p.message


# ---------------------------------------------------------------- a period with no file

def test_a_period_without_a_file_on_its_deadline_day(tmp_path):
    # The 2026 statement is due after 2026-12-31 + 30 days = 2027-01-30.
    data, problems = run(tmp_path, dict([FUND_REPORT, REVENUE_REPORT]), as_of=date(2027, 1, 30))
    assert brief(problems, data) == []


def test_a_period_without_a_file_is_reported_at_the_last_file(tmp_path):
    data, problems = run(tmp_path, dict([FUND_REPORT, REVENUE_REPORT]), as_of=date(2027, 1, 31))
    assert brief(problems, data) == [(FUND_PATH, 1, 9, "warning", "disclosure.missing"),
                                     (REVENUE_PATH, 1, 9, "warning", "disclosure.missing")]
    message = problems[0].message
    assert "2026-01-01 至 2026-12-31" in message and "maintenance-fund/2026.yml" in message
    assert "最后一期是 2025" in message and "已逾期 1 天" in message


def test_each_period_without_a_file_is_reported(tmp_path):
    files = {REVENUE_PATH: None, FUND_PATH: FUND_WITHOUT_TRANSFER, **dict([FUND_REPORT])}
    data, problems = run(tmp_path, files, as_of=date(2028, 3, 1))
    assert [(p.code, p.location.line) for p in problems] == [("disclosure.missing", 1)] * 2
    assert "2026年" in problems[0].message and "2027年" in problems[1].message


def test_an_account_with_no_ledger_at_all_owes_no_statement(tmp_path):
    data, problems = run(tmp_path, {REVENUE_PATH: None, FUND_PATH: None}, as_of=date(2028, 3, 1))
    assert [p for p in problems if p.code.startswith("disclosure.")] == []


def test_quarters_continue_as_quarters(tmp_path):
    q1 = f"{C}/public-revenue/2026-Q1.yml"
    files = {q1: t("""
        period: 2026-Q1
        opening_balance: 24000.00
        entries: []
        closing_balance: 24000.00
    """), **dict([FUND_REPORT, REVENUE_REPORT, statement_notice("public-revenue", "2026-Q1", date(2026, 4, 10))])}
    # Q2 ends 06-30 and is due after 07-30; Q3 (due after 10-30) is not yet.
    data, problems = run(tmp_path, files, as_of=date(2026, 7, 31))
    p = only(problems, data, "disclosure.missing", q1, 1, 9, severity=W)
    assert "2026年第二季度" in p.message and "2026-04-01 至 2026-06-30" in p.message


# ---------------------------------------------------------------- disclosure.late

def test_published_on_the_deadline_day_is_on_time(tmp_path):
    on_time = statement_notice("maintenance-fund", "2025", date(2026, 1, 30))
    data, problems = run(tmp_path, dict([on_time, REVENUE_REPORT]), as_of=date(2026, 6, 1))
    assert brief(problems, data) == []


def test_published_the_day_after_the_deadline_is_late(tmp_path):
    path, text = statement_notice("maintenance-fund", "2025", date(2026, 1, 31))
    data, problems = run(tmp_path, {path: text, REVENUE_REPORT[0]: REVENUE_REPORT[1]}, as_of=date(2026, 6, 1))
    p = only(problems, data, "disclosure.late", path, line_of(text, "published"), 12, severity=W)
    assert "2026-01-31" in p.message and "2026-01-30" in p.message and "晚了 1 天" in p.message


def test_the_first_statement_counts(tmp_path):
    # A later second notice of the same period (a reminder) does not make the first late.
    again_path, again = statement_notice("maintenance-fund", "2025", date(2026, 3, 1))
    files = {**dict([FUND_REPORT, REVENUE_REPORT]), again_path.replace(".yml", "-again.yml"): again}
    data, problems = run(tmp_path, files, as_of=date(2026, 6, 1))
    assert brief(problems, data) == []


# ---------------------------------------------------------------- disclosure.period_too_long

def test_a_period_of_exactly_the_allowed_months(tmp_path):
    data, problems = run(tmp_path, {SITE_PATH: site_with(maintenance_fund_months=12, public_revenue_months=12)})
    assert brief(problems, data) == []


def test_a_year_where_half_years_are_required(tmp_path):
    # 上海 art. 66: the fund at least half-yearly.
    data, problems = run(tmp_path, {SITE_PATH: site_with(maintenance_fund_months=6)})
    p = only(problems, data, "disclosure.period_too_long", FUND_PATH, 1, 9, severity=W)
    assert "12 个月" in p.message and "6 个月" in p.message and "maintenance_fund_months" in p.message


def test_a_half_year_where_quarters_are_required(tmp_path):
    h2 = f"{C}/public-revenue/2026-H1.yml"
    files = {SITE_PATH: site_with(public_revenue_months=3), h2: t("""
        period: 2026-H1
        opening_balance: 24000.00
        entries: []
        closing_balance: 24000.00
    """)}
    data, problems = run(tmp_path, files)
    assert brief(problems, data) == [(REVENUE_PATH, 1, 9, "warning", "disclosure.period_too_long"),
                                     (h2, 1, 9, "warning", "disclosure.period_too_long")]
    assert "6 个月" in problems[1].message and "3 个月" in problems[1].message


def test_quarters_meet_every_locality(tmp_path):
    q = f"{C}/public-revenue/2026-Q1.yml"
    files = {SITE_PATH: site_with(public_revenue_months=3), REVENUE_PATH: None, q: t("""
        period: 2026-Q1
        opening_balance: 24000.00
        entries: []
        closing_balance: 24000.00
    """)}
    files[FUND_PATH] = FUND_WITHOUT_TRANSFER
    data, problems = run(tmp_path, files)
    assert brief(problems, data) == []


# ---------------------------------------------------------------- site.yml settings

@pytest.mark.parametrize("setting, value, code", [
    ("maintenance_fund_months", "0", "schema.type"),
    ("public_revenue_months", "13", "schema.type"),
    ("report_within_days", "-1", "schema.type"),
    ("report_within_days", "三十", "schema.type"),
])
def test_disclosure_settings_are_checked_by_type(tmp_path, setting, value, code):
    site = site_with(**{setting: value})
    data, problems = run(tmp_path, {SITE_PATH: site})
    only(problems, data, code, SITE_PATH, line_of(site, setting))


# ---------------------------------------------------------------- the computation itself

def test_statements_due_and_timeliness(tmp_path):
    late = statement_notice("maintenance-fund", "2025", date(2026, 2, 5))
    data = write_data(tmp_path, dict([late]))
    portal, _ = check(data, date(2027, 3, 1))
    due = statements_due(portal.communities["x"], DisclosureRules(), date(2027, 3, 1))
    assert [(d.account, d.period, d.has_ledger, d.state, d.days_late) for d in due] == [
        ("maintenance-fund", "2025", True, LATE, 6),
        ("maintenance-fund", "2026", False, MISSING, 30),    # 2027-03-01 − 2027-01-30
        ("public-revenue", "2025", True, MISSING, 395),      # 2027-03-01 − 2026-01-30
        ("public-revenue", "2026", False, MISSING, 30),
    ]
    rate = timeliness(due)
    assert (rate.due, rate.on_time, rate.ratio) == (4, 0, 0)
    # Before it was published, the late statement was missing.
    earlier = statements_due(portal.communities["x"], DisclosureRules(), date(2026, 2, 1))
    assert [(d.period, d.state, d.days_late) for d in earlier] == [("2025", MISSING, 2), ("2025", MISSING, 2)]
    assert timeliness([]).ratio is None


def test_timeliness_counts_on_time_statements_only(tmp_path):
    data = write_data(tmp_path, dict([FUND_REPORT, statement_notice("public-revenue", "2025", date(2026, 3, 1))]))
    portal, _ = check(data, date(2026, 6, 1))
    due = statements_due(portal.communities["x"], DisclosureRules(), date(2026, 6, 1))
    assert [d.state for d in due] == [ON_TIME, LATE]
    rate = timeliness(due)
    assert (rate.due, rate.on_time, rate.ratio) == (2, 1, Fraction(1, 2))
