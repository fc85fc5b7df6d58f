"""The correction trail (issue #3): every kind of record a correction notice may name
(the spec's data-format.md: vote/, inspection/, evaluation/, maintenance-fund/, public-revenue/,
entry/, notice/, committee) links back, from the page that shows it, to the correction
and says what it changed; the correction keeps its 更正对象 link.

The sample is copied and given one correction notice per kind, then built once.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path

import pytest

from tests.build.helpers import COMMUNITY, copy_sample, read_page
from tests.conftest import SAMPLE_AS_OF

HOSTILE_TITLE = "<b>x</b> | *y*"


def _case(nid, corrects, page, anchor, heading):
    return {"id": nid, "corrects": corrects, "page": page, "anchor": anchor, "heading": heading,
            "title": f"关于更正{corrects}的公告", "changes": f"更正说明{nid}：原为甲，现为乙，原因是录入错误。"}


# (correction notice id, what it corrects, the corrected record's page, its anchor there, notice heading)
CASES = [
    _case("2026-fix-vote", "vote/2025-elevator", "votes/2025-elevator/", None, "本表决有更正"),
    _case("2026-fix-inspection", "inspection/2026-elevator", "inspections/", "2026-elevator", "本次检查有更正"),
    _case("2026-fix-evaluation", "evaluation/2024", "evaluations/", "evaluation-2024", "本次考评有更正"),
    _case("2026-fix-committee", "committee", "committee/", None, "本名单有更正"),
    _case("2026-fix-fund", "maintenance-fund/2025-H2", "maintenance-fund/2025-H2/", None, "本期账目有更正"),
    _case("2026-fix-revenue", "public-revenue/2025-H2", "public-revenue/2025-H2/", None, "本期账目有更正"),
    _case("2026-fix-entry", "entry/mf-2025-002", "maintenance-fund/2025-H1/", "mf-2025-002", "本期账目有更正"),
    _case("2026-fix-notice", "notice/2026-fee-standards", "notices/2026-fee-standards/", None, "更正记录"),
]
HOSTILE = _case("2026-fix-hostile", "inspection/2025-fire-safety", "inspections/", "2025-fire-safety",
                "本次检查有更正")
HOSTILE["title"] = HOSTILE_TITLE


def _notice_yaml(case: dict) -> str:
    title = case["title"].replace("'", "''")
    return (
        f"title: '{title}'\n"
        "kind: correction\n"
        "issuer: 示例家园小区业主委员会\n"
        "published: 2026-11-20\n"
        "period: {from: 2026-11-20, to: 2026-11-30}\n"
        f"related: [{case['corrects']}]\n"
        f"corrects: {case['corrects']}\n"
        f"changes: {case['changes']}\n"
        "body: |\n"
        "  更正说明见上。\n"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from generator.build.portal import build_portal

    root = tmp_path_factory.mktemp("corrections")
    data = copy_sample(root)
    notices = data / COMMUNITY.relative_to(COMMUNITY.parents[1]) / "notices"
    for case in CASES + [HOSTILE]:
        (notices / f"{case['id']}.yml").write_text(_notice_yaml(case), encoding="utf-8")
    out = root / "site"
    build_portal(data, out, date.fromisoformat(SAMPLE_AS_OF), pdf=False)
    return out


def _resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The built file a relative link from page_url points at, and its anchor."""
    assert not href.startswith(("/", "http:", "https:")), f"{href} is not relative"
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    file = site / target / "index.html" if target != "." else site / "index.html"
    return file, anchor


def _record_html(html: str, anchor: str | None) -> str:
    """The HTML of the record's own part of the page: from its anchor to the next heading
    of the same level (the whole page when the record has a page of its own)."""
    if anchor is None:
        return html
    start = html.index(f'id="{anchor}"')
    if anchor.startswith(("mf-", "pr-")):  # a ledger entry: its table row
        return html[start:html.index("</tr>", start)]
    end = html.find("<h2", start)
    return html[start:end if end != -1 else len(html)]


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', html, re.DOTALL)


@pytest.mark.parametrize("case", CASES, ids=[c["corrects"] for c in CASES])
def test_corrected_record_links_to_its_correction(site, case):
    page = read_page(site, case["page"])
    notice_url = f"notices/{case['id']}/"
    # The link to the correction, with its title, from the corrected record's page.
    to_notice = [href for href, text in page.links
                 if text == case["title"] and _resolve(site, case["page"], href)[0] == site / notice_url / "index.html"]
    assert to_notice, f"{case['page']} has no link to {notice_url}"
    assert (site / notice_url / "index.html").is_file()
    # What it changed, in the notice next to the record.
    trail = page.section(case["heading"])
    assert case["changes"] in trail
    assert case["title"] in trail


@pytest.mark.parametrize("case", [c for c in CASES if c["anchor"]], ids=lambda c: c["corrects"])
def test_correction_sits_beside_the_corrected_record(site, case):
    """On shared pages (inspections, evaluations, a ledger's rows) the correction is shown
    in the corrected record's own section or row, not only somewhere on the page."""
    page = read_page(site, case["page"])
    part = _record_html(page.html, case["anchor"])
    hrefs = [href for href, _ in _links(part)
             if _resolve(site, case["page"], href)[0] == site / f"notices/{case['id']}" / "index.html"]
    assert hrefs, f"no link to the correction in the section of {case['anchor']}"
    if not case["anchor"].startswith(("mf-", "pr-")):
        assert case["changes"] in part
    others = [c for c in CASES if c["page"] == case["page"] and c is not case and c["anchor"]]
    for other in others:
        assert other["changes"] not in part


@pytest.mark.parametrize("case", CASES + [HOSTILE], ids=[c["corrects"] for c in CASES] + ["hostile"])
def test_correction_page_still_names_what_it_corrects(site, case):
    url = f"notices/{case['id']}/"
    page = read_page(site, url)
    assert "更正对象：" in page.text
    assert f"更正内容：{case['changes']}" in page.text
    target = case["page"] if case["page"] != url else None
    if target is None:
        return
    links = [href for href, _ in page.links if _resolve(site, url, href)[0] == site / target / "index.html"]
    assert links, f"{url}: no 更正对象 link to {target}"
    for href in links:
        file, anchor = _resolve(site, url, href)
        assert file.is_file()
        assert anchor == (case["anchor"] or "")
        if anchor:
            assert f'id="{anchor}"' in file.read_text(encoding="utf-8")


def test_correction_title_with_markup_is_shown_literally(site):
    page = read_page(site, HOSTILE["page"])
    assert (f"../notices/{HOSTILE['id']}/", HOSTILE_TITLE) in page.links
    assert HOSTILE_TITLE in page.section(HOSTILE["heading"])
    part = _record_html(page.html, HOSTILE["anchor"])
    assert HOSTILE["changes"] in part
    assert "<b>x</b>" not in page.html and "<em>y</em>" not in page.html
    # A "|" in the title must not split a table or a list item either.
    correction = read_page(site, f"notices/{HOSTILE['id']}/")
    assert correction.text.startswith(HOSTILE_TITLE)
    assert "<b>x</b>" not in correction.html.split("<article", 1)[1]
