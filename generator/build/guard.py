"""The one check of the output folder: a build replaces --out wholesale, so "--out ."
must not delete the repository, nor --out name a file.

Each kind of build names what it must never delete (build/single.py, build/district.py):
a one-community build its docs folder and mkdocs.yml, a district build also the data,
the cache and content/.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..exits import Stop


def refuse_out_dir(out_dir: Path, precious: Iterable[Path]) -> None:
    out = out_dir.resolve()
    for path in precious:
        if path == out or out in path.parents:
            raise Stop.data(f"输出目录 {out} 包含 {path}，构建会将其删除；请换一个输出目录。")
    if out.exists() and not out.is_dir():
        raise Stop.data(f"输出路径 {out} 已存在且不是目录。")
