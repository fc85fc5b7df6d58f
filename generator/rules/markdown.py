"""markdown.raw_html, markdown.unsafe_link: a notice's or a document's body is Markdown only."""

from __future__ import annotations

from ..analysis.markdown_safety import find_raw_html, find_unsafe_links
from ..problems import Problem, error


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        for loaded in [*community.notices.values(), *community.documents.values()]:
            body, doc = loaded.model.body or "", loaded.doc
            for finding in find_raw_html(body):
                problems.append(error(doc.line_in_text(("body",), finding.line_offset), "markdown.raw_html",
                                      f"正文中不能使用 HTML 标签（“{finding.snippet}”）：请改用 Markdown 写法，"
                                      "例如 **加粗**、[链接文字](https://…)；如需显示尖括号，请写成 &lt; 和 &gt;，或放进反引号 `…` 中。"))
            for finding in find_unsafe_links(body):
                problems.append(error(doc.line_in_text(("body",), finding.line_offset), "markdown.unsafe_link",
                                      f"正文中的链接“{finding.snippet[:60]}”不安全：只允许 http(s)://、mailto: 或站内相对链接。"))
    return problems
