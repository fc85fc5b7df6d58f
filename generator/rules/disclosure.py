"""Disclosure cadence: ledger periods no longer than the locality allows, and each period's
statement published within `report_within_days` of its end (all warnings).

住宅专项维修资金管理办法第30条: the fund is published "每年至少一次"; 上海 art. 66: the fund
"至少每半年", public revenue "每季度". The computation is analysis/disclosure.py's.
"""

from __future__ import annotations

from ..analysis.disclosure import LATE, MISSING, REPORT_KIND, statements_due
from ..analysis.periods import period_bounds, period_label, period_months, sort_periods
from ..model.labels import ACCOUNT_TITLE, ACCOUNTS
from ..problems import Problem, warning

SETTING = {"maintenance-fund": "maintenance_fund_months", "public-revenue": "public_revenue_months"}


def check(ctx) -> list[Problem]:
    rules = ctx.rules.disclosure
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        for account in ACCOUNTS:
            problems += _period_length(community, account, getattr(rules, SETTING[account]))
        for due in statements_due(community, rules, ctx.as_of):
            if due.state == MISSING:
                problems += _missing(community, due, rules.report_within_days)
            elif due.state == LATE:
                problems += _late(community, due, rules.report_within_days)
    return problems


def _period_length(community, account: str, longest: int) -> list[Problem]:
    problems = []
    for period, ledger in community.ledgers(account).items():
        if period_bounds(period) is None or ledger.model.period != period:
            continue  # period.invalid says what is wrong with it
        months = period_months(period)
        if months > longest:
            problems.append(warning(ledger.doc.at("period"), "disclosure.period_too_long",
                                    f"{ACCOUNT_TITLE[account]}账目一期为 {months} 个月（{period_label(period)}），"
                                    f"超过本地规定的最长 {longest} 个月（site.yml rules.disclosure.{SETTING[account]}）："
                                    "每期结束后都要公示收支，请按更短的期间分期记账（2024-H1、2024-Q1 …）。"))
    return problems


def _what(due) -> str:
    return f"{ACCOUNT_TITLE[due.account]}{period_label(due.period)}"


def _instruction(due) -> str:
    return f"发布 kind: {REPORT_KIND[due.account]} 的收支公示，related 写 {due.account}/{due.period}"


def _missing(community, due, within_days: int) -> list[Problem]:
    ledgers = community.ledgers(due.account)
    if due.has_ledger:
        ledger = ledgers.get(due.period)
        if ledger is None:
            return []  # its file failed validation: its own problems come first
        return [warning(ledger.doc.at("period"), "disclosure.missing",
                        f"{_what(due)}已于 {due.period_end} 结束，应在 {within_days} 天内（{due.deadline} 前）公示收支，"
                        f"至今没有，已逾期 {due.days_late} 天：请{_instruction(due)}。")]
    if not ledgers:
        return []
    last = sort_periods(ledgers)[-1]
    first, last_day = period_bounds(due.period)
    return [warning(ledgers[last].doc.at("period"), "disclosure.missing",
                    f"{_what(due)}（{first} 至 {last_day}）没有账目，也没有收支公示：该期已于 {due.period_end} 结束，"
                    f"应在 {due.deadline} 前公示，已逾期 {due.days_late} 天。本账目最后一期是 {last}："
                    f"请新建 {due.account}/{due.period}.yml 记账，并{_instruction(due)}。")]


def _late(community, due, within_days: int) -> list[Problem]:
    notice = community.notices[due.notice_id]
    return [warning(notice.doc.at("published"), "disclosure.late",
                    f"{_what(due)}的收支公示 {due.published} 才发布：该期 {due.period_end} 结束，应在 {within_days} 天内"
                    f"（{due.deadline} 前）公示，晚了 {due.days_late} 天。")]
