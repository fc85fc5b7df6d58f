"""Read one YAML file into plain containers plus a map of value positions.

Built from PyYAML's parser events (the C parser when available) rather than its
constructor, so that: no tag is ever constructed, duplicate keys are caught, aliases
are counted before they can expand a document, and every value keeps its line and
column (reported from 1; PyYAML counts from 0).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Location, Problem, error
from .scalars import NULL_WORDS, Plain, Quoted

try:  # the C parser is several times faster; fall back where libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 5 * 1024 * 1024
# Aliases may share a subtree, but the document they describe must stay small:
# a "billion laughs" file is refused before anything walks the expanded tree.
MAX_EXPANDED_NODES = 500_000
# ... and its text too: one alias of a 1 MB string, repeated 300,000 times, is few
# nodes but 300 GB for the checks to read.
MAX_EXPANDED_CHARS = 4 * MAX_FILE_BYTES
MAX_DEPTH = 64

PathKey = tuple  # e.g. ("entries", 3, "amount")


@dataclass
class Document:
    """A parsed file: its data and where each value (and each key) was written."""

    path: Path
    data: Any
    value_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # Literal/folded block scalars (`|`, `>`): their text starts on the next line.
    block_scalars: set[PathKey] = field(default_factory=set)
    # The decoded source (LF line ends), to find a piece of a value where it was typed.
    text: str = field(default="", repr=False, compare=False)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def at(self, *keys) -> Location:
        """Location of the value at `keys`, or of its nearest written ancestor."""
        path = tuple(keys)
        while True:
            pos = self.value_positions.get(path)
            if pos is not None:
                return Location(str(self.path), *pos)
            if not path:
                return Location(str(self.path), 1, 1)
            path = path[:-1]

    def line_in_text(self, keys: tuple, line_offset: int) -> Location:
        """Location of line `line_offset` (from 0) inside the text value at `keys`."""
        base = self.at(*keys)
        first = base.line + 1 if tuple(keys) in self.block_scalars else base.line
        return Location(base.path, first + line_offset, 1 if line_offset or tuple(keys) in self.block_scalars else base.column)

    def fragments_at(self, keys: tuple, value: str, spans: list[tuple[int, int]]) -> list[Location]:
        """Where each value[start:end] (spans in order, not overlapping) of the text value at
        `keys` was typed: its own line and column, also inside a block scalar (`|`). The
        pieces are found in the source one after the other, so indentation and folding
        between the value and its source do not matter; a piece that cannot be found (an
        escape sequence in a quoted value) gets the value's own position."""
        base = self.at(*keys)
        if not self.text or tuple(keys) not in self.value_positions:
            return [base] * len(spans)
        starts = self._line_starts()
        cursor = starts[base.line - 1] + base.column - 1
        out = []
        for start, end in spans:
            found = self.text.find(value[start:end], cursor) if end > start else -1
            if found < 0:
                out.append(base)
                continue
            cursor = found + (end - start)
            line = bisect_right(starts, found)
            out.append(Location(base.path, line, found - starts[line - 1] + 1))
        return out

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self._starts

    def key_at(self, *keys) -> Location:
        """Location of the key that introduces `keys` (falls back to the value)."""
        pos = self.key_positions.get(tuple(keys))
        if pos is not None:
            return Location(str(self.path), *pos)
        return self.at(*keys)


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _line_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return line, column


