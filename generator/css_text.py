"""Data text as a CSS string literal, for the running header of printed pages (@page margin
boxes take only literal strings in Chromium: no attr(), no string-set)."""

from __future__ import annotations

# Kept as they are: letters, digits and spaces of any script, and punctuation that means
# nothing to CSS, HTML or YAML. Everything else (quotes, backslash, <, &, line breaks,
# control characters) becomes a six-digit hex escape, which needs no terminating space.
_PLAIN_PUNCTUATION = set(" -_.,:;!?()[]/%+=·、，。：；！？（）《》【】“”‘’—…～·")


def css_string(text: str) -> str:
    """"示例家园" → '"示例家园"'; 'a"b' → '"a\\000022b"'. The result contains no quote but
    the two that delimit it, no backslash but escapes, no <, & or line break: it can sit in a
    <style> element, and in a single-quoted YAML scalar."""
    def char(c: str) -> str:
        if c in _PLAIN_PUNCTUATION or (c.isalnum() and c.isprintable()):
            return c
        return f"\\{ord(c):06x}"
    return '"' + "".join(map(char, text)) + '"'
