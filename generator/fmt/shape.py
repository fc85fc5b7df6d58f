"""What the data model says about each key: how its value is written canonically.

Read from the field annotations of generator/model/records.py, so a new field gets
its canonical form without a change here.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..model import fields
from ..model.annotations import strip_optional

# Field types whose text fmt normalises, by the validator that reads them.
_TWO_DECIMALS = {fields.money, fields.positive_money, fields.area, fields.positive_area}
_NUMBERS = {fields.number, fields.positive_number}
_INTEGERS = {fields.count, fields.day_count, fields.month_count, fields.positive_count}
_DATES = {fields.a_date}

# A mapping is written on one line ("flow") when it is a small value (a range, a tally,
# an apportionment, a score row): at most this many keys, each a plain value or a list
# of plain values. Named things that stand on their own (a party organisation) have a
# `name` and stay on separate lines unless they are rows of a list (fees, categories); so
# does anything with a `text` (a meeting's decision: a sentence, too long for one line).
FLOW_MAX_KEYS = 3


@dataclass(frozen=True)
class Shape:
    """How one key's value is written."""

    scalar: str | None = None             # "money" | "number" | "integer" | "date" | None (text as written)
    model: type[BaseModel] | None = None  # a mapping of this model
    is_list: bool = False                 # a list (of `model` mappings, or of plain values)
    is_dict: bool = False                 # a free mapping (site.yml grades)
    item_scalar: str | None = None        # the kind of the list's or dict's plain values


def _validator_kind(metadata) -> str | None:
    for meta in metadata:
        func = getattr(meta, "func", None)
        if func in _TWO_DECIMALS:
            return "money"
        if func in _NUMBERS:
            return "number"
        if func in _INTEGERS:
            return "integer"
        if func in _DATES:
            return "date"
    # A validator of its own (site.yml's rule values): its JSON Schema says what it reads.
    for meta in metadata:
        schema_type = (getattr(meta, "json_schema", None) or {}).get("type")
        if schema_type == "integer":
            return "integer"
        if schema_type == "number":
            return "number"
    return None


def shape_of(annotation: Any) -> Shape:
    annotation = strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return Shape(scalar=_validator_kind(typing.get_args(annotation)[1:]))
    if origin is list:
        item = shape_of(typing.get_args(annotation)[0])
        return Shape(model=item.model, is_list=True, item_scalar=item.scalar)
    if origin is dict:
        return Shape(is_dict=True, item_scalar=shape_of(typing.get_args(annotation)[1]).scalar)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(model=annotation)
    return Shape()


@cache
def key_shapes(model: type[BaseModel]) -> dict[str, Shape]:
    """YAML key (the alias, e.g. `from`) → shape, in the model's field order."""
    shapes = {}
    for name, info in model.model_fields.items():
        # pydantic moves a field's own Annotated[...] metadata (the validator) into `metadata`
        kind = _validator_kind(info.metadata)
        shapes[info.alias or name] = Shape(scalar=kind) if kind else shape_of(info.annotation)
    return shapes


@cache
def is_small_value(model: type[BaseModel], *, in_list: bool) -> bool:
    """True when a mapping of `model` is written as a flow mapping ({a: 1, b: 2})."""
    shapes = key_shapes(model)
    if len(shapes) > FLOW_MAX_KEYS:
        return False
    if "name" in shapes and not in_list or "text" in shapes:
        return False
    return all(s.model is None and not s.is_dict for s in shapes.values())