def _line_of_character(text: str, position: int) -> tuple[int, int]:
    # libyaml reports a byte offset into the UTF-8 text; the pure-Python reader a character index.
    if _Loader.__name__.startswith("C"):
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def decode_source(path: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 only (a BOM and CRLF line ends are accepted)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_of_offset(raw, exc.start)
        hint = ""
        try:
            raw.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码，"
        except UnicodeDecodeError:
            pass
        return None, [
            error(
                Location(str(path), line, column),
                "file.encoding",
                f"文件不是 UTF-8 编码：{hint}第 {line} 行有无法识别的字节。请用编辑器“另存为 UTF-8”后再提交。",
            )
        ]
    return text.replace("\r\n", "\n"), []


def read_document(path: Path) -> tuple[Document | None, list[Problem]]:
    """Read and parse `path`; bad input gives problems, never an exception."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                error(
                    Location(str(path)),
                    "file.too_large",
                    f"文件过大：{size:,} 字节，上限为 {MAX_FILE_BYTES:,} 字节（5 MB）。请把数据拆分到多个文件。",
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(Location(str(path)), "file.unreadable", f"无法读取文件：{exc.strerror or exc}")]
    text, problems = decode_source(path, raw)
    if text is None:
        return None, problems
    return parse_text(path, text)


# YAML 1.1 breaks lines at NEL, LS and PS too, editors and git do not: every line number
# after one would point at the wrong line. They are invisible, so they are refused.
_ODD_LINE_BREAK = re.compile("[\x85\u2028\u2029]")


def parse_text(path: Path, text: str) -> tuple[Document | None, list[Problem]]:
    odd = _ODD_LINE_BREAK.search(text)
    if odd:
        before = text[: odd.start()]
        line, column = before.count("\n") + 1, odd.start() - (before.rfind("\n") + 1) + 1
        return None, [error(Location(str(path), line, column), "yaml.syntax",
                            f"文件含有看不见的特殊换行符 U+{ord(odd.group()):04X}（常见原因：从网页或 Word 复制粘贴）：请删除它。")]
    doc = Document(path=path, data=None, text=text)
    builder = _TreeBuilder(doc)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            problem = builder.feed(event)
            if problem is not None:
                return None, [problem]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _pos(mark) if mark else (1, 1)
        reason = exc.problem or exc.context or "格式错误"
        if "maximum nesting depth" in reason:  # libyaml's own limit on [[[[…
            return None, [error(Location(str(path), line, column), "yaml.too_complex",
                                "嵌套层数超过 YAML 解析器的上限：数据文件不需要这么深的结构。")]
        return None, [
            error(
                Location(str(path), line, column),
                "yaml.syntax",
                f"YAML 格式错误：{_translate_reason(reason)}。请检查这一行的缩进（只能用空格，不能用 Tab）、冒号后的空格和引号是否成对。",
            )
        ]
    except yaml.reader.ReaderError as exc:
        line, column = _line_of_character(text, exc.position)
        return None, [
            error(
                Location(str(path), line, column),
                "yaml.syntax",
                f"文件含有不允许的控制字符 U+{exc.character:04X}（常见原因：从其他软件复制粘贴时带入了看不见的字符）：请删除它。"
                if isinstance(exc.character, int) else f"文件含有不允许的字符：{exc.reason}",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [error(Location(str(path)), "yaml.syntax", f"YAML 格式错误：{exc}")]
    return doc, builder.problems


_REASONS = (
    ("tab character", "用了 Tab 字符缩进，YAML 只能用空格缩进"),
    ("cannot start any token", "出现了不能开始一个值的字符（常见原因：用了 Tab 缩进，YAML 只能用空格）"),
    ("mapping values are not allowed", "这里不能出现“键: 值”（可能缺少换行、缩进不对，或文字里的冒号需要加引号）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("did not find expected key", "缩进不对，找不到预期的字段"),
    ("did not find expected '-'", "列表项“-”的缩进不对"),
    ("expected <block end>", "缩进不对，这一行与上面的层级对不齐"),
    ("found unexpected end of stream", "文件意外结束（可能引号没有配对）"),
    ("found unknown escape character", "双引号里有无法识别的转义字符“\\”"),
    ("while scanning a quoted scalar", "引号没有配对"),
    ("found duplicate anchor", "锚点名称重复"),
    ("did not find expected ',' or ']'", "方括号列表没有正确结束（缺少“,”或“]”）"),
    ("did not find expected ',' or '}'", "花括号映射没有正确结束（缺少“,”或“}”）"),
    ("did not find expected node content", "这里缺少一个值"),
    ("found a tab character", "用了 Tab 缩进，YAML 只能用空格"),
    ("expected a comment or a line break", "值的后面还有多余的内容"),
    ("expected alphabetic or numeric character", "锚点“&”或别名“*”的名称不对"),
    ("found undefined tag handle", "使用了未定义的 YAML 标签前缀"),
    ("did not find expected <document start>", "这里不能再开始新的内容（一个文件只能有一个 YAML 文档，“...”表示文档结束）"),
    ("found invalid Unicode character escape code", "双引号里的“\\u”转义不是有效的字符"),
)


def _translate_reason(reason: str) -> str:
    for english, chinese in _REASONS:
        if english in reason:
            return chinese
    return reason


class _Frame:
    __slots__ = ("container", "path", "pending_key", "pending_key_pos", "nodes", "chars")

    def __init__(self, container, path):
        self.container = container
        self.path = path
        self.pending_key = None
        self.pending_key_pos = None
        self.nodes = 1
        self.chars = 0


class _TreeBuilder:
    """Turns parser events into dicts, lists and scalars, recording positions."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.anchor_of_frame: dict[int, str] = {}
        self.documents = 0
        self.expanded_nodes = 0
        self.expanded_chars = 0
        self.problems: list[Problem] = []
        self._last_added_path: PathKey = ()

    def _loc(self, mark) -> Location:
        return Location(str(self.doc.path), *_pos(mark))

    def feed(self, event) -> Problem | None:
        kind = type(event).__name__
        if kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                return error(
                    self._loc(event.start_mark),
                    "yaml.multiple_documents",
                    "一个文件只能有一个 YAML 文档：请删除“---”分隔线，或把第二部分另存为一个文件。",
                )
            return None
        if kind in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
            return None
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            return error(
                self._loc(event.start_mark),
                "yaml.tag",
                f"不允许使用 YAML 标签“{tag.replace('tag:yaml.org,2002:', '!!')}”：数据文件只能包含普通的文本、数字、列表和映射。",
            )
        if kind == "ScalarEvent":
            plain = event.style in (None, "")
            if plain and event.value in NULL_WORDS:
                value = None
            else:
                value = Plain(event.value) if plain else Quoted(event.value)
            problem = self._add(value, 1, len(event.value), event, event.anchor)
            if event.style in ("|", ">") and problem is None:
                self.doc.block_scalars.add(self._last_added_path)
            return problem
        if kind == "AliasEvent":
            if event.anchor not in self.anchors:
                return error(self._loc(event.start_mark), "yaml.syntax", f"引用了未定义的锚点“{event.anchor}”。")
            value, nodes, chars = self.anchors[event.anchor]
            return self._add(value, nodes, chars, event, None)
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            if len(self.stack) >= MAX_DEPTH:
                return error(
                    self._loc(event.start_mark),
                    "yaml.too_complex",
                    f"嵌套层数超过 {MAX_DEPTH} 层：数据文件不需要这么深的结构。",
                )
            container = {} if kind == "MappingStartEvent" else []
            self.expanded_nodes += 1  # "- []" written 800,000 times is as many values as "- 1"
            problem = self._add(container, 0, 0, event, None)
            if problem is not None:
                return problem
            frame = _Frame(container, self._child_path())
            if event.anchor:
                self.anchor_of_frame[id(frame)] = event.anchor
            self.stack.append(frame)
            return None
        if kind in ("MappingEndEvent", "SequenceEndEvent"):
            frame = self.stack.pop()
            anchor = self.anchor_of_frame.pop(id(frame), None)
            if anchor:
                self.anchors[anchor] = (frame.container, frame.nodes, frame.chars)
            if self.stack:
                self.stack[-1].nodes += frame.nodes
                self.stack[-1].chars += frame.chars
            return None
        return None  # pragma: no cover - no other event kinds exist

    def _child_path(self) -> PathKey:
        # Path of the value about to be added (computed before it is attached).
        return self._last_added_path

    def _add(self, value, nodes: int, chars: int, event, anchor) -> Problem | None:
        self.expanded_nodes += nodes
        self.expanded_chars += chars
        if self.expanded_nodes > MAX_EXPANDED_NODES:
            return error(
                self._loc(event.start_mark),
                "yaml.too_complex",
                f"文件中的值（展开锚点与别名“&/*”之后）超过 {MAX_EXPANDED_NODES:,} 个：请把数据拆分到多个文件，不要反复引用别名。",
            )
        if self.expanded_chars > MAX_EXPANDED_CHARS:
            return error(
                self._loc(event.start_mark),
                "yaml.too_complex",
                f"文件展开后的文字超过 {MAX_EXPANDED_CHARS:,} 个字符（锚点与别名“&/*”被反复引用）：请直接写出数据。",
            )
        pos = _pos(event.start_mark)
        if not self.stack:
            self.doc.data = value
            path: PathKey = ()
        else:
            frame = self.stack[-1]
            frame.nodes += nodes
            frame.chars += chars
            if isinstance(frame.container, list):
                path = frame.path + (len(frame.container),)
                frame.container.append(value)
            elif frame.pending_key is None and frame.pending_key_pos is None:
                # This scalar is a key.
                if not isinstance(value, str):
                    if value is None:
                        value = Plain("null")
                    else:
                        return error(
                            self._loc(event.start_mark),
                            "yaml.syntax",
                            "映射的键必须是简单的文字，不能是列表或映射。",
                        )
                key = str(value)
                if key in frame.container:
                    first = self.doc.key_positions.get(frame.path + (key,))
                    where = f"（第一次出现在第 {first[0]} 行）" if first else ""
                    self.problems.append(
                        error(
                            self._loc(event.start_mark),
                            "yaml.duplicate_key",
                            f"字段“{key}”重复出现{where}：同一层只能写一次，请删除或合并其中一个。",
                        )
                    )
                frame.pending_key = key
                frame.pending_key_pos = pos
                return None
            else:
                key = frame.pending_key
                path = frame.path + (key,)
                # The first occurrence of a duplicated key keeps its position.
                self.doc.key_positions.setdefault(path, frame.pending_key_pos)
                if key not in frame.container:
                    frame.container[key] = value
                frame.pending_key = None
                frame.pending_key_pos = None
        self.doc.value_positions.setdefault(path, pos)
        self._last_added_path = path
        if anchor and not isinstance(value, (dict, list)):
            self.anchors[anchor] = (value, 1, chars)
        return None
