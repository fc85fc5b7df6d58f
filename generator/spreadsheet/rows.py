"""One row of a sheet → one ledger entry, or problems at its cells.

Direction: with 收入 and 支出 columns, the column says it; with one 金额 column, a
方向 column (收/支, 借/贷) or the sign does (negative = out). 类型 names the entry type
(English or its Chinese label); without it, a direction with only one type (公共收益
收入 → income) gives the type, any other needs the 类型 column. Entry amounts are
positive, as in the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from ..analysis.ledgers import INFLOWS, OUTFLOWS
from ..model import labels
from ..model.headers import ACCOUNT_NAMES
from ..problems import Problem, error
from ..rules.privacy import find_personal_data
from .amounts import CellError, amount_of_cell
from .dates import date_of_cell
from .fields import (
    ACCOUNT_ONLY, BASES, DIRECTIONS, ENTRY_TYPES, FIELD_NAMES, FROM_ACCOUNTS, SCOPE_SEPARATORS, SOURCES,
    TEXT_FIELDS, TO_ACCOUNTS, normal_header,
)
from .headers import Columns
from .table import Table

# Rows a book carries that are not entries: totals, carried balances, page breaks.
_NOT_AN_ENTRY = re.compile(r"(本[日月季年期]|全年|年度)?(合计|总计|小计|累计)|本[月季年期]累计|期[初末]余额|"
                           r"上[年期月]结[转余]|结转下[年期月]|承前页|过次页|年初余额")
TYPE_LABELS = {"maintenance-fund": labels.FUND_ENTRY, "public-revenue": labels.REVENUE_ENTRY}
EMERGENCY_FIELDS = ("emergency_reason", "emergency_approved_by", "emergency_reported_on")
_PRIVACY_LABELS = {"id_number": "身份证号码", "mobile": "手机号码", "bank_card": "银行卡号"}


@dataclass
class Entry:
    """An entry read from a row, with the optional fields the row filled in."""

    row: int
    date: date
    type: str
    amount: Decimal
    fields: dict = field(default_factory=dict)    # summary, counterparty, …, emergency, apportionment

    def identity(self, compared: tuple[str, ...]) -> tuple:
        return (self.date, self.type, self.amount, *(self.fields.get(name) for name in compared))


@dataclass
class Skipped:
    row: int
    summary: str


@dataclass
class Reader:
    """Reads the rows of one sheet for one account."""

    table: Table
    columns: Columns
    account: str
    votes: dict[str, str]          # a vote's id or title → its id

    def read(self) -> tuple[list[Entry], list[Skipped], list[Problem]]:
        entries, skipped, problems = [], [], []
        used = list(self.columns.by_field.values())
        for index in range(self.columns.header_row, len(self.table.rows)):
            row = self.table.rows[index]
            if all(_blank(row[c - 1] if c - 1 < len(row) else None) for c in used):
                continue
            summary = self._text(row, "summary")
            if summary and _NOT_AN_ENTRY.fullmatch(re.sub(r"\s+", "", summary)):
                skipped.append(Skipped(index + 1, summary))
                continue
            entry, found = _RowReader(self, index + 1, row).read()
            problems += found
            if entry is not None and not found:
                entries.append(entry)
        return entries, skipped, problems

    def _text(self, row: list, name: str) -> str:
        column = self.columns.by_field.get(name)
        value = row[column - 1] if column and column - 1 < len(row) else None
        return _as_text(value)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value == datetime(value.year, value.month, value.day) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _RowReader:
    def __init__(self, reader: Reader, row_number: int, row: list):
        self.reader, self.row_number, self.row = reader, row_number, row
        self.problems: list[Problem] = []

    # ------------------------------------------------------------ cells

    def column(self, name: str) -> int | None:
        return self.reader.columns.by_field.get(name)

    def value(self, name: str):
        column = self.column(name)
        return self.row[column - 1] if column and column - 1 < len(self.row) else None

    def at(self, name: str):
        return self.reader.table.at(self.row_number, self.column(name) or 1)

    def fail(self, name: str, code: str, message: str) -> None:
        self.problems.append(error(self.at(name), code, message))

    def text(self, name: str) -> str:
        text = _as_text(self.value(name))
        for kind, run in find_personal_data(text):
            self.fail(name, f"privacy.{kind}",
                      f"{FIELD_NAMES[name]}中疑似有未遮盖的{_PRIVACY_LABELS[kind]}“{_mask(run)}”：公示内容不能包含个人信息"
                      "（个人信息保护法第25条），请在表格中删除或遮盖（例如 138****1234）后再导入。")
        return text

    def amount(self, name: str) -> Decimal | None:
        try:
            return amount_of_cell(self.value(name))
        except CellError as exc:
            self.fail(name, exc.code, exc.message)
            return None

    def day(self, name: str) -> date | None:
        try:
            return date_of_cell(self.value(name), self.reader.table.epoch)
        except CellError as exc:
            self.fail(name, exc.code, exc.message)
            return None

    def word(self, name: str, words: dict[str, str], allowed: str) -> str | None:
        text = self.text(name)
        if not text:
            return None
        found = words.get(normal_header(text))
        if found is None:
            self.fail(name, "import.value_invalid", f"{FIELD_NAMES[name]}“{text}”不是可用的值：应为 {allowed}。")
        return found

    # ------------------------------------------------------------ the row

    def read(self) -> tuple[Entry | None, list[Problem]]:
        account = self.reader.account
        day = self.day("date")
        if day is None and not self.problems:
            self.fail("date", "import.field_missing", "日期为空：每一行明细都要有日期。")
        amount, direction, amount_field = self._amount()
        entry_type = self._type(direction, amount_field)
        summary = self.text("summary")
        if not summary:
            self.fail("summary", "import.field_missing", "摘要为空：每一行明细都要写明摘要。")
        fields = {"summary": summary}
        for name, owner in ACCOUNT_ONLY.items():
            if owner != account and self.column(name) and not _blank(self.value(name)):
                self.fail(name, "import.value_invalid",
                          f"{ACCOUNT_NAMES[account]}的明细没有“{FIELD_NAMES[name]}”：请清空这一格，或检查 --account。")
        for name in TEXT_FIELDS[1:]:
            if self.column(name) and ACCOUNT_ONLY.get(name, account) == account:
                fields[name] = self.text(name) or None
        self._references(fields, entry_type)
        if self.problems or day is None or amount is None or entry_type is None:
            return None, self.problems
        return Entry(self.row_number, day, entry_type, amount, fields), []

    def _amount(self) -> tuple[Decimal | None, str | None, str]:
        """(positive amount, direction the amount cells give or None, field holding it)."""
        if self.column("amount"):
            value = self.amount("amount")
            if value is None and not self.problems:
                self.fail("amount", "import.field_missing", "金额为空。")
            elif value == 0:
                self.fail("amount", "import.field_missing", "金额为 0：台账明细的金额必须大于 0。")
                value = None
            if value is None:
                return None, None, "amount"
            return abs(value), ("outflow" if value < 0 else None), "amount"
        found = []
        for name, direction in (("inflow", "inflow"), ("outflow", "outflow")):
            if self.column(name):
                value = self.amount(name)
                if value is not None and value != 0:
                    found.append((name, direction, value))
        if self.problems:
            return None, None, "inflow"
        if not found:
            name = "inflow" if self.column("inflow") else "outflow"
            self.fail(name, "import.field_missing", "没有金额：收入和支出都是空的（或为 0）。")
            return None, None, name
        if len(found) == 2:
            self.fail("outflow", "import.amount_both",
                      f"同一行既有收入 {found[0][2]} 又有支出 {found[1][2]}：每一行只能是一笔收入或一笔支出，请拆成两行。")
            return None, None, "outflow"
        name, direction, value = found[0]
        if value < 0:
            self.fail(name, "import.amount_negative",
                      f"{FIELD_NAMES[name]}为负数 {value}（红字冲销？）：台账明细的金额必须为正数。"
                      "冲销一笔错账，请把原来那一行改对，不要再加负数行。")
            return None, None, name
        return value, direction, name

    def _type(self, direction: str | None, amount_field: str) -> str | None:
        account = self.reader.account
        stated = None
        if self.column("direction"):
            stated = self.word("direction", DIRECTIONS, "收、支（或 收入、支出，借、贷）")
            if stated and direction and stated != direction:
                self.fail("direction", "import.direction_mismatch",
                          f"方向写的是“{self.text('direction')}”，金额却是{'支出（负数）' if direction == 'outflow' else '收入'}。")
                return None
            direction = stated or direction
        allowed = "、".join(f"{label}（{key}）" for key, label in TYPE_LABELS[account].items())
        entry_type = self.word("type", ENTRY_TYPES[account], allowed) if self.column("type") else None
        if entry_type is None:
            if self.column("type") and self.text("type"):
                return None              # not a type of this account: reported by word()
            if direction is None and amount_field == "amount":
                direction = "inflow"     # one 金额 column, no sign, no 方向: money in
            candidates = (INFLOWS if direction == "inflow" else OUTFLOWS)[account] if direction else ()
            if len(candidates) == 1:
                return candidates[0]
            if direction is not None:
                choices = "、".join(f"{TYPE_LABELS[account][t]}（{t}）" for t in candidates)
                self.fail(amount_field, "import.type_missing",
                          f"这是一笔{'收入' if direction == 'inflow' else '支出'}，但没有写类型：请加一列“类型”，填 {choices} 之一。")
            return None
        actual = "inflow" if entry_type in INFLOWS[account] else "outflow"
        if direction and actual != direction:
            self.fail("type", "import.direction_mismatch",
                      f"类型“{self.text('type')}”是{'收入' if actual == 'inflow' else '支出'}，"
                      f"金额却在{'收入' if direction == 'inflow' else '支出'}一方"
                      f"{'（负数）' if amount_field == 'amount' and direction == 'outflow' and not stated else ''}：请核对类型或金额。")
            return None
        return entry_type

    def _references(self, fields: dict, entry_type: str | None) -> None:
        account = self.reader.account
        if self.column("vote"):
            named, fields["vote"] = _as_text(self.value("vote")), None
            if named:
                vote = self.reader.votes.get(named)
                if vote is None:
                    known = "、".join(sorted({v for v in self.reader.votes.values()})) or "无"
                    self.fail("vote", "import.vote_unknown", f"找不到表决“{named}”：请写 votes/ 下的表决编号（已有：{known}）。")
                fields["vote"] = vote
        if account == "public-revenue":
            if self.column("source"):
                fields["source"] = self.word("source", SOURCES, "广告、停车、场地租赁 或 其他")
            if self.column("to"):
                fields["to"] = self.word("to", TO_ACCOUNTS, "专项维修资金（maintenance-fund）")
            if entry_type == "income" and not fields.get("source") and not self.problems:
                self.fail("source" if self.column("source") else "type", "import.field_missing",
                          "收入要写明收入来源：请加一列“收入来源”，填 广告、停车、场地租赁 或 其他。")
            if entry_type == "transfer_out" and not fields.get("to"):
                fields["to"] = "maintenance-fund"       # the only account money is transferred to
        else:
            if self.column("from"):
                fields["from"] = self.word("from", FROM_ACCOUNTS, "公共收益（public-revenue）")
            if entry_type == "transfer_in" and not fields.get("from"):
                fields["from"] = "public-revenue"      # the only account money comes from
            if any(self.column(n) for n in EMERGENCY_FIELDS):
                fields["emergency"] = self._emergency()
        if self.column("apportionment_basis") or self.column("apportionment_scope"):
            fields["apportionment"] = self._apportionment()

    def _emergency(self):
        names = EMERGENCY_FIELDS
        reason, approved_by = self.text("emergency_reason"), self.text("emergency_approved_by")
        reported_on = self.day("emergency_reported_on") if self.column("emergency_reported_on") else None
        given = {"emergency_reason": reason, "emergency_approved_by": approved_by, "emergency_reported_on": reported_on}
        if not any(given.values()):
            return None
        for name, value in given.items():
            if not value and not self.problems:
                self.fail(name if self.column(name) else next(n for n in names if self.column(n)), "import.field_missing",
                          f"紧急使用要同时写明原因、批准单位和报告日期：缺少“{FIELD_NAMES[name]}”。")
        return (reason, approved_by, reported_on)

    def _apportionment(self):
        basis = self.word("apportionment_basis", BASES, "按专有部分面积分摊（area）或 按户均摊（equal）") \
            if self.column("apportionment_basis") else None
        scope_text = self.text("apportionment_scope") if self.column("apportionment_scope") else ""
        scope = tuple(part for part in SCOPE_SEPARATORS.split(scope_text) if part)
        if scope and basis is None and not self.problems:
            self.fail("apportionment_basis" if self.column("apportionment_basis") else "apportionment_scope",
                      "import.field_missing", "写了分摊范围，还要写分摊方式：按专有部分面积分摊 或 按户均摊。")
        return (basis, scope) if basis else None


def _mask(run: str) -> str:
    digits = re.sub(r"\D", "", run)
    return digits[:3] + "*" * max(len(digits) - 7, 1) + digits[-4:] if len(digits) > 7 else "****"
