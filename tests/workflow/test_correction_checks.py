"""Corrections and notices against the base revision (issue 14, items 3 and 4):
correction.changes_mismatch, corrections that cover only once posted, a published
correction as published data, notice.stale, and `gongshi new correction` filled in from
the difference."""

from __future__ import annotations

import re
import textwrap

from tests.workflow.conftest import AS_OF, C, commit_all, git, line_of, replace_once
from tests.workflow.test_diff import CORRECTION, FUND_H1, NEW_PERIOD, _raise_pump_expense

CORRECTION_PATH = f"{C}/notices/2026-mf-correction.yml"


def _col(path, needle: str) -> int:
    line = path.read_text(encoding="utf-8").split("\n")[line_of(path, needle) - 1]
    return line.index(needle) + 1


# ---------------------------------------------------------------- correction.changes_mismatch

def test_changes_with_a_wrong_new_value_is_reported_twice_at_changes(repo, gongshi):
    # issue 14: "现为 9999.99 元" passed while the data said otherwise.
    _raise_pump_expense(repo)
    path = repo / CORRECTION_PATH
    path.write_text(CORRECTION.replace("现为 18650.00 元", "现为 9999.99 元"), encoding="utf-8")

    result = gongshi("check", "--as-of", AS_OF, "--base", "main")

    assert result.code == 1
    line = line_of(path, "changes:")
    rows = [row for row in result.out.splitlines() if "[correction.changes_mismatch]" in row]
    assert rows == [
        f"{CORRECTION_PATH}:{line}:10: 错误[correction.changes_mismatch]: 更正内容（changes）与数据不符："
        "专项维修资金2026年上半年明细 mf-2026-003（地下泵房消防水泵故障紧急更换）的金额（amount）原为 16,850.00，"
        "现为 18,650.00，changes 中没有写出新值 18,650.00。请在 changes 中写明原为…、现为…（与数据中的数字一致）和原因。",
        f"{CORRECTION_PATH}:{line}:{_col(path, '9999.99')}: 错误[correction.changes_mismatch]: 更正内容（changes）中的金额"
        "“9999.99”既不是这次更正（corrects: entry/mf-2026-003）改动的任何数字的原值或新值，也不是所公示记录中的数字。"
        "请按数据核对：changes 要写明每个改动的数字原为多少、现为多少。",
    ]
    # gongshi diff reports it too, in its summary and on stderr, and fails.
    diff = gongshi("diff", "main", "--as-of", AS_OF)
    assert diff.code == 1
    assert "> **有 2 处更正内容与数据不符**" in diff.out and "## 更正内容与数据不符" in diff.out
    assert diff.err.count("[correction.changes_mismatch]") == 2


def test_changes_missing_the_old_value(repo, gongshi):
    _raise_pump_expense(repo)
    path = repo / CORRECTION_PATH
    path.write_text(CORRECTION.replace("金额原为 16850.00 元，现为 18650.00 元", "金额更正为 18,650.00 元"), encoding="utf-8")
    result = gongshi("check", "--as-of", AS_OF, "--base", "main")
    (row,) = [row for row in result.out.splitlines() if "[correction.changes_mismatch]" in row]
    assert row.startswith(f"{CORRECTION_PATH}:{line_of(path, 'changes:')}:10: 错误[correction.changes_mismatch]: ")
    assert "changes 中没有写出原值 16,850.00。" in row


def test_changes_may_name_the_knock_on_balance_and_unchanged_figures(repo, gongshi):
    _raise_pump_expense(repo)
    text = CORRECTION.replace("现为 18650.00 元；", "现为 18650.00 元，期末余额由 3,091,664.29 元变为 3,089,864.29 元，"
                                                  "期初余额 2990788.74 元不变；")
    (repo / CORRECTION_PATH).write_text(text, encoding="utf-8")
    result = gongshi("check", "--as-of", AS_OF, "--base", "main")
    assert result.code == 0, result.out


def test_a_correction_already_in_the_base_is_not_checked_again(repo, gongshi):
    # 2026-pr-correction is in main; nothing about it changes.
    result = gongshi("check", "--as-of", AS_OF, "--base", "main")
    assert result.code == 0 and "changes_mismatch" not in result.out


# ---------------------------------------------------------------- a correction's own period and publication

