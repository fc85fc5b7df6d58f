"""YAML text as an editor's YAML 1.2 plugin sees it: numbers, booleans, strings."""

from __future__ import annotations

import re

from generator.load.scalars import Plain

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def to_json_instance(value):
    if isinstance(value, dict):
        return {k: to_json_instance(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_instance(v) for v in value]
    if isinstance(value, Plain):
        if value in ("true", "false"):
            return value == "true"
        if _INT.fullmatch(value):
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
    return None if value is None else str(value)
