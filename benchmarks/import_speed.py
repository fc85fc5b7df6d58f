#!/usr/bin/env python3
"""How fast is `gongshi import` on a large bookkeeper's sheet?

    .venv/bin/python benchmarks/import_speed.py [--rows 10000] [--runs 3]

Builds (in a temporary folder) an .xlsx workbook and the same rows as a GBK CSV file:
--rows entries dated through 2027 (so the import appends to new periods 2027-H1 and
2027-H2 of the sample's maintenance fund), with a title row, date cells, float amounts
in 借方/贷方 columns, 类型 and 凭证字号. Each run copies the sample data afresh and
times one whole `gongshi import` (read, check every cell, plan, compose, read back,
write), best of --runs, wall and CPU time. Prints rows per second; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import sys
import tempfile
from contextlib import redirect_stdout
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import best_of  # noqa: E402

from generator.cli import main  # noqa: E402


def _rows(count: int) -> list[list]:
    rng = random.Random(17)
    start = date(2027, 1, 1)
    rows = []
    for i in range(count):
        day = start + timedelta(days=i * 365 // count)
        cents = rng.randint(100, 2_000_000)
        inflow = i % 3 != 2
        kind = ("交存", "利息")[i % 2] if inflow else "使用"
        rows.append([day, f"记-{day.year}-{i + 1:05d}", f"第{i + 1}笔：{'业主交存维修资金' if inflow else '公共部位维修'}",
                     cents / 100 if inflow else None, None if inflow else (cents // 50) / 100, kind,
                     None if inflow else "2025-elevator"])
    return rows


HEADER = ["记账日期", "凭证字号", "摘要", "借方金额", "贷方金额", "类型", "表决"]


def _workbook(path: Path, rows: list[list]) -> None:
    import openpyxl
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("明细")
    sheet.append(["示例家园专项维修资金明细账"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def _csv(path: Path, rows: list[list]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([row[0].strftime("%Y/%-m/%-d"), *("" if v is None else (f"{v:.2f}" if isinstance(v, float) else v)
                                                         for v in row[1:])])
    path.write_bytes(buffer.getvalue().encode("gbk"))


def main_benchmark() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = _rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _workbook(work / "book.xlsx", rows)
        _csv(work / "book.csv", rows)
        for name in ("book.xlsx", "book.csv"):
            def once(name=name):
                project = work / "project"
                shutil.rmtree(project, ignore_errors=True)
                shutil.copytree(ROOT / "data", project / "data")
                # the expenses cite a vote: its budget is raised so `check` would pass too
                vote = project / "data/communities/shili-jiayuan/votes/2025-elevator.yml"
                vote.write_text(vote.read_text(encoding="utf-8").replace("budget: 420000.00", "budget: 900000000.00"),
                                encoding="utf-8")
                with redirect_stdout(io.StringIO()) as out:
                    code = main(["import", str(work / name), "--account", "maintenance-fund",
                                 "--data", str(project / "data")])
                if code != 0:
                    raise SystemExit(f"import failed:\n{out.getvalue()[-3000:]}")
            wall, cpu = best_of(args.runs, once)
            size = (work / name).stat().st_size
            print(f"{name}: {args.rows:,} rows ({size / 1024:,.0f} KB) in {wall:.2f} s wall, {cpu:.2f} s CPU "
                  f"(best of {args.runs}, including copying the sample data) = {args.rows / wall:,.0f} rows/s")


if __name__ == "__main__":
    main_benchmark()
