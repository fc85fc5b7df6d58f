"""The HTML handed to WeasyPrint: escaping, language, font and line-break rules."""

from __future__ import annotations

import re

from generator.pdf import render
from generator.pdf.render import render_notice_html

CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


def test_view_text_is_escaped_but_the_body_is_trusted(view_with):
    view = view_with(
        title="<script>alert(1)</script>公示 & 说明",
        body_html="<p>正文<strong>加粗</strong></p>",
    )
    html = render_notice_html(view, "Noto Sans CJK SC")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;公示 &amp; 说明" in html
    assert "<p>正文<strong>加粗</strong></p>" in html


def test_language_and_font_are_named(sample_view):
    html = render_notice_html(sample_view, "Noto Sans CJK SC")
    # Named explicitly: with only lang to go on, WeasyPrint picks the JP glyph forms.
    assert '<html lang="zh-CN" style=\'font-family: "Noto Sans CJK SC"\'>' in html
    assert '<link rel="stylesheet" href="gongshi-asset:notice.css">' in html


def test_no_line_break_inside_chinese_text(sample_view):
    # WeasyPrint prints a newline between two Chinese characters as a visible space.
    html = render_notice_html(sample_view, "Noto Sans CJK SC")
    assert not re.search(CJK + r"[ \t]*\n\s*" + CJK, html)
    assert not re.search(CJK + r"[ \t]*\n", render.PDF_DIR.joinpath(render.TEMPLATE_NAME).read_text())


def test_numeric_columns_are_marked_for_right_alignment(sample_view):
    html = render_notice_html(sample_view, "Noto Sans CJK SC")
    assert '<th class="numeric">收入（元）</th>' in html
    assert '<th class="text">摘要</th>' in html
    assert '<td class="numeric">1,234,567.89</td>' in html


def test_stylesheet_keeps_board_sizes_and_rules():
    css = render.PDF_DIR.joinpath(render.STYLESHEET_NAME).read_text()
    body_size = re.search(r"^html \{[^}]*font-size: (\d+)pt", css, re.M | re.S)
    title_size = re.search(r"^h1 \{[^}]*font-size: (\d+)pt", css, re.M | re.S)
    assert int(body_size.group(1)) >= 14
    assert int(title_size.group(1)) >= 22
    assert not re.search(r"text-align:\s*justify", css)
    assert "thead { display: table-header-group; }" in css
    assert 'counter(page) "\\2002页\\2002共\\2002" counter(pages)' in css
