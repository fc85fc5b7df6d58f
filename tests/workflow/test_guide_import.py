"""content/guide.md “从 Excel 导入”: the bookkeeper's sheet shown there, built as a workbook,
imported and checked on the sample at 2026-11-25 gives exactly the output the guide shows."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from generator.builddate import epoch_of
from tests.spreadsheet.helpers import workbook
from tests.workflow.conftest import C
from tests.workflow.test_guide import console, replayer, sections

SECTION = "从 Excel 导入"


def _sheet_table() -> list[list[str]]:
    """The Markdown table of the bookkeeper's sheet (the one whose header starts with 记账日期)."""
    lines = [line for line in sections()[SECTION].split("\n") if line.startswith("| ")]
    start = next(i for i, line in enumerate(lines) if line.startswith("| 记账日期 |"))
    rows = []
    for line in lines[start:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if set("".join(cells)) <= set("-"):
            continue
        if rows and len(cells) != len(rows[0]):
            break
        rows.append(cells)
    return rows


def _workbook(path, rows: list[list[str]]) -> None:
    workbook(path, [[cell or None for cell in row] for row in rows])    # an empty cell of the table is an empty cell


def test_the_import_section_shows_real_output(repo, gongshi, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(date(2026, 11, 25))))
    expect = replayer(gongshi, console(SECTION))

    rows = _sheet_table()
    assert rows[0][:5] == ["记账日期", "凭证字号", "摘要", "借方金额", "贷方金额"]
    book = repo / "维修资金2026下半年.xlsx"
    # The first try: one digit too many in the interest (row 3 of the sheet, column D).
    typo = [row[:] for row in rows]
    assert typo[2][3] == "8,912.46"
    typo[2][3] = "8,912.465"
    _workbook(book, typo)
    expect("gongshi import 维修资金2026下半年.xlsx --account maintenance-fund")
    assert not (repo / C / "maintenance-fund/2026-H2.yml").exists()
    _workbook(book, rows)
    expect("gongshi import 维修资金2026下半年.xlsx --account maintenance-fund")
    expect("gongshi check")
    assert next(expect.steps, None) is None
    # the balance column of the sheet agrees with what was written
    written = (repo / C / "maintenance-fund/2026-H2.yml").read_text(encoding="utf-8")
    closing = re.search(r"^closing_balance: (\S+)", written, re.M).group(1)
    assert f"{Decimal(closing):,.2f}" == rows[3][7]
