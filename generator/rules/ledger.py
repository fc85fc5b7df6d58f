"""Ledger rules: periods, reconciliation, running balance, authorisation, transfers.

住宅专项维修资金管理办法 / 民法典第281条: the fund belongs to the owners and its use
is decided by them (art. 278) or, in an emergency, applied for by the committee.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from ..analysis.ledgers import is_inflow, statement_of
from ..analysis.reconcile import EQUAL, FACTOR, TRANSPOSED, WRONG_TYPE, suspects
from ..analysis.periods import period_bounds, period_label, sort_periods
from ..analysis.votes import compute_outcome, has_tallies
from ..formatting import money
from ..load.scalars import Plain
from ..model.labels import ACCOUNT_TITLE, ACCOUNTS, COMMERCIAL_SOURCES, ENTRY_TYPE, REVENUE_SOURCE
from ..problems import Problem, error, warning
from ..validate import validate_document


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        for account in ACCOUNTS:
            problems += _periods(community, account)
            for period, ledger in community.ledgers(account).items():
                problems += _ledger(community, account, period, ledger)
        problems += _budgets(community)
        problems += _transfers(community)
    return problems


def _periods(community, account: str) -> list[Problem]:
    problems: list[Problem] = []
    ledgers = community.ledgers(account)
    for period, ledger in ledgers.items():
        if ledger.model.period != period:
            problems.append(error(ledger.doc.at("period"), "period.invalid",
                                  f"period 写的是“{ledger.model.period}”，应与文件名相同：{period}。"))
    # A ledger file that failed validation still holds its period: no false gap around it.
    unreadable = {stem for kind, stem in community.invalid if kind == account}
    ordered = [p for p in sort_periods(set(ledgers) | unreadable) if period_bounds(p)]
    for before, after in zip(ordered, ordered[1:]):
        (_, end_a), (start_b, _) = period_bounds(before), period_bounds(after)
        if after not in ledgers:
            continue  # its own problems are reported; there is no document to point at
        doc_b, doc_a = ledgers[after], ledgers.get(before)
        if start_b <= end_a:
            problems.append(error(doc_b.doc.at("period"), "period.overlap",
                                  f"{ACCOUNT_TITLE[account]}期间 {after} 与 {before} 重叠：同一账目的期间不能重叠。"))
        elif start_b > end_a + timedelta(days=1):
            problems.append(error(doc_b.doc.at("period"), "period.gap",
                                  f"{ACCOUNT_TITLE[account]}在 {before} 与 {after} 之间缺少 "
                                  f"{end_a + timedelta(days=1)} 至 {start_b - timedelta(days=1)} 的账目：期间必须前后相接。"))
        elif doc_a is not None:
            closing, opening = doc_a.model.closing_balance, doc_b.model.opening_balance
            if closing != opening:
                problems.append(error(doc_b.doc.at("opening_balance"), "ledger.opening_mismatch",
                                      f"期初余额 {money(opening)} 与上一期（{period_label(before)}）的期末余额 "
                                      f"{money(closing)} 不符，差 {money(abs(opening - closing))}。"))
    return problems


def _ledger(community, account: str, period: str, ledger) -> list[Problem]:
    problems: list[Problem] = []
    model, doc = ledger.model, ledger.doc
    st = statement_of(account, model)
    if not st.reconciles:
        problems.append(error(doc.at("closing_balance"), "ledger.unbalanced", _unbalanced(account, model, st)))
    negative = st.first_negative()
    if negative is not None:
        entry = model.entries[negative.index]
        problems.append(error(doc.at("entries", negative.index, "amount"), "ledger.negative_balance",
                              f"按日期顺序累计，到明细“{entry.id}”（{entry.date}）后余额为 {money(negative.balance)}："
                              "余额不能小于零，请检查金额、日期或期初余额。"))
    bounds = period_bounds(period)
    for i, entry in enumerate(model.entries):
        if bounds and not bounds[0] <= entry.date <= bounds[1]:
            problems.append(error(doc.at("entries", i, "date"), "ledger.date_outside_period",
                                  f"明细“{entry.id}”的日期 {entry.date} 不在本期 {bounds[0]} 至 {bounds[1]} 之内。"))
        problems += _entry_fields(account, doc, i, entry)
        problems += _authorisation(community, account, doc, i, entry)
    return problems


def _unbalanced(account: str, model, st) -> str:
    """Which side is larger, then the entries that could explain the difference: the
    editor checks those first, never copies the computed figure over the declared one."""
    gap = st.declared_closing - st.computed_closing
    larger = "多" if gap > 0 else "少"
    head = (f"期末余额 {money(st.declared_closing)} 比按明细算出的 {money(st.computed_closing)} {larger} {money(abs(gap))}"
            f"（期初 {money(st.opening)} + 收入 {money(st.total_inflow)} − 支出 {money(st.total_outflow)}）。")
    found = suspects(account, model.entries, st)
    if found:
        marks = "①②③④⑤⑥⑦⑧⑨"
        reasons = "；".join(f"{marks[i]}{_suspect(account, model.entries[s.index], s)}" for i, s in enumerate(found))
        middle = f"可能的原因：{reasons}。"
    else:
        middle = "没有哪一笔明细的常见笔误（金额等于差额、差 10 倍或 100 倍、两位数字颠倒、类型写反）能解释这个差额。"
    return head + middle + "先核对每一笔明细，再核对期末余额。"


def _suspect(account: str, entry, suspect) -> str:
    what = f"明细“{entry.id}”（{entry.date}，{entry.summary}）"
    if suspect.kind == EQUAL:
        return f"{what}的金额 {money(suspect.amount)} 正好等于差额：是否重复记账、不属于本期，或算期末余额时漏了它"
    if suspect.kind == FACTOR:
        ratio = max(suspect.corrected, suspect.amount) / min(suspect.corrected, suspect.amount)
        return (f"{what}的金额 {money(suspect.amount)} 若为 {money(suspect.corrected)}（差 {ratio:.0f} 倍：多写或少写了 0，"
                "或小数点位置不对），账目正好平衡")
    if suspect.kind == TRANSPOSED:
        return f"{what}的金额 {money(suspect.amount)} 若为 {money(suspect.corrected)}（两位数字颠倒），账目正好平衡"
    assert suspect.kind == WRONG_TYPE
    now, other = ("收入", "支出") if is_inflow(account, entry.type) else ("支出", "收入")
    return (f"{what}的类型 {entry.type}（{ENTRY_TYPE[account][entry.type]}）是{now}，若它其实是{other}，"
            "账目正好平衡：请核对 type")


def explain_empty_closing(doc, kind: str, model_type, problems: list[Problem]) -> list[Problem]:
    """An empty closing_balance of a ledger that is otherwise valid: its "还没有填写" gets the
    figure the entries give, labelled as computed from them (an editor who copies it
    unchecked still has to look at every entry first)."""
    data = doc.data
    if kind not in ACCOUNTS or not isinstance(data, dict) or "closing_balance" not in data or data["closing_balance"] is not None:
        return problems
    where = doc.at("closing_balance")
    mine = [p for p in problems if p.location == where and p.code == "schema.type"]
    if len(mine) != 1:
        return problems
    trial = replace(doc, data={**data, "closing_balance": Plain("0")})
    model, _ = validate_document(trial, model_type)
    if model is None:
        hint = "本期其他字段还有错误，改好后再检查，会给出按明细算出的数字供核对。"
    else:
        st = statement_of(kind, model)
        hint = (f"按本期明细算出的期末余额是 {money(st.computed_closing)}（期初 {money(st.opening)} + 收入 "
                f"{money(st.total_inflow)} − 支出 {money(st.total_outflow)}，由程序根据明细计算，不是核对过的数字）："
                "先核对每一笔明细，再对照账簿或银行对账单填写期末余额。")
    explained = error(where, "schema.type", f"字段 closing_balance：还没有填写期末余额。{hint}")
    return [explained if p is mine[0] else p for p in problems]


def _entry_fields(account: str, doc, i: int, entry) -> list[Problem]:
    needed = {"transfer_in": "from", "transfer_out": "to", "income": "source"}.get(entry.type)
    attr = {"from": "from_"}.get(needed, needed)
    if needed and getattr(entry, attr, None) is None:
        return [error(doc.key_at("entries", i, "type"), "schema.missing_field",
                      f"类型为 {entry.type} 的明细“{entry.id}”缺少字段“{needed}”。")]
    return []


def _authorisation(community, account: str, doc, i: int, entry) -> list[Problem]:
    if entry.type == "expense":
        problems = _expense(community, account, doc, i, entry)
    elif entry.type in ("refund", "cost"):
        problems = _outflow(community, account, doc, i, entry)
    elif entry.type == "income" and getattr(entry, "source", None) in COMMERCIAL_SOURCES:
        return _commercial_income(community, doc, i, entry)
    else:
        return []
    return problems + _before_vote(community, doc, i, entry)


def _expense(community, account: str, doc, i: int, entry) -> list[Problem]:
    if entry.vote is None:
        if account == "maintenance-fund" and entry.emergency is None:
            return [error(doc.at("entries", i, "type"), "ledger.expense_unauthorized",
                          f"维修资金支出“{entry.id}”没有授权：请填写通过的表决 vote，或紧急使用 emergency（reason、approved_by、reported_on）。")]
        if account == "public-revenue" and not entry.authorized_by:
            return [error(doc.at("entries", i, "type"), "ledger.expense_unauthorized",
                          f"公共收益支出“{entry.id}”没有授权：请填写通过的表决 vote，或授权它的管理规约条款 authorized_by。")]
        return []
    return _cited_vote_passed(community, account, doc, i, entry)


def _outflow(community, account: str, doc, i: int, entry) -> list[Problem]:
    """ledger.outflow_unauthorized: money leaves the owners' accounts only with a reason and
    an authority, as an expense does (民法典第281条: the fund belongs to the owners;
    第282条: revenue net of 合理成本 is theirs, so the cost needs a basis too)."""
    if entry.type == "refund":
        missing = [f"{name}（{what}）" for name, what in (("reason", "退还原因"), ("approved_by", "批准退还的单位"))
                   if not getattr(entry, name)]
        if missing:
            return [error(doc.at("entries", i, "type"), "ledger.outflow_unauthorized",
                          f"维修资金退还“{entry.id}”（{money(entry.amount)}）缺少 {'、'.join(missing)}：维修资金属于业主共有，"
                          "退还须写明原因和批准单位（例如房屋灭失、重复交存，经维修资金管理中心核准）。")]
        return []
    if entry.vote is None:
        if not entry.authorized_by:
            return [error(doc.at("entries", i, "type"), "ledger.outflow_unauthorized",
                          f"公共收益合理成本“{entry.id}”（{money(entry.amount)}）没有依据：扣除的成本须有业主大会的授权，"
                          "请填写授权它的管理规约条款 authorized_by，或通过的表决 vote。")]
        return []
    return _cited_vote_passed(community, account, doc, i, entry)


def _cited_vote_passed(community, account: str, doc, i: int, entry) -> list[Problem]:
    """ledger.vote_not_passed: the vote an outflow cites passed (and is use_fund for the fund)."""
    vote = community.votes.get(entry.vote)
    if vote is None:
        return []  # ref.missing reports it
    profile = community.profile.model if community.profile else None
    outcome = compute_outcome(vote.model, profile)
    if outcome is None and has_tallies(vote.model):
        return []  # counted, but no electorate to judge it by: community.yml's own problem says why
    if account == "maintenance-fund" and vote.model.matter != "use_fund":
        return [error(doc.at("entries", i, "vote"), "ledger.vote_not_passed",
                      f"表决“{entry.vote}”的事项是 {vote.model.matter}，不是使用维修资金（use_fund），不能授权这笔维修资金支出。")]
    if outcome is None or not outcome.passed:
        why = "尚未计票" if outcome is None else f"按计票结果未通过（{outcome.reason}）"
        return [error(doc.at("entries", i, "vote"), "ledger.vote_not_passed",
                      f"支出“{entry.id}”引用的表决“{entry.vote}”{why}，不能授权支出。")]
    return []


def _before_vote(community, doc, i: int, entry) -> list[Problem]:
    """ledger.expense_before_vote: money spent before the owners finished deciding to spend it."""
    vote = community.votes.get(entry.vote) if entry.vote else None
    if vote is None or entry.date >= vote.model.voting.end:
        return []
    return [error(doc.at("entries", i, "date"), "ledger.expense_before_vote",
                  f"明细“{entry.id}”的日期 {entry.date} 早于它引用的表决“{entry.vote}”的表决结束日 {vote.model.voting.end}："
                  "表决结束、结果公告之前不能据此支出。请核对日期，或改为引用当时已有的授权。")]


def _commercial_income(community, doc, i: int, entry) -> list[Problem]:
    """ledger.income_unauthorized (a warning): 民法典第278条第一款第八项 — using common parts
    for business (advertising, parking, leases) is the owners' joint decision."""
    if entry.authorized_by:
        return []
    vote = community.votes.get(entry.vote) if entry.vote else None
    if entry.vote and vote is None:
        return []  # ref.missing reports it
    source = REVENUE_SOURCE[entry.source]
    at = doc.at("entries", i, "source")
    if vote is None:
        return [warning(at, "ledger.income_unauthorized",
                        f"公共收益收入“{entry.id}”（{source}，{money(entry.amount)}）是利用共有部分经营的收入，没有写明授权："
                        "利用共有部分从事经营活动须由业主共同决定（民法典第二百七十八条）。请填写通过的表决 vote"
                        "（事项 change_use），或授权它的管理规约条款、业主大会决定 authorized_by。")]
    profile = community.profile.model if community.profile else None
    outcome = compute_outcome(vote.model, profile)
    if vote.model.matter == "change_use" and (outcome is None and has_tallies(vote.model) or outcome and outcome.passed):
        return []
    why = (f"事项是 {vote.model.matter}，不是改变共有部分用途或利用共有部分经营（change_use）"
           if vote.model.matter != "change_use" else ("尚未计票" if outcome is None else f"按计票结果未通过（{outcome.reason}）"))
    return [warning(doc.at("entries", i, "vote"), "ledger.income_unauthorized",
                    f"公共收益收入“{entry.id}”（{source}）引用的表决“{entry.vote}”{why}，不能授权利用共有部分经营。")]


