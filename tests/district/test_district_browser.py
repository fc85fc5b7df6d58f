"""A district site in Debian's chromium on a phone: the overview and each community load
their own search only when it is opened, and each finds what it indexes."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from generator.build.portal import build_portal
from tests.accessibility import axe_problems
from tests.browser import CARD_LINES, hosts, overflowing_on_every_page, phone_page, search, served, serving
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
        search(page, query)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert district_url + index in requests
        assert hosts(requests) == {"127.0.0.1"}, requests


# Issue 18: the overview's page kinds and a community's inside the district pass axe-core.
DISTRICT_PAGES = ["", "communities/a/", "404.html", "a/", "a/notices/lift/", "a/maintenance-fund/"]


def test_every_district_page_kind_passes_axe_on_a_phone(browser, district_url):
    with phone_page(browser) as (page, _, _):
        page.goto(district_url, wait_until="networkidle")
        street = page.locator("a[href*='streets/']").first.get_attribute("href")
        problems = {}
        for path in DISTRICT_PAGES + [street]:
            page.goto(district_url + path, wait_until="networkidle")
            problems[path] = axe_problems(page)
    assert problems == {path: [] for path in problems}


# ---------------------------------------------------------------- a firm from the black list

# Every kind of row the district's tables have: two streets, a red and a black list entry,
# a firm warned for both reasons, a committee whose term is ending, a management committee,
# a community without either, and a statement never published.
GOVERNED = [
    Tiny("a", "甲苑", manager="某某安居物业服务有限公司", firm="anju", evaluations={"2025": 50}, overdue_items=3,
         notices=[("lift", "关于更换电梯的公示", date(2026, 11, 20), date(2026, 11, 30))], documents=1,
         meetings=[date(2026, 10, 1)], party_members=3, cross=1, term_end=date(2026, 12, 31)),
    Tiny("b", "乙苑", street="和平街道", manager="某某安居物业服务有限公司", firm="anju", evaluations={"2025": 92},
         project_party=True, committee="management_committee"),
    Tiny("c", "丙苑", street="和平街道", manager=None, party=False, committee=None, fund_report=None),
]


@pytest.fixture(scope="module")
def governed_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("district-firms-browser")
    data = write_district(root, GOVERNED, firms={"anju": "某某安居物业服务有限公司"})
    build_portal(data, root / "site", AS_OF, pdf=False)
    return root / "site"


governed_url = served("governed_site")


def test_a_phone_reaches_a_firm_page_from_the_black_list_and_back_to_a_community(browser, governed_url):
    with phone_page(browser) as (page, requests, dialogs):
        page.goto(governed_url, wait_until="networkidle")
        black = page.locator("h2#black-list ~ .md-typeset__scrollwrap table").first   # the first table after 黑榜
        black.get_by_role("link", name="某某安居物业服务有限公司").click()
        page.wait_for_url(governed_url + "firms/anju/")
        expect(page.locator("h1")).to_contain_text("某某安居物业服务有限公司")
        expect(page.locator(".admonition.warning")).to_contain_text("甲苑最近一次履约考评不合格")
        # Readable at 390 px: nothing pushes the page wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # The communities it serves link into their own sites.
        page.get_by_role("link", name="乙苑").first.click()
        page.wait_for_url(governed_url + "b/property/")
        expect(page.locator("article")).to_contain_text("乙苑项目党支部")
        expect(page.locator("article")).to_contain_text("91110105MA01K8W3XA")
        # … whose 物业服务 page links back to the district's page of the firm.
        page.get_by_role("link", name="该企业服务的小区、考评和整改情况").click()
        page.wait_for_url(governed_url + "firms/anju/")
        assert hosts(requests) == {"127.0.0.1"}, requests
        assert dialogs == []


def test_no_district_page_is_wider_than_a_phone_even_at_200_percent_zoom(browser, governed_site, governed_url):
    pages, overflowing = overflowing_on_every_page(browser, governed_url, governed_site)
    assert pages >= 40          # the overview, streets, community and firm pages, and three community sites
    assert overflowing == []


def test_a_community_card_on_a_phone_leads_with_its_name_and_shows_the_committee_state(browser, governed_url):
    with phone_page(browser) as (page, _, _):
        page.goto(governed_url, wait_until="networkidle")
        card = page.locator("article tr:has(span.community)", has_text="丙苑")
        texts = card.evaluate(CARD_LINES)
        assert texts[:5] == ["丙苑", "街道：和平街道", "社区：某某社区", "业委会状态：未成立", "业委会任期至：—"]
