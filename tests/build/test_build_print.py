"""Issue 18: a page printed from the browser (Chromium's own print, read back with pdftotext)
says on every sheet whose it is: the community, a notice's title and 公示期, the page's
address, the date the figures stand at and the page number; and no heading ends a sheet."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser import served
from tests.build.helpers import COMMUNITY, cn_date, read_yaml
from tests.conftest import SAMPLE_AS_OF, SAMPLE_DATA
from tests.pdf_text import pdf_text

sample_url = served("built_sample_site")
SITE = read_yaml(SAMPLE_DATA / "site.yml")


def printed_sheets(browser, url: str, pdf, paper: str = "A4") -> list[str]:
    """The text of each printed sheet of `url` (print media, `paper` size), layout kept."""
    page = browser.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        page.pdf(path=str(pdf), format=paper)
    finally:
        page.close()
    return [sheet for sheet in pdf_text(pdf, "-layout").split("\f") if sheet.strip()]


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("path, notice", [
    ("notices/2025-h2-fund-report/", "2025-h2-fund-report"),   # three sheets: statement and entries
    ("maintenance-fund/2025-H2/", None),                         # not a notice: no title or 公示期 in the margin
])
def test_every_printed_sheet_names_the_community_page_address_and_date(browser, sample_url, tmp_path, path, notice):
    sheets = printed_sheets(browser, sample_url + path, tmp_path / "page.pdf")
    assert len(sheets) >= 2, sheets
    expected = [SITE["title"], SITE["base_url"] + path, f"数据截至{cn_date(date.fromisoformat(SAMPLE_AS_OF))}"]
    if notice:
        record = read_yaml(COMMUNITY / "notices" / f"{notice}.yml")
        period = record["period"]
        expected += [record["title"], f"公示期{cn_date(period['from'])}至{cn_date(period['to'])}"]
    for number, sheet in enumerate(sheets, start=1):
        text = squeezed(sheet)
        missing = [words for words in expected + [f"第{number}页，共{len(sheets)}页"] if squeezed(words) not in text]
        assert missing == [], (number, sheet)


HEADINGS = "() => [...document.querySelectorAll('article :is(h1, h2, h3, h4)')].map(h => h.innerText.replace(/¶$/, '').trim())"


@pytest.mark.parametrize("paper", ["A4", "A5", "Letter"])
def test_no_printed_sheet_of_the_vote_page_ends_with_a_heading(browser, sample_url, tmp_path, paper):
    # On A5 the 结果 heading used to stand alone at the foot of a sheet, its result overleaf.
    page = browser.new_page()
    try:
        page.goto(sample_url + "votes/2025-elevator/", wait_until="networkidle")
        headings = set(page.evaluate(HEADINGS))
    finally:
        page.close()
    assert "结果" in headings
    sheets = printed_sheets(browser, sample_url + "votes/2025-elevator/", tmp_path / "vote.pdf", paper)
    for number, sheet in enumerate(sheets, start=1):
        # The body's lines, without the running header (first line) and footer (last line).
        body = [line.strip() for line in sheet.splitlines() if line.strip()][1:-1]
        assert body[-1] not in headings, (paper, number, body[-3:])
