"""The one check of the output folder, for every kind of build: a build replaces --out
wholesale, so --out must never name a folder gongshi did not write.

Refused, before anything is read or built (exit 2, a usage error; issue 12):
- a folder that is, contains or lies inside the data folder, content/, overrides/,
  mkdocs.yml, the build cache or the git repository's own folder (.git): replacing it
  would delete what the site is made from;
- the repository root, the current folder or any folder above it (they contain all of
  the above, or whatever the user is working on);
- any other folder that is not empty and holds no manifest.json written by gongshi:
  only a previous gongshi build may be replaced.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from ..exits import Stop
from ..problems import display_path
from ..resources import defaults_root
from .manifest import MANIFEST, repository_root

GENERATOR_MARK = "gongshi"   # manifest.json's "generator": what build/manifest.py writes


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _shown(path: Path) -> str:
    return "当前目录" if path == Path.cwd().resolve() else display_path(path)


def refuse_out_dir(out_dir: Path, precious: Iterable[tuple[Path, str]], *,
                   ancestors: Iterable[tuple[Path, str]] = ()) -> None:
    """Raise Stop (exit 2) unless out_dir may be replaced by a new build.

    precious: (path, what it is) the output folder may not be, contain or lie inside.
    ancestors: (folder, what it is) the output folder may not be or contain (it may lie inside them).
    """
    out = out_dir.resolve()
    named = "输出目录（当前目录）" if out == Path.cwd().resolve() else f"输出目录 {display_path(out)}"
    hint = "构建会用生成的网站替换整个输出目录，其中原有的文件都会被删除。请换一个输出目录，例如 --out site。"
    checks = [(path, what, True) for path, what in precious] + [(path, what, False) for path, what in ancestors]
    for path, what, not_inside in checks:
        path = path.resolve()
        if out == path:
            relation = f"就是{what}"
        elif _is_within(path, out):
            relation = f"包含{what} {_shown(path)}"
        elif not_inside and _is_within(out, path):
            relation = f"位于{what} {_shown(path)} 之内"
        else:
            continue
        raise Stop.usage(f"{named} {relation}：{hint}")
    if out.exists() and not out.is_dir():
        raise Stop.usage(f"输出路径 {display_path(out)} 已存在且不是目录：请换一个输出目录。")
    if out.is_dir() and any(out.iterdir()) and not is_gongshi_build(out):
        raise Stop.usage(f"{named} 不是空目录，也不是 gongshi 以前生成的网站（其中没有 gongshi 写的 {MANIFEST}）："
                         f"{hint}")


def is_gongshi_build(folder: Path) -> bool:
    """True when folder holds a manifest.json that a gongshi build wrote."""
    manifest = folder / MANIFEST
    if manifest.is_symlink() or not manifest.is_file():
        return False
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("generator") == GENERATOR_MARK and isinstance(data.get("site"), dict)


def _git_dirs(data_dir: Path) -> list[Path]:
    """The repository's own folders (.git, and a worktree's shared one)."""
    try:
        done = subprocess.run(["git", "rev-parse", "--absolute-git-dir", "--git-common-dir"], cwd=data_dir,
                              capture_output=True, text=True, timeout=20,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    return [(data_dir / line).resolve() for line in done.stdout.splitlines() if line.strip()]


PROJECT_FILES = {"content": "手写页面目录", "overrides": "网站模板目录", "mkdocs.yml": "网站配置文件"}


def refuse_build_out_dir(out_dir: Path, data_dir: Path) -> None:
    """The guard for `gongshi build` and `gongshi serve`: everything a portal is made from
    (the portal's own site files and gongshi's defaults, build/project.py), its cache (.cache/ beside the data) and its
    repository."""
    data = data_dir.resolve()
    root = repository_root(data)
    project = data.parent
    precious = [(data, "数据目录"), (project / ".cache", "构建缓存目录"), (root / ".git", "仓库的 git 目录")]
    precious += [(folder, "仓库的 git 目录") for folder in _git_dirs(data)]
    precious += [(folder / name, what) for folder in dict.fromkeys((project, defaults_root()))
                 for name, what in PROJECT_FILES.items()]
    refuse_out_dir(out_dir, precious, ancestors=[(root, "仓库根目录"), (Path.cwd(), "当前目录")])
