"""Git repositories in temporary folders holding a copy of the sample, and a way to run
`gongshi` in them as an editor would (from the repository's top folder)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_DATA

AS_OF = "2026-11-25"
C = "data/communities/shili-jiayuan"


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    hits = [i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {hits} of {path}"
    return hits[0]


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A committee's repository: the sample data and schemas, committed once on main."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copytree(SAMPLE_DATA, root / "data")
    # A committee's own address: the sample's placeholder (example.org) is warned about
    # (site.base_url_example), which the guide's story is not about.
    replace_once(root / "data" / "site.yml", "https://example.org/shili/", "https://shili.xiaoqu.test/")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "测试编辑")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "config", "commit.gpgsign", "false")
    commit_all(root, "示例数据")
    return root


def runner(capsys):
    """Run `gongshi ARGS` in the current folder; returns exit code, stdout and stderr."""
    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def outside_git(tmp_path: Path, monkeypatch) -> Path:
    """The current folder: the sample's data in a folder of no git repository (git looks no higher)."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return tmp_path


@pytest.fixture
def gongshi(repo: Path, monkeypatch, capsys):
    """Run `gongshi ARGS` in the repository; returns exit code, stdout and stderr."""
    monkeypatch.chdir(repo)
    return runner(capsys)
