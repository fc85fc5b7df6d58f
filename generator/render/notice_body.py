"""Notice bodies: Markdown in, safe HTML out.

Raw HTML is shown as text (its preprocessor and inline pattern are removed), and
links or images whose target is not http(s), mailto or relative lose it. Remote
images become links: the site loads nothing from another host.
"""

from __future__ import annotations

import threading

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..analysis.markdown_safety import is_on_this_site, is_safe_url
from ..search_markup import SearchMarkupExtension


class _SafeLinks(Treeprocessor):
    def run(self, root):
        for parent in root.iter():
            for i, el in enumerate(list(parent)):
                if el.tag == "a":
                    href = el.get("href", "")
                    if not is_safe_url(href):
                        el.attrib.pop("href", None)
                    elif not is_on_this_site(href):
                        el.set("rel", "noopener noreferrer nofollow")
                elif el.tag == "img":
                    src = el.get("src", "")
                    if not is_on_this_site(src):
                        # Remote (http:, //host, /\host …) or unsafe image: a link instead (or
                        # nothing if unsafe). Inline and reference-style images alike.
                        link = el.makeelement("a", {"href": src, "rel": "noopener noreferrer nofollow"} if is_safe_url(src) else {})
                        link.text = f"图片：{el.get('alt') or src}"
                        link.tail = el.tail
                        parent.remove(el)
                        parent.insert(i, link)
                for attr in list(el.attrib):
                    if attr.lower().startswith("on") or attr.lower() in ("style", "srcdoc"):
                        del el.attrib[attr]


class _MaskedText(InlineProcessor):
    """Masks are text, not emphasis: 138****1234 and 110101********1234 (the forms the
    privacy rule asks for) and 张*三 would otherwise lose their asterisks to <strong>/<em>
    and print a different number or name. Bold between CJK words (**注意**) still works."""

    PATTERN = r"(?<=[0-9])\*+(?=[0-9Xx])|(?<=[\u4e00-\u9fff])\*(?=[\u4e00-\u9fff])"

    def handleMatch(self, m, data):  # noqa: N802 - Markdown's name
        return AtomicString(m.group(0)), m.start(0), m.end(0)


class _NoRawHtml(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "gongshi_safe_links", 0)
        # Above emphasis (60), below code spans (190) and backslash escapes (180).
        md.inlinePatterns.register(_MaskedText(_MaskedText.PATTERN, md), "gongshi_masked_text", 65)


_converters = threading.local()   # one per thread: a Markdown instance keeps state while converting


def body_html(text: str) -> str:
    md = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = markdown.Markdown(extensions=["tables", "sane_lists", _NoRawHtml(), SearchMarkupExtension()],
                                                output_format="html")
    try:
        return md.convert(text or "")
    finally:
        md.reset()   # nothing of one body (footnotes, references, …) reaches the next
