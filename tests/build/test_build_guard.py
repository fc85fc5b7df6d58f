"""The output folder guard (build/guard.py): `--out` that would delete what gongshi did not
write is refused with exit 2 and a Chinese message, before anything is read or built, for a
one-community portal and a district alike; a previous gongshi build is replaced."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.build.portal import build_portal
from generator.exits import ExitCode, Stop
from tests.conftest import ROOT, SAMPLE_AS_OF, SAMPLE_DATA
from tests.corpus.runner import snapshot

AS_OF = date.fromisoformat(SAMPLE_AS_OF)


@pytest.fixture(params=["single", "district"])
def project(request, tmp_path, monkeypatch) -> Path:
    """tmp/project: a git repository with data/ (one community, or two), content/ and overrides/;
    the working folder is the project."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE_DATA, project / "data")
    if request.param == "district":
        shutil.copytree(project / "data" / "communities" / "shili-jiayuan", project / "data" / "communities" / "second")
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    monkeypatch.chdir(project)
    return project


def refused(project: Path, out: str | Path) -> str:
    before = snapshot(project.parent)
    with pytest.raises(Stop) as stop:
        build_portal(Path("data"), Path(out), AS_OF, pdf=False)
    assert stop.value.exit_code == ExitCode.USAGE
    assert snapshot(project.parent) == before   # nothing written, nothing deleted
    return stop.value.message


HINT = "构建会用生成的网站替换整个输出目录，其中原有的文件都会被删除。请换一个输出目录，例如 --out site。"


@pytest.mark.parametrize("out, message", [
    ("data", "输出目录 data 就是数据目录："),
    ("data/communities", "输出目录 data/communities 位于数据目录 data 之内："),
    ("data/communities/shili-jiayuan/notices", "输出目录 data/communities/shili-jiayuan/notices 位于数据目录 data 之内："),
    (".git", "输出目录 .git 就是仓库的 git 目录："),
    (".git/objects", "输出目录 .git/objects 位于仓库的 git 目录 .git 之内："),
    ("content", "输出目录 content 就是手写页面目录："),
    ("overrides", "输出目录 overrides 就是网站模板目录："),
    ("overrides/assets", "输出目录 overrides/assets 位于网站模板目录 overrides 之内："),
    (".cache", "输出目录 .cache 就是构建缓存目录："),
    (".", "输出目录（当前目录） 包含数据目录 data："),
    ("..", "输出目录 .. 包含数据目录 data："),
    ("/", " 包含数据目录 data："),
])
def test_what_the_portal_is_made_from_is_never_the_output(project, out, message):
    text = refused(project, out)
    assert message in text and text.endswith(HINT), text


def test_the_current_folder_and_those_above_it_are_refused(project, tmp_path, monkeypatch):
    work = project / "work" / "here"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    for out, what in ((".", "输出目录（当前目录） 就是当前目录："), ("..", "输出目录 .. 包含当前目录")):
        before = snapshot(project)
        with pytest.raises(Stop) as stop:
            build_portal(project / "data", Path(out), AS_OF, pdf=False)
        assert stop.value.exit_code == ExitCode.USAGE and stop.value.message.startswith(what), stop.value.message
        assert snapshot(project) == before


def test_the_repository_root_is_refused_when_the_data_lies_deeper(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(SAMPLE_DATA, repo / "portal" / "data")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Stop) as stop:
        build_portal(repo / "portal" / "data", repo, AS_OF, pdf=False)
    assert stop.value.exit_code == ExitCode.USAGE
    assert stop.value.message.startswith("输出目录 repo 就是仓库根目录：") or "包含数据目录" in stop.value.message


def test_an_unrelated_folder_full_of_files_is_refused(project):
    other = project.parent / "photos"
    other.mkdir()
    (other / "family.jpg").write_bytes(b"\xff\xd8")
    text = refused(project, other)
    assert text.startswith("输出目录 ../photos 不是空目录，也不是 gongshi 以前生成的网站（其中没有 gongshi 写的 manifest.json）")


@pytest.mark.parametrize("manifest", [
    "not json",
    json.dumps({"generator": "something-else", "site": {}}),
    json.dumps(["gongshi"]),
])
def test_a_folder_with_a_foreign_manifest_is_refused(project, manifest):
    other = project.parent / "other-site"
    other.mkdir()
    (other / "manifest.json").write_text(manifest, encoding="utf-8")
    assert "不是 gongshi 以前生成的网站" in refused(project, other)


def test_a_link_to_the_data_folder_is_refused(project):
    (project.parent / "link").symlink_to(project / "data", target_is_directory=True)
    assert refused(project, project.parent / "link").startswith("输出目录 data 就是数据目录：")


def test_a_file_is_refused(project):
    (project / "site").write_text("not a folder", encoding="utf-8")
    assert refused(project, "site") == "输出路径 site 已存在且不是目录：请换一个输出目录。"


def test_an_empty_folder_and_a_previous_build_are_replaced(project):
    (project / "site").mkdir()
    build_portal(Path("data"), Path("site"), AS_OF, pdf=False)
    assert json.loads((project / "site" / "manifest.json").read_text(encoding="utf-8"))["generator"] == "gongshi"
    (project / "site" / "stale.html").write_text("old", encoding="utf-8")
    build_portal(Path("data"), Path("site"), AS_OF, pdf=False)
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / "index.html").is_file()
