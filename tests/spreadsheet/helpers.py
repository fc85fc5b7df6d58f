"""Spreadsheets made in the tests (openpyxl, csv). The repository to import into and
`gongshi` run in it are tests/workflow/conftest.py's `repo` and `gongshi`."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl


C = "data/communities/shili-jiayuan"
FUND = f"{C}/maintenance-fund"
REVENUE = f"{C}/public-revenue"


def workbook(path: Path, rows: list[list], sheet: str = "明细", more: dict[str, list[list]] | None = None) -> Path:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    for name, extra in (more or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(row)
    book.save(path)
    return path


def set_raw_number(path: Path, cell: str, text: str, sheet_file: str = "xl/worksheets/sheet1.xml") -> None:
    """Put `text` as the stored value of a number cell, as Excel writes it (17 digits: 0.30000000000000004);
    openpyxl itself writes only 16."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts[sheet_file].decode("utf-8")
    xml, n = re.subn(rf'(<c r="{cell}"[^>]*><v>)[^<]*(</v>)', rf"\g<1>{text}\g<2>", xml)
    assert n == 1, cell
    parts[sheet_file] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def csv_file(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*")) if p.is_file()}
