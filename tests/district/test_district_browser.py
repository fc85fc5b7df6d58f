"""A district site in Debian's chromium on a phone: the overview and each community load
their own search only when it is opened, and each finds what it indexes."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from generator.build.portal import build_portal
from tests.browser import hosts, phone_page, serving
from tests.district.helpers import AS_OF, Tiny, write_district

COMMUNITIES = [
    Tiny("a", "甲苑", notices=[("lift", "关于更换电梯的公示", date(2026, 11, 20), date(2026, 11, 30))]),
    Tiny("b", "乙苑", street="和平街道"),
]


@pytest.fixture(scope="module")
def district_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("district-browser")
    build_portal(write_district(root, COMMUNITIES), root / "site", AS_OF, pdf=False)
    with serving(root / "site") as url:
        yield url


@pytest.mark.parametrize("path, query, index", [
    ("", "乙苑", "search/search_index.json"),              # the overview indexes community names
    ("a/", "电梯", "a/search/search_index.json"),          # a community indexes its own pages
])
def test_search_loads_on_demand_and_finds_its_own_pages(browser, district_url, path, query, index):
    with phone_page(browser) as (page, requests, _):
        page.goto(district_url + path, wait_until="networkidle")
        page.wait_for_timeout(300)
        assert not [url for url in requests if "search" in url], requests
        page.locator("label.md-header__button[for=__search]").click()
        search = page.locator(".md-search__input")
        search.fill(query)
        search.press("End")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert district_url + index in requests
        assert hosts(requests) == {"127.0.0.1"}, requests
