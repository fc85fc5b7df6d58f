"""Chinese column names of ledger entry fields, shared by spreadsheets going out (the
downloads' workbook, render/) and coming in (`gongshi import`, spreadsheet/): a
downloaded sheet imports as it is because both read the names from here."""

from __future__ import annotations

from . import labels

# The two ledgers by their Chinese names (model.labels' account titles).
ACCOUNT_NAMES: dict[str, str] = labels.ACCOUNT_TITLE

# an entry field (and a few words a sheet uses instead of a field) → its column name
FIELD_NAMES: dict[str, str] = {
    "date": "日期",
    "summary": "摘要",
    "inflow": "收入",
    "outflow": "支出",
    "amount": "金额",
    "type": "类型",
    "direction": "方向",
    "voucher": "凭证号",
    "counterparty": "对方单位",
    "vote": "表决",
    "source": "收入来源",
    "authorized_by": "授权依据",
    "reason": "退还原因",
    "approved_by": "退还批准单位",
    "from": "转入来源",
    "to": "转出去向",
    "emergency_reason": "紧急使用原因",
    "emergency_approved_by": "紧急使用批准单位",
    "emergency_reported_on": "紧急使用报告日期",
    "apportionment_basis": "分摊方式",
    "apportionment_scope": "分摊范围",
    "ignore": "忽略",
}
