"""Characters that change how text looks without being seen: C0/C1 control characters and
the bidirectional formatting characters.

A bidi override makes "0001" display as "1000" on the page and in the PDF; an ESC in a
message starts a terminal escape sequence in a CI log. The check refuses them in every
field (rules/text.py, `text.control_character`), and every printer shows them escaped
(`escape`), so neither reaches a reader as it is.
"""

from __future__ import annotations

import re

# Unicode's bidirectional formatting characters (UAX #9, section 2): embeddings, overrides,
# isolates and the three implicit marks.
BIDI_NAMES = {
    0x061C: "阿拉伯字母标记", 0x200E: "从左到右标记", 0x200F: "从右到左标记",
    0x202A: "从左到右嵌入", 0x202B: "从右到左嵌入", 0x202C: "方向格式结束", 0x202D: "从左到右覆盖",
    0x202E: "从右到左覆盖", 0x2066: "从左到右隔离", 0x2067: "从右到左隔离", 0x2068: "首字符方向隔离",
    0x2069: "方向隔离结束",
}
_C0_NAMES = {0x00: "空字符 NUL", 0x07: "响铃 BEL", 0x08: "退格 BS", 0x0B: "垂直制表符", 0x0C: "换页符",
             0x1B: "转义符 ESC", 0x7F: "删除符 DEL"}
# Tab and line feed are text (indented code in a notice body, lines of a block); CR is
# read as a line end by the loader.
ALLOWED = frozenset({0x09, 0x0A})
CONTROLS = frozenset(
    [c for c in range(0x00, 0x20) if c not in ALLOWED] + [0x7F] + list(range(0x80, 0xA0)) + list(BIDI_NAMES)
)
CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(CONTROLS)) + "]")
# Printers write out all of them but CR, which each output format already treats as a line
# end (⏎ in text, %0D in GitHub annotations, \r in JSON).
_PRINTED_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(CONTROLS - {0x0D})) + "]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def describe(char: str) -> str:
    """U+202E（从右到左覆盖）: the code point and what it does."""
    code = ord(char)
    name = BIDI_NAMES.get(code) or _C0_NAMES.get(code) or ("控制字符" if code < 0x80 else "C1 控制字符")
    return f"U+{code:04X}（{name}）"


def _surrogate(match: re.Match) -> str:
    code = ord(match.group())
    # A byte that was not UTF-8 in a file name (os.fsdecode's surrogateescape): show the byte.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"<U+{code:04X}>"


def escape(text: str) -> str:
    """text with every control character, bidi control and undecodable byte written out
    (<U+001B>, \\xff): safe to print on a terminal, in a CI log or as UTF-8."""
    text = _PRINTED_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return _SURROGATE_RE.sub(_surrogate, text)
