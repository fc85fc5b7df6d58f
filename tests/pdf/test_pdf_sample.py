"""The sample portal's printed notices, as a reader of the board and of the site sees them.

Every notice with `print: true` is checked in the PDF `gongshi build` put in the site:
fonts (pdffonts), text (pdftotext), the QR code read back from a page image, and the
notice page it leads to. Expected figures are computed here from the YAML with Decimal
and Fraction, independently of the generator.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
import zxingcpp
from PIL import Image

from tests.build.helpers import percent_beside
from tests.conftest import ROOT, SAMPLE_AS_OF, SAMPLE_DATA
from tests.pdf_text import pdf_text


def _load(path: Path) -> dict:
    # BaseLoader keeps every scalar a string: amounts become exact Decimals, never floats.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


(COMMUNITY,) = sorted(p for p in (SAMPLE_DATA / "communities").iterdir() if p.is_dir())
BASE_URL = _load(SAMPLE_DATA / "site.yml")["base_url"]
NOTICES = {path.stem: _load(path) for path in sorted((COMMUNITY / "notices").glob("*.yml"))}
PRINTED = [nid for nid, notice in NOTICES.items() if notice.get("print") == "true"]


def printed_of(*kinds: str) -> list[str]:
    return [nid for nid in PRINTED if NOTICES[nid]["kind"] in kinds]


def compact(text: str) -> str:
    """Text with all whitespace removed, so line wrapping cannot hide a phrase."""
    return re.sub(r"\s+", "", text)


def half_end(period: str) -> str:
    """The day a half-year's closing balance is dated by (issue 18): 2026-H1 → 2026年6月30日."""
    year, half = period.split("-")
    return f"{year}年6月30日" if half == "H1" else f"{year}年12月31日"


def cn_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def related(nid: str, kind: str) -> list[str]:
    refs = NOTICES[nid].get("related", [])
    return [ref.partition("/")[2] for ref in refs if ref.partition("/")[0] == kind]


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf_of(built_sample_site):
    return lambda nid: built_sample_site / "notices" / f"{nid}.pdf"


@pytest.fixture(scope="module")
def pages_of(pdf_of):
    """pdftotext -layout of each page (pages are separated by form feeds)."""
    cache: dict[str, list[str]] = {}

    def pages(nid: str) -> list[str]:
        if nid not in cache:
            text = pdf_text(pdf_of(nid), "-layout")
            cache[nid] = text.split("\f")[:-1]  # the text ends with a form feed
        return cache[nid]

    return pages


def test_the_sample_prints_every_kind_the_checks_below_need():
    assert printed_of("fund_report", "revenue_report")
    assert printed_of("vote_result")
    assert printed_of("pre_vote")
    assert [nid for nid in PRINTED if related(nid, "meeting")]


@pytest.mark.parametrize("nid", [nid for nid in PRINTED if related(nid, "meeting")])
def test_a_notice_relating_a_meeting_prints_each_decision_with_its_votes(nid, pdf_of):
    # -raw: in content order, cell by cell (-layout interleaves the lines of neighbouring cells)
    text = compact(pdf_text(pdf_of(nid), "-raw"))
    for mid in related(nid, "meeting"):
        meeting = _load(COMMUNITY / "meetings" / f"{mid}.yml")
        assert compact(f"会议决定：{meeting['title']}") in text
        total = int(meeting["members"]["total"])
        assert f"出席委员{meeting['members']['present']}人，在任委员{total}人" in text
        for decision in meeting["decisions"]:
            approve = int(decision["approve"])
            outcome = "通过" if 2 * approve > total else "未通过"       # more than half of all members in office
            assert compact(decision["text"]) in text
            assert f"{approve}/{total}同意，{outcome}" in text


