"""Hypothesis strategies that break sample files the way editors (and attackers) do."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from tests.conftest import SAMPLE_DATA

SAMPLE_FILES = sorted(p.relative_to(SAMPLE_DATA).as_posix() for p in SAMPLE_DATA.rglob("*.yml"))
SAMPLE_TEXT = {rel: (SAMPLE_DATA / rel).read_text(encoding="utf-8") for rel in SAMPLE_FILES}

# Values that have broken (or could break) a reader, a type or a rule.
HOSTILE_VALUES = [
    "", "~", "null", "[]", "{}", "[[]]", "{a: 1}", "-1", "0", "00", "-0.00", "1e400", "1E5", ".nan", ".inf", "-.inf",
    "9" * 16, "9" * 40, "0." + "9" * 30, "１２３", "١٢٣", "1_000", "0x10", "0o17", "+1", "1,000.00", "12.345",
    "2024-02-30", "2024-13-01", "0001-01-01", "9999-12-31", "2024-1-1", "20240101", "2024-01-01T00:00:00",
    "true", "no", "yes", "off", "'x'", '"x"', "|", ">", "&a x", "*a", "*undefined", "!!str 1", "!!python/none",
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "{{ 7*7 }}", "{% raw %}", "\\u0000", "'\x7f'",
    "138" + "1" * 8, "11010519491231002X", "6222021234567890123", "a" * 3000, "长" * 3000,
    "vote/2025-elevator", "entry/mf-2025-001", "notice/../../x", "2025-H1", "2025-Q5", "passed", "failed",
    "use_fund", "raise_fund", "deposit", "expense", "transfer_in", "income", "area", "equal", "fail", "pass",
]
VALUE_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:\s)(.*)$")
INLINE_VALUE = re.compile(r"[{,]\s*[A-Za-z_]+:\s*([^,{}\[\]\n#]+?)\s*(?=[,}])")  # a value inside {a: 1, b: 2}


def _value_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n")) if VALUE_LINE.match(line)]


@st.composite
def mutation(draw, text: str) -> str:
    """One edit of text: flip a character, drop/duplicate/move a line, swap or replace a value."""
    lines = text.split("\n")
    kind = draw(st.sampled_from(["flip", "delete", "duplicate", "move", "swap", "replace", "replace_inline", "insert",
                                 "truncate", "indent", "dedent"]))
    i = draw(st.integers(0, max(0, len(lines) - 1)))
    if kind == "flip" and text:
        pos = draw(st.integers(0, len(text) - 1))
        char = draw(st.sampled_from(list(":-[]{}&*!|>'\"#%@`, \t\n\r\\") + ["x", "0", "é", "长", "\x00", "\ufeff"]))
        return text[:pos] + char + text[pos + 1:]
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "move":
        j = draw(st.integers(0, max(0, len(lines) - 1)))
        lines.insert(j, lines.pop(i))
    elif kind in ("swap", "replace"):
        candidates = _value_lines(text)
        if candidates:
            a = draw(st.sampled_from(candidates))
            ma = VALUE_LINE.match(lines[a])
            if kind == "swap":
                b = draw(st.sampled_from(candidates))
                mb = VALUE_LINE.match(lines[b])
                lines[a], lines[b] = ma.group(1) + mb.group(2), mb.group(1) + ma.group(2)
            else:
                lines[a] = ma.group(1) + draw(st.sampled_from(HOSTILE_VALUES))
    elif kind == "replace_inline":
        spots = [(n, m) for n, line in enumerate(lines) for m in INLINE_VALUE.finditer(line)]
        if spots:
            n, m = draw(st.sampled_from(spots))
            lines[n] = lines[n][: m.start(1)] + draw(st.sampled_from(HOSTILE_VALUES)) + lines[n][m.end(1):]
    elif kind == "insert":
        lines.insert(i, draw(st.sampled_from([
            "x: 1", "  - 1", "- a", "? [a]", ": b", "---", "...", "%YAML 1.1", "<<: *a", "a: &a [*a]", "\tb: 1",
            "title: 重复", "entries: []", "body: |", "  <iframe>", "      deep: 1",
        ])))
    elif kind == "truncate" and text:
        return text[: draw(st.integers(0, len(text) - 1))]
    elif kind == "indent":
        lines[i] = "  " + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i].lstrip()
    return "\n".join(lines)


@st.composite
def mutated_sample(draw) -> tuple[str, str]:
    """(data-relative path, text) of a sample file after 1-4 edits."""
    rel = draw(st.sampled_from(SAMPLE_FILES))
    text = SAMPLE_TEXT[rel]
    for _ in range(draw(st.integers(1, 4))):
        text = draw(mutation(text))
    return rel, text


@st.composite
def mutated_bytes(draw) -> bytes:
    """A sample file's bytes with a few bytes flipped, inserted or removed (breaks UTF-8 too)."""
    data = bytearray(SAMPLE_TEXT[draw(st.sampled_from(SAMPLE_FILES))].encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        op = draw(st.sampled_from(["set", "insert", "delete"]))
        byte = draw(st.integers(0, 255))
        if op == "set" and data:
            data[pos] = byte
        elif op == "insert":
            data.insert(pos, byte)
        elif data:
            del data[pos]
    return bytes(data)


# Text that looks like YAML: its tokens, indentation and a few multi-byte characters.
yaml_like_text = st.lists(
    st.one_of(
        st.sampled_from(["\n", "  ", "- ", ": ", "? ", "---\n", "...\n", "&a ", "*a", "!!python/object:os.system ",
                         "!t ", "[", "]", "{", "}", ", ", "|\n", ">-\n", "'", '"', "#", "%TAG ! x\n", "\t", "\\",
                         "<<: ", "title", "amount", "1.50", "2024-01-01", "长", "\ufeff", "\r\n", "\x85", "\u2028"]),
        st.text(max_size=8),
    ),
    max_size=60,
).map("".join)
