"""`gongshi init DIR [--district]`: write a new portal repository (scaffold/portal/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..exits import ExitCode
from ..scaffold.portal import write_portal


def run(target: Path, as_of: date, district: bool) -> ExitCode:
    written = write_portal(target, as_of, district=district)
    print(f"已新建公示网站仓库 {target.as_posix()}/，共 {len(written)} 个文件：")
    for rel in written:
        print(f"  {rel}")
    print("下一步（详见其中的 README.md）：")
    print("  1. 把 data/ 里的“某某”和占位数字换成真实情况，base_url 改成网站的真实地址；")
    print(f"  2. cd {target.as_posix()}，运行 gongshi check，直到没有错误；")
    print("  3. git init -b main，提交，推送到 GitHub 或自建的 Gitea，按 README.md 的“发布网站”打开自动发布。")
    return ExitCode.OK