@pytest.mark.parametrize("nid", PRINTED)
def test_fonts_are_embedded_and_the_chinese_one_is_simplified(nid, pdf_of):
    rows = run("pdffonts", str(pdf_of(nid))).splitlines()[2:]  # after the two header lines
    assert rows
    names = [row.split()[0] for row in rows]
    embedded = [row.split()[-5] for row in rows]  # emb sub uni object-id generation
    assert any(re.search(r"Noto-(Sans|Serif)-CJK-SC", name) for name in names), names
    assert set(embedded) == {"yes"}, rows


@pytest.mark.parametrize("nid", PRINTED)
def test_text_holds_title_period_qr_caption_and_page_numbers(nid, pages_of):
    notice = NOTICES[nid]
    pages = pages_of(nid)
    text = compact("".join(pages))
    assert compact(notice["title"]) in text
    period = notice["period"]
    assert f"公示期{cn_date(period['from'])}至{cn_date(period['to'])}" in text
    assert "扫码查看网上公示" in compact(pages[0])
    if "objection" in notice:
        assert compact(notice["objection"]["contact"]) in text
        assert f"异议截止{cn_date(notice['objection']['until'])}" in text
    signoff = compact(pages[-1])  # issuer, date and the box for the seal end the notice
    assert notice["issuer"] in signoff and cn_date(notice["published"]) in signoff and "（盖章）" in signoff
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in compact(page)


@pytest.mark.parametrize("nid", PRINTED)
def test_a_long_title_is_cut_into_balanced_lines(nid, pages_of):
    from generator.pdf.render import title_lines

    title = NOTICES[nid]["title"]
    lines = title_lines(title)
    assert "".join(lines) == title
    assert min(map(len, lines)) >= len(title) // (2 * len(lines))  # no one-character last line
    # Printed exactly as cut: WeasyPrint did not have to wrap any line again.
    printed = [line.strip() for line in pages_of(nid)[0].splitlines() if line.strip()]
    assert printed[: len(lines)] == lines


# Which entry types add to an account; every other type takes away.
INFLOW_TYPES = {"maintenance-fund": {"deposit", "interest", "transfer_in"}, "public-revenue": {"income"}}


@pytest.mark.parametrize("nid", printed_of("fund_report", "revenue_report"))
def test_report_shows_the_period_statement_with_formatted_amounts(nid, pages_of):
    pages = pages_of(nid)
    layout = "".join(pages)
    statements = 0
    for account in INFLOW_TYPES:
        for period in related(nid, account):
            ledger = _load(COMMUNITY / account / f"{period}.yml")
            opening = Decimal(ledger["opening_balance"])
            inflow = sum((Decimal(e["amount"]) for e in ledger["entries"]
                          if e["type"] in INFLOW_TYPES[account]), Decimal(0))
            outflow = sum((Decimal(e["amount"]) for e in ledger["entries"]
                           if e["type"] not in INFLOW_TYPES[account]), Decimal(0))
            closing = opening + inflow - outflow
            assert closing == Decimal(ledger["closing_balance"])
            # The statement is short: it is printed whole, on one page.
            assert any(f"期初余额{money(opening)}" in page and f"本期收入合计{money(inflow)}" in page
                       and f"本期支出合计{money(outflow)}" in page
                       and f"期末余额（截至{half_end(period)}）{money(closing)}" in page
                       for page in map(compact, pages)), (account, period)
            # Every entry from the ledger: its date on one line (not 10月28 / 日) with its amount
            # and the balance after it, the voucher with the summary, the authorisation in the note.
            balance = opening
            for entry in sorted(ledger["entries"], key=lambda e: e["date"]):
                day = date.fromisoformat(entry["date"])
                amount = Decimal(entry["amount"])
                balance += amount if entry["type"] in INFLOW_TYPES[account] else -amount
                assert re.search(rf"^\s*{day.month}月{day.day}日\s.*\s{re.escape(money(amount))}\s+{re.escape(money(balance))}\s*$",
                                 layout, re.M), entry["id"]
                assert f"（{entry['voucher']}）" in compact(layout), entry["id"]
                if "emergency" in entry:
                    assert compact(f"紧急使用：{entry['emergency']['reason']}") in compact(layout)
                if "vote" in entry:
                    vote = _load(COMMUNITY / "votes" / f"{entry['vote']}.yml")
                    assert compact(f"表决：{vote['title']}") in compact(layout)
            assert balance == closing
            statements += 1
    assert statements, "a report relates to at least one ledger period"


