"""The project around the data folder: the portal's own site files beside it, laid over
gongshi's defaults; its build cache; the address the portal is published at.

A portal's repository holds data/ and may hold content/, overrides/ and mkdocs.yml beside
it. gongshi's defaults (generator/resources.py) come first; a portal's content/ page or
overrides/ file wins over the default of the same path; its mkdocs.yml may set only the
keys build/site_files.py lists (docs/decisions.md). In gongshi's own checkout the files
beside data/ are the defaults themselves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..cachedir import UnsafeCache, cache_root as checked_cache_root
from ..exits import Stop
from ..resources import SITE_FILES, defaults_root


@dataclass(frozen=True)
class Project:
    root: Path        # the folder holding the data folder: the portal's repository
    defaults: Path    # gongshi's default mkdocs.yml, overrides/ and content/

    @classmethod
    def around(cls, data_dir: Path) -> Project:
        return cls(data_dir.resolve().parent, defaults_root())

    def own(self, name: str) -> Path | None:
        """The portal's own mkdocs.yml, content/ or overrides/, if it has one."""
        path = self.root / name
        if self.root == self.defaults or not (path.is_symlink() or path.exists()):
            return None
        return path

    def layers(self, name: str) -> list[Path]:
        """Where `name` comes from, the default first: later layers win, path by path."""
        own = self.own(name)
        return [self.defaults / name] + ([own] if own is not None else [])

    def watched(self) -> list[Path]:
        """What a site depends on besides the data: both layers, and the portal's own places
        even before they exist (`gongshi serve` notices a content/ folder created later)."""
        return list(dict.fromkeys([self.defaults / name for name in SITE_FILES] + [self.root / name for name in SITE_FILES]))

    def precious(self) -> list[Path]:
        """The portal's own site files: an output folder that holds one would delete it."""
        return [self.root / name for name in SITE_FILES]


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
    for name in SITE_FILES:
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
