"""Decap CMS form fields from the data models: one widget per field, labels and hints
from the field docs, so the forms cannot drift from what `gongshi check` accepts.

- money and area: number widgets (float, step 0.01); fmt writes them with 2 decimals;
- dates: datetime widgets that store YYYY-MM-DD and pick in UTC (no day shift);
- every choice() field: a select with the Chinese labels of generator/model/labels.py;
- a field naming another record: a relation widget (relations.py says which);
- the notice body: a plain text area (Decap's Markdown editor mishandles Chinese input
  methods, issue 17);
- nested models: object widgets; lists of models: list widgets; lists of plain values:
  list widgets that take comma-separated text.
"""

from __future__ import annotations

import re
import typing
from typing import Any, Callable

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model.annotations import strip_optional
from ..model import fields as types

# How a relation is chosen for a field: (model, key) → widget settings, from relations.py.
RelationFor = Callable[[type[BaseModel], str], dict | None]

_POSITIVE = {types.positive_money, types.positive_area, types.positive_count}
_MONEY_AREA = {types.money, types.positive_money, types.area, types.positive_area}
_LABEL_END = re.compile(r"[（，；(]")


def label_and_hint(key: str, info: FieldInfo) -> tuple[str, str]:
    """The label is the field doc up to its first aside; the hint is the whole doc and the
    YAML key, which is what a reviewer sees in the pull request."""
    doc = info.description or key
    label = _LABEL_END.split(doc, 1)[0] or doc
    return label, f"{doc}（字段 {key}）" if doc != label else f"字段 {key}"


def _metadata(annotation: Any, info: FieldInfo | None) -> list:
    found = list(info.metadata) if info is not None else []
    annotation = strip_optional(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        found += list(typing.get_args(annotation)[1:])
    return found


def _scalar_widget(annotation: Any, info: FieldInfo | None) -> dict:
    metadata = _metadata(annotation, info)
    for meta in metadata:
        if isinstance(meta, types.Choices):
            return {"widget": "select", "options": [{"label": label, "value": value} for value, label in meta.labels]}
    func = next((getattr(m, "func", None) for m in metadata if getattr(m, "func", None)), None)
    if func in _MONEY_AREA or func is types.number:
        return {"widget": "number", "value_type": "float", "step": 0.01,
                "min": 0.01 if func in _POSITIVE else 0}
    if func in (types.count, types.day_count, types.positive_count):
        widget = {"widget": "number", "value_type": "int", "step": 1, "min": 1 if func in _POSITIVE else 0}
        return widget | ({"max": types.MAX_DAYS} if func is types.day_count else {})
    if func is types.a_date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False, "picker_utc": True}
    if func is types.boolean:
        return {"widget": "boolean"}
    if func is types.record_id:
        return {"widget": "string", "pattern": ["^[a-z0-9-]+$", "只能用小写字母、数字和连字符“-”"]}
    if func is types.web_address:
        return {"widget": "string", "pattern": ["^[Hh][Tt][Tt][Pp][Ss]?://", "以 http:// 或 https:// 开头"]}
    return {"widget": "string"}


def model_fields(model: type[BaseModel], relation_for: RelationFor) -> list[dict]:
    """The form fields of `model`, in the model's (the files') key order."""
    out = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        field = field_for(model, key, info, relation_for)
        if field is not None:
            out.append(field)
    return out


def field_for(model: type[BaseModel], key: str, info: FieldInfo, relation_for: RelationFor) -> dict | None:
    label, hint = label_and_hint(key, info)
    base = {"name": key, "label": label, "hint": hint, "required": info.is_required()}
    if not info.is_required() and info.default not in (None, "", [], {}) and not callable(info.default_factory):
        base["default"] = info.default
    relation = relation_for(model, key)
    if relation is not None:
        return base | relation
    annotation = strip_optional(info.annotation)
    origin = typing.get_origin(annotation)
    if origin is dict:
        return None  # free mappings (site.yml's grades) have no widget: kept as written, edited in the file
    if key == "body":
        return base | {"widget": "text"}
    if origin is list:
        item = typing.get_args(annotation)[0]
        if isinstance(item, type) and issubclass(item, BaseModel):
            return base | {"widget": "list", "fields": model_fields(item, relation_for),
                           "summary": list_summary(item)}
        widget = _scalar_widget(item, None)
        if widget["widget"] == "string":
            return base | {"widget": "list"}  # comma-separated text: 1号楼, 2号楼
        return base | {"widget": "list", "field": {"name": key, "label": label, **widget}}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        inner = model_fields(annotation, relation_for)
        if not info.is_required():
            # Decap checks an optional object's required fields even when it is left empty,
            # and then refuses to save: `check` says what an object that is there must hold.
            inner = [field | {"required": False} for field in inner]
        return base | {"widget": "object", "fields": inner, "collapsed": not info.is_required()}
    return base | _scalar_widget(info.annotation, info)


_ENTRY_SUMMARY = ("date", "summary", "amount")


def list_summary(model: type[BaseModel]) -> str:
    """A list item's one-line summary: an entry's date, summary and amount, else the item's
    first three required keys (a member: name, role, since)."""
    keys = [info.alias or name for name, info in model.model_fields.items() if info.is_required()]
    chosen = list(_ENTRY_SUMMARY) if set(_ENTRY_SUMMARY) <= set(keys) else keys[:3]
    return " · ".join(f"{{{{fields.{key}}}}}" for key in chosen)
