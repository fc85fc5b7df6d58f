"""Data text as Markdown-safe text: the one escaping every printed data value goes through.

Python-Markdown passes raw HTML through, so a value from the data printed into a page,
a table cell or `gongshi diff`'s summary must never be read as markup. Characters that
Markdown, attr_list or tables would act on become numeric character references, which
Python-Markdown keeps and browsers show as the character itself. The page templates
reach it through render/escape.py (the Jinja environment's finalize).
"""

from __future__ import annotations

_REPLACEMENTS = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "#": "&#35;",
    "!": "&#33;",
    "~": "&#126;",
    "^": "&#94;",
    "$": "&#36;",
    ":": "&#58;",
}
_TABLE = str.maketrans(_REPLACEMENTS)


def md_text(value) -> str:
    """Plain text safe in Markdown, in a table cell and in HTML; one line."""
    text = str(value)
    text = " ".join(text.split()) if ("\n" in text or "\r" in text or "\t" in text) else text
    return text.translate(_TABLE)
