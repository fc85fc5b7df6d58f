"""Personal data: no unmasked ID, mobile or bank card number in any field.

个人信息保护法第25条: personal information is not made public without separate
consent. A firm's valid 统一社会信用代码 (all digits, it can pass the bank-card checksum) is
not personal data and is left alone. A number counts as a run of digits not inside a longer one; `+86` and
spaces between groups do not hide it. Masked forms (138****1234) are fine.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..analysis.credit_code import credit_code_fault
from ..load.strings import walk_strings
from ..problems import Problem, error

# After normalisation (normalise() below), digits in groups separated by up to three
# spaces, hyphens or dots (138 1234 5678, 138-1234-5678, 138.1234.5678, two spaces), with
# an optional +86. Landlines (0571-86005678) join to numbers no rule matches.
_SEPARATOR = "[ \t.-]"
_RUN = re.compile(rf"(?<![0-9])(?:\+?86{_SEPARATOR}{{0,3}})?[0-9](?:{_SEPARATOR}{{0,3}}[0-9])*[Xx]?(?![0-9])")
# An amount with one or two decimals (999999999999999.99) is a sum of money, not a
# personal number: hidden before runs are read (same length, so lines stay where they are).
_DECIMAL = re.compile(r"(?<![0-9.])[0-9]+\.[0-9]{1,2}(?![0-9])(?!\.[0-9])")
# Separators between digit groups, as NFKC leaves them: dashes and minus signs, and dots
# (middle dots, the katakana middle dot, the ideographic full stop).
_DASHES = re.compile("[\u2010-\u2015\u2043\u2212\ufe58]")
_DOTS = re.compile("[\u00b7\u2027\u2219\u22c5\u3002\u30fb]")
_SPACES = re.compile(r"[^\S\n]")   # every whitespace but the line break (lines are counted)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit_ok(number: str) -> bool:
    body, check = number[:17], number[17].upper()
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == check


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# The first-generation ID number (15 digits): a region code (its first digit 1-8), the
# birth date as YYMMDD and a sequence number. A 15-digit figure that cannot be one (an
# amount such as 999999999999999) is not reported.
_OLD_ID = re.compile(r"[1-8][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}")


def classify(candidate: str) -> str | None:
    """'id_number', 'mobile', 'bank_card' or None for one run of digits."""
    plus86 = candidate.startswith("+86") or candidate.startswith("86")
    digits = re.sub(r"[^0-9Xx]", "", candidate)
    for number in ([digits[2:]] if plus86 else []) + [digits]:
        if re.fullmatch(r"1[3-9][0-9]{9}", number):
            return "mobile"
        if re.fullmatch(r"[0-9]{17}[0-9Xx]", number) and id_check_digit_ok(number):
            return "id_number"
        if _OLD_ID.fullmatch(number):
            return "id_number"
        if re.fullmatch(r"[0-9]{16,19}", number) and luhn_ok(number):
            return "bank_card"
    return None


@lru_cache(maxsize=1)
def _invisible() -> re.Pattern[str]:
    """Characters that show nothing between two digits: every format character (Cf: zero-width
    spaces and joiners, the byte-order mark, bidi controls, soft hyphens …), variation
    selectors and the keycap mark. Built once from Python's Unicode tables."""
    codes = [c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    codes += [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), 0x20E3]
    return re.compile("[" + "".join(re.escape(chr(c)) for c in codes) + "]")


def normalise(text: str) -> str:
    """Text as a reader sees its numbers: compatibility forms folded (NFKC: full-width and
    mathematical digits, U+3000 …), invisible characters dropped, every dash, dot and space
    between digit groups made plain, and amounts with decimals blanked. Line breaks stay
    where they were."""
    if not text.isascii():
        text = _invisible().sub("", unicodedata.normalize("NFKC", text))
        text = _DOTS.sub(".", _DASHES.sub("-", text))
    text = _SPACES.sub(" ", text)
    return _DECIMAL.sub(lambda m: "#" * len(m.group()), text)


def _findings(text: str) -> list[tuple[str, str, int]]:
    """(kind, run, offset) in normalised text."""
    found = []
    for match in _RUN.finditer(text):
        run, offset = match.group(0), match.start()
        kind = classify(run)
        if kind is None and re.search(_SEPARATOR, run):
            # Separate numbers written side by side: judge each group on its own.
            position = 0
            for part in re.split(f"({_SEPARATOR}+)", run):
                if part and not re.fullmatch(f"{_SEPARATOR}+", part):
                    kind = classify(part)
                    if kind:
                        run, offset = part, offset + position
                        break
                position += len(part)
        if kind:
            found.append((kind, run, offset))
    return found


def find_personal_data(text: str) -> list[tuple[str, str]]:
    """(kind, the number as read after normalisation) for each personal number in text."""
    return [(kind, run) for kind, run, _ in _findings(normalise(text))]


_MESSAGES = {
    "id_number": "疑似未遮盖的身份证号码",
    "mobile": "疑似未遮盖的手机号码",
    "bank_card": "疑似未遮盖的银行卡号",
}


def _mask(run: str) -> str:
    digits = re.sub(r"\s", "", run)
    return digits[:3] + "*" * max(len(digits) - 7, 1) + digits[-4:] if len(digits) > 7 else "****"


# A mobile number, the shortest kind, is 11 digits (+86 comes on top): ASCII text without
# such a run cannot hold personal data. Other text is normalised first (a full-width or
# zero-width-separated number is a number too).
_LONG_RUN = re.compile(rf"[0-9](?:{_SEPARATOR}{{0,3}}[0-9]){{10}}")


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for doc in ctx.portal.documents:
        for path, text, _ in walk_strings(doc.data, keys=True):
            if text.isascii() and not _LONG_RUN.search(text):
                continue   # every kind needs 11+ digits in a row: dates, money and ids never get that far
            if path and path[-1] == "credit_code" and credit_code_fault(text.strip()) is None:
                continue   # a firm's 统一社会信用代码 is public (it is on the licence it must display)
            text = normalise(text)
            if not _LONG_RUN.search(text):
                continue
            # Both counters only move forward: a 5 MB body full of numbers stays linear.
            searched = lines_before = 0
            for kind, run, offset in _findings(text):
                at = doc.at(*path)
                lines_before += text.count("\n", searched, offset)
                searched = offset
                if path in doc.block_scalars:
                    # A `|` or `>` text: point at the line that holds the number.
                    at = doc.line_in_text(path, lines_before)
                problems.append(error(at, f"privacy.{kind}",
                                      f"{_MESSAGES[kind]}“{_mask(run)}”：公示内容不能包含个人信息（个人信息保护法第25条），"
                                      "请删除或遮盖，例如 138****1234。"))
    return problems
