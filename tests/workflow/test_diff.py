"""`gongshi diff` and `check --base`: the summary of a change, and published.silent_edit."""

from __future__ import annotations

import textwrap

from tests.workflow.conftest import AS_OF, C, commit_all, line_of, replace_once

FUND_H1 = f"{C}/maintenance-fund/2026-H1.yml"
FUND_H2 = f"{C}/maintenance-fund/2026-H2.yml"

NEW_NOTICE = textwrap.dedent("""\
    title: 关于2027年春节期间垃圾清运时间调整的通知
    kind: general
    issuer: 示例家园小区业主委员会
    published: 2026-11-26
    period: {from: 2026-11-26, to: 2026-12-10}
    body: |
      春节期间垃圾清运时间调整为每天上午八点。
""")

NEW_PERIOD = textwrap.dedent("""\
    period: 2026-H2
    opening_balance: 3091664.29
    entries:
      - id: mf-2026-005
        date: 2026-09-21
        type: interest
        amount: 8911.20
        summary: 2026年第三季度存款利息（增值收益）
        counterparty: 某某银行示例支行
    closing_balance: 3100575.49
""")

NEW_VOTE = textwrap.dedent("""\
    title: 增设电动自行车充电桩
    matter: change_use
    voting: {start: 2026-10-01, end: 2026-10-15}
    turnout: {owners: 420, area_m2: 37800.00}
    approve: {owners: 330, area_m2: 29700.00}
    oppose: {owners: 60, area_m2: 5400.00}
    abstain: {owners: 30, area_m2: 2700.00}
    declared_result: passed
""")

CORRECTION = textwrap.dedent("""\
    title: 关于更正2026年上半年专项维修资金一笔支出金额的公示
    kind: correction
    issuer: 示例家园小区业主委员会
    published: 2026-11-25
    period: {from: 2026-11-25, to: 2026-12-09}
    related: [maintenance-fund/2026-H1, notice/2026-h1-fund-report]
    corrects: entry/mf-2026-003
    changes: 金额原为 16850.00 元，现为 18650.00 元；原因：录入时数字顺序颠倒，按发票和银行回单更正。
    body: |
      经核对发票和银行回单，更正如下。
""")


def _raise_pump_expense(repo):
    """mf-2026-003 16850.00 → 18650.00, closing balance adjusted so the ledger still reconciles."""
    path = repo / FUND_H1
    replace_once(path, "    amount: 16850.00", "    amount: 18650.00")
    replace_once(path, "closing_balance: 3091664.29", "closing_balance: 3089864.29")
    return path


def test_added_records_are_named_and_exit_0(repo, gongshi):
    (repo / f"{C}/notices/2026-spring-festival.yml").write_text(NEW_NOTICE, encoding="utf-8")
    (repo / FUND_H2).write_text(NEW_PERIOD, encoding="utf-8")
    (repo / f"{C}/votes/2026-charging.yml").write_text(NEW_VOTE, encoding="utf-8")

    result = gongshi("diff", "main", "--as-of", AS_OF)

    assert result.code == 0, result.err
    assert result.err == ""
    out = result.out
    assert out.startswith("# 公示数据变化：`main` → 工作区\n")
    assert "| 新增 | 关于2027年春节期间垃圾清运时间调整的通知 | 一般公告 | 2026-11-26 至 2026-12-10 |" in out
    assert "| 新增 | 专项维修资金 2026年下半年 | mf-2026-005 | 2026-09-21 | 增值收益 |" in out
    assert "| — | 8,911.20 |" in out
    # A new period: no closing before, the declared one after.
    assert "| 专项维修资金 | 2026年下半年 | — | 3,100,575.49 | — |" in out
    # 420/600 owners and 37800/54000 m² take part (≥ 2/3); 330/420 and 29700/37800 approve (≥ 3/4).
    assert "| 新增 | 增设电动自行车充电桩 | " in out
    assert "| 通过：参与表决达到三分之二以上，同意人数和面积均达到四分之三以上，通过 | 通过 |" in out
    assert "悄悄修改" not in out


