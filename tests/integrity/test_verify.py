"""`gongshi verify SITE`: a fresh build verifies; a page changed, removed or added after the build
is named, with exit 1; an unreadable manifest is exit 2."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.corpus.runner import gongshi, repo_build


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    run = repo_build(tmp_path_factory.getbasetemp())
    assert run.result.exit == 0, run.result.output[-3000:]
    return run


@pytest.fixture
def site(built, tmp_path):
    """A downloaded copy of the built site, free to tamper with."""
    copy = tmp_path / "site"
    shutil.copytree(built.site, copy, symlinks=True)
    return copy


def verify(site):
    return gongshi(["verify", str(site)], site.parent)


def test_a_fresh_build_verifies(built):
    result = verify(built.site)
    assert result.exit == 0, result.output
    assert "核对通过" in result.stdout
    assert "Traceback" not in result.output


def test_a_page_changed_after_the_build_is_named(site):
    page = site / "maintenance-fund" / "2025-H1" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("3,268,540.36", "3,268,640.36"), encoding="utf-8")
    result = verify(site)
    assert result.exit == 1
    assert "已改动：maintenance-fund/2025-H1/index.html" in result.stdout.splitlines()
    assert "1 个文件被改动" in result.stdout


def test_a_changed_pdf_is_named(site):
    pdf = next((site / "notices").glob("*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"\n%")
    result = verify(site)
    assert result.exit == 1
    assert f"已改动：notices/{pdf.name}" in result.stdout


def test_a_removed_file_is_named(site):
    (site / "votes" / "index.html").unlink()
    result = verify(site)
    assert result.exit == 1
    assert "缺失：votes/index.html" in result.stdout


def test_an_added_file_is_named(site):
    (site / "notices" / "fake.html").write_text("<p>伪造的公示</p>", encoding="utf-8")
    result = verify(site)
    assert result.exit == 1
    assert "清单外的文件：notices/fake.html" in result.stdout


def test_an_added_symlink_is_named(site, tmp_path):
    """bug: verify skipped symbolic links, so a link to any file on the server verified clean."""
    (tmp_path / "outside.txt").write_text("x", encoding="utf-8")
    (site / "passwd.html").symlink_to(tmp_path / "outside.txt")
    result = verify(site)
    assert result.exit == 1
    assert "清单外的文件：passwd.html" in result.stdout


def test_a_named_pipe_is_named_and_never_opened(site):
    """bug: verify listed regular files only, so a FIFO planted in the site verified clean."""
    import os
    os.mkfifo(site / "notices" / "pipe.html")
    result = verify(site)   # a reader opening the pipe would wait forever (the runner kills it at 60 s)
    assert result.exit == 1, result.output
    assert "不是普通文件（命名管道、设备或套接字）：notices/pipe.html" in result.stdout
    assert result.stdout.rstrip().endswith("0 个不在清单中，1 个不是普通文件。")


def test_a_pipe_in_place_of_a_listed_page_is_named(site):
    import os
    (site / "index.html").unlink()
    os.mkfifo(site / "index.html")
    result = verify(site)
    assert result.exit == 1
    assert "不是普通文件（命名管道、设备或套接字）：index.html" in result.stdout and "缺失：index.html" not in result.stdout


@pytest.mark.parametrize("manifest", ["", "{", "[]", '{"site": []}', '{"data": {}}'])
def test_an_unreadable_manifest_is_exit_2(site, manifest):
    (site / "manifest.json").write_text(manifest, encoding="utf-8")
    result = verify(site)
    assert result.exit == 2, result.output
    assert "Traceback" not in result.output


def test_a_missing_manifest_is_exit_2(site):
    (site / "manifest.json").unlink()
    assert verify(site).exit == 2


def test_the_manifest_hashes_what_verify_rehashes(site):
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["site"]) == {p.relative_to(site).as_posix() for p in site.rglob("*")
                                     if p.is_file() and p.relative_to(site).as_posix() != "manifest.json"}
