"""A pull request cannot publish a forged PDF or chart through the build cache."""

from __future__ import annotations

import shutil
import subprocess

from generator.cli import main
from tests.conftest import SAMPLE_DATA


def _repo(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SAMPLE_DATA, project / "data")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    return project


def test_a_cache_tracked_by_git_is_refused(tmp_path, capsys, monkeypatch):
    project = _repo(tmp_path)
    forged = project / ".cache" / "gongshi" / "pdf" / "forged.pdf"
    forged.parent.mkdir(parents=True)
    forged.write_bytes(b"%PDF-1.7 forged")
    subprocess.run(["git", "add", "-f", ".cache"], cwd=project, check=True)
    monkeypatch.chdir(project)
    code = main(["build", "--data", "data", "--out", "site", "--as-of", "2026-11-25", "--no-pdf"])
    err = capsys.readouterr().err
    assert code == 1
    assert "被 git 跟踪" in err and ".cache/gongshi/pdf/forged.pdf" in err
    assert not (project / "site").exists()


def test_a_symlinked_cache_is_refused(tmp_path, capsys, monkeypatch):
    project = _repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / ".cache").symlink_to(elsewhere)
    monkeypatch.chdir(project)
    code = main(["build", "--data", "data", "--out", "site", "--as-of", "2026-11-25", "--no-pdf"])
    assert code == 1
    assert "符号链接" in capsys.readouterr().err
    assert not (project / "site").exists()