def test_a_correction_covers_a_change_only_once_its_period_has_begun(repo, gongshi):
    _raise_pump_expense(repo)
    draft = CORRECTION.replace("published: 2026-11-25\nperiod: {from: 2026-11-25, to: 2026-12-09}",
                               "published: 2026-11-26\nperiod: {from: 2026-11-26, to: 2026-12-09}")
    (repo / CORRECTION_PATH).write_text(draft, encoding="utf-8")

    result = gongshi("diff", "main", "--as-of", AS_OF)

    assert result.code == 1
    first = result.err.splitlines()[0]
    assert first.startswith(f"{FUND_H1}:{line_of(repo / FUND_H1, 'amount: 18650.00')}:13: 错误[published.silent_edit]: ")
    assert ("更正公示 notices/2026-mf-correction.yml（公示期自 2026-11-26 起）还没有开始公示：更正要从公示期开始之日起才算数"
            in first)
    assert result.err.count("[published.silent_edit]") == 2      # the amount and the closing balance
    # From its first day on, the same correction covers the change.
    assert gongshi("diff", "main", "--as-of", "2026-11-26").code == 0


def test_editing_a_published_correction_is_a_silent_edit(repo, gongshi):
    path = repo / f"{C}/notices/2026-pr-correction.yml"
    replace_once(path, "金额 9600.00 元、日期", "金额 9,600.00 元、日期")
    result = gongshi("check", "--as-of", AS_OF, "--base", "main")
    assert result.code == 1
    (row,) = [row for row in result.out.splitlines() if "错误[" in row]
    assert row.startswith(f"{C}/notices/2026-pr-correction.yml:{line_of(path, 'changes:')}:10: 错误[published.silent_edit]: "
                          "已公示的数据被悄悄修改：公示“关于更正2025年上半年公共收益一笔收入来源分类的公示”（2026-pr-correction）"
                          "的更正内容（changes）改了：")
    assert "金额 9「加上：,」600.00" in row


def test_removing_a_published_correction_is_a_silent_edit(repo, gongshi):
    (repo / f"{C}/notices/2026-pr-correction.yml").unlink()
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 1
    assert result.err.startswith(f"{C}/notices/2026-pr-correction.yml:1:1: 错误[published.silent_edit]: 已公示的公示"
                                 "“关于更正2025年上半年公共收益一笔收入来源分类的公示”（2026-pr-correction）被删除了。")


# ---------------------------------------------------------------- notice.stale

DRAFT_PERIOD = NEW_PERIOD        # 2026-H2: mf-2026-005, 8,911.20 of interest
DRAFT_REPORT = textwrap.dedent("""\
    title: 示例家园2026年下半年专项维修资金收支情况公示（草稿）
    kind: fund_report
    issuer: 示例家园小区业主委员会
    published: 2027-01-10
    period: {from: 2027-01-10, to: 2027-02-08}
    related: [maintenance-fund/2026-H2]
    body: |
      本期收到存款利息 8911.20 元。
""")


def _draft_report_on_main(repo):
    (repo / f"{C}/maintenance-fund/2026-H2.yml").write_text(DRAFT_PERIOD, encoding="utf-8")
    (repo / f"{C}/notices/2026-h2-fund-report.yml").write_text(DRAFT_REPORT, encoding="utf-8")
    commit_all(repo, "下半年台账和收支公示草稿")
    ledger = repo / f"{C}/maintenance-fund/2026-H2.yml"
    replace_once(ledger, "amount: 8911.20", "amount: 8912.20")
    replace_once(ledger, "closing_balance: 3100575.49", "closing_balance: 3100576.49")
    return repo / f"{C}/notices/2026-h2-fund-report.yml"


def test_a_draft_notice_whose_figures_changed_is_flagged_as_stale(repo, gongshi):
    notice = _draft_report_on_main(repo)

    result = gongshi("check", "--as-of", AS_OF, "--base", "main")

    rows = [row for row in result.out.splitlines() if "[notice.stale]" in row]
    assert rows == [
        f"{C}/notices/2026-h2-fund-report.yml:{line_of(notice, 'related:')}:11: 警告[notice.stale]: "
        "公示“示例家园2026年下半年专项维修资金收支情况公示（草稿）”还没有开始公示（公示期自 2027-01-10 起），"
        "它公示的 maintenance-fund/2026-H2 在这次修改中变了：专项维修资金2026年下半年账目的期末余额（closing_balance）"
        "原为 3,100,575.49，现为 3,100,576.49；专项维修资金2026年下半年明细 mf-2026-005（2026年第三季度存款利息（增值收益））"
        "的金额（amount）原为 8,911.20，现为 8,912.20。根据数据生成的表格会自动更新，但正文是以前写的：请核对正文中的数字和说明"
        "是否仍然正确，需要时一并修改这份公示。"]
    # The body's 8911.20 no longer matches: check itself says so (the draft is a report: an error).
    assert f"{C}/notices/2026-h2-fund-report.yml:{line_of(notice, '8911.20')}:" in result.out
    diff = gongshi("diff", "main", "--as-of", AS_OF)
    assert "## 尚未开始公示、所公示的数字已变的公示" in diff.out
    assert "[notice.stale]" in diff.err and diff.code == 0      # a warning: no silent edit, nothing published yet


