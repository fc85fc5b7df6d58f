"""数据下载: one .xlsx workbook per community, a sheet per CSV file, in the page's order.

The sheets hold the very rows of the CSV files (downloads.py builds both), with a
Chinese header row and typed cells: money, areas and scores are numbers (money and
areas with two decimals shown), head counts whole numbers, dates real dates, enumerated
values their Chinese labels. Text is exact: a summary that starts with “=” is a text
cell, never a formula.

A number cell is a binary float. A 2-decimal amount is written as the float nearest to
it, the same number Excel stores when the amount is typed in, and openpyxl's 16
significant digits always read back as that float. Beyond 15 significant digits (from
10^13 yuan) no float holds the cents, so such a figure is written as text.

Same data and build date → same bytes: the document properties carry the build date,
every zip member the build date as its time, and nothing else varies.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

from .workbook_columns import AREA, COUNT, DATE, MONEY, SCORE, column

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
EXACT_DIGITS = 15
SHEET_NAME_LENGTH = 31
_NOT_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose members all carry one date and the same attributes, whatever the clock says."""

    def __init__(self, file, day: date):
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self._date_time = (max(day.year, 1980), day.month, day.day, 0, 0, 0)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._date_time)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o644 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl writes each worksheet to a temporary file first: take its bytes, not its mtime.
        with open(filename, "rb") as handle:
            self.writestr(arcname or Path(filename).name, handle.read(), compress_type, compresslevel)


def _number(text: str, kind: str):
    value = Decimal(text)
    if kind == COUNT:
        return int(value)
    if len(value.as_tuple().digits) > EXACT_DIGITS:
        return text                    # no float holds it to the cent: shown as written
    return float(value)


def cell_value(text, kind: str, words: dict | None):
    """A CSV cell (text, or an int head count) as the workbook's value."""
    if text is None or text == "":
        return None
    if kind in (MONEY, AREA, SCORE, COUNT):
        return _number(str(text), kind)
    if kind == DATE:
        return date.fromisoformat(str(text))
    text = str(text)
    if words:
        text = words.get(text, text)
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)   # control characters have no place in the file format


def _width(value) -> int:
    text = value if isinstance(value, str) else (f"{value:,.2f}" if isinstance(value, float) else str(value))
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _sheet_name(label: str, taken: set[str]) -> str:
    base = label.translate(_NOT_IN_SHEET_NAMES).strip("'")[:SHEET_NAME_LENGTH] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f"（{n}）"
        name, n = base[:SHEET_NAME_LENGTH - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _fill(sheet, dataset) -> None:
    columns = [column(dataset.stem, name) for name in dataset.columns]
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center")
    widths = [_width(c.header) for c in columns]
    for row in dataset.rows:
        values = [cell_value(row.get(name), c.kind, c.words) for name, c in zip(dataset.columns, columns)]
        sheet.append(values)
        for index, (value, c) in enumerate(zip(values, columns)):
            if value is None:
                continue
            cell = sheet.cell(row=sheet.max_row, column=index + 1)
            if isinstance(value, str):
                cell.data_type = "s"          # text, even when it starts with “=”
            elif c.kind in (MONEY, AREA):
                cell.number_format = MONEY_FORMAT
            elif c.kind == DATE:
                cell.number_format = DATE_FORMAT
            widths[index] = max(widths[index], _width(value))
    for index, width in enumerate(widths):
        sheet.column_dimensions[sheet.cell(row=1, column=index + 1).column_letter].width = min(max(width, 8) + 2, 60)
    sheet.freeze_panes = "A2"
    if dataset.rows:
        sheet.auto_filter.ref = sheet.dimensions


def write_workbook(datasets, path: Path, build_date: date, title: str) -> None:
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for dataset in datasets:
        _fill(book.create_sheet(_sheet_name(dataset.label, taken)), dataset)
    stamp = datetime(build_date.year, build_date.month, build_date.day)
    book.properties.creator = "gongshi"
    book.properties.title = title
    book.properties.created = book.properties.modified = stamp
    book.properties.lastModifiedBy = None
    with open(path, "wb") as handle, _FixedTimeZip(handle, build_date) as archive:
        ExcelWriter(book, archive).write_data()


def workbook_row(datasets, folder: Path, slug: str, community_name: str, build_date: date) -> dict:
    """Write `slug`.xlsx into the downloads folder; the 数据下载 page's row for it."""
    name = f"{slug}.xlsx"
    write_workbook(datasets, folder / name, build_date, f"{community_name}公示数据")
    return {"label": "全部数据（Excel 工作簿）", "xlsx": f"downloads/{name}", "xlsx_name": name, "csv": None, "json": None}