@pytest.mark.parametrize("nid", PRINTED)
def test_every_amount_without_thousands_separators_is_quoted_from_the_body(nid, pages_of):
    # Issue 18: what the generator prints is formatted as on the site (2,990,788.74); a bare
    # 420000.00 can only be the editor's own words in the body, printed as written.
    bare = set(re.findall(r"(?<![\d,.])\d{4,}\.\d{2}(?!\d)", "".join(pages_of(nid))))
    assert bare <= set(re.findall(r"\d{4,}\.\d{2}", NOTICES[nid]["body"])), nid


@pytest.mark.parametrize("nid", printed_of("pre_vote"))
def test_pre_vote_notice_shows_matter_budget_and_voting_dates(nid, pages_of):
    text = compact("".join(pages_of(nid)))
    (vid,) = related(nid, "vote")
    vote = _load(COMMUNITY / "votes" / f"{vid}.yml")
    assert f"表决事项{compact(vote['title'])}" in text
    assert f"表决期间{cn_date(vote['voting']['start'])}至{cn_date(vote['voting']['end'])}" in text
    budget = f"{money(Decimal(vote['budget']))}元" if "budget" in vote else "无（本表决不授权支出）"
    assert f"预算上限{budget}" in text


# 民法典第278条: 2/3 participation; 3/4 of participants for these matters, else over half.
SUPERMAJORITY_MATTERS = {"raise_fund", "rebuild", "change_use"}


@pytest.mark.parametrize("nid", printed_of("vote_result"))
def test_result_notice_shows_tallies_ratios_beside_thresholds_and_outcome(nid, pages_of):
    pages = pages_of(nid)
    layout = "".join(pages)
    text = compact(layout)
    (vid,) = related(nid, "vote")
    vote = _load(COMMUNITY / "votes" / f"{vid}.yml")
    profile = _load(COMMUNITY / "community.yml")
    electorate = vote.get("electorate") or {"owners": profile["owners"], "area_m2": profile["exclusive_area_m2"]}
    electorate_label = "表决范围内业主" if "electorate" in vote else "全体业主"
    for label, tally in ((electorate_label, electorate), ("参与表决", vote["turnout"]), ("同意", vote["approve"]),
                         ("反对", vote["oppose"]), ("弃权", vote["abstain"])):
        assert f"{label}{int(tally['owners']):,}{money(Decimal(tally['area_m2']))}" in text

    def ratio(part: dict, whole: dict, key: str) -> Fraction:
        return Fraction(Decimal(part[key])) / Fraction(Decimal(whole[key]))

    supermajority = vote["matter"] in SUPERMAJORITY_MATTERS
    tests = []
    for label, key in (("人数", "owners"), ("面积", "area_m2")):
        turnout = ratio(vote["turnout"], electorate, key)
        tests.append((f"参与表决{label}占比", turnout, "≥ 2/3", turnout >= Fraction(2, 3)))
    for label, key in (("人数", "owners"), ("面积", "area_m2")):
        approve = ratio(vote["approve"], vote["turnout"], key)
        if supermajority:
            tests.append((f"同意{label}占比", approve, "≥ 3/4", approve >= Fraction(3, 4)))
        else:
            tests.append((f"同意{label}占比", approve, "> 1/2", approve > Fraction(1, 2)))
    for label, value, threshold, met in tests:
        # The ratio with its threshold beside it and the verdict, on one printed line.
        shown = percent_beside(value, met)
        line = rf"{label}\s.*{re.escape(shown)}\s+{re.escape(threshold)}\s+{'达到' if met else '未达到'}\s*$"
        assert re.search(line, layout, re.M), (label, shown, threshold)
    passed = all(met for *_, met in tests)
    outcome = "通过" if passed else "未通过"
    assert f"表决结果：{outcome}" in text
    assert re.search(rf"^\s*计算结果\s+{outcome}\s*$", layout, re.M)
    assert vote["declared_result"] == ("passed" if passed else "failed")  # the sample is consistent


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None


