"""Text is never markup: hostile data texts show literally and the built site runs nothing.

hostile_site (conftest.py) is the sample with HTML, Markdown, Jinja and table syntax
written into a member's name, a notice title, a vote title and a ledger entry.
"""

from __future__ import annotations

import json

import pytest

from generator.site.safety import scan_site
from tests.build import conftest as hostile
from tests.build.helpers import read_page, read_yaml
from tests.conftest import SAMPLE_DATA

SITE_URL = read_yaml(SAMPLE_DATA / "site.yml")["base_url"]

WHERE_SHOWN = [
    ("committee/", hostile.MEMBER_IMG),
    ("committee/", hostile.MEMBER_SCRIPT),
    ("", hostile.NOTICE_TITLE),
    ("notices/", hostile.NOTICE_TITLE),
    ("notices/2026-11-inspection/", hostile.NOTICE_TITLE),
    ("votes/", hostile.VOTE_TITLE),
    ("votes/2025-elevator/", hostile.VOTE_TITLE),
    ("maintenance-fund/2025-H1/", "表决：" + hostile.VOTE_TITLE),  # the authorisation column
    ("maintenance-fund/2026-H1/", hostile.ENTRY_SUMMARY),
    ("maintenance-fund/2026-H1/", hostile.COUNTERPARTY),
    ("maintenance-fund/2026-H1/", hostile.VOUCHER),
]


@pytest.mark.parametrize("url, text", WHERE_SHOWN)
def test_hostile_text_appears_literally(hostile_site, url, text):
    assert text in read_page(hostile_site, url).text


@pytest.mark.parametrize("url", sorted({url for url, _ in WHERE_SHOWN}))
def test_hostile_text_makes_no_element(hostile_site, url):
    page = read_page(hostile_site, url)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"img", "script", "b", "i", "em", "del", "iframe"}, tags
    assert not [a for tag, a in page.tags if (a.get("href") or "").strip().lower().startswith("javascript:")]
    assert not [a for tag, a in page.tags if any(name.startswith("on") for name in a)]


def test_page_titles_and_search_index_keep_the_text(hostile_site):
    html = (hostile_site / "notices" / "2026-11-inspection" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; 检查 | *bold* {{ 7*7 }} {% raw %}" in html
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Material shows search results as HTML: the index must hold the escaped form only.
    text = json.dumps(index, ensure_ascii=False)
    assert "<img" not in text and "<script" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_scan_finds_nothing_in_the_hostile_site(hostile_site):
    assert scan_site(hostile_site, site_url=SITE_URL) == []


def test_scan_finds_nothing_in_the_sample_site(built_sample_site):
    assert scan_site(built_sample_site, site_url=SITE_URL) == []


def test_scan_would_catch_an_injected_handler(hostile_site, tmp_path):
    # The scan is what the two tests above rely on: show that it sees what they exclude.
    import shutil

    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    page = site / "committee" / "index.html"
    member = '<span class="card member"></span>王某</td>'      # a member's cell, after its card marker
    page.write_text(page.read_text(encoding="utf-8").replace(member, '<img src=x onerror="alert(1)"></td>'),
                    encoding="utf-8")
    offences = scan_site(site, site_url=SITE_URL)
    assert len(offences) == 1 and offences[0].startswith("committee/index.html:") and "onerror" in offences[0]


# ---------------------------------------------------------------- the gate at the end of every build

FOREIGN_SCRIPT = '{% block scripts %}{{ super() }}<script src="https://evil.example/track.js"></script>{% endblock %}\n'


@pytest.mark.parametrize("district", [False, True], ids=["single", "district"])
def test_a_site_that_would_load_from_elsewhere_is_not_published(tmp_path, district, monkeypatch):
    """A portal's own overrides/ adding a remote script: the scan at the end of the build
    refuses the site (exit 1) and the previous one stays."""
    import shutil
    from datetime import date

    from generator.build.portal import build_portal
    from generator.exits import ExitCode, Stop
    from tests.build.helpers import copy_sample
    from tests.conftest import ROOT, SAMPLE_AS_OF

    data = copy_sample(tmp_path)
    if district:
        shutil.copytree(data / "communities" / "shili-jiayuan", data / "communities" / "second")
    out = tmp_path / "site"
    as_of = date.fromisoformat(SAMPLE_AS_OF)
    build_portal(data, out, as_of, pdf=False)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    # The portal's own overrides/main.html wins over gongshi's (build/site_files.py).
    (data.parent / "overrides").mkdir()
    main = data.parent / "overrides" / "main.html"
    main.write_text((ROOT / "overrides" / "main.html").read_text(encoding="utf-8") + FOREIGN_SCRIPT, encoding="utf-8")
    with pytest.raises(Stop) as stop:
        build_portal(data, out, as_of, pdf=False)
    assert stop.value.exit_code == ExitCode.DATA
    assert stop.value.message.startswith("网站中有会从其他主机加载内容、或不是 Material 与 gongshi 自带的脚本，未发布")
    assert 'index.html:' in stop.value.message and '从外部加载 <script src="https://evil.example/track.js">' in stop.value.message
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
