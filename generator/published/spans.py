"""What changed inside a long text, as a reviewer reads it: each changed span with a few
characters of context, old and new side by side.

Character by character, since Chinese has no spaces between words: 125 → 128 inside
"使用专项维修资金 125 元" shows as …维修资金 「125→128」 元…, where cutting both texts at 60
characters showed the same prefix twice.
"""

from __future__ import annotations

from difflib import SequenceMatcher

CONTEXT = 6             # characters of unchanged text shown on each side of a change
SHORT = 24              # texts up to this long are shown whole: old → new
# SequenceMatcher is quadratic in the worst case: past this length only the one span
# between the common beginning and the common end is shown.
MAX_MATCHED = 20_000
MAX_PIECE = 40          # a longer changed piece is cut in its middle


def _piece(text: str) -> str:
    if len(text) <= MAX_PIECE:
        return text
    half = MAX_PIECE // 2
    return f"{text[:half]}…{text[-half:]}"


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    return ("…" if start > CONTEXT else "") + before, after + ("…" if end + CONTEXT < len(text) else "")


def _opcodes(old: str, new: str) -> list[tuple[int, int, int, int]]:
    if len(old) > MAX_MATCHED or len(new) > MAX_MATCHED:
        prefix = 0
        while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        return [(prefix, len(old) - suffix, prefix, len(new) - suffix)]
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # Changes closer than the context on both sides read as one.
        if spans and i1 - spans[-1][1] <= CONTEXT and j1 - spans[-1][3] <= CONTEXT:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [tuple(s) for s in spans]


def changed_spans(old: str, new: str) -> list[str]:
    """Every changed span: `…context「old→new」context…` (「删去：…」 or 「加上：…」 when one side is empty)."""
    out = []
    for i1, i2, j1, j2 in _opcodes(old, new):
        before, after = _around(old, i1, i2) if i2 > i1 or j2 == j1 else _around(new, j1, j2)
        if i1 == i2:
            middle = f"加上：{_piece(new[j1:j2])}"
        elif j1 == j2:
            middle = f"删去：{_piece(old[i1:i2])}"
        else:
            middle = f"{_piece(old[i1:i2])}→{_piece(new[j1:j2])}"
        out.append(f"{before}「{middle}」{after}")
    return out


def describe_text_change(old: str, new: str) -> str | None:
    """`第1处 …；第2处 …` for a long text, or None when both are short enough to show whole."""
    if len(old) <= SHORT and len(new) <= SHORT:
        return None
    spans = changed_spans(old, new)
    if len(spans) == 1:
        return spans[0]
    return "；".join(f"第{i}处 {span}" for i, span in enumerate(spans, 1))
