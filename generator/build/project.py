"""The project around the data folder: its own mkdocs.yml, content/ and overrides/ (else
gongshi's), its build cache, and the address the portal is published at."""

from __future__ import annotations

import os
from pathlib import Path

from ..cachedir import UnsafeCache, cache_root as checked_cache_root
from ..exits import Stop
from ..site_layout import project_file  # noqa: F401 - the build's name for it


def cache_root(data_dir: Path) -> Path:
    """Build caches live beside the data folder, in a git-ignored .cache/ (never in --out)."""
    try:
        return checked_cache_root(data_dir)
    except UnsafeCache as exc:
        raise Stop.data(f"{exc}（原有网站保持不变）") from None


def refuse_project_links(data_dir: Path) -> None:
    """content/, overrides/ and mkdocs.yml are published or obeyed as they are: like data/,
    they may hold no symbolic link, or a pull request could publish a file from outside."""
    root = data_dir.resolve().parent
    for name in ("content", "overrides", "mkdocs.yml"):
        top = root / name
        links = [top] if top.is_symlink() else []
        if not links and top.is_dir():
            for folder, dirs, files in os.walk(top):  # does not descend into linked folders
                links += [Path(folder) / n for n in sorted(dirs + files) if (Path(folder) / n).is_symlink()]
        if links:
            raise Stop.data(f"{links[0].relative_to(root).as_posix()} 是符号链接：content/、overrides/ 和 mkdocs.yml "
                            "中不允许符号链接，请把文件本身放进仓库（原有网站保持不变）。")


def site_url(base_url: str) -> str:
    """site.yml's base_url as MkDocs' site_url: with its final slash."""
    return base_url if base_url.endswith("/") else base_url + "/"
