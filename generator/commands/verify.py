"""`gongshi verify SITE`: list what differs from the site's manifest.json."""

from __future__ import annotations

from pathlib import Path

from ..exits import ExitCode
from ..integrity.verify import verify_site


def run(site_dir: Path) -> ExitCode:
    diff = verify_site(site_dir)
    for rel in diff.changed:
        print(f"已改动：{rel}")
    for rel in diff.missing:
        print(f"缺失：{rel}")
    for rel in diff.unlisted:
        print(f"清单外的文件：{rel}")
    for rel in diff.special:
        print(f"不是普通文件（命名管道、设备或套接字）：{rel}")
    if diff.clean:
        print("核对通过：所有文件与 manifest.json 一致。")
        return ExitCode.OK
    special = f"，{len(diff.special)} 个不是普通文件" if diff.special else ""
    print(f"核对未通过：{len(diff.changed)} 个文件被改动，{len(diff.missing)} 个缺失，{len(diff.unlisted)} 个不在清单中{special}。")
    return ExitCode.DATA
