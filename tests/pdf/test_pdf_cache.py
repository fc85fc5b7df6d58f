"""Same inputs, same bytes; and an unchanged notice is copied, never re-rendered."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pdf import render, render_notice_pdf
from tests.conftest import ROOT

RENDER_SCRIPT = """
import sys
from pathlib import Path
from tests.pdf.pdf_samples import SAMPLE_VIEW
from generator.pdf import render_notice_pdf
render_notice_pdf(SAMPLE_VIEW, Path(sys.argv[1]), cache_dir=None)
"""


def test_rendering_twice_gives_identical_bytes(sample_pdf, sample_view, tmp_path):
    again = tmp_path / "again.pdf"
    assert render_notice_pdf(sample_view, again, cache_dir=None) is True
    assert again.read_bytes() == sample_pdf.read_bytes()


def test_identical_bytes_across_processes(sample_pdf, tmp_path):
    # Different hash seeds change set and dict-of-str iteration order between runs; a
    # cache shared between machines or CI runs relies on the bytes not depending on it.
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.pdf"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", RENDER_SCRIPT, str(out)],
            cwd=ROOT, env=env, check=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == sample_pdf.read_bytes()


def test_second_call_is_served_from_cache(sample_view, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    assert render_notice_pdf(sample_view, first, cache_dir=cache_dir) is True
    assert len(list(cache_dir.glob("*.pdf"))) == 1

    def must_not_render(html, *, identifier):
        raise AssertionError("cache hit must not call WeasyPrint")

    monkeypatch.setattr(render, "_write_pdf", must_not_render)
    assert render_notice_pdf(sample_view, second, cache_dir=cache_dir) is False
    assert second.read_bytes() == first.read_bytes()


@pytest.fixture
def fake_weasyprint(monkeypatch):
    """Replaces the WeasyPrint call and records what it was asked to print."""
    printed: list[str] = []

    def fake_write_pdf(html, *, identifier):
        printed.append(html)
        return b"%PDF-1.7 fake " + identifier

    monkeypatch.setattr(render, "_write_pdf", fake_write_pdf)
    return printed


@pytest.mark.parametrize(
    "change", ["view", "template", "css", "gongshi version", "weasyprint version"]
)
def test_any_changed_input_renders_again(change, view_with, tmp_path, monkeypatch, fake_weasyprint):
    cache_dir = tmp_path / "cache"
    assert render_notice_pdf(view_with(), tmp_path / "a.pdf", cache_dir=cache_dir) is True
    view = view_with()
    if change == "view":
        view = view_with(objection_until="2024年7月16日17:00")
    elif change in ("template", "css"):
        edited = tmp_path / "assets"
        shutil.copytree(render.PDF_DIR, edited, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        name = render.TEMPLATE_NAME if change == "template" else render.STYLESHEET_NAME
        with (edited / name).open("a", encoding="utf-8") as asset:
            asset.write("\n")
        monkeypatch.setattr(render, "PDF_DIR", edited)
    else:
        bumped = change.split()[0]
        real_version = render._version
        monkeypatch.setattr(
            render, "_version", lambda dist: "9.9" if dist == bumped else real_version(dist)
        )
    assert render_notice_pdf(view, tmp_path / "b.pdf", cache_dir=cache_dir) is True
    assert len(fake_weasyprint) == 2
    assert len(list(cache_dir.glob("*.pdf"))) == 2


def test_without_cache_dir_it_always_renders(sample_view, tmp_path, fake_weasyprint):
    out = tmp_path / "notice.pdf"
    assert render_notice_pdf(sample_view, out, cache_dir=None) is True
    assert render_notice_pdf(sample_view, out, cache_dir=None) is True
    assert len(fake_weasyprint) == 2
    assert out.read_bytes().startswith(b"%PDF")


def test_no_temporary_files_are_left_behind(sample_view, tmp_path, fake_weasyprint):
    cache_dir = tmp_path / "cache"
    render_notice_pdf(sample_view, tmp_path / "out" / "notice.pdf", cache_dir=cache_dir)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notice.pdf"]
    assert all(p.suffix == ".pdf" for p in cache_dir.iterdir())
