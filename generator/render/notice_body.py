"""Notice bodies: Markdown in, safe HTML out.

Raw HTML is shown as text (its preprocessor and inline pattern are removed), and
links or images whose target is not http(s), mailto or relative lose it. Remote
images become links: the site loads nothing from another host. On the site, phone
numbers in the text become tel: links (render/phones.py); never inside a link or code.
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
from .phones import phone_spans, tel_href


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


def _phone_links(text: str | None, make) -> tuple[str | None, list]:
    """Text split at its phone numbers: the text before the first, and an <a href="tel:…">
    for each number whose tail is the text up to the next one."""
    spans = list(phone_spans(text)) if text else []
    if not spans:
        return text, []
    links = []
    for i, (start, end) in enumerate(spans):
        link = make("a", {"href": tel_href(text[start:end])})
        link.text = AtomicString(text[start:end])
        link.tail = text[end:spans[i + 1][0] if i + 1 < len(spans) else len(text)]
        links.append(link)
    return text[:spans[0][0]], links


class _PhoneLinks(Treeprocessor):
    """Phone numbers in the text become tel: links; text inside a link, a code span or a code
    block is left as written. Runs after _SafeLinks, which would drop the tel: target."""

    SKIP = frozenset({"a", "code", "pre"})

    def run(self, root):
        self._link_in(root)

    def _link_in(self, el) -> None:
        children = list(el)
        el.text, links = _phone_links(el.text, el.makeelement)
        for k, link in enumerate(links):
            el.insert(k, link)
        for child in children:
            if child.tag not in self.SKIP:
                self._link_in(child)
            child.tail, links = _phone_links(child.tail, el.makeelement)
            at = list(el).index(child) + 1
            for k, link in enumerate(links):
                el.insert(at + k, link)


class _NoRawHtml(Extension):
    def __init__(self, phone_links: bool):
        super().__init__()
        self.phone_links = phone_links

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "gongshi_safe_links", 0)
        if self.phone_links:
            # Last: after inline patterns (20), the backslash unescape (0) and _SafeLinks (0).
            md.treeprocessors.register(_PhoneLinks(md), "gongshi_phone_links", -1)
        # Above emphasis (60), below code spans (190) and backslash escapes (180).
        md.inlinePatterns.register(_MaskedText(_MaskedText.PATTERN, md), "gongshi_masked_text", 65)


_converters = threading.local()   # one per thread: a Markdown instance keeps state while converting


def body_html(text: str, *, phone_links: bool = True) -> str:
    """The body as safe HTML; phone_links False for paper (the notice-board PDF)."""
    name = "md_tel" if phone_links else "md"
    md = getattr(_converters, name, None)
    if md is None:
        md = markdown.Markdown(extensions=["tables", "sane_lists", _NoRawHtml(phone_links), SearchMarkupExtension()],
                               output_format="html")
        setattr(_converters, name, md)
    try:
        return md.convert(text or "")
    finally:
        md.reset()   # nothing of one body (footnotes, references, …) reaches the next
