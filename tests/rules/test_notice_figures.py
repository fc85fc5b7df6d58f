"""notice.figure_unmatched: money typed in a notice body must be a figure of the records it
relates (issue 14, item 2; data-format-2.md §2). Reported at the figure's own line and
column inside the body, with the nearest figure of the related records."""

from __future__ import annotations

import pytest

from generator.problems import Severity
from tests.rules.helpers import (
    C, PRE_NOTICE, PRE_NOTICE_PATH, RESULT_NOTICE, RESULT_NOTICE_PATH, brief, col_of, edit, line_of, only, run, t,
)

REPORT_PATH = f"{C}/notices/fund-report.yml"


def report(body: str, related: str = "[maintenance-fund/2025]", kind: str = "fund_report", extra: str = "") -> str:
    text = t(f"""
        title: 2025年专项维修资金收支公示
        kind: {kind}
        issuer: 测试家园小区业主委员会
        published: 2025-12-01
        period: {{from: 2025-12-01, to: 2025-12-20}}
        related: {related}
    """) + extra + "body: |\n"
    return text + "".join(f"  {line}\n" if line else "\n" for line in body.strip("\n").split("\n"))


def test_figures_of_the_statement_in_every_written_form_match(tmp_path):
    # FUND: opening 100,000.00; deposit 50,000.00; expense 80,000.00; transfer 10,000.00; closing 80,000.00.
    text = report("期初 100000.00 元，收入合计 60,000.00 元，使用 8万元，期末余额约 8.0 万元。\n\n"
                  "屋面维修 80000.00 元后余额 70,000.00 元；转入 1万元。参与率 82.45%，面积 9000.00 平方米。")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    assert brief(problems, data) == []


def test_a_statement_figure_that_matches_nothing_is_an_error_at_its_line_and_column(tmp_path):
    text = report("现将本年度收支公示如下。\n\n本年使用维修资金 8,0000.00 元，维修屋面。")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    p = only(problems, data, "notice.figure_unmatched", REPORT_PATH, line_of(text, "8,0000.00"),
             col_of(text, "8,0000.00"))
    # Its digits are the expense's 80,000.00, but nobody reading 8,0000.00 can tell.
    assert p.message.startswith("正文中的金额“8,0000.00”（逗号不在千位上，看不出是多少）与本专项维修资金收支公示所公示的记录"
                                "（maintenance-fund/2025）中的任何数字都不符，最接近的是专项维修资金2025年期末余额 80,000.00。")


def test_a_wrong_amount_is_an_error_with_the_nearest_figure(tmp_path):
    text = report("现将本年度收支公示如下。\n\n本年使用维修资金 85000.00 元，维修屋面。")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    p = only(problems, data, "notice.figure_unmatched", REPORT_PATH, line_of(text, "85000.00"), col_of(text, "85000.00"))
    assert p.message == (
        "正文中的金额“85000.00”与本专项维修资金收支公示所公示的记录（maintenance-fund/2025）中的任何数字都不符，"
        "最接近的是专项维修资金2025年期末余额 80,000.00。请按台账、表决记录核对这个数字；收支表、计票表由程序根据数据生成，"
        "正文不必重抄。")


def test_a_figure_in_wan_that_rounds_to_no_figure(tmp_path):
    text = report("本年使用维修资金约 8.1万元。")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    p = only(problems, data, "notice.figure_unmatched", REPORT_PATH, line_of(text, "8.1万"), col_of(text, "8.1万"))
    assert "“8.1万”（81,000.00）" in p.message and "最接近的是专项维修资金2025年期末余额 80,000.00" in p.message


def test_pre_vote_notice_with_a_wrong_budget_is_warned(tmp_path):
    text = edit(PRE_NOTICE, "预算 100000.00 元", "预算 10000.00 元")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    p = only(problems, data, "notice.figure_unmatched", PRE_NOTICE_PATH, line_of(text, "10000.00"),
             col_of(text, "10000.00"), severity=Severity.WARNING)
    # Nothing was spent under the vote yet when the notice was published (mf-002 is of 2025-04-01).
    assert "最接近的是表决“使用专项维修资金维修屋面”的预算上限 100,000.00" in p.message


def test_vote_result_figures_are_the_tally_and_a_wrong_one_is_an_error(tmp_path):
    # VOTE: turnout 21,600.00 m², approve 18,000.00, oppose 2,700.00, budget 100,000.00 (through the pre-vote notice too).
    body = "表决通过。\n\n| 项目 | 面积 |\n| --- | --- |\n| 参与 | 21600.00 |\n| 同意 | 18000.00 |\n| 反对 | 2700.50 |"
    text = edit(RESULT_NOTICE, "  表决通过，见[表决前公示](../fund-vote-notice/)。\n",
                "".join(f"  {line}\n" if line else "\n" for line in body.split("\n")))
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: text})
    p = only(problems, data, "notice.figure_unmatched", RESULT_NOTICE_PATH, line_of(text, "2700.50"),
             col_of(text, "2700.50"))
    # An area is matched but never suggested as the nearest money figure.
    assert "最接近的是表决“使用专项维修资金维修屋面”的预算上限 100,000.00" in p.message


