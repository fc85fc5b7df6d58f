"""Dates from spreadsheet cells: date cells, Excel serial numbers, and text as Chinese
books write it (2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from ..model.fields import EARLIEST_DATE, LATEST_DATE
from .amounts import CellError

_TEXT_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_DIGITS_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
# Serial numbers Excel can show as a date: 1 is 1900-01-01, 2958465 is 9999-12-31.
_LAST_SERIAL = 2958465
_EXCEL_1900 = datetime(1899, 12, 30)


def _checked(year: int, month: int, day: int, shown: str) -> date:
    try:
        value = date(year, month, day)
    except ValueError:
        raise CellError("import.date_invalid", f"“{shown}”不是真实存在的日期。") from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise CellError("import.date_invalid", f"日期“{shown}”超出合理范围（{EARLIEST_DATE} 至 {LATEST_DATE}）。")
    return value


def _from_serial(serial: float, epoch: datetime) -> date:
    if epoch == _EXCEL_1900 and serial < 61:
        serial += 1       # Excel counts a 1900-02-29 that never was (Lotus 1-2-3's leap-year bug)
    day = (epoch + timedelta(days=int(serial))).date()
    return _checked(day.year, day.month, day.day, str(serial))


def date_of_cell(value, epoch: datetime = _EXCEL_1900) -> date | None:
    """The date in a cell; None when it is empty."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.year, value.month, value.day, value.date().isoformat())
    if isinstance(value, date):
        return _checked(value.year, value.month, value.day, value.isoformat())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value == int(value) and _DIGITS_DATE.fullmatch(str(int(value))):
            return date_of_text(str(int(value)))
        if 1 <= value <= _LAST_SERIAL:
            return _from_serial(value, epoch)
        raise CellError("import.date_invalid", f"无法把数字 {value} 读成日期：请把这一格设为日期格式，或写成 2024-03-05。")
    if isinstance(value, str):
        return date_of_text(value)
    raise CellError("import.date_invalid", "无法把这一格读成日期：请写成 2024-03-05。")


def date_of_text(text: str) -> date | None:
    shown = text.strip()
    folded = unicodedata.normalize("NFKC", shown)
    if not folded:
        return None
    match = _TEXT_DATE.fullmatch(folded) or _DIGITS_DATE.fullmatch(folded)
    if not match:
        raise CellError("import.date_invalid",
                        f"无法把“{shown}”读成日期：应写成 2024-03-05、2024/3/5 或 2024年3月5日，或使用日期格式的单元格。")
    return _checked(int(match.group(1)), int(match.group(2)), int(match.group(3)), shown)
