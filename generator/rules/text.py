"""text.control_character: no control character and no bidirectional formatting character
in any field or field name.

A right-to-left override makes "0001" show as "1000" on the page and in the printed
notice while the file says 0001; NUL, ESC and the other C0/C1 controls would be written
into the HTML and, through messages, into terminals and CI logs. None of them has a
place in a disclosure: every one is refused, with the character and its position.
"""

from __future__ import annotations

from ..control_chars import BIDI_NAMES, CONTROL_RE, describe
from ..load.scalars import Plain
from ..load.strings import field_path, walk_strings
from ..problems import Location, Problem, error


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for doc in ctx.portal.documents:
        for path, text, is_key in walk_strings(doc.data, keys=True):
            found = CONTROL_RE.search(text)
            if found is None:
                continue
            offset = found.start()
            if is_key:
                at, where = doc.key_at(*path), f"字段名“{field_path(path) or '（文件内容）'}”"
            else:
                at, where = doc.at(*path), f"字段 {field_path(path) or '（文件内容）'} "
                if path in doc.block_scalars:
                    at = doc.line_in_text(path, text.count("\n", 0, offset))
                elif isinstance(text, Plain) and "\n" not in text:
                    at = Location(at.path, at.line, at.column + offset)   # unquoted: as typed, to the column
            count = len(CONTROL_RE.findall(text))
            more = f"（共 {count} 个）" if count > 1 else ""
            harm = ("它会改变文字的显示顺序（例如把 0001 显示成 1000），网页和打印版上看到的与文件里写的不同"
                    if ord(found.group()) in BIDI_NAMES else "它不是文字，会被原样写进网页，或在终端和 CI 日志里变成控制序列")
            problems.append(error(at, "text.control_character",
                                  f"{where}的第 {offset + 1} 个字符是看不见的控制字符 {describe(found.group())}{more}："
                                  f"{harm}。请删除它（常见原因：从网页、聊天软件或其他文档复制粘贴）。"))
    return problems
