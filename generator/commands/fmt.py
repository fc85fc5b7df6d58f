"""`gongshi fmt`: rewrite data files canonically (generator/fmt/), or list those that are not."""

from __future__ import annotations

from pathlib import Path

from ..exits import ExitCode
from ..fmt.files import format_files
from ..problems import display_path, format_text, sorted_problems


def run(data_dir: Path, files: list[Path], *, check_only: bool) -> int:
    outcome = format_files(data_dir, files, write=not check_only)
    for path in outcome.changed:
        print(f"{'需要整理' if check_only else '已整理'}：{display_path(path)}")
    if outcome.problems:
        print(format_text(sorted_problems(outcome.problems)), end="")
        unreadable = len({p.location.path for p in outcome.problems})
        print(f"有 {unreadable} 个文件无法读取，没有整理；请先按上面的提示改正。")
    if check_only and outcome.changed:
        print(f"{len(outcome.changed)} 个文件不是规范格式：请运行 gongshi fmt 后提交。")
    elif check_only:
        print(f"{outcome.checked} 个数据文件都是规范格式。")
    else:
        print(f"共 {outcome.checked} 个数据文件，整理了 {len(outcome.changed)} 个。")
    return ExitCode.DATA if outcome.problems or (check_only and outcome.changed) else ExitCode.OK