def test_silent_change_of_a_published_amount_fails(repo, gongshi):
    path = _raise_pump_expense(repo)

    result = gongshi("diff", "main", "--as-of", AS_OF)

    assert result.code == 1
    amount_line = line_of(path, "amount: 18650.00")
    closing_line = line_of(path, "closing_balance: 3089864.29")
    errors = result.err.splitlines()
    assert errors[0].startswith(f"{FUND_H1}:{amount_line}:13: 错误[published.silent_edit]: ")
    assert "明细 mf-2026-003（地下泵房消防水泵故障紧急更换）的金额（amount）原为 16,850.00，现为 18,650.00" in errors[0]
    assert "notices/2026-h1-fund-report.yml" in errors[0]
    assert "corrects 写 entry/mf-2026-003（或它所在的 maintenance-fund/2026-H1）" in errors[0]
    assert errors[1].startswith(f"{FUND_H1}:{closing_line}:18: 错误[published.silent_edit]: ")
    assert "期末余额（closing_balance）原为 3,091,664.29，现为 3,089,864.29" in errors[1]
    assert errors[2] == "共 2 个错误，0 个警告。"
    # The summary shows old and new amounts, balances before and after, and the silent edits.
    assert "| 修改 | 专项维修资金 2026年上半年 | mf-2026-003 | 2026-05-19 | 使用 | 地下泵房消防水泵故障紧急更换 | 16,850.00 | 18,650.00 | — |" in result.out
    assert "| 专项维修资金 | 2026年上半年 | 3,091,664.29 | 3,089,864.29 | −1,800.00 |" in result.out
    assert "> **有 2 处已公示的数据被悄悄修改**" in result.out
    assert f"- {FUND_H1}:{amount_line}:13：" in result.out


def test_check_base_reports_the_silent_edit_at_the_changed_line(repo, gongshi):
    path = _raise_pump_expense(repo)

    result = gongshi("check", "--as-of", AS_OF, "--base", "main")

    assert result.code == 1
    line = line_of(path, "amount: 18650.00")
    assert f"{FUND_H1}:{line}:13: 错误[published.silent_edit]: " in result.out
    assert "共 3 个错误，1 个警告。" in result.out
    # Without --base the ledger still reconciles; what catches the change there is the
    # published report whose body quotes the old amount (issue 14: it used to pass).
    plain = gongshi("check", "--as-of", AS_OF)
    assert plain.code == 1
    report = repo / f"{C}/notices/2026-h1-fund-report.yml"
    errors = [row for row in plain.out.splitlines() if "错误[" in row]
    assert errors == [row for row in errors if row.startswith(
        f"{C}/notices/2026-h1-fund-report.yml:{line_of(report, '16850.00')}:")]
    assert len(errors) == 1 and "错误[notice.figure_unmatched]: 正文中的金额“16850.00”" in errors[0]


def test_the_same_change_with_a_correction_notice_passes(repo, gongshi):
    _raise_pump_expense(repo)
    (repo / f"{C}/notices/2026-mf-correction.yml").write_text(CORRECTION, encoding="utf-8")

    result = gongshi("diff", "main", "--as-of", AS_OF)

    assert result.code == 0, result.err
    assert result.err == ""
    assert "| 新增 | 关于更正2026年上半年专项维修资金一笔支出金额的公示 | 更正公告 |" in result.out
    assert "16,850.00 | 18,650.00" in result.out
    check = gongshi("check", "--as-of", AS_OF, "--base", "main")
    assert check.code == 0, check.out


def test_a_correction_naming_the_period_covers_its_entries(repo, gongshi):
    _raise_pump_expense(repo)
    text = CORRECTION.replace("corrects: entry/mf-2026-003", "corrects: maintenance-fund/2026-H1")
    # Correcting the period corrects its closing balance too: changes names both figures.
    text = text.replace("现为 18650.00 元；", "现为 18650.00 元，期末余额原为 3091664.29 元，现为 3089864.29 元；")
    (repo / f"{C}/notices/2026-mf-correction.yml").write_text(text, encoding="utf-8")
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 0, result.err


