"""Walking the models' type annotations: which field a key names, which model a value has.

Shared by the validator (unknown-field suggestions, missing-field descriptions) and by
the published-record guard (field labels in messages).
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel


def field_by_key(model: type[BaseModel] | None, key: Any):
    """The FieldInfo written as `key` in YAML (its alias, e.g. `from`), or None."""
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
