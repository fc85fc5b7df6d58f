"""Where build caches live, and why a pull request cannot fill them.

Caches (PDFs, charts, built community sites) sit in a git-ignored `.cache/gongshi/`
beside the data folder. Their contents are published as they are, so a cache that
git tracks (a pull request can force-add ignored files) or that is a symbolic link
would let a pull request publish a forged PDF or page: such a cache is refused.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class UnsafeCache(Exception):
    pass


def _tracked(project: Path) -> list[str]:
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0")
    try:
        done = subprocess.run(["git", "ls-files", "--", ".cache"], cwd=project, capture_output=True,
                              text=True, timeout=30, env=env)
    except (OSError, subprocess.SubprocessError):
        return []  # no git: nobody can push files into this folder through a pull request
    return done.stdout.split() if done.returncode == 0 else []


def cache_root(data_dir: Path) -> Path:
    project = data_dir.resolve().parent
    root = project / ".cache" / "gongshi"
    for folder in (project / ".cache", root):
        if folder.is_symlink():
            raise UnsafeCache(f"{folder.relative_to(project).as_posix()} 是符号链接：构建缓存必须是普通目录，请删除它后重试。")
    tracked = _tracked(project)
    if tracked:
        raise UnsafeCache(f"构建缓存 .cache/ 中有被 git 跟踪的文件（如 {tracked[0]}）：缓存会被原样发布，"
                          "不能来自提交。请执行 git rm -r --cached .cache 后重试。")
    return root
