"""Content-addressed store of finished PDFs, so an unchanged notice is never re-rendered.

A render takes ~0.35 s (~0.9 s for the first in a process) and a board has dozens. The
key covers every input that can change the bytes, so a hit is always the PDF a render
would produce.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..files import write_atomically

# Bump when the key's ingredients change meaning, so old entries are never matched.
KEY_FORMAT = 2


def key(**inputs: object) -> str:
    """SHA-256 over the JSON of every input (views become dicts via dataclasses.asdict)."""
    payload = json.dumps({"format": KEY_FORMAT, **inputs}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def copy_cached(cache_dir: Path, cache_key: str, out_path: Path) -> bool:
    """Copy the cached PDF to out_path; False if there is none."""
    try:
        data = (cache_dir / f"{cache_key}.pdf").read_bytes()
    except FileNotFoundError:
        return False
    write_atomically(out_path, data)
    return True


def store(cache_dir: Path, cache_key: str, pdf: bytes) -> None:
    write_atomically(cache_dir / f"{cache_key}.pdf", pdf)

