"""What a bookkeeper's columns can mean: the entry fields, their Chinese names, the
headers Chinese bookkeeping sheets use for them, and the words allowed in their cells.

Headers come from the committees' and property companies' own books (银行存款日记账,
现金日记账, exports of 用友 / 金蝶), from bank statements where they are unambiguous, and
from gongshi's own downloads (Chinese in the workbook, English in the CSV files), so a
downloaded sheet imports as it is.

借方 / 贷方 are read as a cash or bank journal (日记账) writes them, an asset account:
借方 = money in, 贷方 = money out. A bank's own statement uses the opposite view
(借方发生额 = paid out of the customer's account), so 借方发生额 / 贷方发生额 are not
built in: such a sheet says which is which through --map.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import labels
from ..model.headers import ACCOUNT_NAMES, FIELD_NAMES

AMOUNT_FIELDS = ("inflow", "outflow", "amount")
TEXT_FIELDS = ("summary", "counterparty", "voucher", "authorized_by", "reason", "approved_by")  # written as they are
# Fields only one account's entries have (records.FundEntry / RevenueEntry).
ACCOUNT_ONLY = {"source": "public-revenue", "authorized_by": "public-revenue", "to": "public-revenue",
                "from": "maintenance-fund", "emergency_reason": "maintenance-fund",
                "emergency_approved_by": "maintenance-fund", "emergency_reported_on": "maintenance-fund",
                "reason": "maintenance-fund", "approved_by": "maintenance-fund"}

# Built-in headers, besides each field's Chinese name and its English name (the CSV downloads).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("记账日期", "业务日期", "交易日期", "发生日期", "入账日期", "凭证日期", "到账日期", "付款日期", "收款日期"),
    "summary": ("摘要说明", "业务摘要", "事由", "说明", "内容", "用途", "款项内容"),
    "inflow": ("收入金额", "借方", "借方金额", "收款", "收款金额", "存入", "存入金额", "收入额"),
    "outflow": ("支出金额", "贷方", "贷方金额", "付款", "付款金额", "支取", "支取金额", "支出额"),
    "amount": ("发生额", "发生金额", "交易金额"),
    "type": ("类别", "收支类型", "业务类型", "明细类型", "款项类型"),
    "direction": ("借贷方向", "收支方向", "借贷", "收支", "借或贷", "借/贷", "收/支"),
    "voucher": ("凭证字号", "凭证号数", "凭证编号", "记账凭证号", "凭证"),
    "counterparty": ("往来单位", "对方户名", "对方名称", "对方账户名称", "收付款单位", "收款单位", "付款单位",
                     "单位名称", "对方"),
    "vote": ("表决编号", "授权表决", "业主表决", "业主共同决定"),
    "source": ("来源", "收益来源"),
    "authorized_by": ("授权条款", "管理规约条款"),
    "apportionment_scope": ("分摊楼栋",),
}
_UNIT_SUFFIX = re.compile(r"\((?:人民币)?(?:元|¥|rmb|cny)\)$")


def normal_header(text: str) -> str:
    """A header as compared: full-width forms folded (NFKC), no spaces, no “（元）”, lower case."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()
    return _UNIT_SUFFIX.sub("", folded)


BUILT_IN_HEADERS: dict[str, str] = {}
for _field, _name in FIELD_NAMES.items():
    if _field == "ignore":
        continue
    for _header in (_name, _field, *_SYNONYMS.get(_field, ())):
        BUILT_IN_HEADERS[normal_header(_header)] = _field


def field_of(name: str) -> str | None:
    """A field named in a --map file: its English name or its Chinese name."""
    key = normal_header(name)
    for field, chinese in FIELD_NAMES.items():
        if key in (field, normal_header(chinese)):
            return field
    return None


# ---------------------------------------------------------------- cell vocabularies

def _words(table: dict[str, str], extra: dict[str, str] | None = None) -> dict[str, str]:
    """English values and their Chinese labels (and a few everyday words) → the value."""
    words = {normal_header(k): k for k in table}
    words.update({normal_header(v): k for k, v in table.items()})
    words.update({normal_header(k): v for k, v in (extra or {}).items()})
    return words


ENTRY_TYPES = {
    "maintenance-fund": _words(labels.FUND_ENTRY, {"利息": "interest", "存款利息": "interest", "缴存": "deposit",
                                                   "支出": "expense", "退款": "refund"}),
    "public-revenue": _words(labels.REVENUE_ENTRY, {"收益": "income", "成本": "cost", "支出": "expense"}),
}
DIRECTIONS = {normal_header(w): "inflow" for w in ("收", "收入", "借", "借方", "进", "inflow")}
DIRECTIONS.update({normal_header(w): "outflow" for w in ("支", "支出", "贷", "贷方", "出", "outflow")})
SOURCES = _words(labels.REVENUE_SOURCE, {"租赁": "lease"})
FROM_ACCOUNTS = _words({"public-revenue": ACCOUNT_NAMES["public-revenue"]})
TO_ACCOUNTS = _words({"maintenance-fund": ACCOUNT_NAMES["maintenance-fund"]})
BASES = _words(labels.APPORTION_BASIS, {"按面积": "area", "按户": "equal"})
SCOPE_SEPARATORS = re.compile(r"\s*[、,，;；]\s*")
