"""`gongshi serve`: live preview on 127.0.0.1 that rebuilds when the sources change
(generator/preview.py)."""

from __future__ import annotations

from pathlib import Path

from ..exits import ExitCode
from ..preview import serve


def run(data_dir: Path, port: int) -> ExitCode:
    return serve(data_dir, port)
