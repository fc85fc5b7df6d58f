"""manifest.json: every data file (relative to the repository) and every site file, with SHA-256
and the git commit; the fingerprint on each notice's page and PDF is its file's hash."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build.manifest import build_manifest
from tests.corpus.runner import COMMUNITY, SECRET, git, make_project, page_text, repo_build
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    run = repo_build(tmp_path_factory.getbasetemp())
    assert run.result.exit == 0, run.result.output[-3000:]
    return run


@pytest.fixture(scope="module")
def manifest(built) -> dict:
    return json.loads((built.site / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_lists_every_data_file_relative_to_the_repository(built, manifest):
    data = built.project / "data"
    expected = {p.relative_to(built.project).as_posix(): sha256(p) for p in data.rglob("*") if p.is_file()}
    assert manifest["data"] == expected
    assert all(rel.startswith("data/") for rel in manifest["data"])
    assert len(expected) >= 35


def test_manifest_lists_every_page_and_pdf_of_the_site(built, manifest):
    site = built.site
    expected = {p.relative_to(site).as_posix(): sha256(p) for p in site.rglob("*")
                if p.is_file() and p.relative_to(site).as_posix() != "manifest.json"}
    assert manifest["site"] == expected
    assert "index.html" in manifest["site"]
    assert any(rel.endswith(".pdf") for rel in manifest["site"])
    assert "manifest.json" not in manifest["site"]


def test_manifest_names_the_commit_it_was_built_from(built, manifest):
    assert manifest["commit"] == built.commit
    assert manifest["data_uncommitted"] is False
    assert manifest["build_date"] == "2026-11-25"


def test_uncommitted_data_is_flagged(built, tmp_path):
    data = built.project / "data"
    fire_drill = data / COMMUNITY / "notices" / "2026-12-fire-drill.yml"
    original = fire_drill.read_bytes()
    fire_drill.write_bytes(original + "# 未提交的修改\n".encode())
    try:
        manifest = build_manifest(data, built.site, date(2026, 11, 25))
    finally:
        fire_drill.write_bytes(original)
    assert manifest["data_uncommitted"] is True
    assert manifest["data"][f"data/{COMMUNITY}/notices/2026-12-fire-drill.yml"] != sha256(fire_drill)


def test_without_a_repository_there_is_no_commit(tmp_path):
    project = make_project(tmp_path)
    (tmp_path / "site").mkdir()
    manifest = build_manifest(project / "data", tmp_path / "site", date(2026, 11, 25))
    assert "commit" not in manifest
    assert f"data/{COMMUNITY}/community.yml" in manifest["data"]


def test_data_deeper_in_a_repository_is_listed_from_the_repository_root(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(make_project(tmp_path) / "data", repo / "portal" / "data")
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "x", cwd=repo)
    (tmp_path / "site").mkdir()
    manifest = build_manifest(repo / "portal" / "data", tmp_path / "site", date(2026, 11, 25))
    assert f"portal/data/{COMMUNITY}/community.yml" in manifest["data"]
    assert manifest["commit"] == git("rev-parse", "HEAD", cwd=repo)


def test_symlinks_in_data_are_not_listed(tmp_path):
    project = make_project(tmp_path)
    (project / "data" / COMMUNITY / "notices" / "leak.yml").symlink_to(tmp_path / "outside" / "secret.yml")
    (tmp_path / "site").mkdir()
    manifest = build_manifest(project / "data", tmp_path / "site", date(2026, 11, 25))
    assert not [rel for rel in manifest["data"] if "leak" in rel]
    assert SECRET not in json.dumps(manifest, ensure_ascii=False)


def test_hidden_files_in_data_are_not_listed(tmp_path):
    # A .env or a draft is never read (file.hidden) and its name never published.
    project = make_project(tmp_path)
    data = project / "data"
    (data / ".env").write_text(f"TOKEN={SECRET}\n", encoding="utf-8")
    (data / COMMUNITY / ".drafts").mkdir()
    (data / COMMUNITY / ".drafts" / "next.yml").write_text("title: 草稿\n", encoding="utf-8")
    (data / COMMUNITY / "notices" / ".secret-draft.yml").write_text("title: 草稿\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    manifest = build_manifest(data, tmp_path / "site", date(2026, 11, 25))
    listed = json.dumps(manifest, ensure_ascii=False)
    assert ".env" not in listed and ".drafts" not in listed and ".secret-draft" not in listed
    assert f"data/{COMMUNITY}/community.yml" in manifest["data"]


# ------------------------------------------------------------------ fingerprints: paper matches web

FINGERPRINT = re.compile(r"数据指纹\s*([0-9a-f]{8})\b")


def _notice_files(built) -> dict[str, Path]:
    folder = built.project / "data" / COMMUNITY / "notices"
    return {p.stem: p for p in folder.glob("*.yml")}


def test_every_notice_page_shows_its_files_fingerprint(built):
    notices = _notice_files(built)
    assert notices
    for nid, path in notices.items():
        shown = FINGERPRINT.findall(page_text(built.site / "notices" / nid / "index.html"))
        assert shown == [sha256(path)[:8]], nid


def test_every_printed_notice_shows_the_same_fingerprint(built):
    pdfs = sorted((built.site / "notices").glob("*.pdf"))
    assert pdfs
    notices = _notice_files(built)
    for pdf in pdfs:
        text = pdf_text(pdf)
        expected = sha256(notices[pdf.stem])[:8]
        assert FINGERPRINT.findall(text) == [expected], pdf.name
        page = page_text(built.site / "notices" / pdf.stem / "index.html")
        assert FINGERPRINT.findall(page) == [expected]