def test_a_related_notice_brings_the_figures_of_its_own_records(tmp_path):
    text = edit(RESULT_NOTICE, "related: [vote/fund-vote, notice/fund-vote-notice]", "related: [notice/fund-vote-notice]")
    text = edit(text, "  表决通过，", "  预算 100000.00 元的维修方案表决通过，")
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: text})
    # (The vote itself now lacks a result notice relating it: vote.no_result_notice's concern.)
    assert [p for p in brief(problems, data) if "notice.figure_unmatched" in p] == []


def test_an_entry_brings_its_amount(tmp_path):
    text = report("屋面维修支出 80000.00 元，另 50000.00 元。", related="[entry/mf-002]", kind="general")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    p = only(problems, data, "notice.figure_unmatched", REPORT_PATH, line_of(text, "50000.00"), col_of(text, "50000.00"),
             severity=Severity.WARNING)
    assert "明细 mf-002（屋面维修）的金额 80,000.00" in p.message


def test_a_notice_relating_no_record_is_not_compared(tmp_path):
    text = report("停车费每月 150.00 元。", related="[]", kind="general")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    assert brief(problems, data) == []


def test_a_correction_may_quote_the_figures_its_changes_names(tmp_path):
    extra = ("corrects: entry/mf-002\n"
             "changes: 金额原为 8000.00 元，现为 80000.00 元。原因：录入时少写一个 0。\n")
    text = report("原公示的 8000.00 元有误，应为 80000.00 元；另 7000.00 元。", related="[maintenance-fund/2025]",
                  kind="correction", extra=extra)
    data, problems = run(tmp_path, {REPORT_PATH: text})
    p = only(problems, data, "notice.figure_unmatched", REPORT_PATH, line_of(text, "7000.00"), col_of(text, "7000.00"),
             severity=Severity.WARNING)
    assert "（maintenance-fund/2025、entry/mf-002）" in p.message


@pytest.mark.parametrize("kind, severity", [("revenue_report", Severity.ERROR), ("vote_result", Severity.ERROR),
                                            ("inspection", Severity.WARNING), ("general", Severity.WARNING)])
def test_severity_by_kind(tmp_path, kind, severity):
    text = report("余额 1.00 元。", kind=kind)
    data, problems = run(tmp_path, {REPORT_PATH: text})
    only(problems, data, "notice.figure_unmatched", REPORT_PATH, line_of(text, "1.00"), col_of(text, "1.00"), severity=severity)


def test_every_unmatched_figure_is_reported_on_its_own_line(tmp_path):
    text = report("第一笔 1.00 元。\n\n第二笔 2.00 元和 1.00 元。")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    lines = text.split("\n")
    second = next(i for i, line in enumerate(lines, 1) if "第二笔" in line)
    assert [(p.location.line, p.location.column) for p in problems] == [
        (second - 2, lines[second - 3].index("1.00") + 1),
        (second, lines[second - 1].index("2.00") + 1),
        (second, lines[second - 1].rindex("1.00") + 1),
    ]


def test_a_related_ledger_that_does_not_validate_is_not_compared(tmp_path):
    # Its own schema.type says what is wrong; every body figure is not also "unmatched".
    from tests.rules.helpers import FUND, FUND_PATH
    text = report("期末余额 80000.00 元。")
    broken = edit(FUND, "amount: 50000.00", "amount: 50,000.00")
    data, problems = run(tmp_path, {REPORT_PATH: text, FUND_PATH: broken})
    assert [p.code for p in problems] == ["schema.type"]


def test_spending_under_a_vote_is_taken_as_the_notice_was_published(tmp_path):
    # mf-002 (80,000.00 under fund-vote) is dated 2025-04-01: a notice of 2025-03-20 says nothing was spent.
    early = report("预算 100000.00 元，已支出 80000.00 元，余 20000.00 元。", related="[vote/fund-vote]", kind="general")
    early = edit(early, "published: 2025-12-01", "published: 2025-03-20")
    data, problems = run(tmp_path, {REPORT_PATH: early})
    assert sorted(p.location.column for p in problems) == [col_of(early, "80000.00"), col_of(early, "20000.00")]
    late = edit(early, "published: 2025-03-20", "published: 2025-04-01")
    data, problems = run(tmp_path, {REPORT_PATH: late})
    assert brief(problems, data) == []


def test_a_missing_related_record_is_not_compared(tmp_path):
    text = report("期末余额 80000.00 元。", related="[maintenance-fund/2024]")
    data, problems = run(tmp_path, {REPORT_PATH: text})
    assert [p.code for p in problems] == ["ref.missing"]
