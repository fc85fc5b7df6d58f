"""`gongshi check` as users and CI run it: output formats, exit codes, no tracebacks.

Each test runs `python -m generator check` in a subprocess whose working directory
holds `data/`, so paths print relative to it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import ROOT, SAMPLE_AS_OF
from tests.rules.helpers import (
    C, FUND, FUND_PATH, INSPECTION, INSPECTION_PATH, VOTE_PATH, edit, line_of, write_data,
)

TEXT_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>错误|警告)\[(?P<code>[a-z_.]+)\]: (?P<msg>.+)$")
UNBALANCED = edit(FUND, "closing_balance: 80000.00", "closing_balance: 80000.01")
OVERDUE = edit(INSPECTION, "    rectified_on: 2025-07-05\n", "")


def gongshi(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=environment, timeout=120)


def check_cli(cwd: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    result = gongshi(cwd, "check", *args, **kw)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


# ---------------------------------------------------------------- text

def test_clean_data_exits_0_with_only_the_count_line(tmp_path):
    write_data(tmp_path)
    result = check_cli(tmp_path, "--as-of", "2025-12-31")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["检查通过：没有发现问题。"]


def test_errors_exit_1_with_one_line_each_then_a_count(tmp_path):
    write_data(tmp_path, {FUND_PATH: UNBALANCED, INSPECTION_PATH: OVERDUE})
    result = check_cli(tmp_path, "--as-of", "2025-12-31")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "共 1 个错误，1 个警告。"
    parsed = [TEXT_LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    # Sorted by path, then line.
    assert [(m["path"], int(m["line"]), int(m["col"]), m["sev"], m["code"]) for m in parsed] == [
        (f"data/{INSPECTION_PATH}", line_of(OVERDUE, "rectify_by"), 17, "警告", "inspection.overdue"),
        (f"data/{FUND_PATH}", line_of(UNBALANCED, "closing_balance"), 18, "错误", "ledger.unbalanced"),
    ]
    assert "80,000.01" in parsed[1]["msg"] and "80,000.00" in parsed[1]["msg"]


def test_warnings_alone_exit_0(tmp_path):
    write_data(tmp_path, {INSPECTION_PATH: OVERDUE})
    result = check_cli(tmp_path, "--as-of", "2025-12-31")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and "警告[inspection.overdue]" in lines[0]
    assert lines[-1] == "共 0 个错误，1 个警告。"


def test_paths_are_relative_to_the_working_directory(tmp_path):
    data = write_data(tmp_path, {FUND_PATH: UNBALANCED})
    result = check_cli(data / "communities", "--data", "..", "--as-of", "2025-12-31")
    assert result.stdout.startswith("x/maintenance-fund/2025.yml:23:18: 错误[ledger.unbalanced]: ")
    result = check_cli(tmp_path, "--data", str(data), "--as-of", "2025-12-31")
    assert result.stdout.startswith("data/communities/x/maintenance-fund/2025.yml:23:18: ")


def test_data_defaults_to_data_in_the_working_directory(tmp_path):
    write_data(tmp_path, {FUND_PATH: UNBALANCED})
    assert check_cli(tmp_path, "--as-of", "2025-12-31").returncode == 1


def test_build_date_from_source_date_epoch(tmp_path):
    write_data(tmp_path, {INSPECTION_PATH: OVERDUE})
    # Midnight of the deadline in Beijing is still the day before in UTC: the date is Beijing's.
    on_deadline = str(int(datetime(2025, 7, 12, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()))
    result = check_cli(tmp_path, env={"SOURCE_DATE_EPOCH": on_deadline})
    assert result.stdout.splitlines() == ["检查通过：没有发现问题。"]
    result = check_cli(tmp_path, env={"SOURCE_DATE_EPOCH": str(int(on_deadline) + 86400)})
    assert "inspection.overdue" in result.stdout and "逾期 1 天" in result.stdout


def test_sample_portal_has_exactly_two_warnings():
    result = check_cli(ROOT, "--as-of", SAMPLE_AS_OF)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and lines[-1] == "共 0 个错误，2 个警告。"
    assert lines[0].startswith("data/communities/shili-jiayuan/inspections/2026-street-facilities.yml:12:17: "
                               "警告[inspection.overdue]: ")
    # The sample's address is the placeholder example.org: a portal copied from it is told.
    assert lines[1].startswith("data/site.yml:5:11: 警告[site.base_url_example]: ")


# ---------------------------------------------------------------- json and github

def test_json_format(tmp_path):
    write_data(tmp_path, {FUND_PATH: UNBALANCED, INSPECTION_PATH: OVERDUE})
    result = check_cli(tmp_path, "--as-of", "2025-12-31", "--format", "json")
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and len(rows) == 2
    for row in rows:
        assert set(row) == {"path", "line", "column", "severity", "code", "message"}
        assert isinstance(row["line"], int) and isinstance(row["column"], int)
    by_code = {row["code"]: row for row in rows}
    assert by_code["ledger.unbalanced"] | {"message": ""} == {
        "path": f"data/{FUND_PATH}", "line": line_of(UNBALANCED, "closing_balance"), "column": 18,
        "severity": "error", "code": "ledger.unbalanced", "message": ""}
    assert "80,000.01" in by_code["ledger.unbalanced"]["message"]
    assert by_code["inspection.overdue"]["severity"] == "warning"


def test_json_format_of_clean_data_is_an_empty_list(tmp_path):
    write_data(tmp_path)
    result = check_cli(tmp_path, "--as-of", "2025-12-31", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_github_format(tmp_path):
    write_data(tmp_path, {FUND_PATH: UNBALANCED, INSPECTION_PATH: OVERDUE})
    result = check_cli(tmp_path, "--as-of", "2025-12-31", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 1 and len(warnings) == 1
    assert errors[0].startswith(f"::error file=data/{FUND_PATH},line={line_of(UNBALANCED, 'closing_balance')},col=18")
    assert "ledger.unbalanced" in errors[0] and "80,000.01" in errors[0]
    assert warnings[0].startswith(f"::warning file=data/{INSPECTION_PATH},line=")


# ---------------------------------------------------------------- usage

@pytest.mark.parametrize("args", [
    ["check", "--as-of", "2025-13-01"],
    ["check", "--as-of", "明天"],
    ["check", "--format", "xml"],
    ["check", "--no-such-option"],
    ["chek"],
    [],
])
def test_wrong_usage_exits_2(tmp_path, args):
    write_data(tmp_path)
    result = gongshi(tmp_path, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_bad_source_date_epoch_is_a_usage_error(tmp_path):
    write_data(tmp_path)
    result = check_cli(tmp_path, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr


# ---------------------------------------------------------------- bad input never crashes

BAD_INPUTS = {
    "gbk": "title: 维修".encode("gbk") + b"\n",
    "binary": bytes(range(256)) * 4,
    "nul": b"title: a\x00b\n",
    "tag": b"title: !!python/object/apply:os.system [echo pwned]\n",
    "bomb": ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))).encode(),
    "deep": b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "two_docs": b"title: a\n---\ntitle: b\n",
    "list": b"- a\n- b\n",
    "scalar": b"just text\n",
    "empty": b"",
    "bad_syntax": b"title: [unclosed\n",
    "bad_alias": b"title: *nowhere\n",
    "complex_key": b"? [a, b]\n: c\n",
    "merge_key": b"base: &b {title: x}\nmore:\n  <<: *b\n",
    "huge_int": b"title: t\nmatter: other\nvoting: {start: 2025-01-01, end: 2025-01-02}\n"
                b"turnout: {owners: 99999999999999999999999999999999999999, area_m2: 1e999}\n",
    "year_zero": b"title: t\nmatter: other\nvoting: {start: 0000-01-01, end: 9999-12-31}\n",
    "bom_only": b"\xef\xbb\xbf",
    "crlf_cr": b"title: a\r\rmatter: other\r",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_vote_file_never_prints_a_traceback(tmp_path, name):
    data = write_data(tmp_path)
    (data / VOTE_PATH).write_bytes(BAD_INPUTS[name])
    text = check_cli(tmp_path, "--as-of", "2025-12-31")
    assert text.returncode == 1, text.stdout + text.stderr
    assert f"data/{VOTE_PATH}:" in text.stdout and "internal.rule_failed" not in text.stdout
    rows = json.loads(check_cli(tmp_path, "--as-of", "2025-12-31", "--format", "json").stdout)
    assert f"data/{VOTE_PATH}" in {row["path"] for row in rows}


def test_bad_files_of_every_kind_at_once(tmp_path):
    data = write_data(tmp_path)
    for rel in [p.relative_to(data) for p in data.rglob("*.yml")]:
        (data / rel).write_bytes(BAD_INPUTS["binary"])
    result = check_cli(tmp_path, "--as-of", "2025-12-31")
    assert result.returncode == 1
    assert "internal.rule_failed" not in result.stdout
    assert len(result.stdout.splitlines()) == 10 + 1


def test_a_folder_where_a_file_belongs(tmp_path):
    data = write_data(tmp_path)
    (data / C / "votes" / "folder.yml").mkdir()
    result = check_cli(tmp_path, "--as-of", "2025-12-31")
    assert result.returncode == 0        # a warning: file.unexpected
    assert "警告[file.unexpected]" in result.stdout


def test_missing_data_folder_is_reported_not_raised(tmp_path):
    result = check_cli(tmp_path, "--data", "nowhere", "--as-of", "2025-12-31")
    assert result.returncode != 0
    assert "file.missing" in result.stdout


def test_symlinked_data_folder_is_refused(tmp_path):
    data = write_data(tmp_path / "real")
    os.symlink(data, tmp_path / "data")
    result = check_cli(tmp_path, "--as-of", "2025-12-31")
    assert result.returncode == 1
    assert "错误[file.symlink]" in result.stdout
