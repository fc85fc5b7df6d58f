"""`check --format github` and `--format json`: the exact text CI and scripts read."""

from __future__ import annotations

import json
import re

from generator.problems import Location, Problem, Severity, format_github, format_text
from tests.workflow.conftest import AS_OF, C, line_of, replace_once


def toolkit_escape_data(s: str) -> str:
    # @actions/core command.ts escapeData
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def toolkit_escape_property(s: str) -> str:
    # @actions/core command.ts escapeProperty
    return toolkit_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def test_github_escaping_matches_the_actions_toolkit():
    nasty = "a%b\r\nc:d,e ::error::x"
    p = Problem(Location(f"data/{nasty}.yml", 3, 7), "ledger.unbalanced", f"期末 {nasty}", Severity.ERROR)
    first = format_github([p]).split("\n")[0]
    assert first == (
        f"::error file={toolkit_escape_property(f'data/{nasty}.yml')},line=3,col=7,"
        f"title=ledger.unbalanced::{toolkit_escape_data(f'[ledger.unbalanced] 期末 {nasty}')}"
    )
    assert first == ("::error file=data/a%25b%0D%0Ac%3Ad%2Ce %3A%3Aerror%3A%3Ax.yml,line=3,col=7,title=ledger.unbalanced"
                     "::[ledger.unbalanced] 期末 a%25b%0D%0Ac:d,e ::error::x")


def test_github_output_lists_everything_with_commands_stopped():
    problems = [Problem(Location("data/x.yml", i, 1), "schema.type", f"第 {i} 个\n::warning::injected") for i in range(1, 13)]
    lines = format_github(problems).split("\n")
    annotations = [line for line in lines if line.startswith("::error ")]
    assert len(annotations) == 12
    stop = lines[12]
    token = stop.removeprefix("::stop-commands::")
    assert stop.startswith("::stop-commands::gongshi-") and len(token) == len("gongshi-") + 32
    listed = lines[13:-2]
    assert listed == [f"data/x.yml:{i}:1: 错误[schema.type]: 第 {i} 个⏎::warning::injected" for i in range(1, 13)] + ["共 12 个错误，0 个警告。"]
    assert lines[-2] == f"::{token}::" and lines[-1] == ""
    # Same problems, same bytes.
    assert format_github(problems) == format_github(list(problems))


def test_text_output_keeps_one_problem_per_line():
    p = Problem(Location("data/x.yml", 1, 1), "schema.unknown_field", "未知字段“a\nb”")
    assert format_text([p]) == "data/x.yml:1:1: 错误[schema.unknown_field]: 未知字段“a⏎b”\n共 1 个错误，0 个警告。\n"


def _break_sample(repo):
    path = repo / f"{C}/maintenance-fund/2026-H1.yml"
    replace_once(path, "closing_balance: 3091664.29", "closing_balance: 3091664.30")
    return path


def test_check_format_github(repo, gongshi):
    path = _break_sample(repo)
    result = gongshi("check", "--as-of", AS_OF, "--format", "github")
    assert result.code == 1
    line = line_of(path, "closing_balance: 3091664.30")
    lines = result.out.split("\n")
    assert lines[0] == (f"::warning file={C}/inspections/2026-street-facilities.yml,line=12,col=17,title=inspection.overdue"
                        "::[inspection.overdue] “小区道路、井盖是否完好”应在 2026-11-20 前整改，已逾期 5 天，仍未填写整改完成日期 rectified_on。")
    assert lines[1].startswith(f"::error file={C}/maintenance-fund/2026-H1.yml,line={line},col=18,title=ledger.unbalanced::[ledger.unbalanced] ")
    assert lines[2].startswith("::stop-commands::")
    assert lines[3].startswith(f"{C}/inspections/2026-street-facilities.yml:12:17: 警告[inspection.overdue]: ")
    assert lines[4].startswith(f"{C}/maintenance-fund/2026-H1.yml:{line}:18: 错误[ledger.unbalanced]: ")
    assert lines[5] == "共 1 个错误，1 个警告。"


def test_check_format_json(repo, gongshi):
    path = _break_sample(repo)
    result = gongshi("check", "--as-of", AS_OF, "--format", "json")
    assert result.code == 1
    rows = json.loads(result.out)
    assert [set(r) for r in rows] == [{"path", "line", "column", "severity", "code", "message"}] * 2
    assert [(r["path"], r["severity"], r["code"]) for r in rows] == [
        (f"{C}/inspections/2026-street-facilities.yml", "warning", "inspection.overdue"),
        (f"{C}/maintenance-fund/2026-H1.yml", "error", "ledger.unbalanced"),
    ]
    assert rows[1]["line"] == line_of(path, "closing_balance: 3091664.30") and rows[1]["column"] == 18
    assert "3091664.30" in rows[1]["message"].replace(",", "")


def test_check_base_in_json_and_github(repo, gongshi):
    replace_once(repo / f"{C}/votes/2026-monitoring.yml", "budget: 60000.00", "budget: 66000.00")
    rows = json.loads(gongshi("check", "--as-of", AS_OF, "--format", "json", "--base", "main").out)
    silent = [r for r in rows if r["code"] == "published.silent_edit"]
    assert len(silent) == 1 and silent[0]["path"] == f"{C}/votes/2026-monitoring.yml"
    assert "预算上限（budget）原为 60,000.00，现为 66,000.00" in silent[0]["message"]
    github = gongshi("check", "--as-of", AS_OF, "--format", "github", "--base", "main").out
    assert re.search(rf"^::error file={C}/votes/2026-monitoring.yml,line=\d+,col=9,title=published.silent_edit::", github, re.M)
