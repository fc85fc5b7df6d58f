"""Shared fixtures: the sample data folder and a way to write small data folders inline."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "data"
SAMPLE_AS_OF = "2026-11-25"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def sample_data() -> Path:
    return SAMPLE_DATA


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: YAML text} under root (text is dedented)."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def built_sample_site(tmp_path_factory) -> Path:
    """The sample portal built once per test session (site + PDFs) at SAMPLE_AS_OF."""
    from datetime import date

    from generator.build.portal import build_portal

    out = tmp_path_factory.mktemp("sample-build") / "site"
    build_portal(SAMPLE_DATA, out, date.fromisoformat(SAMPLE_AS_OF), pdf=True)
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright, one for every browser test (tests/browser.py)."""
    from tests.browser import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture
def phone(browser):
    """A fresh 390×844 page: (page, requested URLs, dialog messages) (tests/browser.py)."""
    from tests.browser import phone_page

    with phone_page(browser) as opened:
        yield opened
