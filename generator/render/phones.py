"""Phone numbers owners can tap: every number in a data field or a notice body becomes a
`tel:` link whose target holds only the digits (and +86), its text as the editor wrote it.

Only forms that cannot be an amount, a date, a voucher or an ID number are read as phones:
a landline with its area code and a separator (010-87654321, (010)87654321, +86 10 8765 4321),
a 400/800 hotline with separators, a mobile number (the privacy rule refuses unmasked ones,
so in published data these are public service lines), and a short government hotline
(12345, 12315, 110 …) only right after 电话/热线/拨打. Masked numbers (138****1234) have
asterisks and are never linked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markupsafe import Markup

from ..markdown_text import md_text

# No digit, letter or joining mark on either side: the number is not part of a voucher
# (记-2024-0012), a code, a masked number, an amount (12.50) or a longer run of digits.
_BEFORE = r"(?<![0-9A-Za-z_*.\-/+#])"
_AFTER = r"(?![0-9A-Za-z_*/]|[-.][0-9])"
_LOCAL = r"[1-9][0-9]{2,3}[ -]?[0-9]{4}"   # 7 or 8 digits after the area code
_PHONE = re.compile(
    _BEFORE + "(?P<number>"
    rf"\+86[ -]?(?:\(0\))?0?[1-9][0-9]{{1,2}}[ -]?{_LOCAL}"          # +86 10 8765 4321
    rf"|0[1-9][0-9]{{1,2}}[ -]{_LOCAL}"                               # 010-87654321, 0571 86005678
    rf"|[(（]0[1-9][0-9]{{1,2}}[)）] ?{_LOCAL}"                         # (010)87654321
    r"|[48]00(?:-[0-9]{3}-[0-9]{4}|-[0-9]{7}| [0-9]{3} [0-9]{4})"    # 400-810-1234
    r"|(?:\+86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}"                 # mobiles (public lines only)
    ")" + _AFTER
    # A short hotline is a number only where the text says it is one.
    + r"|(?:电话|热线|拨打)[:：]? ?(?P<hotline>1[12][0-9]|123[0-9]{2})(?![0-9A-Za-z_*]|[-.][0-9])"
)


def tel_href(number: str) -> str:
    """tel: target of a number as written: its digits; +86 kept, the trunk 0 after it dropped."""
    digits = re.sub(r"[^0-9]", "", number)
    if number.startswith("+86"):
        rest = digits[2:]
        return "tel:+86" + (rest[1:] if rest.startswith("0") else rest)
    return "tel:" + digits


def phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number in text, in order."""
    for match in _PHONE.finditer(text):
        group = "number" if match.group("number") else "hotline"
        yield match.span(group)


def phone_markup(value) -> Markup:
    """A data value for a page template: escaped like every value (markdown_text.md_text), its
    phone numbers as links. Nothing for an empty value."""
    text = " ".join(str(value or "").split())
    out, done = [], 0
    for start, end in phone_spans(text):
        number = text[start:end]
        out += [md_text(text[done:start]), f'<a href="{tel_href(number)}">{md_text(number)}</a>']
        done = end
    out.append(md_text(text[done:]))
    return Markup("".join(out))
