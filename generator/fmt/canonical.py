"""One data file's text → its canonical text (see the package's docstring)."""

from __future__ import annotations


import re
from decimal import Decimal

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .shape import Shape, is_small_value, key_shapes
from .yamlrt import Verbatim, dump, load

MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)\s*")
_TAG = "tag:yaml.org,2002:"
# What a careful editor means by a number: ASCII digits, an optional point and at most
# two decimals. Anything else (1,234.00, 1e4, 1.005, -5) is left for `check` to report.
_DECIMAL = re.compile(r"\+?\d+(\.\d{1,2})?", re.ASCII)
_INTEGER = re.compile(r"\+?\d+", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def modeline(target: str) -> str:
    return f"# yaml-language-server: $schema={target}"


def canonical_text(text: str, model: type[BaseModel], schema: str) -> str:
    """`text` rewritten canonically; `schema` is the address the modeline names when the
    file names none (a file that names one keeps its address)."""
    named, body = _take_modeline(text)
    data = load(body)
    if not isinstance(data, CommentedMap):
        return text  # an empty file or a list: `check` says what is wrong, fmt has nothing to order
    _mapping(data, model)
    data.fa.set_block_style()
    return modeline(named or schema) + "\n" + dump(data)


def _take_modeline(text: str) -> tuple[str | None, str]:
    """The schema address named in the leading comments, and the text without that line."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        match = MODELINE.fullmatch(stripped)
        if match:
            return match.group(1), "\n".join(lines[:index] + lines[index + 1:])
    return None, text


def _mapping(node: CommentedMap, model: type[BaseModel] | None) -> None:
    shapes = key_shapes(model) if model is not None else {}
    for key in list(node):
        shape = shapes.get(key)
        if shape is not None:
            node[key] = _value(node, key, node[key], shape)
    # Known keys in the model's order, then whatever else the file has, as it had it.
    for key in [k for k in shapes if k in node] + [k for k in node if k not in shapes]:
        node.move_to_end(key)


def _value(parent, key, value, shape: Shape):
    if shape.scalar is not None:
        return scalar(value, shape.scalar)
    if shape.is_list and isinstance(value, CommentedSeq):
        for index, item in enumerate(value):
            if shape.model is not None and isinstance(item, CommentedMap):
                _mapping(item, shape.model)
                _style(value, index, item, flow=is_small_value(shape.model, in_list=True))
            elif shape.item_scalar is not None:
                value[index] = scalar(item, shape.item_scalar)
        _style(parent, key, value, flow=shape.model is None)
    elif shape.is_dict and isinstance(value, CommentedMap):
        for item_key in list(value):
            if shape.item_scalar is not None:
                value[item_key] = scalar(value[item_key], shape.item_scalar)
        _style(parent, key, value, flow=True)
    elif shape.model is not None and isinstance(value, CommentedMap):
        _mapping(value, shape.model)
        _style(parent, key, value, flow=is_small_value(shape.model, in_list=False))
    return value


def scalar(value, kind: str):
    """A number or date as a canonical plain scalar, when its text is unambiguous."""
    if not isinstance(value, str) or "\n" in value:
        return value
    text = value.strip()
    if kind == "money" and _DECIMAL.fullmatch(text):
        return Verbatim(f"{Decimal(text):.2f}", _TAG + "float")
    if kind == "number" and _DECIMAL.fullmatch(text):
        return Verbatim(text.lstrip("+"), _TAG + ("float" if "." in text else "int"))
    if kind == "integer" and _INTEGER.fullmatch(text):
        return Verbatim(text.lstrip("+"), _TAG + "int")
    if kind == "date" and _DATE.fullmatch(text):
        return Verbatim(text, _TAG + "timestamp")
    return value


def _style(parent, key, node, *, flow: bool) -> None:
    """Flow or block style for `node`, the value of parent[key]. A block whose lines carry
    comments stays a block: the comments explain each value (site.yml's settings), and
    joined behind one line they would be hard to read. Only the comment on the key's own
    line moves behind the flow mapping. An empty list or mapping has no block form: it
    stays `[]` or `{}` with its comment where it was (as a block, ruamel would write
    `entries:  # note`, then `[]` on a line of its own, which is not YAML)."""
    if not len(node):
        node.fa.set_flow_style()
        return
    if not flow:
        node.fa.set_block_style()
        return
    if node.fa.flow_style():
        return  # already one line: its comment is where the editor put it
    if _comments(node, remove=False, own_line=False):
        node.fa.set_block_style()
        return
    notes = _comments(node, remove=True)   # the comment after `key:` itself
    previous = parent.ca.items.get(key)
    if previous and len(previous) > 2 and previous[2] is not None:
        notes.insert(0, previous[2].value.strip().lstrip("#").strip())
        previous[2] = None
    node.fa.set_flow_style()
    notes = list(dict.fromkeys(note for note in notes if note))
    if notes:
        parent.yaml_add_eol_comment("；".join(notes), key)


def _comments(node, *, remove: bool, own_line: bool = True) -> list[str]:
    """The texts of every comment inside `node` (and its children); with `remove`, taken
    out of it; without `own_line`, not the one after the key that `node` is the value of."""
    notes: list[str] = []

    def tokens(entry):
        for token in entry if isinstance(entry, list) else [entry]:
            if isinstance(token, list):
                yield from tokens(token)
            elif token is not None and hasattr(token, "value"):
                yield token

    def walk(item, top=False):
        if not isinstance(item, (CommentedMap, CommentedSeq)):
            return
        for entry in ([item.ca.comment] if own_line or not top else []) + list(item.ca.items.values()):
            for token in tokens(entry) if entry is not None else ():
                for line in token.value.split("\n"):
                    text = line.strip().lstrip("#").strip()
                    if text:
                        notes.append(text)
        if remove:
            item.ca.comment = None
            item.ca.items.clear()
        for child in (item.values() if isinstance(item, CommentedMap) else item):
            walk(child)

    walk(node, top=True)
    return notes
