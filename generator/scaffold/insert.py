"""Append a block-style list item to a list in an existing YAML file, keeping its comments.

Editing the text (not re-dumping the data) keeps every comment, blank line and
value exactly as the editor wrote them; only the new lines are added.
"""

from __future__ import annotations

import re

from ..load.yamlread import Document
from . import indent


class CannotInsert(Exception):
    """The list is written in a form we do not edit (e.g. a one-line [a, b] list)."""


_EMPTY_FLOW = re.compile(r"\[\s*\]")


def _next_top_level_line(doc: Document, after_line: int) -> int | None:
    lines = [pos[0] for path, pos in doc.key_positions.items() if len(path) == 1 and pos[0] > after_line]
    return min(lines) if lines else None


def append_item(text: str, doc: Document, list_key: str, item: str) -> tuple[str, int]:
    """`text` with `item` (a `- key: value` block at column 0) appended to the top-level
    list `list_key`; and the 1-based line where the new item starts."""
    lines = text.split("\n")
    trailing_newline = lines and lines[-1] == ""
    if trailing_newline:
        lines.pop()
    key_pos = doc.key_positions.get((list_key,))
    value = doc.data.get(list_key) if isinstance(doc.data, dict) else None
    if key_pos is None:
        # No such list yet: add the key before the closing balance, or at the end.
        closing = doc.key_positions.get(("closing_balance",))
        index = closing[0] - 1 if closing else len(lines)
        block = [f"{list_key}:", *indent(item, 2).split("\n")]
        lines[index:index] = block
        return "\n".join(lines) + ("\n" if trailing_newline else ""), index + 2
    key_line = key_pos[0]
    if value is None or value == []:
        head = lines[key_line - 1]
        if value == []:
            if not _EMPTY_FLOW.search(head.split("#", 1)[0]):
                raise CannotInsert(list_key)
            lines[key_line - 1] = _EMPTY_FLOW.sub("", head, count=1).rstrip()
        item_indent = key_pos[1] - 1 + 2
        index = key_line
    else:
        if not isinstance(value, list):
            raise CannotInsert(list_key)
        first = doc.value_positions.get((list_key, 0))
        if first is None or first[0] == key_line:
            raise CannotInsert(list_key)          # a flow list: [a, b]
        line = lines[first[0] - 1]
        dash = line.rfind("-", 0, first[1] - 1)
        if dash < 0 or line[:dash].strip():
            raise CannotInsert(list_key)
        item_indent = dash
        end = _next_top_level_line(doc, key_line)
        index = (end - 1) if end is not None else len(lines)
        # Blank lines and column-0 comments just above the next key belong to that key.
        while index > key_line and (not lines[index - 1].strip() or lines[index - 1].startswith("#")):
            index -= 1
    block = indent(item, item_indent).split("\n")
    lines[index:index] = block
    return "\n".join(lines) + ("\n" if trailing_newline else ""), index + 1
