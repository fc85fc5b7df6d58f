"""Amounts from spreadsheet cells, exact to the cent.

A number cell holds a binary float: 0.1 + 0.2 is 0.30000000000000004 there. Excel shows
a number with 15 significant digits (its formula bar never shows more), so a number cell
is read as Excel shows it: rounded to 15 significant digits, it must have at most 2
decimals. That accepts float noise (0.30000000000000004 → 0.30; the tolerance is half a
unit in the 15th digit, 5e-15 of the amount) and refuses a real third decimal (12.345)
or a computed value that is not whole cents (=100/3). From 10^13 yuan on, 15 digits no
longer reach the cent, so such a number cell is refused (a text cell still works).

A text cell is read exactly from its characters: "1,234.50元", "￥1,234.50", "1234.5",
"-1,234.50", "(1,234.50)" (accounting negative), full-width digits; thousands
separators must group by three.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Context, Decimal, ROUND_HALF_EVEN

CENT = Decimal("0.01")
EXCEL_DIGITS = 15
_EXCEL = Context(prec=EXCEL_DIGITS, rounding=ROUND_HALF_EVEN)
LARGEST_NUMBER_CELL = Decimal(10) ** (EXCEL_DIGITS - 2)      # 13 integer digits and 2 decimals
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+)")
_CURRENCY_BEFORE = ("人民币", "rmb", "cny", "¥")
_CURRENCY_AFTER = ("人民币元", "元整", "元", "圆")


class CellError(Exception):
    """A cell that cannot be read: its problem code and a Chinese message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _precision(shown: str) -> CellError:
    return CellError("import.amount_precision",
                     f"金额 {shown} 不是精确到分的数：最多两位小数。请核对这一格（是否是公式算出的结果？），改成到分的金额。")


def amount_of_number(value: float | int) -> Decimal:
    """A number cell's amount, signed, exact to the cent."""
    if isinstance(value, bool):
        raise CellError("import.amount_invalid", f"金额应为数字，实际是逻辑值 {str(value).upper()}。")
    if isinstance(value, int):
        number = Decimal(value)
    else:
        if not math.isfinite(value):
            raise CellError("import.amount_invalid", "金额应为具体的数字，这一格是错误值或无穷大。")
        number = _EXCEL.create_decimal_from_float(value)
    cents = number.quantize(CENT)
    if abs(cents) >= LARGEST_NUMBER_CELL:
        raise CellError("import.amount_invalid",
                        f"金额 {cents:,} 过大：数字格只有 15 位有效数字，精确不到分。请把这一格设为文本格式后重新输入。")
    if number != cents:
        raise _precision(format(number.normalize(), "f"))
    return cents


def amount_of_text(text: str) -> Decimal | None:
    """A text cell's amount, signed; None for an empty cell."""
    raw = text
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("−", "-").lower()
    if not text:
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    for _ in range(2):        # a sign before or after the currency: -¥12.00, ¥-12.00
        if text[:1] in "+-":
            negative ^= text[0] == "-"
            text = text[1:]
        for mark in _CURRENCY_BEFORE:
            if text.startswith(mark):
                text = text[len(mark):]
    for mark in _CURRENCY_AFTER:
        if text.endswith(mark):
            text = text[:-len(mark)]
            break
    match = _NUMBER.fullmatch(text)
    if not match:
        raise CellError("import.amount_invalid",
                        f"无法把“{raw.strip()}”读成金额：应为数字，例如 1234.50、1,234.50、¥1,234.50 或 1234.50元。")
    whole, decimals = match.group(1) or "0", match.group(2) or match.group(3) or ""
    if decimals.rstrip("0") and len(decimals.rstrip("0")) > 2:
        raise _precision(raw.strip())
    number = Decimal(f"{whole.replace(',', '')}.{decimals or '0'}").quantize(CENT)
    return -number if negative else number


def amount_of_cell(value) -> Decimal | None:
    """The signed amount of a cell of any kind; None when it is empty."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return amount_of_number(value)
    if isinstance(value, str):
        return amount_of_text(value)
    raise CellError("import.amount_invalid", f"金额应为数字，这一格是{_kind(value)}。")


def _kind(value) -> str:
    from datetime import date, time, timedelta
    if isinstance(value, (date, time, timedelta)):
        return "日期或时间"
    return "无法识别的内容"
