"""The editors' guide (content/guide.md) shows real output: replay its story and compare.

Every `console` block's output and the pull-request summary in the guide must be
exactly what gongshi prints (stderr, then stdout, as a terminal shows them) for the same
steps at 2026-11-25: "新建本小区的公示网站" in an empty folder, the other sections on the
sample. When a message changes, this test fails until the guide is updated with the new
output. Only the commit in "比较基准" lines differs from run to run.
"""

from __future__ import annotations

import re
import shlex
from datetime import date

import pytest

from generator import __version__
from generator.builddate import epoch_of
from tests.conftest import ROOT
from tests.workflow.conftest import C, commit_all, git, replace_once, runner

GUIDE = ROOT / "content/guide.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)
NEW_SITE = "新建本小区的公示网站"
FORK = re.compile(r"(分叉点 )[0-9a-f]{8}")


def sections() -> dict[str, str]:
    """The guide's `## ` sections by title (a `## ` line inside a code block is not a title)."""
    sections: dict[str, list[str]] = {"": []}
    current, fenced = "", False
    for line in GUIDE.read_text(encoding="utf-8").split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        if line.startswith("## ") and not fenced:
            current = line[3:].strip()
            sections[current] = []
        sections[current].append(line)
    return {title: "\n".join(lines) + "\n" for title, lines in sections.items()}


def blocks(language: str, section: str | None = None) -> list[str]:
    """The code blocks of `language`: in one section, or in the story (every other section)."""
    texts = [text for title, text in sections().items() if (title == section if section else title != NEW_SITE)]
    return [body for text in texts for lang, body in BLOCK.findall(text) if lang == language]


def console(section: str | None = None) -> list[tuple[str, str]]:
    """(command, output) of each console block that runs one gongshi command."""
    out = []
    for body in blocks("console", section):
        lines = body.split("\n")
        commands = [line for line in lines if line.startswith("$ ")]
        if len(commands) == 1 and lines[0].startswith("$ gongshi "):
            out.append((lines[0][2:], "\n".join(lines[1:])))
    return out


def _same(printed: str, shown: str) -> bool:
    return FORK.sub(r"\1<commit>", printed).rstrip("\n") == FORK.sub(r"\1<commit>", shown).rstrip("\n")


def _yaml_block(first_line_part: str, section: str | None = None) -> str:
    return next(b for b in blocks("yaml", section) if b.split("\n", 1)[0].endswith(first_line_part))


RESULT_NOTICE = """\
title: 3号楼屋面防水维修表决结果公告
kind: vote_result
issuer: 示例家园小区业主委员会
published: 2026-10-26
period: {from: 2026-10-26, to: 2026-11-08}
related: [vote/2026-roof, notice/2026-roof-notice]
objection: {contact: 业委会办公室 010-87654321, until: 2026-11-08}
body: |
  表决通过。
"""


def _fill(path, values: dict[str, str]) -> None:
    """Put a value after `key:` on the first empty line of that key (comments kept)."""
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text, n = re.subn(rf"^(\s*{key}:)( +#)", rf"\g<1> {value}\2", text, count=1, flags=re.M)
        assert n == 1, key
    path.write_text(text, encoding="utf-8")


def replayer(gongshi, shown: list[tuple[str, str]], *, stderr: bool = True):
    """expect(command): the next console block shows `command`, and running it prints the
    block's output (stderr, then stdout, as a terminal shows them; only stdout where the
    guide shows only that)."""
    steps = iter(shown)

    def expect(command: str) -> None:
        shown_command, output = next(steps)
        assert shown_command == command
        result = gongshi(*shlex.split(command)[1:])
        printed = (result.err if stderr else "") + result.out
        assert _same(printed, output), f"content/guide.md is out of date for `{command}`"

    expect.steps = steps
    return expect


@pytest.fixture
def story(repo, gongshi, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(date(2026, 11, 25))))
    return repo, gongshi, replayer(gongshi, console())


