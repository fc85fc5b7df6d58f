"""Validate stage: a parsed Document against its model; pydantic's errors become Problems.

It reads the models' type annotations (which field a key names, which model a value
has) for its suggestions; the model classes themselves come in as arguments.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .load.strings import field_path
from .load.yamlread import Document
from .problems import Problem, error

_CUSTOM_CODES = {"schema.type", "schema.enum", "id.invalid", "period.invalid", "site.admin_invalid",
                 "site.base_url_invalid", "site.rules_invalid"}


def field_by_key(model: type[BaseModel] | None, key: Any):
    """The FieldInfo written as `key` in YAML (its alias, e.g. `from`), or None.
    (Also names fields in the published-record guard's messages.)"""
    if model is None:
        return None
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info
    return None


def innermost_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside Optional[...], list[...] or Annotated[...], if any."""
    for _ in range(6):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if not args:
            return None
        annotation = args[0]
    return None


def _unwrap(annotation: Any, key: Any) -> Any:
    """The annotation one step further down the path `key`."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin is typing.Union or str(origin) == "types.UnionType":
            non_none = [a for a in args if a is not type(None)]
            annotation = non_none[0] if non_none else annotation
            if len(non_none) <= 1:
                continue
            return None
        elif origin is list and isinstance(key, int):
            return args[0] if args else None
        elif origin is dict and not isinstance(key, int):
            return args[1] if len(args) > 1 else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = field_by_key(annotation, key)
            return field.annotation if field is not None else None
        else:
            return None


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    annotation: Any = model
    for key in loc:
        annotation = _unwrap(annotation, key)
        if annotation is None:
            return None
    return innermost_model(annotation)


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def _describe_field(model: type[BaseModel] | None, key: str) -> str:
    if model is None:
        return ""
    field = field_by_key(model, key)
    return f"（{field.description}）" if field is not None and field.description else ""


def validate_document(doc: Document, model: type[BaseModel]) -> tuple[Any | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        what = "空的" if doc.data is None else "不是“键: 值”形式的映射"
        return None, [error(doc.at(), "schema.type", f"文件内容{what}：应为一组“字段: 值”，参见文档中该类文件的示例。")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, [_to_problem(doc, model, e, suggest=i < MAX_SUGGESTIONS) for i, e in enumerate(errors)]


# "Did you mean …?" costs difflib time per unknown field; a file with 400,000 of them
# (5 MB of "k1: 1") took a minute. Past this many problems in one file, no suggestions.
MAX_SUGGESTIONS = 1000


def _to_problem(doc: Document, model: type[BaseModel], err: dict, suggest: bool = True) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    where = field_path(loc)
    if kind in _CUSTOM_CODES:
        return error(doc.at(*loc), kind, f"字段 {where}：{err['msg']}")
    if kind == "missing":
        parent, name = loc[:-1], loc[-1]
        owner = model_at(model, parent)
        at = doc.key_at(*parent) if parent else doc.at()
        inside = f"{field_path(parent)} 中" if parent else ""
        return error(at, "schema.missing_field", f"{inside}缺少必填字段“{name}”{_describe_field(owner, name)}。")
    if kind == "extra_forbidden":
        parent, name = loc[:-1], str(loc[-1])
        known = _field_names(model_at(model, parent))
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5) if suggest else []
        hint = f"是不是想写“{close[0]}”？" if close else ""
        allowed = f"可用字段：{'、'.join(known)}。" if known else ""
        return error(doc.key_at(*loc), "schema.unknown_field", f"未知字段“{where}”。{hint}{allowed}")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"字段 {where} 应为一组“字段: 值”（映射）"
    elif kind == "list_type":
        message = f"字段 {where} 应为列表（每项以“- ”开头）"
    elif kind in ("too_short", "too_long"):
        message = f"字段 {where} 的项数不对：{err['msg']}"
    else:
        message = f"字段 {where} 的值不对：{err['msg']}"
    return error(doc.at(*loc), "schema.type", message)
