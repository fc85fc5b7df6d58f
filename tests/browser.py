"""Shared browser-test support: Debian's chromium through Playwright, a local server."""

from __future__ import annotations

import functools
import gzip
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

# Debian's chromium in a container: no sandbox, no GPU, and none of its own traffic
# (updates, sync, QUIC probes) that would blur what the page itself requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep pytest output clean
        pass


@contextmanager
def serving(folder):
    """Serve `folder` on 127.0.0.1 (an ephemeral port); yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def served(site_fixture: str):
    """A module-scoped fixture: the site that the fixture named `site_fixture` builds,
    served on 127.0.0.1; its value is the base URL."""
    @pytest.fixture(scope="module")
    def url(request):
        with serving(request.getfixturevalue(site_fixture)) as base:
            yield base

    return url


@contextmanager
def chromium():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("找不到 chromium：请先按 README 的环境准备步骤安装（Debian: apt-get install chromium）。")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def hosts(requests: list[str]) -> set[str]:
    # data: URIs are Material's inline icons, not requests to a host.
    return {urlsplit(url).hostname for url in requests if not url.startswith("data:")}


@contextmanager
def phone_page(browser):
    """A fresh 390×844 page; yields (page, requested URLs, dialog messages)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    requests: list[str] = []
    # Context level: also sees the search worker's fetch of search_index.json.
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        yield page, requests, dialogs
    finally:
        context.close()


def search(page, words: str):
    """Open the search from the header's button (a phone's), type `words` and let Material
    search; returns the search box."""
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator(".md-search__input")
    box.fill(words)
    box.press("End")  # Material searches on its key handler, not on fill alone
    return box


def loaded_files(browser, url: str, *, settle_ms: int = 1000) -> list[tuple[str, int, int]]:
    """What a phone loads for `url`: (URL, bytes, bytes after gzip -9) per finished request,
    in order, after the network went idle and `settle_ms` more (late fetches by scripts)."""
    with phone_page(browser) as (page, _, _):
        finished = []
        page.context.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(settle_ms)
        files = []
        for request in finished:
            if request.url.startswith("data:"):  # inline icons: part of a file already counted
                continue
            body = request.response().body()
            files.append((request.url, len(body), len(gzip.compress(body, compresslevel=9, mtime=0))))
        return files


# A phone, and the same phone at 200 % zoom (its 390 CSS pixels halved).
NARROW_WIDTHS = (390, 195)

# Every element whose content is wider than its box, as [selector path, scrollWidth,
# clientWidth]: what would make an owner scroll sideways or would be cut off at the edge
# (the document too: Material hides its sideways overflow). Not counted: a box that
# scrolls on purpose and says so (an ancestor-or-self whose ::before cue reads
# "左右滑动…"), the inside of an SVG chart (it scales as a whole), and Material's own
# moving parts: the header's titles (cut with "…"; the page title waits to the right to
# slide in) and the drawer (off-screen until opened; its sub-menus wait to the right).
OVERFLOWING = r"""() => {
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('');
  const path = e => {
    const parts = [];
    for (let a = e; a && a !== document.body && parts.length < 4; a = a.parentElement) parts.unshift(name(a));
    return parts.join(' > ');
  };
  const cued = e => {
    for (let a = e; a; a = a.parentElement)
      if (getComputedStyle(a, '::before').content.includes('左右滑动')) return true;
    return false;
  };
  const found = [];
  for (const e of [document.documentElement, document.body, ...document.body.querySelectorAll('*')]) {
    if (e.ownerSVGElement || e.closest('.md-header__title, .md-sidebar')) continue;
    if (!e.clientWidth || e.scrollWidth <= e.clientWidth + 1) continue;   // + 1: sub-pixel rounding
    if (getComputedStyle(e).visibility === 'hidden' || cued(e)) continue;
    found.push([e === document.body ? 'body' : path(e), e.scrollWidth, e.clientWidth]);
  }
  return found;
}"""


def overflowing_on_every_page(browser, base_url: str, site) -> tuple[int, list[tuple]]:
    """Visit every HTML page of the built `site` (served at `base_url`) at each of
    NARROW_WIDTHS; returns (pages visited, [(width, page, selector, scrollWidth, clientWidth)])."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    found = []
    for width in NARROW_WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": PHONE["height"]}, device_scale_factor=1)
        try:
            page = context.new_page()
            for rel in pages:
                page.goto(base_url + rel)
                found += [(width, rel, *row) for row in page.evaluate(OVERFLOWING)]
        finally:
            context.close()
    return len(pages), found


# A card's fields as a phone shows them, top to bottom, each with the column name in front
# (CSS generated content, which innerText leaves out; flex order, which the page's text ignores).
CARD_LINES = """row => [...row.cells].filter(c => c.offsetHeight).sort((a, b) => a.offsetTop - b.offsetTop).map(c => {
  const label = getComputedStyle(c, '::before').content;
  return (label === 'none' ? '' : JSON.parse(label)) + c.innerText.trim();
})"""
