"""Issue 18: one page of every kind of the built sample passes axe-core (no serious or
critical violation) on a 390×844 phone, and fingers get 44×44 px targets in tables and
the header."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.accessibility import axe_problems, tap_targets
from tests.browser import serving
from tests.build.helpers import read_yaml
from tests.conftest import SAMPLE_DATA

PAGE_KINDS = [
    "",                                   # home
    "notices/", "notices/2025-h2-fund-report/", "notices/2025-elevator-result/",
    "votes/", "votes/2025-elevator/",
    "maintenance-fund/", "maintenance-fund/2025-H2/", "public-revenue/2026-H1/",
    "inspections/", "evaluations/", "committee/", "property/",
    "documents/", "documents/2023-rules/", "meetings/", "firms/moumou-wuye/",
    "downloads/", "guide/", "about/",
    "404.html",
]


@pytest.fixture(scope="module")
def site_url(built_sample_site, tmp_path_factory):
    # Served under the path of its base_url (/shili/), as published: 404.html links its
    # styles from there, since it is shown at any depth.
    prefix = urlsplit(read_yaml(SAMPLE_DATA / "site.yml")["base_url"]).path.strip("/")
    root = tmp_path_factory.mktemp("a11y-root")
    (root / prefix).symlink_to(built_sample_site, target_is_directory=True)
    with serving(root) as base:
        yield f"{base}{prefix}/"


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_every_page_kind_passes_axe_on_a_phone(phone, site_url, path):
    page, _, _ = phone
    page.goto(site_url + path, wait_until="networkidle")
    assert axe_problems(page) == []


@pytest.mark.parametrize("path", ["votes/2025-elevator/", "maintenance-fund/2025-H2/", "evaluations/"])
def test_links_in_tables_and_header_buttons_are_at_least_44_px_square(phone, site_url, path):
    page, _, _ = phone
    page.goto(site_url + path, wait_until="networkidle")
    links = tap_targets(page, ".md-typeset table a:not([href*='glossary/#'])")
    buttons = tap_targets(page, ".md-header__button")
    assert links and len(buttons) >= 2, (links, buttons)   # menu and search at least
    assert [t for t in links + buttons if t[1] < 44 or t[2] < 44] == []


def test_a_term_linked_inside_a_table_sentence_keeps_the_line_height(phone, site_url):
    # 名词解释 links in running text are inline targets (WCAG 2.5.8's exception): the cell's
    # sentence "……书面报街道备案" must not gain a 44-px-high word.
    page, _, _ = phone
    page.goto(site_url + "votes/2025-elevator/", wait_until="networkidle")
    terms = tap_targets(page, ".md-typeset table a[href*='glossary/#']")
    assert terms and all(height < 40 for _, _, height in terms), terms
