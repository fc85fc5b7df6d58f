"""A bookkeeper's sheet as rows of cell values, each with its place (`FILE:SHEET!C12`).

.xlsx through openpyxl (read-only, cached values of formulas); .csv in UTF-8 (with or
without a byte-order mark), UTF-16 with a byte-order mark (Excel's “Unicode 文本”,
tab-separated) or GB18030 (a superset of GBK: what Excel on Chinese Windows writes as
“CSV（逗号分隔）”). .xls (Excel 97–2003) is refused with how to save it as .xlsx.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..exits import Stop
from ..problems import Location, display_path

EXCEL_1900 = datetime(1899, 12, 30)
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class Table:
    path: Path
    sheet: str | None                 # None for a CSV file
    rows: list[list]                  # cell values; rows[0] is row 1
    epoch: datetime = EXCEL_1900      # what a date serial number counts from
    sheets: list[str] = field(default_factory=list)

    def at(self, row: int, column: int) -> Location:
        """The place of a cell, both counted from 1."""
        return Location(str(self.path), row, column, "" if self.sheet is None else self.sheet)

    @property
    def shown(self) -> str:
        """How the report names what was read: the file, and the sheet of a workbook."""
        where = display_path(self.path)
        return where if self.sheet is None else f"{where} 工作表“{self.sheet}”"


def read_table(path: Path, sheet: str | None = None) -> Table:
    if not path.is_file():
        raise Stop.usage(f"找不到文件 {display_path(path)}。")
    suffix = path.suffix.lower()
    if suffix in (".xls", ".et", ".ods", ".numbers", ".xlsb"):
        raise Stop.usage(f"{display_path(path)} 是 {suffix} 格式，无法读取：请在 Excel 或 WPS 中打开它，"
                         "“另存为” Excel 工作簿（*.xlsx）或 CSV 文件后再导入。")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise Stop.usage(f"{display_path(path)} 超过 50 MB：请只保留要导入的明细。")
    if suffix in (".xlsx", ".xlsm"):
        return _read_workbook(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        if sheet is not None:
            raise Stop.usage("CSV 文件只有一张表，不能用 --sheet。")
        return _read_csv(path)
    raise Stop.usage(f"不认识的文件类型“{path.suffix}”：请导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。")


# ---------------------------------------------------------------- .xlsx

def _read_workbook(path: Path, wanted: str | None) -> Table:
    from openpyxl import load_workbook   # only an import needs it; a build that writes no workbook does not

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        if path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise Stop.usage(f"{display_path(path)} 实际上是旧的 .xls 格式：请在 Excel 或 WPS 中“另存为” Excel 工作簿（*.xlsx）后再导入。") from None
        raise Stop.data(f"{display_path(path)} 不是可以读取的 Excel 工作簿（{type(exc).__name__}）：请在 Excel 中打开后重新保存为 .xlsx。") from None
    try:
        names = list(book.sheetnames)
        if wanted is not None and wanted not in names:
            raise Stop.usage(f"{display_path(path)} 中没有工作表“{wanted}”。已有：{'、'.join(names)}。")
        rows_of = {name: _sheet_rows(book[name]) for name in ([wanted] if wanted else names)}
        epoch = book.epoch
    finally:
        book.close()
    if wanted is None:
        filled = [name for name in names if any(v is not None for row in rows_of[name] for v in row)]
        if len(filled) != 1:
            which = f"有 {len(filled)} 张有内容的工作表（{'、'.join(filled)}）" if filled else "所有工作表都是空的"
            raise Stop.usage(f"{display_path(path)} {which}：请用 --sheet 工作表名称 指定要导入的一张。")
        wanted = filled[0]
    return Table(path, wanted, rows_of[wanted], epoch, names)


def _sheet_rows(sheet) -> list[list]:
    sheet.reset_dimensions()   # some programs write a wrong <dimension>; read every row there is
    rows, row_number = [], 0
    for cells in sheet.iter_rows():
        first = next((c for c in cells if getattr(c, "row", None)), None)
        if first is None:
            continue
        while row_number < first.row - 1:      # rows the file leaves out are empty rows
            rows.append([])
            row_number += 1
        values: list = []
        for cell in cells:
            column = getattr(cell, "column", None)
            if column is None:
                continue
            values.extend([None] * (column - 1 - len(values)))
            values.append(cell.value)
        rows.append(values)
        row_number += 1
    return rows


# ---------------------------------------------------------------- .csv

def decode_csv(path: Path, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise Stop.data(f"{display_path(path)} 第 {line} 行有无法识别的字节：既不是 UTF-8 也不是 GBK/GB18030 编码。"
                        "请在 Excel 中“另存为” CSV UTF-8（逗号分隔）后再导入。") from None


def _read_csv(path: Path) -> Table:
    try:
        text = decode_csv(path, path.read_bytes())
    except UnicodeDecodeError:
        raise Stop.data(f"{display_path(path)} 的编码无法识别：请在 Excel 中“另存为” CSV UTF-8（逗号分隔）后再导入。") from None
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        rows = [[_csv_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise Stop.data(f"{display_path(path)} 不是格式正确的 CSV 文件：{exc}。") from None
    return Table(path, None, rows)


# gongshi's own CSV downloads put ' before text that starts like a formula (= + - @), so
# a spreadsheet shows it instead of running it; importing such a file takes the ' off.
_GUARDED = ("'=", "'+", "'-", "'@")


def _csv_cell(text: str):
    if text == "":
        return None
    return text[1:] if text.startswith(_GUARDED) else text