def links_of(page: Path) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


@pytest.mark.parametrize("nid", PRINTED)
def test_qr_code_leads_to_the_notice_page_which_links_the_pdf(nid, pdf_of, built_sample_site, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf_of(nid)),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    page_url = f"{BASE_URL}notices/{nid}/"
    assert [code.text for code in zxingcpp.read_barcodes(Image.open(png))] == [page_url]

    page = built_sample_site / "notices" / nid / "index.html"
    assert page.is_file()
    pdf_links = [urljoin(page_url, href) for href, text in links_of(page) if "下载打印版" in text]
    assert pdf_links == [f"{BASE_URL}notices/{nid}.pdf"]


def test_html_for_print_has_no_line_break_inside_chinese_text():
    # Markdown keeps the author's line breaks; WeasyPrint prints one between two Chinese
    # characters as a space in mid-sentence (the sample's bodies have such breaks).
    from generator.pdf.render import render_notice_html
    from generator.pipeline import check
    from generator.render import views
    from generator.render.print_view import notice_print_view

    portal, _ = check(SAMPLE_DATA, date.fromisoformat(SAMPLE_AS_OF))
    (community,) = portal.communities.values()
    ctx = views.make_context(portal, community, date.fromisoformat(SAMPLE_AS_OF), BASE_URL, with_pdf=True)
    cjk = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
    # Inline tags around the break (，\n<strong>本事项) do not stop the space printing.
    tags = "(?:</?(?:a|b|code|em|i|span|strong)\\b[^<>]*>)*"
    for nid in PRINTED:
        html = render_notice_html(notice_print_view(ctx, nid), "Noto Sans CJK SC")
        assert not re.search(cjk + tags + r"[ \t]*\n\s*" + tags + cjk, html), nid


def gongshi_build(out: Path, *options: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(SAMPLE_DATA),
         "--as-of", SAMPLE_AS_OF, "--out", str(out), *options],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


def test_no_pdf_build_has_no_pdfs_and_no_print_links(tmp_path):
    out = tmp_path / "site"
    result = gongshi_build(out, "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert (out / "notices" / PRINTED[0] / "index.html").is_file()
    assert not list(out.rglob("*.pdf"))
    offending = [path for path in out.rglob("*") if path.suffix in (".html", ".json", ".md")
                 and "下载打印版" in path.read_text(encoding="utf-8")]
    assert offending == []


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_without_a_chinese_font_build_exits_3_in_chinese_and_keeps_the_old_site(tmp_path):
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    assert dejavu.is_dir(), "scripts/setup.sh installs fonts-dejavu-core for this Latin-only configuration"
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{dejavu}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    (out / "notices").mkdir(parents=True)
    (out / "index.html").write_text("<p>上一次构建的网站</p>", encoding="utf-8")
    (out / "manifest.json").write_text('{"generator": "gongshi", "site": {}}', encoding="utf-8")   # gongshi's
    (out / "notices" / f"{PRINTED[0]}.pdf").write_bytes(b"%PDF-1.7 previous")
    before = snapshot(out)

    result = gongshi_build(out, env={**os.environ, "FONTCONFIG_FILE": str(config)})
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "fonts-noto-cjk" in result.stderr
    assert re.search(r"gongshi build：.*中文.*字体", result.stderr)
    assert snapshot(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fc-cache", "fonts.conf", "site"]
