"""Every string of a parsed document, with its path: what the checks that read all text
(personal data, control characters) and the printer's font check walk; and a path as an
editor reads it (items[2].finding)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

PathKey = tuple


def walk_strings(value: Any, path: PathKey = (), *, keys: bool = False) -> Iterator[tuple[PathKey, str, bool]]:
    """(path, text, is_key) for every string value, and with keys=True every mapping key too
    (a key's path is the path of its value)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if keys:
                yield path + (key,), str(key), True
            yield from walk_strings(item, path + (key,), keys=keys)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk_strings(item, path + (i,), keys=keys)
    elif isinstance(value, str):
        yield path, value, False


def field_path(path: PathKey) -> str:
    """items[2].finding: list positions counted from 1, as editors count."""
    out = ""
    for key in path:
        out += f"[{key + 1}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out
