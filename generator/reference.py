"""Reference docs generated from the code, so they cannot go stale:
docs/fields.md (every field of every file kind, from the models) and docs/cli.md
(the command reference, from the CLI's own help). `python -m generator.reference`
rewrites both; a test checks they are current.
"""

from __future__ import annotations

import typing
from pathlib import Path

from pydantic import BaseModel

from .model.schema import SCHEMA_TITLES
from .model.records import KINDS

_TYPE_WORDS = {"Decimal": "数字", "int": "整数", "str": "文字", "date": "日期", "bool": "true/false"}


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin is list:
        return f"列表（{_type_name(args[0])}）"
    if origin is dict:
        return "映射"
    if origin is typing.Union or str(origin) == "types.UnionType":
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "映射，见下"
    return _TYPE_WORDS.get(getattr(annotation, "__name__", ""), str(annotation))


def _submodels(annotation):
    for arg in typing.get_args(annotation) or ():
        yield from _submodels(arg)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation


def _model_rows(model: type[BaseModel], prefix: str, seen: set) -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        required = "必填" if field.is_required() else "可选"
        rows.append(f"| `{prefix}{key}` | {_type_name(field.annotation)} | {required} | {field.description or ''} |")
        for sub in _submodels(field.annotation):
            if (sub, prefix + key) not in seen:
                seen.add((sub, prefix + key))
                item = "[]" if typing.get_origin(field.annotation) is list or "list" in str(field.annotation) else ""
                rows += _model_rows(sub, f"{prefix}{key}{item}.", seen)
    return rows


def fields_markdown() -> str:
    out = ["# 数据字段一览", "", "由 `python -m generator.reference` 从数据模型生成，请勿手改。"
           "金额和面积写成不加引号的数字，最多两位小数；日期写成 YYYY-MM-DD。", ""]
    for kind, model in KINDS.items():
        out += [f"## {SCHEMA_TITLES[kind]}", "", "| 字段 | 类型 | 必填 | 说明 |", "| --- | --- | --- | --- |"]
        out += _model_rows(model, "", set())
        out.append("")
    return "\n".join(out)


def cli_markdown() -> str:
    import os

    from .cli import build_parser

    # argparse wraps help to the terminal's width: fix it so the docs are the same everywhere.
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        return _cli_markdown(build_parser())
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous


def _cli_markdown(parser) -> str:
    out = ["# 命令参考", "", "由 `python -m generator.reference` 从命令行帮助生成，请勿手改。", "",
           "```text", parser.format_help().rstrip(), "```", ""]
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():
        out += [f"## gongshi {name}", "", "```text", sub.format_help().rstrip(), "```", ""]
    return "\n".join(out)


def write(root: Path) -> None:
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "fields.md").write_text(fields_markdown(), encoding="utf-8")
    (root / "docs" / "cli.md").write_text(cli_markdown(), encoding="utf-8")


if __name__ == "__main__":
    write(Path.cwd())
