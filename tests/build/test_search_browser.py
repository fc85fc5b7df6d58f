"""Search on the built sample as owners type it (issue 18), in Debian's chromium on a 390×844
phone: phrases without spaces and questions find the elevator vote and the ledger that
records its payment first; the index holds no table header rows and no fingerprints."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser import search, served

sample_url = served("built_sample_site")

VOTE = "votes/2025-elevator/"
# Both half-years of the fund's ledger record a payment for the elevators; 2025-H1 the first.
LEDGER = "maintenance-fund/2025-H1/"


def result_pages(page) -> list[str]:
    """The pages in the result list, in order (site-relative, without ?h=)."""
    links = page.locator(".md-search-result__list > .md-search-result__item > a")
    base = page.evaluate("new URL('.', location.href).href")  # the sample is one community at the root
    return [href.split("?")[0].removeprefix(base) for href in links.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize("words", ["3号楼电梯", "维修资金余额", "电梯多少钱", "3号楼 电梯"])
def test_typed_words_find_the_elevator_vote_and_its_ledger_first(phone, sample_url, words):
    page, _, _ = phone
    page.goto(sample_url, wait_until="networkidle")
    search(page, words)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert result_pages(page)[:2] == [VOTE, LEDGER]


def test_without_intl_segmenter_the_index_vocabulary_splits_the_words(phone, sample_url):
    page, _, _ = phone
    page.add_init_script("delete Intl.Segmenter")  # Firefox before 125, Safari before 14.1
    page.goto(sample_url, wait_until="networkidle")
    search(page, "3号楼电梯多少钱")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert result_pages(page)[:2] == [VOTE, LEDGER]


def test_a_result_for_words_typed_without_spaces_highlights_them_on_the_page(phone, sample_url):
    page, _, _ = phone
    page.goto(sample_url, wait_until="networkidle")
    search(page, "3号楼电梯")
    result = page.locator(f".md-search-result__item a[href*='{VOTE}']").first
    # ?h= carries the index's words, so the vote page marks 电梯 where it stands.
    assert "h=" in result.get_attribute("href")
    result.click()
    expect(page).to_have_url(re.compile(re.escape(VOTE)))
    expect(page.locator("article mark", has_text="电梯").first).to_be_visible()


def test_a_search_link_with_q_searches_the_typed_words(phone, sample_url):
    page, _, _ = phone
    page.goto(sample_url + "?q=电梯多少钱", wait_until="networkidle")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert result_pages(page)[:2] == [VOTE, LEDGER]


def test_the_index_leaves_out_table_header_rows_and_fingerprints(built_sample_site):
    index = json.loads((built_sample_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: doc["text"].replace("\u200b", "") for doc in index["docs"]}
    notice = texts["notices/2025-elevator-notice/"]
    # The rows stay, their header row and the fingerprint's hex do not.
    assert notice.startswith("类别 表决前公示 发布单位"), notice[:40]
    assert "数据指纹" in notice
    assert [where for where, text in texts.items() if "项目 内容" in text or "日期 摘要" in text] == []
    assert [where for where, text in texts.items() if re.search(r"<code>[0-9a-f]{8,}</code>", text)] == []
    ledger = texts[LEDGER + "#_1"]
    assert "更换3号楼1、2单元电梯" in ledger and "凭证号" not in ledger
