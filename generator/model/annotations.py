"""Reading the models' field annotations (fmt, the web forms' config)."""

from __future__ import annotations

import typing
from typing import Any


def strip_optional(annotation: Any) -> Any:
    """`X | None` → X; any other annotation as it is."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or str(origin) == "types.UnionType":
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation
