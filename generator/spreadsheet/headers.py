"""Which row is the header, and which column holds which field.

Books often start with a title row or two (“示例家园专项维修资金明细账 2026年”), so the
header is the first of the first 20 rows in which two or more cells name known fields.
A --map file (YAML, `表头: 字段`) adds headers or overrides the built-in ones; a field
can be named in English (`amount`) or in Chinese (`金额`), and `忽略` leaves a column out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load.yamlread import read_document
from ..problems import Problem, error
from .fields import AMOUNT_FIELDS, BUILT_IN_HEADERS, FIELD_NAMES, field_of, normal_header
from .table import Table

HEADER_SEARCH_ROWS = 20
MAP_CODE = "import.map_invalid"


@dataclass
class Columns:
    header_row: int                                    # 1-based
    by_field: dict[str, int] = field(default_factory=dict)   # field → 1-based column
    headers: dict[int, str] = field(default_factory=dict)    # column → header text as written
    unused: list[int] = field(default_factory=list)          # columns with a header no field claims

    def has(self, name: str) -> bool:
        return name in self.by_field


def read_map(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """The --map file: normalised header → field. Problems point at its lines."""
    doc, problems = read_document(path)
    if doc is None:
        return {}, problems
    if not isinstance(doc.data, dict) or not doc.data:
        return {}, [error(doc.at(), MAP_CODE, "对照表应为“表头: 字段”的映射，每行一项，例如“发生额: 金额”。")]
    mapping: dict[str, str] = {}
    known = "、".join(f"{chinese}（{name}）" for name, chinese in FIELD_NAMES.items())
    for header, value in doc.data.items():
        target = field_of(value) if isinstance(value, str) else None
        if target is None:
            shown = value if isinstance(value, str) else "不是文字"
            problems.append(error(doc.at(header), MAP_CODE,
                                  f"表头“{header}”对应的字段“{shown}”不存在。可用的字段：{known}。"))
            continue
        key = normal_header(str(header))
        if key in mapping:
            problems.append(error(doc.key_at(header), MAP_CODE, f"表头“{header}”在对照表中写了两次。"))
        mapping[key] = target
    return mapping, problems


def _field_for(cell, mapping: dict[str, str]) -> str | None:
    if not isinstance(cell, str) or not cell.strip():
        return None
    key = normal_header(cell)
    return mapping.get(key) or BUILT_IN_HEADERS.get(key)


def find_columns(table: Table, mapping: dict[str, str]) -> tuple[Columns | None, list[Problem]]:
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        fields = [_field_for(cell, mapping) for cell in row]
        if sum(1 for f in fields if f and f != "ignore") >= 2:
            return _columns(table, index + 1, row, fields)
    return None, [error(table.at(1, 1), "import.header_missing",
                        f"前 {HEADER_SEARCH_ROWS} 行中找不到表头：表头一行要有“日期”“摘要”和金额列"
                        "（“收入”“支出”或“金额”）。列名不同时，用 --map 对照表说明哪一列是什么。")]


def _columns(table: Table, header_row: int, row: list, fields: list) -> tuple[Columns, list[Problem]]:
    columns = Columns(header_row)
    problems: list[Problem] = []
    for index, (cell, name) in enumerate(zip(row, fields)):
        column = index + 1
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        columns.headers[column] = str(cell).strip()
        if name is None:
            columns.unused.append(column)
        elif name == "ignore":
            continue
        elif name in columns.by_field:
            first = columns.by_field[name]
            problems.append(error(table.at(header_row, column), "import.column_duplicate",
                                  f"“{columns.headers[column]}”列和“{columns.headers[first]}”列都是{FIELD_NAMES[name]}：只能有一列。"
                                  "请删去一列，或在 --map 对照表中把不用的那一列写成“忽略”。"))
        else:
            columns.by_field[name] = column
    problems += _required(table, columns)
    return columns, problems


def _required(table: Table, columns: Columns) -> list[Problem]:
    at = table.at(columns.header_row, 1)
    problems = []
    for name in ("date", "summary"):
        if not columns.has(name):
            problems.append(error(at, "import.column_missing",
                                  f"表头中没有“{FIELD_NAMES[name]}”列（第 {columns.header_row} 行）。"
                                  "列名不同时，用 --map 对照表说明哪一列是什么。"))
    if not any(columns.has(name) for name in AMOUNT_FIELDS):
        problems.append(error(at, "import.column_missing",
                              f"表头中没有金额列（第 {columns.header_row} 行）：要有“收入”和“支出”两列（或“借方”“贷方”），"
                              "或者一列“金额”。列名不同时，用 --map 对照表说明哪一列是什么。"))
    elif columns.has("amount") and (columns.has("inflow") or columns.has("outflow")):
        problems.append(error(table.at(columns.header_row, columns.by_field["amount"]), "import.column_duplicate",
                              "表头中既有“金额”列，又有“收入”或“支出”列：金额只能写在一处。"
                              "请在 --map 对照表中把不用的列写成“忽略”。"))
    return problems
