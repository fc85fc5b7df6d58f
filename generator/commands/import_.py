"""`gongshi import FILE`: a bookkeeper's sheet (.xlsx or .csv) → ledger entries.

Prints what it read and where each entry went, or every cell it could not read (as
`check` prints problems) and writes nothing. The work is generator/spreadsheet's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..exits import ExitCode, Stop
from ..formatting import money
from ..problems import column_letters, display_path, format_text
from ..spreadsheet.fields import FIELD_NAMES
from ..spreadsheet.importer import Imported, import_sheet
from ..spreadsheet.ledgerfiles import PeriodChange


def run(file: Path, community: str | None, account: str, data_dir: Path, period: str | None = None,
        map_path: Path | None = None, sheet: str | None = None, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        result = import_sheet(file, data_dir, community, account, period, map_path, sheet)
    except Stop as stop:
        print(f"gongshi import：{stop.message}", file=err)
        return stop.exit_code
    out.write(report(result, account))
    return ExitCode.DATA if result.problems else ExitCode.OK


def report(result: Imported, account: str) -> str:
    lines = []
    table, columns = result.table, result.columns
    if table is not None and columns is not None:
        count = sum(1 for row in table.rows[columns.header_row:] if any(v not in (None, "") for v in row))
        lines.append(f"读取 {table.shown}：表头在第 {columns.header_row} 行，其下有 {count} 行。")
        mapped = "，".join(f"{FIELD_NAMES[name]} ← {column_letters(c)}列“{columns.headers[c]}”"
                          for name, c in sorted(columns.by_field.items(), key=lambda item: item[1]))
        lines.append(f"  {mapped}")
        if columns.unused:
            lines.append("  未使用的列：" + "，".join(f"{column_letters(c)}列“{columns.headers[c]}”" for c in columns.unused))
    if result.problems:
        lines.append(format_text(result.problems).rstrip("\n"))
        lines.append("没有写入任何文件：请改正表格中的这些格后重新导入。")
        return "\n".join(lines) + "\n"
    summary_column = columns.by_field["summary"]
    if result.skipped:
        lines.append(f"跳过 {len(result.skipped)} 行合计、余额行：" + "，".join(
            f"{display_path(table.path)}:{table.at(s.row, summary_column).position}“{s.summary}”" for s in result.skipped))
    plan = result.plan
    if plan.duplicates:
        lines.append(f"跳过 {len(plan.duplicates)} 行（与已有的明细相同，不再重复添加）：")
        lines += [f"  {display_path(table.path)}:{table.at(entry.row, columns.by_field['date']).position}：与 {ident} 相同"
                  for entry, ident in plan.duplicates]
    for change in plan.changes:
        lines.append(_change_line(change))
    if plan.later_periods:
        later = "、".join(plan.later_periods)
        lines.append(f"注意：之后的期间 {later} 的期初余额没有跟着改，gongshi check 会报告 ledger.opening_mismatch；"
                     "往已经结束的期间补记明细，还要发更正公示。")
    if not plan.changes:
        lines.append("没有要添加的明细。")
    else:
        lines.append("请核对新增的明细和期末余额，再运行 gongshi check；通过后提交合并请求。")
    return "\n".join(lines) + "\n"


def _change_line(change: PeriodChange) -> str:
    shown = display_path(change.path)
    ids = [ident for ident, _ in change.entries]
    span = ids[0] if len(ids) == 1 else f"{ids[0]} 至 {ids[-1]}"
    if change.created:
        return (f"已新建 {shown}：{len(ids)} 条明细 {span}；期初余额 {money(change.opening)} 取自 {change.previous} 的期末余额，"
                f"期末余额 {money(change.closing)}（期初 + 收入 − 支出）。")
    moved = change.closing - change.old_closing
    sign = "+" if moved >= 0 else "−"
    return (f"已在 {shown} 末尾添加 {len(ids)} 条明细 {span}；期末余额 closing_balance 由 {money(change.old_closing)} "
            f"改为 {money(change.closing)}（{sign}{money(abs(moved))}，即导入的收入减支出）。")
