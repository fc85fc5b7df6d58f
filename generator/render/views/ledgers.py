"""专项维修资金 and 公共收益: each account's page and each period's ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ...analysis.disclosure import MISSING, statements_due
from ...analysis.ledgers import is_inflow, sources_of_inflow, statement_of
from ...analysis.periods import balance_day, period_label, sort_periods
from ...formatting import cn_date, money
from ...model import labels
from .. import links
from .context import Context, corrections_on, notices_relating, with_entries

# How each account names where its money came from (analysis.ledgers.sources_of_inflow).
SOURCE_LABEL = {"maintenance-fund": labels.FUND_ENTRY, "public-revenue": labels.REVENUE_SOURCE}
# Section heading and chart title of the account's inflows, by source or by type.
INCOME_TITLE = {"public-revenue": ("收入来源", "公共收益收入来源"), "maintenance-fund": ("资金来源", "专项维修资金来源")}


def balance_dating(period: str, as_of: date, ledger) -> dict:
    """How a period's closing figure is named and dated (issue 18): an ended period's is the
    期末余额 "截至" its last day; a period still running has no 期末 yet, its figure is
    "本期至今（截至" the build day, or its last entry's if later, "）" (analysis.periods.balance_day)."""
    day, ended = balance_day(period, as_of, max((e.date for e in ledger.entries), default=None))
    until = f"截至{cn_date(day)}"
    name, dated = ("期末余额", until) if ended else ("本期至今余额", f"本期至今（{until}）")
    return {"ended": ended, "closing_name": name, "dated": dated, "closing_label": f"{name}（{until}）"}


def statement_view(account: str, period: str, ledger, as_of: date) -> dict:
    """One period's statement, for the web page and the notice PDF alike. Public revenue has
    one inflow type, 收入: a line "收入：收入" tells owners nothing, so its inflows are shown
    by source (停车、广告、场地租赁、其他)."""
    st = statement_of(account, ledger)
    type_labels = labels.ENTRY_TYPE[account]
    return {
        "label": period_label(period),
        "opening": money(st.opening),
        "closing": money(st.declared_closing),
        **balance_dating(period, as_of, ledger),
        "inflows": [{"label": SOURCE_LABEL[account][source], "amount": money(amount)}
                    for source, amount in sources_of_inflow(account, ledger).items()],
        "outflows": [{"label": type_labels[t], "amount": money(a)} for t, a in st.outflows_by_type.items()],
        "total_inflow": money(st.total_inflow),
        "total_outflow": money(st.total_outflow),
    }


def _authorisation(ctx: Context, page: str, entry) -> dict | None:
    if entry.vote:
        vote = ctx.community.votes.get(entry.vote)
        title = vote.model.title if vote else entry.vote
        return {"label": f"表决：{title}", "href": links.href_from(page, links.vote_page(entry.vote)) if vote else None}
    emergency = getattr(entry, "emergency", None)
    if emergency:
        return {"label": f"紧急使用：{emergency.reason}（{emergency.approved_by}批准，{cn_date(emergency.reported_on)}报告）", "href": None}
    if getattr(entry, "authorized_by", None):
        return {"label": f"管理规约：{entry.authorized_by}", "href": None}
    if getattr(entry, "approved_by", None):
        return {"label": f"退还：{entry.reason or ''}（{entry.approved_by}批准）", "href": None}
    return None


def missing_statements(ctx: Context, from_page: str) -> list[dict]:
    """Ledger periods whose statement is overdue and unpublished, for the home page's reminders
    (the district's list comes from the same analysis.disclosure.statements_due)."""
    rows = []
    for due in statements_due(ctx.community, ctx.portal.rules.disclosure, ctx.as_of):
        if due.state != MISSING:
            continue
        page = links.ledger_page(due.account, due.period) if due.has_ledger else links.ACCOUNT_INDEX[due.account]
        rows.append({"label": f"{labels.ACCOUNT_TITLE[due.account]}{period_label(due.period)}",
                     "href": links.href_from(from_page, page), "deadline": cn_date(due.deadline),
                     "days": due.days_late, "note": "" if due.has_ledger else "（尚无账目）"})
    return rows


