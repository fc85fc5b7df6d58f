"""What a notice body may contain: Markdown, no raw HTML, only safe link targets.

Shared by the check (which reports) and the renderer (which refuses to pass
anything through even if the check was skipped).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# A tag opening or closing, a comment, a processing instruction or a CDATA section.
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?=[\s/>])|<!--|<\?|<!\[CDATA\[|<![A-Za-z]")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


@dataclass(frozen=True)
class Finding:
    line_offset: int   # 0-based line inside the body
    snippet: str


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see, after entities and control characters."""
    cleaned = html.unescape(url)
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", cleaned)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def is_on_this_site(url: str) -> bool:
    """True for a URL a browser resolves on the page's own host: a relative or root-relative
    path. Not //host/…, nor /\\host/… or \\\\host/… (browsers read a backslash as a slash in
    web addresses), nor anything with a scheme."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url)).replace("\\", "/")
    return _SCHEME.match(cleaned) is None and not cleaned.startswith("//")


def is_safe_url(url: str) -> bool:
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def _prose_lines(text: str):
    """Lines outside fenced code, with code spans blanked (code is shown, not run)."""
    fenced = False
    for offset, line in enumerate(text.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or line.startswith("    ") or line.startswith("\t"):
            continue
        yield offset, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def find_raw_html(text: str) -> list[Finding]:
    found = []
    for offset, line in _prose_lines(text):
        without_autolinks = _AUTOLINK.sub(lambda m: " " * len(m.group(0)), line)
        match = _RAW_HTML.search(without_autolinks)
        if match:
            found.append(Finding(offset, line[match.start():match.start() + 40].strip()))
    return found


def link_targets(text: str) -> list[Finding]:
    found = []
    for offset, line in _prose_lines(text):
        for pattern in (_INLINE_LINK, _AUTOLINK, _REFERENCE_DEF):
            for match in pattern.finditer(line):
                found.append(Finding(offset, match.group(1)))
    return found


def find_unsafe_links(text: str) -> list[Finding]:
    return [f for f in link_targets(text) if not is_safe_url(f.snippet)]
