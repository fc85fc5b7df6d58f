"""Make the new site beside --out and swap it in with two renames, or leave --out alone.

cli.md: `build` writes into a temporary folder and replaces --out only when everything
succeeded. Used for the output folder of every build and for each entry of the district's
site cache, so a crash, Ctrl-C or a failed rename anywhere leaves the previous folder as
it was, and no staging folder behind.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..exits import Stop

PREFIX = ".gongshi-build-"   # git-ignored (/.gongshi*/)


@contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """Yields a folder (not yet created) to make the new out_dir in; when the block ends
    without an error it replaces out_dir."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # Next to out_dir, so the renames stay on one file system.
    work = Path(tempfile.mkdtemp(prefix=PREFIX, dir=out_dir.parent))
    try:
        built = work / "site"
        yield built
        _swap_in(built, out_dir, work / "previous")
    finally:
        shutil.rmtree(work, ignore_errors=True)   # with it the previous site; links are not followed


def _swap_in(built: Path, out_dir: Path, previous: Path) -> None:
    """Replace out_dir by built, restoring the old folder if the second rename fails."""
    try:
        if out_dir.exists():
            out_dir.rename(previous)
        built.rename(out_dir)
    except OSError as error:
        if previous.exists() and not out_dir.exists():
            previous.rename(out_dir)
        raise Stop.data(f"无法替换输出目录 {out_dir}：{error}") from error
