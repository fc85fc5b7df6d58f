"""Notice bodies cannot make the build read local files or reach the network."""

from __future__ import annotations

import logging
import subprocess

import pytest

from generator.pdf import render_notice_pdf

# A 1x1 PNG, so a data: URL would really produce an image if it were let through.
PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
HOSTILE_URLS = [
    "file:///etc/passwd",
    "http://example.com/x.png",
    "https://example.com/track.css",
    PIXEL,
]
HOSTILE_BODY = (
    "<p>正文。</p>"
    '<img src="file:///etc/passwd" alt="">'
    '<img src="http://example.com/x.png" alt="">'
    f'<img src="{PIXEL}" alt="">'
    '<p style="background: url(https://example.com/track.css)">背景</p>'
)


@pytest.fixture
def fetch_log(monkeypatch):
    """Every URL WeasyPrint asked for, with what the fetcher answered."""
    from generator.pdf import fetcher  # imports WeasyPrint; fonts are present here

    asked: list[tuple[str, str]] = []
    real_fetch = fetcher.AssetFetcher.fetch

    def spy(self, url, headers=None):
        try:
            response = real_fetch(self, url, headers)
        except fetcher.RefusedURLError:
            asked.append((url, "refused"))
            raise
        asked.append((url, "served"))
        return response

    monkeypatch.setattr(fetcher.AssetFetcher, "fetch", spy)
    return asked


def test_only_the_stylesheet_is_fetched(fetch_log, view_with, tmp_path, caplog):
    out = tmp_path / "notice.pdf"
    with caplog.at_level(logging.WARNING, logger="generator.pdf.render"):
        render_notice_pdf(view_with(body_html=HOSTILE_BODY), out, cache_dir=None)

    assert ("gongshi-asset:notice.css", "served") in fetch_log
    refused = {url for url, answer in fetch_log if answer == "refused"}
    assert refused == set(HOSTILE_URLS)
    warned = " ".join(r.getMessage() for r in caplog.records if r.name == "generator.pdf.render")
    assert all(url in warned for url in HOSTILE_URLS)

    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]  # after the header and the dashes
    assert images == []
    assert b"root:x:0:0" not in out.read_bytes()


def test_fetcher_serves_nothing_but_its_own_names():
    from generator.pdf.fetcher import AssetFetcher, RefusedURLError

    fetcher = AssetFetcher()
    css = fetcher.fetch("gongshi-asset:notice.css")
    assert css.content_type == "text/css"
    assert b"@page" in css.read()
    for url in ("gongshi-asset:../render.py", "gongshi-asset:notice.html.j2",
                "file:///work/main/generator/pdf/notice.css", "notice.css"):
        with pytest.raises(RefusedURLError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4
