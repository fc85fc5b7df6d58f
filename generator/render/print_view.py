"""The notice-board view of a notice: the same figures as its web page, as print tables."""

from __future__ import annotations

from ..analysis.periods import period_label
from ..analysis.votes import compute_outcome
from ..formatting import area, cn_date, money
from ..model import labels
from ..pdf import NoticePrintView, PrintColumn, PrintTable
from . import links, views
from .notice_body import body_html

TEXT, NUM = False, True


def _table(caption: str, columns: list[tuple[str, bool]], rows: list[list[str]], note: str = "") -> PrintTable:
    return PrintTable(caption, tuple(PrintColumn(label, numeric) for label, numeric in columns),
                      tuple(tuple(r) for r in rows), note)


def _statement_table(ctx, account: str, period: str) -> PrintTable:
    s = views.statement_view(account, period, ctx.community.ledgers(account)[period].model)
    rows = [["期初余额", s["opening"]]]
    rows += [[f"收入：{i['label']}", i["amount"]] for i in s["inflows"]]
    rows += [[f"支出：{o['label']}", o["amount"]] for o in s["outflows"]]
    rows += [["本期收入合计", s["total_inflow"]], ["本期支出合计", s["total_outflow"]], ["期末余额", s["closing"]]]
    return _table(f"{views.ACCOUNT_TITLE[account]} {period_label(period)}收支", [("项目", TEXT), ("金额（元）", NUM)], rows)


def _ledger_entries_table(ctx, account: str, period: str) -> PrintTable:
    v = views.ledger_view(ctx, account, period)
    rows = [[e["date"], e["summary"], e["type"], e["inflow"], e["outflow"], e["balance"]] for e in v["entries"]]
    return _table(f"{v['title']}明细", [("日期", TEXT), ("摘要", TEXT), ("类型", TEXT), ("收入", NUM), ("支出", NUM), ("余额", NUM)], rows)


def _pre_vote_table(ctx, vid: str) -> PrintTable:
    vote = ctx.community.votes[vid].model
    rows = [["表决事项", vote.title], ["事项类别", labels.MATTER[vote.matter]],
            ["表决期间", f"{cn_date(vote.voting.start)}至{cn_date(vote.voting.end)}"]]
    if vote.budget is not None:
        rows.append(["预算上限（元）", money(vote.budget)])
    return _table("表决事项", [("项目", TEXT), ("内容", TEXT)], rows)


def _result_tables(ctx, vid: str) -> list[PrintTable]:
    vote = ctx.community.votes[vid].model
    outcome = compute_outcome(vote, ctx.profile)
    if outcome is None:
        return [_pre_vote_table(ctx, vid)]
    tally_rows = []
    for key, label in (("turnout", "参与表决"), ("approve", "同意"), ("oppose", "反对"), ("abstain", "弃权")):
        t = getattr(vote, key)
        tally_rows.append([label, f"{t.owners:,}", area(t.area_m2)])
    tally_rows.append(["全体业主", f"{outcome.electorate.owners:,}", area(outcome.electorate.area_m2)])
    v = views.vote_view(ctx, vid)
    test_rows = [[t["label"], t["ratio"], t["threshold"], "达到" if t["met"] else "未达到"] for t in v["tests"]]
    return [
        _table(f"计票：{vote.title}", [("", TEXT), ("人数", NUM), ("面积（平方米）", NUM)], tally_rows),
        _table("法定比例", [("项目", TEXT), ("比例", NUM), ("门槛", TEXT), ("结果", TEXT)], test_rows,
               note=f"计算结果：{labels.DECLARED_RESULT[outcome.result]}。{outcome.reason}。"),
    ]


def print_tables(ctx, notice) -> list[PrintTable]:
    tables: list[PrintTable] = []
    for ref in notice.related:
        kind, _, ident = ref.partition("/")
        if kind in ("maintenance-fund", "public-revenue") and ident in ctx.community.ledgers(kind):
            tables.append(_statement_table(ctx, kind, ident))
            if notice.kind in ("fund_report", "revenue_report"):
                tables.append(_ledger_entries_table(ctx, kind, ident))
        elif kind == "vote" and ident in ctx.community.votes:
            tables += _result_tables(ctx, ident) if notice.kind == "vote_result" else [_pre_vote_table(ctx, ident)]
    if not tables and notice.related:
        rows = [[views.ref_label(ctx, r)] for r in notice.related]
        tables.append(_table("公示的记录", [("记录", TEXT)], rows))
    return tables


def notice_print_view(ctx, nid: str) -> NoticePrintView:
    loaded = ctx.community.notices[nid]
    n = loaded.model
    return NoticePrintView(
        title=n.title,
        issuer=n.issuer,
        period_from=cn_date(n.period.from_),
        period_to=cn_date(n.period.to),
        objection_contact=n.objection.contact if n.objection else "",
        objection_until=cn_date(n.objection.until) if n.objection else "",
        body_html=body_html(n.body),
        tables=tuple(print_tables(ctx, n)),
        page_url=ctx.base_url + links.page_url(links.notice_page(nid)),
        fingerprint=views.fingerprint(loaded.doc),
        issued_on=cn_date(n.published),
        issued_on_iso=n.published.isoformat(),
    )