def test_a_correction_naming_another_record_does_not_cover(repo, gongshi):
    _raise_pump_expense(repo)
    text = CORRECTION.replace("corrects: entry/mf-2026-003", "corrects: entry/mf-2026-001")
    (repo / f"{C}/notices/2026-mf-correction.yml").write_text(text, encoding="utf-8")
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 1
    assert result.err.count("published.silent_edit") == 1       # the closing balance of 2026-H1 is not covered
    assert "mf-2026-003" in result.err


def test_an_old_correction_does_not_license_a_new_edit(repo, gongshi):
    # The base already holds 2026-pr-correction (corrects entry/pr-2025-014): a later
    # change of that entry needs a correction of its own.
    path = repo / f"{C}/public-revenue/2025-H1.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: pr-2025-014")
    head, tail = text[:start], text[start:]
    tail = tail.replace("voucher: 记-2025-020", "voucher: 记-2025-021", 1)
    path.write_text(head + tail, encoding="utf-8")

    result = gongshi("diff", "main", "--as-of", AS_OF)

    assert result.code == 1
    assert "凭证号（voucher）原为 记-2025-020，现为 记-2025-021" in result.err


def test_knock_on_balances_of_a_corrected_entry_are_covered(repo, gongshi):
    # Correcting an entry of 2025-H2 moves every later opening and closing balance.
    fund = repo / f"{C}/maintenance-fund"
    h2 = (fund / "2025-H2.yml").read_text(encoding="utf-8")
    assert "closing_balance: 2990788.74" in h2
    entry_start = h2.index("  - id: mf-2025-009")
    amount_at = h2.index("    amount: ", entry_start)
    amount_end = h2.index("\n", amount_at)
    old_amount = h2[amount_at + len("    amount: "):amount_end].split("#")[0].strip()
    from decimal import Decimal
    new_amount = Decimal(old_amount) + Decimal("100.00")
    h2 = h2[:amount_at] + f"    amount: {new_amount}" + h2[amount_end:]
    (fund / "2025-H2.yml").write_text(h2, encoding="utf-8")
    entry_type = h2[h2.index("type:", entry_start):].split()[1]
    sign = Decimal(1) if entry_type in ("deposit", "interest", "transfer_in") else Decimal(-1)
    delta = sign * Decimal("100.00")
    replace_once(fund / "2025-H2.yml", "closing_balance: 2990788.74", f"closing_balance: {Decimal('2990788.74') + delta}")
    replace_once(fund / "2026-H1.yml", "opening_balance: 2990788.74", f"opening_balance: {Decimal('2990788.74') + delta}")
    replace_once(fund / "2026-H1.yml", "closing_balance: 3091664.29", f"closing_balance: {Decimal('3091664.29') + delta}")
    # The ledgers reconcile; only the published report still quoting the old figures disagrees.
    check = gongshi("check", "--as-of", AS_OF)
    assert {row.split(": ")[1] for row in check.out.splitlines() if "错误[" in row} == {"错误[notice.figure_unmatched]"}

    silent = gongshi("diff", "main", "--as-of", AS_OF)
    assert silent.code == 1
    assert silent.err.count("published.silent_edit") == 4     # the entry, 2025-H2 closing, 2026-H1 opening and closing

    text = CORRECTION.replace("corrects: entry/mf-2026-003", "corrects: entry/mf-2025-009")
    text = text.replace("金额原为 16850.00 元，现为 18650.00 元", f"金额原为 {old_amount} 元，现为 {new_amount} 元")
    (repo / f"{C}/notices/2026-mf-correction.yml").write_text(text, encoding="utf-8")
    covered = gongshi("diff", "main", "--as-of", AS_OF)
    assert covered.code == 0, covered.err
    # The correction supersedes the report: it may keep the figures it published.
    assert gongshi("check", "--as-of", AS_OF).code == 0


