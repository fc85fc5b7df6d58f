"""The tiny site in Debian's chromium on a 390x844 phone screen: Chinese search works, nothing
is loaded from another host, the layout fits the screen, and print hides the chrome."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import hosts, search, served


site_url = served("built_site")


def test_search_for_chinese_word_finds_the_page_and_loads_only_local_files(phone, site_url):
    page, requests, _ = phone
    page.goto(site_url, wait_until="networkidle")
    # Search on demand (overrides/main.html): nothing of the search is loaded before it is opened.
    page.wait_for_timeout(500)
    assert not [url for url in requests if "search" in url], requests

    box = search(page, "电梯")

    result = page.locator(".md-search-result__item a[href*='lift/']").first
    expect(result).to_be_visible()
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("2 个符合条件的结果")  # 首页 and 电梯维修 mention it

    # Owners type phrases without spaces; Material splits Han queries into indexed words.
    box.fill("更换曳引机")
    box.press("End")
    expect(meta).to_have_text("找到 1 个符合条件的结果")
    expect(page.locator(".md-search-result__item a[href*='lift/']").first).to_be_visible()

    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/search/search_index.json") for url in requests)
    # data: URIs are inline icons, not requests to a host.
    assert hosts(requests) == {"127.0.0.1"}, requests


def test_a_page_opened_from_a_search_result_loads_the_index_and_highlights_the_word(phone, site_url):
    page, requests, _ = phone
    # Material links each result with ?h=<words>; highlighting needs the index, so it loads at once.
    page.goto(site_url + "lift/?h=曳引机", wait_until="networkidle")
    expect(page.locator("article mark").first).to_have_text("曳引机")
    assert any(url.endswith("/search/search_index.json") for url in requests)


def test_search_opened_from_the_keyboard_works(phone, site_url):
    page, requests, _ = phone
    page.goto(site_url + "lift/", wait_until="networkidle")
    assert not [url for url in requests if "search" in url], requests
    page.keyboard.press("/")  # Material's shortcut: opens and focuses the search box
    box = page.locator(".md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially("电梯")  # Han characters arrive as text input, without key events
    box.press("End")
    expect(page.locator(".md-search-result__item a[href*='lift/']").first).to_be_visible()


def test_search_field_clicked_on_a_wide_screen_works(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url, wait_until="networkidle")
        box = page.locator(".md-search__input")
        box.click()  # visible in the header on wide screens: no toggle button
        box.fill("电梯")
        box.press("End")
        expect(page.locator(".md-search-result__item a[href*='lift/']").first).to_be_visible()
    finally:
        context.close()


def test_a_page_opened_from_disk_behaves_as_material_does(browser, built_site):
    # file:// pages (a downloaded preview): a worker cannot start there. The snippet stays
    # out of the way, so Material meets the failure at once and hides its search box,
    # instead of a search box that never finishes "正在初始化搜索引擎".
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((built_site / "index.html").as_uri(), wait_until="load")
        # Wait for Material to meet the failure (slow on a busy machine), not a fixed time.
        page.wait_for_function("() => document.querySelector('[data-md-component=search]').hidden",
                               timeout=15_000)
        assert not [error for error in errors if "Worker" in error], errors
        expect(page.locator("article h1").first).to_be_visible()
    finally:
        context.close()


def test_page_fits_the_phone_and_tables_scroll_inside(phone, site_url):
    page, _, _ = phone
    page.goto(site_url + "lift/", wait_until="networkidle")
    # The wide table scrolls in its own box; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(
        "(() => { const t = document.querySelector('.md-typeset table'); return t.scrollWidth > t.clientWidth"
        " || t.closest('.md-typeset__scrollwrap').scrollWidth > 390; })()"
    )
    # A table the generator did not write (no card marker) scrolls on purpose, and says so.
    cue = page.locator(".md-typeset__scrollwrap").first.evaluate("e => getComputedStyle(e, '::before').content")
    assert cue == '"表格较宽，可左右滑动查看 →"'
    assert page.locator("article.md-typeset").evaluate("e => getComputedStyle(e).fontSize") == "18px"
    assert page.locator("td.num").evaluate("e => getComputedStyle(e).textAlign") == "right"
    assert page.locator(".status-active").evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    # A date stays on one line: one line is at most 1.75 x 16 px high.
    assert page.locator("td time").first.evaluate("e => e.getBoundingClientRect().height") < 30


def test_print_hides_header_and_rules_tables(phone, site_url):
    page, _, _ = phone
    page.goto(site_url + "lift/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".md-footer").evaluate("e => getComputedStyle(e).display") == "none"
    cell = page.locator("td.num")
    assert cell.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert cell.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
