"""`gongshi check` without `--base`: on a review branch it guards what the default branch
had published by itself, and always says on stderr which base it used (published/base.py)."""

from __future__ import annotations

import json
import shutil

from generator import gitrev
from tests.conftest import SAMPLE_DATA
from tests.workflow.conftest import AS_OF, C, commit_all, git, line_of, replace_once

FUND_H1 = f"{C}/maintenance-fund/2026-H1.yml"
LEAD = "已公示数据的比较基准："


def _silent_edit(repo):
    """Change a published entry's voucher number: the ledger still reconciles, and no
    notice quotes it, so only the guard against the base can see the change."""
    replace_once(repo / FUND_H1, "    voucher: 记-2026-017", "    voucher: 记-2026-071")
    return line_of(repo / FUND_H1, "voucher: 记-2026-071")


def _head(repo, ref="HEAD") -> str:
    return git(repo, "rev-parse", ref).strip()


def test_on_a_branch_the_merge_base_with_main_is_the_base(repo, gongshi):
    fork = _head(repo)
    git(repo, "switch", "-q", "-c", "fix-pump")
    line = _silent_edit(repo)

    result = gongshi("check", "--as-of", AS_OF)

    assert result.code == 1
    assert result.err == f"{LEAD}与默认分支 main 的分叉点 {fork[:8]}（不比较请加 --base none）。\n"
    assert f"{FUND_H1}:{line}:14: 错误[published.silent_edit]: " in result.out
    assert result.out.endswith("共 1 个错误，1 个警告。\n")


def test_the_merge_base_not_the_tip_of_main(repo, gongshi):
    fork = _head(repo)
    git(repo, "switch", "-q", "-c", "fix-pump")
    _silent_edit(repo)
    commit_all(repo, "改了已公示的金额")
    # main moves on after the branch left it: the base stays where the branch left.
    git(repo, "switch", "-q", "main")
    (repo / "README.md").write_text("说明\n", encoding="utf-8")
    commit_all(repo, "main 上的另一个提交")
    git(repo, "switch", "-q", "fix-pump")

    result = gongshi("check", "--as-of", AS_OF)

    assert result.code == 1 and "published.silent_edit" in result.out
    assert fork[:8] in result.err and _head(repo, "main")[:8] not in result.err


def test_on_the_default_branch_there_is_no_guard_and_text_says_so(repo, gongshi):
    _silent_edit(repo)

    text = gongshi("check", "--as-of", AS_OF)
    assert text.code == 0 and "published.silent_edit" not in text.out
    assert text.err == f"{LEAD}无（当前就在默认分支 main 上），不检查已公示的数据是否被悄悄修改。\n"

    for output_format in ("json", "github"):
        other = gongshi("check", "--as-of", AS_OF, "--format", output_format)
        assert other.code == 0 and other.err == ""


def test_base_none_turns_the_guard_off_without_a_word(repo, gongshi):
    git(repo, "switch", "-q", "-c", "fix-pump")
    _silent_edit(repo)

    result = gongshi("check", "--as-of", AS_OF, "--base", "none")

    assert result.code == 0 and result.err == "" and "published.silent_edit" not in result.out


def test_an_explicit_base_is_named_with_its_commit(repo, gongshi):
    main = _head(repo)
    _silent_edit(repo)

    result = gongshi("check", "--as-of", AS_OF, "--base", "main")

    assert result.code == 1 and "published.silent_edit" in result.out
    assert result.err == f"{LEAD}main（{main[:8]}）。\n"


def test_json_and_github_stay_parseable_with_the_note_on_stderr(repo, gongshi):
    git(repo, "switch", "-q", "-c", "fix-pump")
    _silent_edit(repo)

    rows = json.loads((result := gongshi("check", "--as-of", AS_OF, "--format", "json")).out)
    assert "published.silent_edit" in {row["code"] for row in rows}
    assert result.err.startswith(LEAD)
    github = gongshi("check", "--as-of", AS_OF, "--format", "github")
    assert github.out.startswith("::") and LEAD not in github.out and github.err.startswith(LEAD)


def test_origin_head_names_the_default_branch(repo, gongshi):
    # A clone of a repository whose default branch is `trunk`: origin/HEAD says so, and
    # `main` is then an ordinary branch that is checked against trunk.
    trunk = _head(repo)
    git(repo, "update-ref", "refs/remotes/origin/trunk", trunk)
    git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    _silent_edit(repo)

    result = gongshi("check", "--as-of", AS_OF)

    assert result.code == 1 and "published.silent_edit" in result.out
    assert result.err == f"{LEAD}与默认分支 trunk 的分叉点 {trunk[:8]}（不比较请加 --base none）。\n"


def test_master_when_there_is_no_main(repo, gongshi):
    git(repo, "branch", "-m", "main", "master")
    git(repo, "switch", "-q", "-c", "fix-pump")
    _silent_edit(repo)

    result = gongshi("check", "--as-of", AS_OF)

    assert result.code == 1 and "与默认分支 master 的分叉点" in result.err


def test_a_detached_head_compares_with_the_merge_base(repo, gongshi):
    # What actions/checkout gives a pull request: the merge commit, detached, and origin/main.
    main = _head(repo)
    git(repo, "update-ref", "refs/remotes/origin/main", main)
    git(repo, "switch", "-q", "-c", "fix-pump")
    _silent_edit(repo)
    commit_all(repo, "改了已公示的金额")
    git(repo, "branch", "-q", "-D", "main")
    git(repo, "switch", "-q", "--detach", "fix-pump")

    result = gongshi("check", "--as-of", AS_OF)

    assert result.code == 1 and "published.silent_edit" in result.out
    assert f"与默认分支 main 的分叉点 {main[:8]}" in result.err


def test_without_a_default_branch_there_is_no_guard(repo, gongshi):
    git(repo, "branch", "-m", "main", "trunk")
    _silent_edit(repo)

    result = gongshi("check", "--as-of", AS_OF)

    assert result.code == 0
    assert result.err == (f"{LEAD}无（找不到默认分支 origin/HEAD、main 或 master；可用 --base 指定），"
                          "不检查已公示的数据是否被悄悄修改。\n")


def test_a_repository_without_commits_has_no_guard(tmp_path, monkeypatch, capsys):
    from generator.cli import main

    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    git(tmp_path, "init", "-q", "-b", "main")
    monkeypatch.chdir(tmp_path)

    assert main(["check", "--as-of", AS_OF]) == 0
    assert capsys.readouterr().err == f"{LEAD}无（仓库还没有提交），不检查已公示的数据是否被悄悄修改。\n"


def test_outside_a_repository_and_without_git(outside_git, monkeypatch, capsys):
    from generator.cli import main

    assert main(["check", "--as-of", AS_OF]) == 0
    outside = capsys.readouterr()
    assert outside.err == f"{LEAD}无（数据目录不在 git 仓库中），不检查已公示的数据是否被悄悄修改。\n"

    monkeypatch.setattr(gitrev.shutil, "which", lambda name: None)
    assert main(["check", "--as-of", AS_OF]) == 0            # no git: nothing to compare, not exit 3
    without_git = capsys.readouterr()
    assert without_git.out == outside.out
    assert without_git.err == f"{LEAD}无（没有 git），不检查已公示的数据是否被悄悄修改。\n"
    assert main(["check", "--as-of", AS_OF, "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
