"""Fuzz notice bodies: whatever the Markdown, the HTML runs nothing and loads nothing.

body_html is the renderer's own guard (the check may have been skipped); the checks
that report raw HTML and unsafe links must not crash on any body either.
"""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from generator.analysis.markdown_safety import find_raw_html, find_unsafe_links, is_safe_url
from generator.render.notice_body import body_html

from .budget import budget

# Tags Python-Markdown makes from Markdown (tables, lists, emphasis, code, links, images).
ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4",
                "h5", "h6", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "img"}
ALLOWED_ATTRIBUTES = {"href", "rel", "title", "alt", "src", "align", "style_never", "start"}

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "<iframe src=//x>",
    "<a href='javascript:alert(1)'>x</a>", "<!-- c -->", "<![CDATA[x]]>", "<?php ?>", "</div>", "<style>",
    "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](java\tscript:x)", "[x](&#106;avascript:x)",
    "[x](javascript&colon;x)", "[x](<javascript:x>)", "![i](data:image/svg+xml,<svg onload=alert(1)>)",
    "![i](file:///etc/passwd)", "![i](https://evil.example/t.png)", "![i](t.png)", "<javascript:alert(1)>",
    "<https://example.org>", "[r]: javascript:alert(1)", "[r]", "[x][r]", "`<b>`", "```", "    <b>code</b>",
    "{: onclick=alert(1) }", "{#id .c onclick=x}", "**b**", "*i*", "138****1234", "张*三", "| a | b |",
    "| --- | --- |", "- item", "1. item", "> quote", "# h", "---", "\\<b>", "&lt;b&gt;", "&#x3C;script&#x3E;",
    "[x](https://example.org \"t\" onclick=x)", "[x](mailto:a@b)", "[x](../up/)", "[x](#frag)", "\n", "\n\n", "  ",
]
bodies = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=25).map("".join)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


@budget(1500)
@given(bodies)
def test_body_html_runs_and_loads_nothing(body):
    parser = _Tags()
    parser.feed(body_html(body))
    parser.close()
    for tag, attrs in parser.seen:
        assert tag in ALLOWED_TAGS, f"<{tag}> from {body!r}"
        for name, value in attrs.items():
            assert name in ALLOWED_ATTRIBUTES, f"<{tag} {name}> from {body!r}"
            if name in ("href", "src"):
                assert is_safe_url(value or ""), f"<{tag} {name}={value!r}> from {body!r}"
        if tag == "img":  # images load: only from the site itself
            assert "://" not in attrs.get("src", "") and not attrs.get("src", "").startswith("//"), body
    # The checks that report these must survive the same bodies.
    find_raw_html(body)
    find_unsafe_links(body)