def test_the_guide_shows_real_output(story):
    repo, gongshi, expect = story
    community = repo / C

    # 看懂错误信息: a thousands separator, a misspelt field, 3月32日, a tab.
    replace_once(community / "maintenance-fund/2026-H1.yml", "    amount: 8820.45", "    amount: 8,820.45")
    replace_once(community / "maintenance-fund/2026-H1.yml", "    voucher: 记-2026-009", "    vocher: 记-2026-009")
    replace_once(community / "votes/2026-monitoring.yml", "end: 2026-03-25}", "end: 2026-03-32}")
    replace_once(community / "inspections/2026-elevator.yml", "  - check: 电梯安全管理人员是否持证上岗\n    result: pass",
                 "  - check: 电梯安全管理人员是否持证上岗\n\tresult: pass")
    expect("gongshi check")
    git(repo, "checkout", "--", "data")

    # 记录一次表决
    git(repo, "switch", "-q", "-c", "roof-repair")
    expect("gongshi new vote")
    (community / "votes/2026-11-vote.yml").unlink()
    (community / "votes/2026-roof.yml").write_text(_yaml_block("schemas/vote.schema.json"), encoding="utf-8")
    expect("gongshi check")

    # 发布公示
    expect("gongshi new notice")
    (community / "notices/2026-11-notice.yml").unlink()
    notice = community / "notices/2026-roof-notice.yml"
    notice.write_text(_yaml_block("schemas/notice.schema.json"), encoding="utf-8")
    expect("gongshi check")
    replace_once(notice, "published: 2026-09-28 ", "published: 2026-09-20 ")
    replace_once(notice, "  from: 2026-09-28 ", "  from: 2026-09-20 ")
    replace_once(community / "votes/2026-roof.yml", "area_m2: 19200.00}", "area_m2: 19800.00}")
    replace_once(community / "votes/2026-roof.yml", "area_m2: 15000.00}", "area_m2: 14400.00}")
    (community / "notices/2026-roof-result.yml").write_text(RESULT_NOTICE, encoding="utf-8")
    expect("gongshi check")

    # 记一笔支出
    expect("gongshi new expense")
    ledger = community / "maintenance-fund/2026-H2.yml"
    replace_once(ledger, "    date: 2026-11-25 ", "    date: 2026-11-20 ")
    # issue 14: one zero short, the closing balance from the bank statement.
    _fill(ledger, {"amount": "12650.00", "summary": "3号楼屋面防水维修", "counterparty": "某某防水工程有限公司",
                   "voucher": "记-2026-031", "closing_balance": "2965164.29"})
    expect("gongshi check")
    _fill(ledger, {"vote": "2026-roof"})
    replace_once(ledger, "amount: 12650.00", "amount: 126500.00")
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(re.sub(r"^    # apportionment: .*$", "    apportionment: {basis: area, scope: [3号楼]}", text, flags=re.M),
                      encoding="utf-8")
    assert gongshi("check").code == 0
    commit_all(repo, "3号楼屋面防水：表决、公示、支出")
    summary = gongshi("diff", "main")
    assert summary.code == 0
    assert summary.out.rstrip("\n") == blocks("markdown")[0].rstrip("\n"), "content/guide.md: the summary is out of date"

    # 更正已公示的数据
    git(repo, "switch", "-q", "main")
    git(repo, "switch", "-q", "-c", "fix-pump")
    replace_once(community / "maintenance-fund/2026-H1.yml", "    amount: 16850.00", "    amount: 18650.00")
    replace_once(community / "maintenance-fund/2026-H1.yml", "closing_balance: 3091664.29", "closing_balance: 3089864.29")
    expect("gongshi check")
    expect("gongshi new correction")
    correction = community / "notices/2026-11-correction.yml"
    _fill(correction, {"title": "关于更正2026年上半年专项维修资金一笔支出金额的公示"})
    replace_once(correction, "。原因：  #", "。原因：录入时数字顺序颠倒，已按发票和银行回单核对。  #")
    text = correction.read_text(encoding="utf-8")
    correction.write_text(re.sub(r"^body: .*$", "body: |\n  现予更正。", text, flags=re.M), encoding="utf-8")
    filled = _yaml_block("# 被更正的记录（按与 HEAD 的差异填好）")
    assert all(line in text for line in filled.split("\n") if line), "content/guide.md: the filled correction is out of date"
    expect("gongshi check")


