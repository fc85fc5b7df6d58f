"""`gongshi fmt [--data DIR] [--check] [FILE…]` as an editor and CI run it."""

from __future__ import annotations

import shutil

import pytest

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_DATA

C = "data/communities/shili-jiayuan"


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args):
    capsys.readouterr()
    code = main(["fmt", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_sample_is_canonical(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run(capsys, "--check") == (0, "47 个数据文件都是规范格式。\n", "")


def test_check_lists_what_would_change_and_changes_nothing(project, capsys):
    ledger = project / C / "maintenance-fund/2026-H1.yml"
    before = ledger.read_text(encoding="utf-8").replace("amount: 8820.45", 'amount: "8820.45"')
    ledger.write_text(before, encoding="utf-8")
    code, out, _ = run(capsys, "--check")
    assert code == 1
    assert out == (f"需要整理：{C}/maintenance-fund/2026-H1.yml\n"
                   "1 个文件不是规范格式：请运行 gongshi fmt 后提交。\n")
    assert ledger.read_text(encoding="utf-8") == before
    assert run(capsys) == (0, f"已整理：{C}/maintenance-fund/2026-H1.yml\n共 47 个数据文件，整理了 1 个。\n", "")
    assert "    amount: 8820.45\n" in ledger.read_text(encoding="utf-8")
    assert run(capsys, "--check")[0] == 0


def test_files_named_on_the_command_line_only(project, capsys):
    vote = project / C / "votes/2025-elevator.yml"
    vote.write_text(vote.read_text(encoding="utf-8").replace("budget: 420000.00", "budget: 420000"), encoding="utf-8")
    notice = project / C / "notices/2025-elevator-notice.yml"
    notice.write_text(notice.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")  # no schema line
    code, out, _ = run(capsys, f"{C}/notices/2025-elevator-notice.yml")
    assert (code, out) == (0, f"已整理：{C}/notices/2025-elevator-notice.yml\n共 1 个数据文件，整理了 1 个。\n")
    assert notice.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../../../schemas/notice.schema.json\n")
    assert "budget: 420000 " in vote.read_text(encoding="utf-8")


def test_a_file_that_does_not_parse_is_reported_like_check_and_left_alone(project, capsys):
    vote = project / C / "votes/2026-advertising.yml"
    broken = vote.read_text(encoding="utf-8").replace("matter: change_use", "matter: [change_use")
    vote.write_text(broken, encoding="utf-8")
    line = broken.split("\n").index(next(l for l in broken.split("\n") if l.startswith("matter:"))) + 1
    code, out, _ = run(capsys)
    assert code == 1
    lines = out.split("\n")
    assert lines[0].startswith(f"{C}/votes/2026-advertising.yml:{line + 1}:1: 错误[yaml.syntax]: ")
    assert lines[1:] == ["共 1 个错误，0 个警告。", "有 1 个文件无法读取，没有整理；请先按上面的提示改正。",
                         "共 47 个数据文件，整理了 0 个。", ""]
    assert vote.read_text(encoding="utf-8") == broken


def test_a_file_outside_the_data_is_a_usage_error(project, capsys):
    (project / "notes.yml").write_text("a: 1\n", encoding="utf-8")
    code, out, err = run(capsys, "notes.yml")
    assert (code, out) == (2, "")
    assert err == "gongshi fmt：notes.yml 不是 data/ 中的数据文件：fmt 只整理 site.yml 和各小区的数据文件。\n"


def test_a_missing_data_folder_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--data", "nowhere") == (2, "", "gongshi fmt：找不到数据目录 nowhere：请用 --data 指定。\n")
