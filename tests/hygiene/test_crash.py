"""A crash in any step of a build leaves the previous site byte for byte as it was,
and no staging folder behind (cli.md: the output is replaced only when everything succeeded)."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

import generator.build.single as single_build
import generator.pdf
import generator.render.pages
import generator.site.mkdocs_build as mkdocs_build
from generator.build.portal import build_portal
from generator.exits import ExitCode, Stop
from tests.conftest import SAMPLE_AS_OF, SAMPLE_DATA

AS_OF = date.fromisoformat(SAMPLE_AS_OF)


class Injected(RuntimeError):
    pass


def tree_bytes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A project whose site was built once, without PDFs (the state a crash must preserve)."""
    root = tmp_path_factory.mktemp("crash")
    shutil.copytree(SAMPLE_DATA, root / "data")
    build_portal(root / "data", root / "site", AS_OF, pdf=False)
    return root, tree_bytes(root / "site")


def _boom(*args, **kwargs):
    raise Injected("injected crash")


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


def _fail_second_rename(monkeypatch):
    """The rename that puts the new site in place fails (a full disk, a busy folder)."""
    real = Path.rename
    def rename(self, target):
        if self.name == "site" and self.parent.name.startswith(".gongshi-build-"):
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)


# step -> (how to break it, what the build then raises)
STEPS = {
    "render pages": (lambda mp: mp.setattr(generator.render.pages, "render_community", _boom), Injected),
    "notice PDF": (lambda mp: mp.setattr(generator.pdf, "render_notice_pdf", _boom), Injected),
    "MkDocs": (lambda mp: mp.setattr(mkdocs_build, "_run_mkdocs", _boom), Injected),
    "MkDocs interrupted": (lambda mp: mp.setattr(mkdocs_build, "_run_mkdocs", _interrupt), KeyboardInterrupt),
    "manifest": (lambda mp: mp.setattr(single_build, "write_manifest", _boom), Injected),
    "replacing the site": (_fail_second_rename, Stop),
}


@pytest.mark.parametrize("step", list(STEPS))
def test_a_crash_leaves_the_previous_site_untouched(previous, step, monkeypatch, tmp_path):
    root, before = previous
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    breaks, raised = STEPS[step]
    breaks(monkeypatch)
    with pytest.raises(raised) as failure:
        build_portal(root / "data", root / "site", AS_OF, pdf=True)
    monkeypatch.undo()
    if raised is Stop:
        assert failure.value.exit_code == ExitCode.DATA and "无法替换输出目录" in failure.value.message
    assert tree_bytes(root / "site") == before
    assert not [p.name for p in root.iterdir() if p.name.startswith(".gongshi")]
    assert list(private_tmp.iterdir()) == []


def test_a_successful_build_does_not_delete_through_links(previous, tmp_path):
    """The old site is removed after the swap; a link in it must not take its target along."""
    root, before = previous
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("keep", encoding="utf-8")
    (root / "site" / "linked-folder").symlink_to(precious, target_is_directory=True)
    (root / "site" / "linked-file").symlink_to(precious / "keep.txt")
    build_portal(root / "data", root / "site", AS_OF, pdf=False)
    assert (precious / "keep.txt").read_text(encoding="utf-8") == "keep"
    assert tree_bytes(root / "site") == before
