"""Personal data: no unmasked ID, mobile or bank card number in any field.

个人信息保护法第25条: personal information is not made public without separate
consent. A firm's valid 统一社会信用代码 (all digits, it can pass the bank-card checksum) is
not personal data and is left alone. A number counts as a run of digits not inside a longer one; `+86` and
spaces between groups do not hide it. Masked forms (138****1234) are fine.
"""

from __future__ import annotations

import re

from ..analysis.credit_code import credit_code_fault
from ..problems import Problem, error

# Digits, optionally in groups separated by a single space or hyphen (138-1234-5678),
# with an optional +86. Landlines (0571-86005678) join to numbers no rule matches.
_RUN = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?\d(?:[ \u00a0-]?\d)*[Xx]?(?![0-9])")
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


def classify(candidate: str) -> str | None:
    """'id_number', 'mobile', 'bank_card' or None for one run of digits."""
    plus86 = candidate.startswith("+86") or candidate.startswith("86")
    digits = re.sub(r"[^0-9Xx]", "", candidate)
    for number in ([digits[2:]] if plus86 else []) + [digits]:
        if re.fullmatch(r"1[3-9]\d{9}", number):
            return "mobile"
        if re.fullmatch(r"\d{17}[\dXx]", number) and id_check_digit_ok(number):
            return "id_number"
        if re.fullmatch(r"\d{15}", number):
            return "id_number"
        if re.fullmatch(r"\d{16,19}", number) and luhn_ok(number):
            return "bank_card"
    return None


def find_personal_data(text: str) -> list[tuple[str, str]]:
    found = []
    for match in _RUN.finditer(text):
        run = match.group(0)
        kind = classify(run)
        if kind is None and re.search(r"[ \u00a0-]", run):
            # Separate numbers written side by side: judge each group on its own.
            for part in re.split(r"[ \u00a0-]", run):
                kind = classify(part)
                if kind:
                    run = part
                    break
        if kind:
            found.append((kind, run))
    return found


_MESSAGES = {
    "id_number": "疑似未遮盖的身份证号码",
    "mobile": "疑似未遮盖的手机号码",
    "bank_card": "疑似未遮盖的银行卡号",
}


def _mask(run: str) -> str:
    digits = re.sub(r"\s", "", run)
    return digits[:3] + "*" * max(len(digits) - 7, 1) + digits[-4:] if len(digits) > 7 else "****"


# A mobile number, the shortest kind, is 11 digits (+86 comes on top), with at most one
# separator between two of them: text without such a run cannot hold personal data.
_LONG_RUN = re.compile(r"\d(?:[ \u00a0-]?\d){10}")


def _walk(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,), key
            yield from _walk(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for doc in ctx.portal.documents:
        for path, text in _walk(doc.data):
            if not _LONG_RUN.search(text):
                continue   # every kind needs 11+ digits in a row: dates, money and ids never get that far
            if path and path[-1] == "credit_code" and credit_code_fault(text.strip()) is None:
                continue   # a firm's 统一社会信用代码 is public (it is on the licence it must display)
            # Both counters only move forward: a 5 MB body full of numbers stays linear.
            searched = lines_before = 0
            for kind, run in find_personal_data(text):
                at, offset = doc.at(*path), text.find(run, searched)
                if offset >= 0:
                    lines_before += text.count("\n", searched, offset)
                    searched = offset + len(run)
                    if path in doc.block_scalars:
                        # A `|` or `>` text: point at the line that holds the number.
                        at = doc.line_in_text(path, lines_before)
                problems.append(error(at, f"privacy.{kind}",
                                      f"{_MESSAGES[kind]}“{_mask(run)}”：公示内容不能包含个人信息（个人信息保护法第25条），"
                                      "请删除或遮盖，例如 138****1234。"))
    return problems
