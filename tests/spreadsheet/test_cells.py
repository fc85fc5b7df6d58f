"""One cell at a time: amounts exact to the cent, dates in the forms Chinese books use."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from generator.spreadsheet.amounts import CellError, amount_of_cell
from generator.spreadsheet.dates import date_of_cell


@pytest.mark.parametrize("cell, amount", [
    (0.1 + 0.2, "0.30"), (0.1 + 0.7, "0.80"), (1234.5, "1234.50"), (12000, "12000.00"), (-880.0, "-880.00"),
    (1234567.89 * 3, "3703703.67"), (9999999999999.99, "9999999999999.99"),
    ("1,234.50元", "1234.50"), ("￥1,234.50", "1234.50"), ("¥1234.5", "1234.50"), ("1234.5", "1234.50"),
    ("  1 234.50 ", "1234.50"), ("-1,234.50", "-1234.50"), ("−12.00", "-12.00"), ("(1,234.50)", "-1234.50"),
    ("-¥12.00", "-12.00"), ("¥-12.00", "-12.00"), ("１２３４．５０", "1234.50"), ("1234.500", "1234.50"),
    ("人民币100元", "100.00"), (".5", "0.50"), ("RMB 8", "8.00"),
])
def test_amounts_read_exactly(cell, amount):
    assert amount_of_cell(cell) == Decimal(amount)


@pytest.mark.parametrize("cell, code", [
    (12.345, "import.amount_precision"), (100 / 3, "import.amount_precision"), (0.001, "import.amount_precision"),
    ("12.345", "import.amount_precision"), ("1,23.45", "import.amount_invalid"), ("12元5", "import.amount_invalid"),
    ("一百元", "import.amount_invalid"), (True, "import.amount_invalid"), (float("nan"), "import.amount_invalid"),
    (1e13, "import.amount_invalid"), (datetime(2026, 1, 1), "import.amount_invalid"),
])
def test_amounts_refused(cell, code):
    with pytest.raises(CellError) as caught:
        amount_of_cell(cell)
    assert caught.value.code == code


def test_empty_cells_are_no_amount_and_no_date():
    assert amount_of_cell(None) is None and amount_of_cell("  ") is None
    assert date_of_cell(None) is None and date_of_cell(" ") is None


@pytest.mark.parametrize("cell, day", [
    (datetime(2026, 3, 5, 0, 0), date(2026, 3, 5)), (date(2026, 3, 5), date(2026, 3, 5)),
    (46086, date(2026, 3, 5)), (46086.75, date(2026, 3, 5)), (20260305, date(2026, 3, 5)),
    ("2026-03-05", date(2026, 3, 5)), ("2026/3/5", date(2026, 3, 5)), ("2026.3.5", date(2026, 3, 5)),
    ("2026年3月5日", date(2026, 3, 5)), ("2026 年 3 月 5 日", date(2026, 3, 5)), ("20260305", date(2026, 3, 5)),
    ("2026/3/5 0:00", date(2026, 3, 5)), ("２０２６－０３－０５", date(2026, 3, 5)),
])
def test_dates_read(cell, day):
    assert date_of_cell(cell) == day


def test_a_1904_workbook_counts_from_1904():
    assert date_of_cell(44624, datetime(1904, 1, 1)) == date(2026, 3, 5)


@pytest.mark.parametrize("cell", ["2026-02-30", "26/3/5", "3月5日", "明天", 10 ** 9, -3, "1899-12-31", True])
def test_dates_refused(cell):
    with pytest.raises(CellError) as caught:
        date_of_cell(cell)
    assert caught.value.code == "import.date_invalid"