def test_removing_a_published_entry_points_at_the_list(repo, gongshi):
    path = repo / FUND_H1
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: mf-2026-004")
    end = text.index("closing_balance:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")

    result = gongshi("diff", "main", "--as-of", AS_OF)

    assert result.code == 1
    entries_line = line_of(path, "entries:")
    first = result.err.splitlines()[0]
    assert first.startswith(f"{FUND_H1}:{entries_line}:1: 错误[published.silent_edit]: 已公示的专项维修资金2026年上半年明细 mf-2026-004")
    assert "被删除了" in first
    assert "| 删除 | 专项维修资金 2026年上半年 | mf-2026-004 |" in result.out


def test_removing_a_published_file_names_its_path(repo, gongshi):
    (repo / f"{C}/votes/2026-monitoring.yml").unlink()
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 1
    assert f"{C}/votes/2026-monitoring.yml:1:1: 错误[published.silent_edit]: 已公示的表决“使用公共收益更新改造小区监控系统”（2026-monitoring）被删除了。" in result.err
    assert "| 删除 | 使用公共收益更新改造小区监控系统 |" in result.out


def test_filling_in_a_value_is_not_an_edit(repo, gongshi):
    # The committee was published by 2026-committee-change; a member leaving adds `until`.
    path = repo / f"{C}/committee.yml"
    replace_once(path, "  - name: 孙某                    # 原候补委员，按议事规则递补周某的空缺\n"
                       "    role: member\n    building: 4号楼\n    party_member: true\n    since: 2026-11-12\n",
                 "  - name: 孙某                    # 原候补委员，按议事规则递补周某的空缺\n"
                 "    role: member\n    building: 4号楼\n    party_member: true\n    since: 2026-11-12\n"
                 "    until: 2026-11-24\n    left_reason: 本人书面辞职\n")
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 0, result.err
    assert "- 离任：孙某（委员，4号楼，2026-11-24 离任，原因：本人书面辞职）" in result.out


def test_changing_a_published_member_is_an_edit(repo, gongshi):
    path = repo / f"{C}/committee.yml"
    replace_once(path, "  - name: 王某\n    role: vice_chair\n    building: 1号楼", "  - name: 王某\n    role: vice_chair\n    building: 6号楼")
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 1
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines.index("  - name: 王某") + 3
    assert lines[line - 1] == "    building: 6号楼"
    assert result.err.startswith(f"{C}/committee.yml:{line}:15: 错误[published.silent_edit]: 已公示的数据被悄悄修改："
                                 "业委会委员 王某的所在楼栋（building）原为 1号楼，现为 6号楼。")
    assert "corrects 写 committee" in result.err
    assert "- 修改：王某（副主任，6号楼）：所在楼栋（building）：1号楼 → 6号楼" in result.out


def test_a_notice_not_yet_posted_can_still_change(repo, gongshi):
    # 2026-12-fire-drill is posted from 2026-12-01: before that it is a draft.
    path = repo / f"{C}/notices/2026-12-fire-drill.yml"
    text = path.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(title_line, title_line.replace("title: ", "title: （修订）"), 1), encoding="utf-8")
    draft = gongshi("diff", "main", "--as-of", AS_OF)
    assert draft.code == 0, draft.err
    assert "| 修改 | （修订）" in draft.out
    posted = gongshi("diff", "main", "--as-of", "2026-12-01")
    assert posted.code == 1
    assert "标题（title）原为" in posted.err


def test_two_revisions_are_compared_without_the_working_tree(repo, gongshi):
    _raise_pump_expense(repo)
    commit_all(repo, "改金额")
    # The working tree goes back to the base: only the committed revisions count.
    (repo / FUND_H1).write_text((repo / FUND_H1).read_text(encoding="utf-8").replace("18650.00", "16850.00"), encoding="utf-8")

    result = gongshi("diff", "main~1", "main", "--as-of", AS_OF)

    assert result.code == 1
    assert result.out.startswith("# 公示数据变化：`main~1` → `main`\n")
    assert result.err.startswith(f"{FUND_H1}:")          # the repository's path, not a temporary folder
    assert "/tmp" not in result.out and "gongshi-rev-" not in result.err


def test_no_change(repo, gongshi):
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 0
    assert "两个版本之间，公示数据没有变化。" in result.out


