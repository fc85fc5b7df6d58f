"""Which revision `gongshi check` guards published data against.

`--base REV`: that revision. `--base none`: no guard. Without `--base`, on a branch other
than the default one: the merge base with the default branch (the branch origin/HEAD
names, else `main` or `master`), so a silent edit made on a review branch is caught
without any option. On the default branch there is nothing to compare with, and outside
a git repository (or without git) nothing to compare in: then there is no guard.

The choice is said in one line (`note`) that the command prints on stderr, so stdout stays
the problem list that `--format json` and `--format github` promise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..exits import ExitCode
from ..gitrev import (RevisionError, current_branch, default_branch, has_commit, merge_base, repository_paths,
                      resolve_commit)

NO_BASE = "none"
LEAD = "已公示数据的比较基准："


@dataclass(frozen=True)
class Base:
    rev: str | None    # the revision to guard against; None: no guard
    note: str          # what was chosen and why, one line ("" when --base none said it all)


def _without(reason: str) -> Base:
    return Base(None, f"{LEAD}无（{reason}），不检查已公示的数据是否被悄悄修改。")


def choose_base(data_dir: Path, option: str | None) -> Base:
    """The base of `check`; an explicit REV that cannot be read raises RevisionError."""
    if option == NO_BASE:
        return Base(None, "")
    if option is not None:
        top, _ = repository_paths(data_dir)
        return Base(option, f"{LEAD}{option}（{resolve_commit(top, option)[:8]}）。")
    try:
        top, _ = repository_paths(data_dir)
    except RevisionError as error:
        return _without("没有 git" if error.exit_code == ExitCode.ENVIRONMENT else "数据目录不在 git 仓库中")
    if not has_commit(top, "HEAD"):
        return _without("仓库还没有提交")
    default = default_branch(top)
    if default is None:
        return _without("找不到默认分支 origin/HEAD、main 或 master；可用 --base 指定")
    name, ref = default
    if current_branch(top) == name:
        return _without(f"当前就在默认分支 {name} 上")
    fork = merge_base(top, ref)
    if fork is None:
        return _without(f"与默认分支 {name} 没有共同的历史；浅克隆请先 git fetch --unshallow")
    return Base(fork, f"{LEAD}与默认分支 {name} 的分叉点 {fork[:8]}（不比较请加 --base none）。")
