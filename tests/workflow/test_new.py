"""`gongshi new KIND`: commented skeletons that `check` points into until they are filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.scaffold.create import ALL_KINDS
from generator.pipeline import check
from tests.workflow.conftest import AS_OF, C, replace_once

WRITTEN = re.compile(r"^已(?:新建|在) (\S+?)(?:：| 第 (\d+) 行)", re.M)
TO_FILL = re.compile(r"^  (\S+?):(\d+): (\w+)：", re.M)
# Required by a rule rather than by the schema: reported once the rest of the file validates.
RULE_REQUIRED = {"source", "corrects", "changes", "notice", "body"}

EXPECTED_PATH = {
    "notice": f"{C}/notices/2026-11-notice.yml",
    "correction": f"{C}/notices/2026-11-correction.yml",
    "vote": f"{C}/votes/2026-11-vote.yml",
    "inspection": f"{C}/inspections/2026-11-inspection.yml",
    "evaluation": f"{C}/evaluations/2026.yml",
    "expense": f"{C}/maintenance-fund/2026-H2.yml",
    "entry": f"{C}/maintenance-fund/2026-H2.yml",
    "fund-entry": f"{C}/maintenance-fund/2026-H2.yml",
    "income": f"{C}/public-revenue/2026-H2.yml",
    "revenue-entry": f"{C}/public-revenue/2026-H2.yml",
    "member": f"{C}/committee.yml",
    "committee": f"{C}/committee.yml",
    "document": f"{C}/documents/2026-11-document.yml",
    "meeting": f"{C}/meetings/2026-11-meeting.yml",
    "firm": "data/firms/2026-11-firm.yml",
}


def _comment_on_every_field(text: str) -> None:
    for line in text.split("\n"):
        if re.match(r"^\s*(-\s+)?[A-Za-z_]+:", line):
            assert "#" in line, f"field without a comment: {line!r}"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_new_then_check_fails_only_on_the_new_file(repo, gongshi, kind):
    result = gongshi("new", kind, "--as-of", AS_OF)
    assert result.code == 0, result.err

    written = WRITTEN.search(result.out)
    assert written and written.group(1) == EXPECTED_PATH[kind], result.out
    path = repo / written.group(1)
    text = path.read_text(encoding="utf-8")
    yaml.safe_load(text)                                   # valid YAML
    start = int(written.group(2) or 1)
    added = text.split("\n")[start - 1:]
    _comment_on_every_field("\n".join(added) if kind not in ("member", "committee") else "\n".join(added[:6]))

    _, problems = check(Path("data"), __import__("datetime").date.fromisoformat(AS_OF))
    errors = [p for p in problems if p.is_error]
    assert errors, "an empty skeleton must not pass"
    assert {Path(p.location.path).as_posix() for p in errors} == {written.group(1)}
    # Every field the command asks for is reported by check at its line.
    reported = {p.location.line for p in errors}
    asked = [(int(line), key) for _, line, key in TO_FILL.findall(result.out)]
    assert asked
    for line, key in asked:
        if key not in RULE_REQUIRED:
            assert line in reported, (key, line, [(p.location.line, p.code) for p in errors])
    assert result.out.rstrip().endswith("填好后运行 gongshi check；每个没填的字段都会报出具体行号。")


def test_new_expense_starts_the_next_period_from_the_previous_closing(repo, gongshi):
    result = gongshi("new", "expense", "--as-of", AS_OF)
    assert result.out.startswith(f"已新建 {C}/maintenance-fund/2026-H2.yml：专项维修资金支出 mf-2026-005（专项维修资金2026年下半年，新期间）。\n"
                                 "新的期间文件，期初余额取自 2026-H1.yml 的期末余额。\n请填写：\n"
                                 f"  {C}/maintenance-fund/2026-H2.yml:10: amount：金额（元），正数，最多两位小数，例如 16850.00\n")
    data = yaml.safe_load((repo / f"{C}/maintenance-fund/2026-H2.yml").read_text(encoding="utf-8"))
    assert data["period"] == "2026-H2"
    assert str(data["opening_balance"]) == "3091664.29"
    assert data["entries"][0]["id"] == "mf-2026-005"
    assert data["entries"][0]["type"] == "expense"
    assert str(data["entries"][0]["date"]) == AS_OF
    assert data["entries"][0]["amount"] is None
    assert data["closing_balance"] is None
    text = (repo / f"{C}/maintenance-fund/2026-H2.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schemas/maintenance-fund.schema.json\n")


def test_a_second_entry_is_appended_with_the_next_id(repo, gongshi):
    gongshi("new", "expense", "--as-of", AS_OF)
    path = repo / f"{C}/maintenance-fund/2026-H2.yml"
    before = path.read_text(encoding="utf-8")
    result = gongshi("new", "entry", "--as-of", AS_OF)
    assert result.out.startswith(f"已在 {C}/maintenance-fund/2026-H2.yml 第 17 行添加专项维修资金明细 mf-2026-006")
    after = path.read_text(encoding="utf-8").split("\n")
    assert [e["id"] for e in yaml.safe_load("\n".join(after))["entries"]] == ["mf-2026-005", "mf-2026-006"]
    assert after[16].startswith("  - id: mf-2026-006 ")
    # Nothing the editor wrote moved or changed: the new lines sit before closing_balance.
    old = before.split("\n")
    added = len(after) - len(old)
    assert after[:16] == old[:16] and after[16 + added:] == old[16:]


def test_an_entry_goes_into_the_existing_period_keeping_every_line(repo, gongshi):
    path = repo / f"{C}/public-revenue/2026-H1.yml"
    before = path.read_text(encoding="utf-8").split("\n")
    result = gongshi("new", "income", "--as-of", "2026-06-30")
    assert result.code == 0
    assert result.out.startswith(f"已在 {C}/public-revenue/2026-H1.yml 第 ")
    after = path.read_text(encoding="utf-8").split("\n")
    closing = next(i for i, line in enumerate(before) if line.startswith("closing_balance:"))
    added = len(after) - len(before)
    assert after[:closing] == before[:closing] and after[closing + added:] == before[closing:]
    assert after[closing].startswith("  - id: pr-2026-022 ")
    assert "填好金额后，请同时更新文件末尾的期末余额 closing_balance" in result.out


def test_crlf_and_bom_are_kept_when_appending(repo, gongshi):
    path = repo / f"{C}/committee.yml"
    raw = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert gongshi("new", "member", "--as-of", AS_OF).code == 0
    written = path.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") and b"\n" not in written.replace(b"\r\n", b"")


def test_a_filled_in_skeleton_passes(repo, gongshi):
    gongshi("new", "income", "--as-of", AS_OF)
    path = repo / f"{C}/public-revenue/2026-H2.yml"
    text = path.read_text(encoding="utf-8")
    opening = re.search(r"^opening_balance: (\S+)", text, re.M).group(1)
    from decimal import Decimal
    for key, value in (("source", "parking"), ("amount", "13900.00"), ("summary", "2026年11月地面停车位使用费"),
                       ("authorized_by", "管理规约第十八条"),
                       ("closing_balance", str(Decimal(opening) + Decimal("13900.00")))):
        text = re.sub(rf"^(\s*{key}:)(\s+#)", rf"\1 {value}\2", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    result = gongshi("check", "--as-of", AS_OF)
    assert result.code == 0, result.out
    assert "ledger.income_unauthorized" not in result.out    # the skeleton asks for the decision


def test_ids_do_not_collide(repo, gongshi):
    first = gongshi("new", "notice", "--as-of", AS_OF)
    second = gongshi("new", "notice", "--as-of", AS_OF)
    assert f"{C}/notices/2026-11-notice.yml" in first.out
    assert f"{C}/notices/2026-11-notice-2.yml" in second.out


def test_unknown_kind_and_community(repo, gongshi):
    result = gongshi("new", "invoice", "--as-of", AS_OF)
    assert result.code == 2
    assert "不认识的类型“invoice”" in result.err and "expense（专项维修资金支出）" in result.err
    result = gongshi("new", "notice", "--community", "nowhere", "--as-of", AS_OF)
    assert result.code == 2
    assert "找不到小区“nowhere”" in result.err and "shili-jiayuan" in result.err


def test_several_communities_need_community(repo, gongshi):
    import shutil
    shutil.copytree(repo / C, repo / "data/communities/second")
    result = gongshi("new", "notice", "--as-of", AS_OF)
    assert result.code == 2
    assert "有多个小区，请用 --community 指定其中一个：second、shili-jiayuan。" in result.err
    assert gongshi("new", "notice", "--community", "second", "--as-of", AS_OF).code == 0
    assert (repo / "data/communities/second/notices/2026-11-notice.yml").is_file()


def test_publisher_text_is_quoted_when_yaml_needs_it(repo, gongshi):
    site = repo / "data/site.yml"
    text = site.read_text(encoding="utf-8").replace("publisher: 示例家园小区业主委员会", 'publisher: "业委会: 示例家园, 第二届"')
    site.write_text(text, encoding="utf-8")
    gongshi("new", "notice", "--as-of", AS_OF)
    data = yaml.safe_load((repo / f"{C}/notices/2026-11-notice.yml").read_text(encoding="utf-8"))
    assert data["issuer"] == "业委会: 示例家园, 第二届"


def test_skeleton_dates_follow_the_sites_day_counting(repo, gongshi):
    # 2026-11-25 + 7 days: 7 days counting both ends end on 12-01; not counting the first day, on 12-02.
    notice = gongshi("new", "notice", "--as-of", AS_OF)
    assert "  to: 2026-12-01 " in (repo / f"{C}/notices/2026-11-notice.yml").read_text(encoding="utf-8"), notice.out
    replace_once(repo / "data/site.yml", "period_counting: inclusive", "period_counting: civil_code_201")
    gongshi("new", "notice", "--as-of", AS_OF)
    assert "  to: 2026-12-02 " in (repo / f"{C}/notices/2026-11-notice-2.yml").read_text(encoding="utf-8")
    gongshi("new", "vote", "--as-of", AS_OF)
    # 15 days before voting, neither the notice's first day (11-25) nor voting day counted: 11-26 … 12-10.
    assert "  start: 2026-12-11 " in (repo / f"{C}/votes/2026-11-vote.yml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- never through a link, never outside data/

@pytest.mark.parametrize("kind, link, message", [
    ("notice", f"{C}/notices", f"{C}/notices 是符号链接：gongshi new 不通过符号链接写文件"),
    ("vote", f"{C}", f"{C} 是符号链接：gongshi new 不通过符号链接写文件"),
    ("member", f"{C}/committee.yml", f"{C}/committee.yml 是符号链接：gongshi new 不通过符号链接写文件"),
    ("expense", f"{C}/maintenance-fund", f"{C}/maintenance-fund 是符号链接"),
    ("notice", "data", "数据目录 data 是符号链接：gongshi new 不通过符号链接写文件"),
])
def test_new_refuses_to_write_through_a_symbolic_link(repo, gongshi, tmp_path, kind, link, message):
    import shutil
    outside = tmp_path / "outside"
    outside.mkdir()
    target = repo / link
    moved = outside / target.name
    shutil.move(target, moved)
    target.symlink_to(moved, target_is_directory=moved.is_dir())
    before = sorted((p.relative_to(outside).as_posix(), p.stat().st_mtime_ns) for p in outside.rglob("*"))
    result = gongshi("new", kind, "--as-of", AS_OF)
    assert result.code == 1, result.out
    assert result.err.startswith(f"gongshi new：{message}"), result.err
    assert result.out == ""
    assert sorted((p.relative_to(outside).as_posix(), p.stat().st_mtime_ns) for p in outside.rglob("*")) == before


def test_new_never_writes_into_a_dangling_link_where_the_file_would_go(repo, gongshi, tmp_path):
    (repo / f"{C}/notices/2026-11-notice.yml").symlink_to(tmp_path / "planted.yml")
    result = gongshi("new", "notice", "--as-of", AS_OF)
    assert result.code == 0
    assert f"已新建 {C}/notices/2026-11-notice-2.yml" in result.out   # the name is taken: the next one
    assert not (tmp_path / "planted.yml").exists()


def test_new_meeting_counts_the_members_in_office(repo, gongshi):
    # 7 voting members on 2026-11-25 (孙某 joined on 11-12, 周某 left on 10-31; 吴某 is an alternate).
    gongshi("new", "meeting", "--as-of", AS_OF)
    data = yaml.safe_load((repo / f"{C}/meetings/2026-11-meeting.yml").read_text(encoding="utf-8"))
    assert data["members"] == {"present": None, "total": 7}
    assert data["kind"] == "committee" and str(data["date"]) == AS_OF


def test_new_firm_needs_no_community_and_a_filled_one_checks_clean(repo, gongshi):
    result = gongshi("new", "firm", "--as-of", AS_OF)
    assert "改好文件名后" in result.out
    path = repo / "data/firms/2026-11-firm.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/firm.schema.json\n")
    text = text.replace("name:                    ", "name: 某某安居物业服务有限公司")
    text = text.replace("credit_code:             ", "credit_code: 91110108MA02RL5Q1R")
    path.write_text(text, encoding="utf-8")
    assert gongshi("check", "--as-of", AS_OF).code == 0
