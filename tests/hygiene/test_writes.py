"""A build writes into --out and the cache beside data/, nowhere else, and follows no link."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import ROOT
from tests.corpus.runner import COMMUNITY, SECRET, build, files_containing, make_project, repo_build, snapshot


def _allowed(rel: str) -> bool:
    return rel.startswith(("project/site/", "project/.cache/")) or rel in ("project/site", "project/.cache")


def test_build_writes_only_the_site_and_its_cache(tmp_path_factory):
    run = repo_build(tmp_path_factory.getbasetemp())
    assert run.result.exit == 0, run.result.output[-3000:]
    changed = {rel for rel in set(run.before) | set(run.after) if run.before.get(rel) != run.after.get(rel)}
    outside = sorted(rel for rel in changed if not _allowed(rel) and not rel.startswith("tmp/"))
    # data/ read, never touched; the repository's .git/ untouched (git status takes no lock).
    assert outside == []
    assert any(rel.startswith("project/.cache/gongshi/pdf/") for rel in changed)
    # The build's TMPDIR: no staging folder left behind. Two per-user caches stay there:
    # jieba's dictionary (the search plugin's word segmenter, by its own choice) and Jinja's
    # compiled page templates (generator/render/environment.py; a 0700 folder it checks).
    jinja_cache = f"tmp/_jinja2-cache-{os.getuid()}"
    left = sorted(rel for rel in changed if rel.startswith("tmp/") and rel != "tmp/jieba.cache"
                  and rel != jinja_cache and not rel.startswith(jinja_cache + "/"))
    assert left == []
    assert not [p for p in run.project.iterdir() if p.name.startswith(".gongshi")]


def test_no_secret_from_outside_reaches_the_site(tmp_path_factory):
    run = repo_build(tmp_path_factory.getbasetemp())
    assert files_containing(run.site, SECRET) == []
    assert SECRET not in run.result.output


@pytest.mark.parametrize("link, target", [
    (f"data/{COMMUNITY}/notices/leak.yml", "outside/secret.yml"),
    (f"data/{COMMUNITY}/notices", "outside/notices"),
    ("data/communities/leak", "outside/community"),
])
def test_symlinked_data_refuses_the_build(tmp_path, link, target):
    project = make_project(tmp_path)
    path = project.parent / "project" / link
    if path.exists():
        shutil.rmtree(path)
    path.symlink_to(tmp_path / target)
    result = build(project, "--no-pdf")
    assert result.exit == 1
    assert "[file.symlink]" in result.stdout
    assert SECRET not in result.output
    assert "Traceback" not in result.output
    assert not (project / "site").exists()


@pytest.mark.parametrize("link, target", [
    ("content", "outside"),                                   # content/ itself
    ("content/secret.md", "outside/secret.md"),               # a page inside content/
    ("overrides/assets/leak.txt", "outside/secret.md"),       # a theme file MkDocs would copy
    ("mkdocs.yml", "outside/secret.md"),
])
def test_symlinked_project_files_refuse_the_build(tmp_path, link, target):
    """bug: a content/ folder that was a link was followed and its pages published."""
    project = make_project(tmp_path)
    if link.startswith("overrides/"):
        shutil.copytree(ROOT / "overrides", project / "overrides")
    path = project / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(tmp_path / target)
    result = build(project, "--no-pdf")
    assert result.exit == 1, result.output[-2000:]
    assert "符号链接" in result.stderr
    assert SECRET not in result.output
    assert "Traceback" not in result.output
    assert not (project / "site").exists()
    assert not files_containing(project, SECRET)
    snapshot(project)  # the tree is still walkable without following links
