"""Templates of new data files (`gongshi new`), and how to fill them in.

Every field of a template carries a Chinese comment. A value only the editor can
supply is left empty with a comment that starts with “必填”: `gongshi check` reports
each one until it is filled, and `to_fill` lists them for the command's message.
Templates are `string.Template` text (`${name}`); they hold no logic.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from string import Template

REQUIRED_MARK = "必填"
_EMPTY_FIELD = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s*#\s*(.*)$")
_TRAILING_COMMENT = re.compile(r"^(\s*\S.*?)\s{2,}(# .*)$")
_PLAIN_SAFE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#\"']*")
COMMENT_COLUMN = 32


def yaml_text(value: str) -> str:
    """Text from the data (a publisher's name, a phone) written so YAML reads it back as that text."""
    if value == "" or (_PLAIN_SAFE.fullmatch(value) and ": " not in value and not value.endswith((":", " "))):
        return value
    return json.dumps(value, ensure_ascii=False)    # a JSON string is a YAML double-quoted scalar


def align(text: str, column: int = COMMENT_COLUMN) -> str:
    """Line up the trailing comments at `column` (or two spaces after a longer value)."""
    out = []
    for line in text.split("\n"):
        match = _TRAILING_COMMENT.match(line)
        if match and match.group(1).count('"') % 2 == 0 and not match.group(1).lstrip().startswith("#"):
            code = match.group(1)
            width = sum(2 if ord(c) > 0x2E7F else 1 for c in code)     # CJK characters are two columns wide
            line = code + " " * max(2, column - 1 - width) + match.group(2)
        out.append(line)
    return "\n".join(out)


def render(name: str, **values) -> str:
    """The template `templates/<name>.yml` with `values` put in (a missing value is a bug)."""
    text = resources.files(__package__).joinpath("templates", f"{name}.yml").read_text(encoding="utf-8")
    return align(Template(text).substitute({k: str(v) for k, v in values.items()}))


def choices(labels: dict[str, str]) -> str:
    """`a 标签 | b 标签`: the allowed values with their Chinese labels, for a comment."""
    return " | ".join(f"{key} {label}" for key, label in labels.items())


def indent(block: str, spaces: int) -> str:
    pad = " " * spaces
    return align("\n".join(pad + line if line else line for line in block.rstrip("\n").split("\n")))


@dataclass(frozen=True)
class ToFill:
    line: int          # 1-based, in the written file
    key: str
    hint: str          # the comment after “必填：”


def to_fill(text: str, first_line: int = 1) -> list[ToFill]:
    """The empty fields marked 必填 in `text`, whose first line is line `first_line` of its file."""
    found = []
    for offset, line in enumerate(text.split("\n")):
        match = _EMPTY_FIELD.match(line)
        if match and match.group(2).startswith(REQUIRED_MARK):
            hint = match.group(2)[len(REQUIRED_MARK):].lstrip("：: ")
            found.append(ToFill(first_line + offset, match.group(1), hint))
    return found
