"""Reading a revision's data folder: plumbing only, no link followed, nothing run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import gitrev
from generator.gitrev import RevisionError, data_at_revision
from tests.workflow.conftest import C, commit_all, git


def test_the_revision_is_read_not_the_working_tree(repo):
    path = repo / f"{C}/votes/2026-monitoring.yml"
    committed = path.read_bytes()
    path.write_text("changed", encoding="utf-8")
    with data_at_revision(repo / "data", "main") as base:
        assert (base / "communities/shili-jiayuan/votes/2026-monitoring.yml").read_bytes() == committed
        assert sorted(p.relative_to(base).as_posix() for p in base.rglob("*.yml")) == sorted(
            p.relative_to(repo / "data").as_posix() for p in (repo / "data").rglob("*.yml"))
    assert not base.exists()                                   # the temporary copy is removed


def test_a_symlink_in_the_revision_is_skipped(repo):
    link = repo / f"{C}/notices/stolen.yml"
    os.symlink("/etc/passwd", link)
    commit_all(repo, "symlink")
    with data_at_revision(repo / "data", "main") as base:
        copy = base / "communities/shili-jiayuan/notices/stolen.yml"
        assert not copy.exists() and not copy.is_symlink()


def test_a_large_file_is_not_read(repo, monkeypatch):
    big = repo / f"{C}/notices/big.yml"
    big.write_bytes(b"title: x\n" * 20)
    commit_all(repo, "big")
    monkeypatch.setattr(gitrev, "MAX_FILE_BYTES", 100)
    with data_at_revision(repo / "data", "main") as base:
        copy = base / "communities/shili-jiayuan/notices/big.yml"
        assert copy.stat().st_size == 180
        assert copy.read_bytes() == b"\0" * 180                 # size only: the loader refuses it by size


def test_no_hook_or_filter_runs(repo, tmp_path):
    marker = tmp_path / "ran"
    (repo / ".gitattributes").write_text("*.yml filter=evil diff=evil\n", encoding="utf-8")
    git(repo, "config", "filter.evil.smudge", f"touch {marker}; cat")
    git(repo, "config", "filter.evil.clean", "cat")
    git(repo, "config", "diff.evil.textconv", f"touch {marker}; cat")
    git(repo, "config", "core.fsmonitor", f"touch {marker}; true")
    commit_all(repo, "attributes")
    marker.unlink(missing_ok=True)
    with data_at_revision(repo / "data", "main") as base:
        assert (base / "site.yml").is_file()
    assert not marker.exists()


@pytest.mark.parametrize("rev", ["-h", "--output=/tmp/x", "a\nb", ""])
def test_odd_revisions_are_refused(repo, rev):
    with pytest.raises(RevisionError) as info:
        with data_at_revision(repo / "data", rev):
            pass
    assert info.value.exit_code == 2


def test_without_git_the_environment_is_named(repo, monkeypatch):
    monkeypatch.setattr(gitrev.shutil, "which", lambda name: None)
    with pytest.raises(RevisionError) as info:
        with data_at_revision(repo / "data", "main"):
            pass
    assert info.value.exit_code == 3 and "apt-get install git" in str(info.value)


def test_check_base_without_git_exits_3(repo, gongshi, monkeypatch):
    monkeypatch.setattr(gitrev.shutil, "which", lambda name: None)
    result = gongshi("check", "--as-of", "2026-11-25", "--base", "main")
    assert result.code == 3 and "找不到 git 命令" in result.err


def test_data_folder_in_a_subfolder_of_the_repository(repo, gongshi):
    nested = repo / "portal"
    nested.mkdir()
    git(repo, "mv", "data", "portal/data")
    commit_all(repo, "move")
    with data_at_revision(Path("portal/data"), "main") as base:
        assert (base / "site.yml").is_file()
    result = gongshi("diff", "main", "--data", "portal/data", "--as-of", "2026-11-25")
    assert result.code == 0 and "没有变化" in result.out
