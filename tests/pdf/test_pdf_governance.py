"""A notice that relates a document prints the document: its facts and its whole text."""

from __future__ import annotations

import re
import shutil
from datetime import date

from generator.pdf import render_notice_pdf
from generator.pipeline import check
from generator.render import views
from generator.render.print_view import notice_print_view
from tests.build.helpers import COMMUNITY, read_yaml
from tests.conftest import SAMPLE_AS_OF, SAMPLE_DATA
from tests.pdf_text import pdf_text

AS_OF = date.fromisoformat(SAMPLE_AS_OF)
NOTICE = """\
title: 关于公布现行管理规约的公告
kind: general
issuer: 示例家园小区业主委员会
published: 2026-11-20
period: {from: 2026-11-20, to: 2026-12-03}
related: [document/2023-covenant]
print: true
body: |
  现将本小区现行管理规约全文公布如下。
"""


def test_a_notice_relating_a_document_prints_its_facts_and_its_text(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    (data / COMMUNITY.relative_to(SAMPLE_DATA) / "notices" / "2026-11-covenant.yml").write_text(NOTICE, encoding="utf-8")
    portal, problems = check(data, AS_OF)
    assert not [p for p in problems if p.is_error]
    (community,) = portal.communities.values()
    ctx = views.make_context(portal, community, AS_OF, "https://example.org/shili/", with_pdf=True)
    out = tmp_path / "notice.pdf"
    render_notice_pdf(notice_print_view(ctx, "2026-11-covenant"), out, cache_dir=tmp_path / "cache")
    text = re.sub(r"\s+", "", pdf_text(out))
    covenant = read_yaml(COMMUNITY / "documents" / "2023-covenant.yml")
    vote = read_yaml(COMMUNITY / "votes" / "2023-covenant.yml")
    assert f"管理规约：{covenant['title']}" in text
    assert f"通过它的表决{vote['title']}（2023年5月6日至2023年5月20日，通过）" in text
    assert "有效期2023年6月1日起" in text and "状态现行有效" in text
    # The body after the notice's own: each article of the covenant, headings included.
    for line in covenant["body"].splitlines():
        line = re.sub(r"[#*\s]", "", line)
        if line:
            assert line in text, line
    assert text.index("现将本小区现行管理规约全文公布如下") < text.index("第二十一条")
