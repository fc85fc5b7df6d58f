"""Every column of the CSV downloads, as the workbook shows it: a Chinese header and
the kind of value (what becomes a number, a date, or a Chinese label).

The workbook is written from the same rows as the CSV files (downloads.py), so the two
cannot disagree; this table only says how each column looks in a spreadsheet. A
ledger's columns use the names `gongshi import` reads (model/headers.py), so a
downloaded sheet imports as it is. A column missing here (one added to the CSV later)
is still written, as text under its CSV name; a test lists the columns without a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import labels
from ..model.headers import ACCOUNT_NAMES, FIELD_NAMES

TEXT, MONEY, AREA, COUNT, SCORE, DATE = "text", "money", "area", "count", "score", "date"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    words: dict | None = None      # enumerated values → their Chinese labels


ENTRY_TYPES = {**labels.FUND_ENTRY, **labels.REVENUE_ENTRY}
DIRECTIONS = {"inflow": "收入", "outflow": "支出"}
ELECTORATE_SOURCES = {"vote": "表决文件所写", "community": "小区概况"}


def _field(name: str, kind: str = TEXT, words: dict | None = None) -> Column:
    return Column(FIELD_NAMES[name], kind, words)


LEDGER = {
    "id": Column("编号"),
    "date": _field("date", DATE),
    "type": _field("type", words=ENTRY_TYPES),
    "amount": _field("amount", MONEY),
    "summary": _field("summary"),
    "counterparty": _field("counterparty"),
    "voucher": _field("voucher"),
    "vote": _field("vote"),
    "source": _field("source", words=labels.REVENUE_SOURCE),
    "authorized_by": _field("authorized_by"),
    "emergency_reason": _field("emergency_reason"),
    "period": Column("期间"),
    "from": _field("from", words=ACCOUNT_NAMES),
    "to": _field("to", words=ACCOUNT_NAMES),
    "apportionment_basis": _field("apportionment_basis", words=labels.APPORTION_BASIS),
    "apportionment_scope": _field("apportionment_scope"),
    "emergency_approved_by": _field("emergency_approved_by"),
    "emergency_reported_on": _field("emergency_reported_on", DATE),
    "reason": _field("reason"),
    "approved_by": _field("approved_by"),
    "computed_direction": Column("收支方向（计算）", words=DIRECTIONS),
    "computed_balance_after": Column("余额（计算）", MONEY),
}
PERIODS = {
    "period": Column("期间"),
    "opening_balance": Column("期初余额", MONEY),
    "computed_inflow_total": Column("本期收入合计（计算）", MONEY),
    "computed_outflow_total": Column("本期支出合计（计算）", MONEY),
    "computed_closing_balance": Column("期末余额（计算）", MONEY),
    "closing_balance": Column("期末余额（公布）", MONEY),
    "entries": Column("明细条数", COUNT),
}
VOTES = {
    "id": Column("编号"),
    "title": Column("表决事项"),
    "matter": Column("事项类别", words=labels.MATTER),
    "start": Column("表决开始", DATE),
    "end": Column("表决结束", DATE),
    "budget": Column("预算（元）", MONEY),
    **{f"{key}_owners": Column(f"{word}人数", COUNT) for key, word in
       (("turnout", "参与表决"), ("approve", "同意"), ("oppose", "反对"), ("abstain", "弃权"))},
    **{f"{key}_area_m2": Column(f"{word}面积（平方米）", AREA) for key, word in
       (("turnout", "参与表决"), ("approve", "同意"), ("oppose", "反对"), ("abstain", "弃权"))},
    "computed_result": Column("表决结果（计算）", words=labels.DECLARED_RESULT),
    "declared_result": Column("公告的结果", words=labels.DECLARED_RESULT),
    "notice": Column("表决前公示"),
    "reported_party_org": Column("报告党组织日期", DATE),
    "reported_street": Column("报街道备案日期", DATE),
    "electorate_owners": Column("全体业主人数", COUNT),
    "electorate_area_m2": Column("全体业主专有面积（平方米）", AREA),
    "electorate_source": Column("全体业主数取自", words=ELECTORATE_SOURCES),
}
INSPECTIONS = {
    "inspection": Column("检查编号"),
    "date": Column("检查日期", DATE),
    "authority": Column("检查单位"),
    "kind": Column("检查类别", words=labels.INSPECTION_KIND),
    "check": Column("检查项目"),
    "result": Column("结果", words=labels.ITEM_RESULT),
    "finding": Column("发现的问题"),
    "rectify_by": Column("整改期限", DATE),
    "rectified_on": Column("整改完成日期", DATE),
    "source": Column("检查来源", words=labels.INSPECTION_SOURCE),
    "conclusion": Column("检查结论"),
}
EVALUATIONS = {
    "period": Column("期间"),
    "evaluated": Column("被考评单位"),
    "date": Column("考评日期", DATE),
    "total": Column("总分", SCORE),
    "max": Column("满分", SCORE),
    # text, as on the site: rounded toward the grade floor, which a percent format would not do
    "percent": Column("得分率"),
    "grade": Column("等级（计算）"),
    "declared_grade": Column("公布的等级"),
    "surveyed": Column("调查户数", COUNT),
    "satisfied": Column("满意户数", COUNT),
    "evaluators": Column("考评单位"),
    "satisfaction_method": Column("调查方式"),
}
SCORES = {
    "period": Column("期间"),
    "category": Column("考评项目"),
    "max": Column("满分", SCORE),
    "score": Column("得分", SCORE),
}

DOCUMENT_STATES = {"current": "现行有效", "upcoming": "尚未生效", "superseded": "已失效"}
YES_NO = {"true": "是", "false": "否"}
DOCUMENTS = {
    "id": Column("编号"),
    "title": Column("文件名称"),
    "kind": Column("类别", words=labels.DOCUMENT_KIND),
    "adopted": Column("通过日期", DATE),
    "vote": Column("通过它的表决"),
    "effective_from": Column("生效日期", DATE),
    "effective_to": Column("失效日期", DATE),
    "file": Column("全文文件"),
    "computed_state": Column("状态（计算）", words=DOCUMENT_STATES),
}
MEETINGS = {
    "meeting": Column("会议编号"),
    "date": Column("会议日期", DATE),
    "kind": Column("会议类别", words=labels.MEETING_KIND),
    "title": Column("会议名称"),
    "present": Column("出席委员", COUNT),
    "total": Column("在任委员", COUNT),
    "invited": Column("参加单位"),
    "published": Column("公布日期", DATE),
    "computed_published_late": Column("逾期公布（计算）", words=YES_NO),
    "decision": Column("决定序号", COUNT),
    "text": Column("决定内容"),
    "approve": Column("同意委员", COUNT),
    "vote": Column("提交的业主表决"),
    "computed_passed": Column("决定通过（计算）", words=YES_NO),
}

FIRMS = {
    "firm": Column("企业编号"),
    "name": Column("企业名称"),
    "credit_code": Column("统一社会信用代码"),
    "complaint_phone": Column("投诉电话"),
    "computed_warned": Column("列入警示名单（计算）", words=YES_NO),
    "community": Column("小区编号"),
    "community_name": Column("小区名称"),
    "street": Column("所属街道"),
    "evaluation_period": Column("最近一次考评期间"),
    "evaluation_date": Column("最近一次考评日期", DATE),
    "computed_evaluation_percent": Column("得分率（计算）"),
    "computed_evaluation_grade": Column("等级（计算）"),
    "computed_open_rectifications": Column("未整改检查项目（计算）", COUNT),
    "computed_overdue_rectifications": Column("其中逾期（计算）", COUNT),
    "project_party_organisation": Column("项目党组织"),
}

# A dataset's file stem → its columns (a ledger period's stem is "<account>-<period>").
BY_STEM = {"votes": VOTES, "inspections": INSPECTIONS, "evaluations": EVALUATIONS, "evaluation-scores": SCORES,
           "documents": DOCUMENTS, "meetings": MEETINGS, "firms": FIRMS}


def columns_of(stem: str) -> dict[str, Column]:
    if stem in BY_STEM:
        return BY_STEM[stem]
    return PERIODS if stem.endswith("-periods") else LEDGER


def column(stem: str, name: str) -> Column:
    return columns_of(stem).get(name) or Column(name)