def test_unknown_revision_is_a_usage_error(repo, gongshi):
    result = gongshi("diff", "no-such-branch", "--as-of", AS_OF)
    assert result.code == 2
    assert result.out == ""
    assert "找不到 git 版本“no-such-branch”" in result.err
    assert "fetch-depth: 0" in result.err
    check = gongshi("check", "--as-of", AS_OF, "--base", "no-such-branch")
    assert check.code == 2
    assert "找不到 git 版本" in check.err


def test_a_revision_that_looks_like_an_option_is_refused(repo, gongshi):
    result = gongshi("check", "--as-of", AS_OF, "--base=--output=/tmp/x")
    assert result.code == 2
    assert "不是有效的 git 版本名" in result.err


def test_outside_a_repository(outside_git, capsys):
    from generator.cli import main

    assert main(["diff", "HEAD", "--as-of", AS_OF]) == 2
    assert "不在 git 仓库中" in capsys.readouterr().err


def test_a_base_without_the_data_folder_counts_everything_as_added(repo, gongshi):
    from tests.workflow.conftest import git

    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-rq", "--cached", ".")
    git(repo, "commit", "-q", "--allow-empty", "-m", "空")
    result = gongshi("diff", "empty", "--as-of", AS_OF)
    assert result.code == 0, result.err
    assert "| 新增 | 示例家园2026年上半年专项维修资金收支情况公示 |" in result.out


# ---------------------------------------------------------------- issue 14, item 6

def test_a_changed_long_text_shows_every_changed_span_with_context(repo, gongshi):
    # Cut at 60 characters both sides used to read the same: the reviewer saw no change.
    path = repo / f"{C}/notices/2026-12-fire-drill.yml"
    replace_once(path, "上午9时在中心广场", "上午10时在中心广场")
    replace_once(path, "咨询电话：物业服务中心 010-12345678。", "咨询电话：物业服务中心值班室 010-12345678。")
    result = gongshi("diff", "main", "--as-of", AS_OF)
    assert result.code == 0, result.err
    assert ("| 正文（body）：第1处 …月10日上午「9→10」时在中心广场…；第2处 …物业服务中心「加上：值班室」 010-1… |"
            in result.out)


def test_a_changed_published_text_names_its_span_in_the_silent_edit(repo, gongshi):
    path = repo / f"{C}/notices/2026-12-fire-drill.yml"
    replace_once(path, "上午9时在中心广场", "上午10时在中心广场")
    result = gongshi("diff", "main", "--as-of", "2026-12-01")
    assert result.code == 1
    assert "的正文（body）改了：…月10日上午「9→10」时在中心广场…。" in result.err


def test_the_working_tree_is_named_only_when_it_has_uncommitted_changes(repo, gongshi):
    from tests.workflow.conftest import git

    git(repo, "switch", "-q", "-c", "drill-time")
    path = repo / f"{C}/notices/2026-12-fire-drill.yml"
    replace_once(path, "上午9时在中心广场", "上午10时在中心广场")
    assert gongshi("diff", "main", "--as-of", AS_OF).out.startswith("# 公示数据变化：`main` → 工作区\n")
    commit_all(repo, "演练改到10时")
    committed = gongshi("diff", "main", "--as-of", AS_OF)
    assert committed.out.startswith("# 公示数据变化：`main` → `drill-time`\n")
    assert "「9→10」" in committed.out
    # A new file not yet added to git is an uncommitted change too.
    (repo / f"{C}/notices/2026-spring-festival.yml").write_text(NEW_NOTICE, encoding="utf-8")
    assert gongshi("diff", "main", "--as-of", AS_OF).out.startswith("# 公示数据变化：`main` → 工作区\n")
    # Detached, the commit is named by its id.
    (repo / f"{C}/notices/2026-spring-festival.yml").unlink()
    git(repo, "switch", "-q", "--detach")
    head = git(repo, "rev-parse", "HEAD").strip()[:12]
    assert gongshi("diff", "main", "--as-of", AS_OF).out.startswith(f"# 公示数据变化：`main` → `{head}`\n")
