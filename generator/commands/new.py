"""`gongshi new KIND`: write a commented skeleton for the editor to fill in (scaffold/create.py),
then say where it is and which lines still need filling in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..exits import ExitCode
from ..problems import display_path
from ..scaffold import to_fill
from ..scaffold.create import create


def run(kind: str, community: str | None, data_dir: Path, as_of: date, base: str | None = None) -> ExitCode:
    written = create(kind, community, data_dir, as_of, base)
    shown = display_path(written.path)
    if written.created:
        print(f"已新建 {shown}：{written.what}。")
    else:
        print(f"已在 {shown} 第 {written.start_line} 行添加{written.what}。")
    if written.note:
        print(written.note)
    fields = to_fill(written.text, written.start_line)
    if fields:
        print("请填写：")
        for field in fields:
            print(f"  {shown}:{field.line}: {field.key}：{field.hint}")
    print("填好后运行 gongshi check；每个没填的字段都会报出具体行号。")
    return ExitCode.OK