def _entry_type_label(account: str, entry) -> str:
    label = labels.ENTRY_TYPE[account][entry.type]
    source = getattr(entry, "source", None)
    return f"{label}（{labels.REVENUE_SOURCE[source]}）" if source else label


def _apportionment(entry) -> str:
    if not entry.apportionment:
        return ""
    scope = "、".join(entry.apportionment.scope)
    return labels.APPORTION_BASIS[entry.apportionment.basis] + (f"：{scope}" if scope else "")


def entry_rows(ctx: Context, account: str, period: str, page: str, only: set[str] | None = None) -> list[dict]:
    """A period's entries in date order (or the ones in `only`), each with the balance after
    it, linked from `page`: the ledger page's table, which a statement notice repeats."""
    ledger = ctx.community.ledgers(account)[period].model
    rows = []
    for row in statement_of(account, ledger).running:
        e = ledger.entries[row.index]
        if only is not None and e.id not in only:
            continue
        inflow = is_inflow(account, e.type)
        rows.append({
            "id": e.id,
            "month_day": f"{e.date.month}月{e.date.day}日",
            "date": cn_date(e.date),
            "summary": e.summary,
            "type": _entry_type_label(account, e),
            "inflow": money(e.amount) if inflow else "",
            "outflow": "" if inflow else money(e.amount),
            "balance": money(row.balance),
            "voucher": e.voucher or "",
            "counterparty": e.counterparty or "",
            "authorisation": _authorisation(ctx, page, e),
            "apportionment": _apportionment(e),
            "corrected_by": corrections_on(ctx, page, {f"entry/{e.id}"}),
        })
    return rows


def ledger_view(ctx: Context, account: str, period: str) -> dict:
    ledger = ctx.community.ledgers(account)[period].model
    page = links.ledger_page(account, period)
    return {
        "title": f"{labels.ACCOUNT_TITLE[account]} {period_label(period)}",
        "statement": statement_view(account, period, ledger, ctx.as_of),
        "entries": entry_rows(ctx, account, period, page),
        "corrected_by": corrections_on(ctx, page, with_entries(ctx, {f"{account}/{period}"})),
        "notices": notices_relating(ctx, page, {f"{account}/{period}"}),
    }


def account_view(ctx: Context, account: str, charts) -> dict:
    ledgers = ctx.community.ledgers(account)
    page = links.ACCOUNT_INDEX[account]
    statements = []
    points = []
    income: dict[str, Decimal] = {}    # by label (广告, 停车, … or 交存, 增值收益, 转入), over all periods
    for period in sort_periods(ledgers):
        ledger = ledgers[period].model
        view = statement_view(account, period, ledger, ctx.as_of)
        view["href"] = links.href_from(page, links.ledger_page(account, period))
        statements.append(view)
        st = statement_of(account, ledger)
        if not points:
            points.append((ledger.entries[st.running[0].index].date if st.running else None, st.opening))
        for row in st.running:
            points.append((ledger.entries[row.index].date, row.balance))
        for source, amount in sources_of_inflow(account, ledger).items():
            key = SOURCE_LABEL[account][source]
            income[key] = income.get(key, Decimal("0")) + amount
    points = [(d, b) for d, b in points if d is not None]
    title = labels.ACCOUNT_TITLE[account]
    by_label = sorted(income.items())
    return {
        "title": title,
        "statements": list(reversed(statements)),
        "latest": statements[-1] if statements else None,
        "balance_chart": charts.running_balance_svg(points, title=f"{title}余额变化") if points else "",
        # The chart's figures as a table beside it, for screen readers and exact reading.
        # The first point is the opening balance, drawn at the first entry's date.
        "balance_rows": [{"date": cn_date(day) if i else "期初", "balance": money(balance)}
                         for i, (day, balance) in enumerate(points)],
        "income_title": INCOME_TITLE[account][0],
        "income_chart": charts.income_by_source_svg(by_label, title=INCOME_TITLE[account][1]) if by_label else "",
        "income_by_source": [{"label": k, "amount": money(v)} for k, v in by_label],
    }