# What Decap CMS saved for the expense added in the guide's "用表单修改" (as the browser
# test, tests/admin/test_forms_browser.py, sees it): the schema line it is told to
# write, no other comment, 100000 for 100000.00, a form-edited entry's keys in the
# order they were touched, flow mappings spread over lines.
DECAP_LEDGER = """\
# yaml-language-server: $schema=../../../../schemas/maintenance-fund.schema.json
period: 2026-H1
opening_balance: 2990788.74
entries:
  - id: mf-2026-001
    date: 2026-01-20
    type: transfer_in
    from: public-revenue
    amount: 100000
    summary: 2025年度公共收益转入（管理规约第二十一条）
    counterparty: 示例家园小区公共收益账户
    voucher: 记-2026-004
  - id: mf-2026-002
    date: 2026-03-21
    type: interest
    amount: 8820.45
    summary: 2026年第一季度存款利息（增值收益）
    counterparty: 某某银行示例支行
    voucher: 记-2026-009
  - summary: 地下泵房消防水泵故障紧急更换
    counterparty: 某某消防工程有限公司
    voucher: 记-2026-017
    date: 2026-05-19
    emergency:
      reason: 消防水泵电机烧毁，消防供水系统失效
      approved_by: 示例家园小区业主委员会
      reported_on: 2026-05-12
    apportionment:
      basis: area
      scope:
        - 1号楼
        - 2号楼
        - 3号楼
        - 4号楼
        - 5号楼
        - 6号楼
    amount: 16850
    type: expense
    id: mf-2026-003
  - id: mf-2026-004
    date: 2026-06-21
    type: interest
    amount: 8905.1
    summary: 2026年第二季度存款利息（增值收益）
    counterparty: 某某银行示例支行
    voucher: 记-2026-020
  - id: mf-2026-005
    date: 2026-06-25
    type: expense
    amount: 12345.6
    summary: 3号楼电梯维修保养（表单录入）
    counterparty: 某某电梯工程有限公司
    voucher: 记-2026-023
    vote: 2025-elevator
closing_balance: 3079318.69
"""


def _without_comments(text: str) -> list[str]:
    return [re.sub(r"\s+#.*$", "", line) for line in text.split("\n") if not line.startswith("#")]


def test_the_guide_s_form_section_shows_real_output(repo, gongshi, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(date(2026, 11, 25))))
    # The check there runs on a cms/ branch: the guide shows its problems, not the base line on stderr.
    expect = replayer(gongshi, console("用表单修改"), stderr=False)

    git(repo, "switch", "-q", "-c", "cms/shili-jiayuan--maintenance-fund/2026-H1")
    ledger = repo / C / "maintenance-fund/2026-H1.yml"
    before = ledger.read_text(encoding="utf-8")
    ledger.write_text(DECAP_LEDGER, encoding="utf-8")
    expect("gongshi fmt")
    after = ledger.read_text(encoding="utf-8")
    # What the reviewer sees, comments aside: the new entry and the new closing balance.
    assert [line for line in _without_comments(after) if line not in _without_comments(before)] == [
        "  - id: mf-2026-005", "    date: 2026-06-25", "    amount: 12345.60", "    summary: 3号楼电梯维修保养（表单录入）",
        "    counterparty: 某某电梯工程有限公司", "    voucher: 记-2026-023", "    vote: 2025-elevator",
        "closing_balance: 3079318.69"]
    assert [line for line in _without_comments(before) if line not in _without_comments(after)] == [
        "closing_balance: 3091664.29"]
    expect("gongshi check")
    assert next(expect.steps, None) is None




def test_a_new_portal_as_the_guide_starts_it(tmp_path, monkeypatch, capsys):
    """新建本小区的公示网站: init in an empty folder, the site.yml the guide shows, git init, check."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(date(2026, 11, 25))))
    monkeypatch.chdir(tmp_path)
    expect = replayer(runner(capsys), console(NEW_SITE))

    expect("gongshi init xiaoqu-gongshi")
    portal = tmp_path / "xiaoqu-gongshi"
    site = portal / "data/site.yml"
    shown = _yaml_block("schemas/site.schema.json", NEW_SITE)
    text = site.read_text(encoding="utf-8")
    for key in ("title", "publisher", "base_url"):
        value = re.search(rf"^{key}: (.*)$", shown, re.M).group(1)
        text, n = re.subn(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)
        assert n == 1, key
    site.write_text(text, encoding="utf-8")
    monkeypatch.chdir(portal)
    git(portal, "init", "-q", "-b", "main")
    expect("gongshi check")
    assert next(expect.steps, None) is None
    assert f"pip install gongshi=={__version__}" in sections()[NEW_SITE]