def _budgets(community) -> list[Problem]:
    spent: dict[str, list] = defaultdict(list)
    for account in ACCOUNTS:
        for ledger in community.ledgers(account).values():
            for i, entry in enumerate(ledger.model.entries):
                if entry.type == "expense" and entry.vote:
                    spent[entry.vote].append((entry.date, ledger, i, entry))
    problems: list[Problem] = []
    for vote_id, rows in spent.items():
        vote = community.votes.get(vote_id)
        if vote is None or vote.model.budget is None:
            continue
        budget = vote.model.budget
        total = Decimal("0")
        for day, ledger, i, entry in sorted(rows, key=lambda r: r[0]):
            total += entry.amount
            if total > budget:
                problems.append(error(ledger.doc.at("entries", i, "amount"), "ledger.over_budget",
                                      f"引用表决“{vote_id}”的支出累计 {money(total)}，超过预算 {money(budget)}，"
                                      f"超出 {money(total - budget)}。"))
                break
    return problems


def _transfers(community) -> list[Problem]:
    outs, ins = [], []
    for ledger in community.revenue.values():
        for i, entry in enumerate(ledger.model.entries):
            if entry.type == "transfer_out":
                outs.append((ledger, i, entry))
    for ledger in community.fund.values():
        for i, entry in enumerate(ledger.model.entries):
            if entry.type == "transfer_in":
                ins.append((ledger, i, entry))
    unmatched_ins = list(ins)
    problems: list[Problem] = []
    for ledger, i, entry in outs:
        match = next((row for row in unmatched_ins if row[2].date == entry.date and row[2].amount == entry.amount), None)
        if match is not None:
            unmatched_ins.remove(match)
            continue
        if _unreadable_on(community, "maintenance-fund", entry.date):
            continue  # the counterpart may be in a ledger that failed validation
        problems.append(error(ledger.doc.at("entries", i, "amount"), "ledger.transfer_unmatched",
                              f"公共收益转出“{entry.id}”（{entry.date}，{money(entry.amount)}）在专项维修资金中没有"
                              "同一日期、同一金额的转入（transfer_in）。"))
    for ledger, i, entry in unmatched_ins:
        if _unreadable_on(community, "public-revenue", entry.date):
            continue
        problems.append(error(ledger.doc.at("entries", i, "amount"), "ledger.transfer_unmatched",
                              f"专项维修资金转入“{entry.id}”（{entry.date}，{money(entry.amount)}）在公共收益中没有"
                              "同一日期、同一金额的转出（transfer_out）。"))
    return problems


def _unreadable_on(community, account: str, day) -> bool:
    """True if a ledger of `account` covering `day` exists but failed validation."""
    for kind, stem in community.invalid:
        bounds = period_bounds(stem) if kind == account else None
        if bounds and bounds[0] <= day <= bounds[1]:
            return True
    return False
