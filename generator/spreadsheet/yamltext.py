"""Entries as the YAML text of a ledger file, written the way the sample's files are."""

from __future__ import annotations

import json
import re

from ..load.scalars import NULL_WORDS
from ..model import labels
from ..model.headers import ACCOUNT_NAMES
from ..scaffold import yaml_text
from .rows import TYPE_LABELS, Entry

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Words other YAML readers (editors' schema checks) would take for a number, a truth
# value or a date; gongshi reads them as text anyway, but they are quoted for the others.
_NOT_TEXT_ELSEWHERE = re.compile(r"[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|"
                                 r"(?i:y|n|yes|no|true|false|on|off|\.nan|[-+]?\.inf)|\d{4}-\d\d?-\d\d?.*")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}#&*!|>'\"%@`:?]|^[-\s]|\s$")


def scalar(text: str) -> str:
    """Text as a YAML scalar that every YAML reader takes for this text."""
    if _CONTROL.search(text) or text in NULL_WORDS or _NOT_TEXT_ELSEWHERE.fullmatch(text):
        return json.dumps(text, ensure_ascii=False)     # a JSON string is a YAML double-quoted scalar
    return yaml_text(text)


def flow_scalar(text: str) -> str:
    """Text inside a one-line {…} or […]: plain only when nothing in it means something there."""
    if _FLOW_UNSAFE.search(text):
        return json.dumps(text, ensure_ascii=False)
    return scalar(text)


def entry_text(ident: str, entry: Entry, account: str, origin: str) -> str:
    """One `- id: …` item at column 0, comments aligned by scaffold.align when indented."""
    f = entry.fields
    lines = [f"- id: {ident}  # 导入自 {origin}", f"  date: {entry.date.isoformat()}",
             f"  type: {entry.type}  # {TYPE_LABELS[account][entry.type]}"]
    if f.get("source"):
        lines.append(f"  source: {f['source']}  # {labels.REVENUE_SOURCE[f['source']]}")
    if f.get("from"):
        lines.append(f"  from: {f['from']}  # 转入来源：{ACCOUNT_NAMES[f['from']]}")
    if f.get("to"):
        lines.append(f"  to: {f['to']}  # 转出去向：{ACCOUNT_NAMES[f['to']]}")
    lines.append(f"  amount: {entry.amount:.2f}")
    for name in ("summary", "counterparty", "voucher", "vote", "authorized_by", "reason", "approved_by"):
        if f.get(name):
            lines.append(f"  {name}: {scalar(f[name])}")
    if f.get("apportionment"):
        basis, scope = f["apportionment"]
        items = ", ".join(flow_scalar(s) for s in scope)
        lines.append(f"  apportionment: {{basis: {basis}, scope: [{items}]}}  # 分摊：{labels.APPORTION_BASIS[basis]}")
    if f.get("emergency"):
        reason, approved_by, reported_on = f["emergency"]
        lines.append(f"  emergency: {{reason: {flow_scalar(reason)}, approved_by: {flow_scalar(approved_by)}, "
                     f"reported_on: {reported_on.isoformat()}}}  # 紧急使用：原因、批准单位、报告日期")
    return "\n".join(lines)
