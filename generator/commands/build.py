"""`gongshi build`: check, render pages and PDFs, build the site (generator/build/).

The output folder is replaced only when every step succeeded (build/staging.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..build.portal import build_portal
from ..build.result import BuildResult
from ..exits import ExitCode
from ..problems import print_text


def summary(result: BuildResult) -> list[str]:
    """The lines printed after a build, in CI logs as on a terminal."""
    lines = []
    if result.district:
        lines.append(f"小区网站：新构建 {len(result.rebuilt)} 个，沿用缓存 {len(result.communities) - len(result.rebuilt)} 个。")
        if result.pdfs is not None and result.rebuilt:
            lines.append(f"打印版 PDF（新构建的小区）：新生成 {result.pdfs.rendered} 份，沿用缓存 {result.pdfs.cached} 份。")
        what = f"小区 {result.only} 的网站" if result.only else f"全区网站（{len(result.communities)} 个小区）"
    else:
        if result.pdfs is not None:
            lines.append(f"打印版 PDF：新生成 {result.pdfs.rendered} 份，沿用缓存 {result.pdfs.cached} 份。")
        what = "网站"
    lines.append(f"{what}已生成：{result.out_dir}/（数据截至 {result.as_of}）")
    return lines


def run(data_dir: Path, out_dir: Path, as_of: date, *, pdf: bool = True, community: str | None = None,
        admin: bool = False) -> ExitCode:
    result = build_portal(data_dir, out_dir, as_of, pdf=pdf, community=community, admin=admin, on_checked=print_text)
    for line in summary(result):
        print(line)
    return ExitCode.OK