def test_a_draft_notice_edited_in_the_same_change_is_not_stale(repo, gongshi):
    notice = _draft_report_on_main(repo)
    replace_once(notice, "利息 8911.20 元", "利息 8912.20 元")
    result = gongshi("check", "--as-of", AS_OF, "--base", "main")
    assert result.code == 0, result.out
    assert "notice.stale" not in result.out


def test_a_posted_notice_is_not_stale_but_its_records_are_guarded(repo, gongshi):
    _draft_report_on_main(repo)
    result = gongshi("check", "--as-of", "2027-01-10", "--base", "main")
    assert "notice.stale" not in result.out
    assert result.out.count("[published.silent_edit]") == 2


# ---------------------------------------------------------------- gongshi new correction

def test_new_correction_is_filled_in_from_the_uncommitted_change(repo, gongshi):
    _raise_pump_expense(repo)

    result = gongshi("new", "correction", "--as-of", AS_OF)

    assert result.code == 0, result.err
    assert ("已按与 HEAD 的差异填好 corrects（entry/mf-2026-003）、related 和 changes 中的原值、新值：请核对，"
            "并在 changes 末尾的“原因：”后写明原因。") in result.out
    text = (repo / f"{C}/notices/2026-11-correction.yml").read_text(encoding="utf-8")
    assert re.search(r"^related: \[maintenance-fund/2026-H1, notice/2026-h1-fund-report\] +# ", text, re.M)
    assert re.search(r"^corrects: entry/mf-2026-003 +# ", text, re.M)
    assert ("changes: 专项维修资金2026年上半年明细 mf-2026-003（地下泵房消防水泵故障紧急更换）的金额原为 16850.00 元，"
            "现为 18650.00 元；专项维修资金2026年上半年账目的期末余额原为 3091664.29 元，现为 3089864.29 元。原因：  # ") in text
    # Filled in with a reason, title and body, it passes the guard and its own check.
    path = repo / f"{C}/notices/2026-11-correction.yml"
    text = text.replace("原因：  #", "原因：录入时数字顺序颠倒。  #")
    text = re.sub(r"^title: +#.*$", "title: 关于更正一笔支出金额的公示", text, flags=re.M)
    text = re.sub(r"^body: .*$", "body: |\n  现予更正。", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    assert gongshi("check", "--as-of", AS_OF, "--base", "main").code == 0


def test_new_correction_against_the_default_branch_once_committed(repo, gongshi):
    git(repo, "switch", "-q", "-c", "fix-pump")
    _raise_pump_expense(repo)
    commit_all(repo, "改金额")
    plain = gongshi("new", "correction", "--as-of", AS_OF)
    assert "与 HEAD 相比，已公示的数据没有未更正的改动" in plain.out and "--base main" in plain.out
    (repo / f"{C}/notices/2026-11-correction.yml").unlink()
    based = gongshi("new", "correction", "--base", "main", "--as-of", AS_OF)
    assert "已按与 main 的差异填好 corrects（entry/mf-2026-003）" in based.out


def test_new_correction_names_the_other_records_that_need_their_own(repo, gongshi):
    _raise_pump_expense(repo)
    replace_once(repo / f"{C}/votes/2026-monitoring.yml", "budget: 60000.00", "budget: 65000.00")
    result = gongshi("new", "correction", "--as-of", AS_OF)
    assert "corrects（entry/mf-2026-003）" in result.out
    assert "另有 vote/2026-monitoring 的已公示数据也改了：每条记录要另发一份更正公示" in result.out


def test_new_correction_outside_a_repository_is_left_to_fill(outside_git, capsys):
    from generator.cli import main

    assert main(["new", "correction", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "corrects：被更正的记录" in out and "changes：更正内容" in out


def test_base_is_only_for_a_correction(repo, gongshi):
    result = gongshi("new", "notice", "--base", "main", "--as-of", AS_OF)
    assert result.code == 2 and "--base 只用于 gongshi new correction" in result.err
