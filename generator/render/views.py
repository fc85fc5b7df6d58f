"""View models: every figure, label and status a page shows, computed in Python.

Templates only print what is here (style: templates hold no logic).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..analysis import grades as grading
from ..analysis.ledgers import INFLOWS, is_inflow, statement_of
from ..analysis.periods import period_label, sort_periods
from ..analysis.status import (
    ELECTION_WARNING_DAYS, ITEM_STATUS_LABEL, OVERDUE, is_current_member, item_status, notice_status,
    voting_members,
)
from ..analysis.votes import compute_outcome, electorate_of, has_tallies, reporting_gaps
from ..formatting import (
    area, cn_date, fraction, money, money_yuan, percent, percent_beside_grade, percent_beside_threshold,
)
from ..model import labels
from ..model.portal import CommunityData, Portal
from ..rules.refs import entry_index
from . import links

ACCOUNT_TITLE = {"maintenance-fund": "专项维修资金", "public-revenue": "公共收益"}
TYPE_LABELS = {"maintenance-fund": labels.FUND_ENTRY, "public-revenue": labels.REVENUE_ENTRY}
CN_NUMBERS = "零一二三四五六七八九十"


def term_label(term: int) -> str:
    if term <= 10:
        return f"第{CN_NUMBERS[term]}届"
    return f"第{term}届"


def fingerprint(doc) -> str:
    """First 8 hex digits of the SHA-256 of the record's file: matches paper and web."""
    return hashlib.sha256(doc.path.read_bytes()).hexdigest()[:8]


@dataclass
class Context:
    """What every community page needs to know."""

    portal: Portal
    community: CommunityData
    as_of: date
    base_url: str
    with_pdf: bool
    entries: dict = field(default_factory=dict)

    @property
    def profile(self):
        return self.community.profile.model if self.community.profile else None


def make_context(portal: Portal, community: CommunityData, as_of: date, base_url: str, with_pdf: bool) -> Context:
    return Context(portal, community, as_of, base_url, with_pdf, entry_index(community))


# ------------------------------------------------------------------ references

def ref_label(ctx: Context, ref: str) -> str:
    c = ctx.community
    kind, _, ident = ref.partition("/")
    if ref == "committee":
        return "业主委员会名单"
    if kind == "vote" and ident in c.votes:
        return f"表决：{c.votes[ident].model.title}"
    if kind == "notice" and ident in c.notices:
        return f"公示：{c.notices[ident].model.title}"
    if kind in ("maintenance-fund", "public-revenue"):
        return f"{ACCOUNT_TITLE[kind]} {period_label(ident)}账目"
    if kind == "inspection" and ident in c.inspections:
        i = c.inspections[ident].model
        return f"监督检查：{cn_date(i.date)} {i.authority}"
    if kind == "evaluation":
        return f"履约考评：{period_label(ident)}"
    if kind == "entry" and ident in ctx.entries:
        account, period, index = ctx.entries[ident]
        entry = c.ledgers(account)[period].model.entries[index]
        return f"账目明细 {ident}：{entry.summary}（{money_yuan(entry.amount)}）"
    return ref


def ref_link(ctx: Context, from_page: str, ref: str) -> dict:
    target = links.ref_target(ref, ctx.entries)
    return {
        "label": ref_label(ctx, ref),
        "href": links.href_from(from_page, target[0], target[1]) if target else None,
    }


def with_entries(ctx: Context, refs: set[str]) -> set[str]:
    """refs plus entry/<id> of every entry in the ledgers refs names: a correction of one
    entry also corrects the period's ledger and whatever published it."""
    covered = set(refs)
    for ref in refs:
        account, _, period = ref.partition("/")
        if account in ACCOUNT_TITLE and period in ctx.community.ledgers(account):
            covered |= {f"entry/{e.id}" for e in ctx.community.ledgers(account)[period].model.entries}
    return covered


def corrections_of(ctx: Context, refs: set[str], notice_id: str | None = None) -> list[dict]:
    """Correction notices whose `corrects` names one of `refs` (or that name notice_id among
    their related records)."""
    found = []
    for nid, n in sorted(ctx.community.notices.items()):
        if n.model.kind != "correction" or nid == notice_id:
            continue
        if n.model.corrects in refs or (notice_id and f"notice/{notice_id}" in n.model.related):
            found.append({"id": nid, "title": n.model.title, "changes": n.model.changes or "",
                          "published": cn_date(n.model.published)})
    return found


def corrections_on(ctx: Context, page: str, refs: set[str]) -> list[dict]:
    """corrections_of(refs), each linked from `page`: the notice a corrected record carries
    (issue #3: a correction trail, with a link from the corrected record)."""
    return [dict(c, href=links.href_from(page, links.notice_page(c["id"]))) for c in corrections_of(ctx, refs)]


# ------------------------------------------------------------------ notices

def notice_row(ctx: Context, nid: str, from_page: str) -> dict:
    n = ctx.community.notices[nid].model
    status = notice_status(n, ctx.as_of)
    return {
        "id": nid,
        "title": n.title,
        "href": links.href_from(from_page, links.notice_page(nid)),
        "kind": labels.NOTICE_KIND[n.kind],
        "period": f"{cn_date(n.period.from_)}至{cn_date(n.period.to)}",
        "period_from": cn_date(n.period.from_),
        "period_to": cn_date(n.period.to),
        "status": status.label,
        "state": status.state,
        "days_left": status.days_left,
    }


def notices_by_state(ctx: Context, from_page: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {"active": [], "upcoming": [], "ended": []}
    notices = ctx.community.notices
    for nid in sorted(notices, key=lambda k: (notices[k].model.period.from_, k), reverse=True):
        row = notice_row(ctx, nid, from_page)
        groups[row["state"]].append(row)
    groups["upcoming"].reverse()  # soonest first
    return groups


def notice_view(ctx: Context, nid: str) -> dict:
    loaded = ctx.community.notices[nid]
    n = loaded.model
    page = links.notice_page(nid)
    status = notice_status(n, ctx.as_of)
    corrected_by = corrections_of(ctx, with_entries(ctx, {f"notice/{nid}"} | set(n.related)), nid)
    for row in corrected_by:
        row["href"] = links.href_from(page, links.notice_page(row["id"]))
    return {
        "id": nid,
        "title": n.title,
        "kind": labels.NOTICE_KIND[n.kind],
        "issuer": n.issuer,
        "published": cn_date(n.published),
        "period_from": cn_date(n.period.from_),
        "period_to": cn_date(n.period.to),
        "status": status.label,
        "state": status.state,
        "days_left": status.days_left,
        "objection_contact": n.objection.contact if n.objection else None,
        "objection_until": cn_date(n.objection.until) if n.objection else None,
        "related": [ref_link(ctx, page, r) for r in n.related],
        "corrects": ref_link(ctx, page, n.corrects) if n.corrects else None,
        "changes": n.changes,
        "corrected_by": corrected_by,
        "pdf_href": links.href_from(page, links.notice_pdf(nid)) if (n.print and ctx.with_pdf) else None,
        "fingerprint": fingerprint(loaded.doc),
        "url": ctx.base_url + links.page_url(page),
    }


# ------------------------------------------------------------------ ledgers

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
    return None


def _entry_type_label(account: str, entry) -> str:
    label = TYPE_LABELS[account][entry.type]
    source = getattr(entry, "source", None)
    return f"{label}（{labels.REVENUE_SOURCE[source]}）" if source else label


def statement_view(account: str, period: str, ledger) -> dict:
    st = statement_of(account, ledger)
    type_labels = TYPE_LABELS[account]
    inflows = [{"label": type_labels[t], "amount": money(a)} for t, a in st.inflows_by_type.items()
               if t != "income"]
    if "income" in st.inflows_by_type:
        # Public revenue has one inflow type, 收入: a line "收入：收入" tells owners nothing,
        # so the statement shows income by source (停车、广告、场地租赁、其他) instead.
        by_source: dict[str, Decimal] = {}
        for e in ledger.entries:
            if e.type == "income":
                source = e.source or "other"  # a rule requires it; never drop an amount
                by_source[source] = by_source.get(source, Decimal("0")) + e.amount
        inflows = [{"label": labels.REVENUE_SOURCE[s], "amount": money(by_source[s])}
                   for s in labels.REVENUE_SOURCE if s in by_source] + inflows
    return {
        "period": period,
        "label": period_label(period),
        "opening": money(st.opening),
        "closing": money(st.declared_closing),
        "inflows": inflows,
        "outflows": [{"label": type_labels[t], "amount": money(a)} for t, a in st.outflows_by_type.items()],
        "total_inflow": money(st.total_inflow),
        "total_outflow": money(st.total_outflow),
    }


def ledger_view(ctx: Context, account: str, period: str) -> dict:
    loaded = ctx.community.ledgers(account)[period]
    ledger = loaded.model
    page = links.ledger_page(account, period)
    st = statement_of(account, ledger)
    balance_after = {row.index: row.balance for row in st.running}
    rows = []
    for row in st.running:
        e = ledger.entries[row.index]
        inflow = e.type in INFLOWS[account]
        apportion = None
        if e.apportionment:
            scope = "、".join(e.apportionment.scope)
            apportion = labels.APPORTION_BASIS[e.apportionment.basis] + (f"：{scope}" if scope else "")
        rows.append({
            "id": e.id,
            "date": cn_date(e.date),
            "summary": e.summary,
            "type": _entry_type_label(account, e),
            "inflow": money(e.amount) if inflow else "",
            "outflow": "" if inflow else money(e.amount),
            "balance": money(balance_after[row.index]),
            "voucher": e.voucher or "",
            "counterparty": e.counterparty or "",
            "authorisation": _authorisation(ctx, page, e),
            "apportionment": apportion or "",
            "corrected_by": corrections_on(ctx, page, {f"entry/{e.id}"}),
        })
    return {
        "account": account,
        "title": f"{ACCOUNT_TITLE[account]} {period_label(period)}",
        "statement": statement_view(account, period, ledger),
        "entries": rows,
        "corrected_by": corrections_on(ctx, page, with_entries(ctx, {f"{account}/{period}"})),
        "notices": _notices_relating(ctx, page, {f"{account}/{period}"}),
    }


def _notices_relating(ctx: Context, page: str, refs: set[str]) -> list[dict]:
    return [{"title": n.model.title, "href": links.href_from(page, links.notice_page(nid))}
            for nid, n in sorted(ctx.community.notices.items()) if refs & set(n.model.related)]


# Section heading and chart title of the account's inflows, by source or by type.
INCOME_TITLE = {"public-revenue": ("收入来源", "公共收益收入来源"), "maintenance-fund": ("资金来源", "专项维修资金来源")}


def account_view(ctx: Context, account: str, charts) -> dict:
    ledgers = ctx.community.ledgers(account)
    periods = sort_periods(ledgers)
    page = links.ACCOUNT_INDEX[account]
    statements = []
    points = []
    income_by_source: dict[str, Decimal] = {}
    for period in periods:
        ledger = ledgers[period].model
        view = statement_view(account, period, ledger)
        view["href"] = links.href_from(page, links.ledger_page(account, period))
        statements.append(view)
        st = statement_of(account, ledger)
        if not points:
            points.append((ledger.entries[st.running[0].index].date if st.running else None, st.opening))
        for row in st.running:
            points.append((ledger.entries[row.index].date, row.balance))
        for e in ledger.entries:
            # 公共收益: income by source (广告, 停车, …); 专项维修资金: inflows by type (交存, 利息, 转入).
            if account == "public-revenue" and getattr(e, "source", None) and e.type == "income":
                key = labels.REVENUE_SOURCE[e.source]
            elif account == "maintenance-fund" and is_inflow(account, e.type):
                key = labels.FUND_ENTRY[e.type]
            else:
                continue
            income_by_source[key] = income_by_source.get(key, Decimal("0")) + e.amount
    points = [(d, b) for d, b in points if d is not None]
    title = ACCOUNT_TITLE[account]
    return {
        "title": title,
        "statements": list(reversed(statements)),
        "latest": statements[-1] if statements else None,
        "balance_chart": charts.running_balance_svg(points, title=f"{title}余额变化") if points else "",
        "income_title": INCOME_TITLE[account][0],
        "income_chart": charts.income_by_source_svg(sorted(income_by_source.items()), title=INCOME_TITLE[account][1])
        if income_by_source else "",
        "income_by_source": [{"label": k, "amount": money(v)} for k, v in sorted(income_by_source.items())],
    }


# ------------------------------------------------------------------ votes

def vote_row(ctx: Context, vid: str, from_page: str) -> dict:
    v = ctx.community.votes[vid].model
    outcome = compute_outcome(v, ctx.profile)
    return {
        "title": v.title,
        "href": links.href_from(from_page, links.vote_page(vid)),
        "matter": labels.MATTER[v.matter],
        "voting": f"{cn_date(v.voting.start)}至{cn_date(v.voting.end)}",
        "voting_from": cn_date(v.voting.start),
        "voting_to": cn_date(v.voting.end),
        "result": labels.DECLARED_RESULT[outcome.result] if outcome else "尚未计票",
    }


def vote_view(ctx: Context, vid: str) -> dict:
    loaded = ctx.community.votes[vid]
    v = loaded.model
    page = links.vote_page(vid)
    outcome = compute_outcome(v, ctx.profile)
    electorate = electorate_of(v, ctx.profile)
    tallies = []
    if has_tallies(v):
        for key, label in (("turnout", "参与表决"), ("approve", "同意"), ("oppose", "反对"), ("abstain", "弃权")):
            t = getattr(v, key)
            tallies.append({"label": label, "owners": str(t.owners), "area": area(t.area_m2)})
    tests = []
    if outcome:
        for t in outcome.participation + outcome.approval:
            tests.append({
                "label": t.label,
                "figures": f"{t.numerator:,} / {t.denominator:,}" if "人数" in t.label
                else f"{area(t.numerator)} / {area(t.denominator)}",
                "ratio": percent_beside_threshold(t.ratio, t.met),
                "threshold": f"{t.comparison} {fraction(t.threshold)}",
                "met": t.met,
            })
    spending = []
    total = Decimal("0")
    for account in ("maintenance-fund", "public-revenue"):
        for period in sort_periods(ctx.community.ledgers(account)):
            for e in ctx.community.ledgers(account)[period].model.entries:
                if e.type == "expense" and e.vote == vid:
                    total += e.amount
                    spending.append({"summary": e.summary, "date": cn_date(e.date), "amount": money(e.amount),
                                     "href": links.href_from(page, links.ledger_page(account, period), e.id)})
    result_notices = _notices_relating(ctx, page, {f"vote/{vid}"})
    pre_vote = ctx.community.notices.get(v.notice) if v.notice else None
    return {
        "title": v.title,
        "matter": labels.MATTER[v.matter],
        "rule": ("四分之三以上" if outcome and outcome.supermajority else "过半数"),
        "voting": f"{cn_date(v.voting.start)}至{cn_date(v.voting.end)}",
        "voting_from": cn_date(v.voting.start),
        "voting_to": cn_date(v.voting.end),
        "budget": money_yuan(v.budget) if v.budget is not None else None,
        "electorate_owners": f"{electorate.owners:,}" if electorate else "",
        "electorate_area": area(electorate.area_m2) if electorate else "",
        "electorate_note": "本事项涉及的业主" if v.electorate else "全体业主",
        "tallies": tallies,
        "tests": tests,
        "computed": labels.DECLARED_RESULT[outcome.result] if outcome else None,
        "passed": outcome.passed if outcome else None,
        "result_box": ("success" if outcome.passed else "failure") if outcome else "note",  # admonition type
        "reason": outcome.reason if outcome else None,
        "declared": labels.DECLARED_RESULT[v.declared_result] if v.declared_result else None,
        "declared_matches": (outcome is not None and v.declared_result == outcome.result),
        "reported_party": cn_date(v.reported.party_org) if v.reported and v.reported.party_org else None,
        "reported_street": cn_date(v.reported.street) if v.reported and v.reported.street else None,
        "reporting_gaps": reporting_gaps(v),
        "pre_vote": {"title": pre_vote.model.title, "href": links.href_from(page, links.notice_page(v.notice))} if pre_vote else None,
        "notices": result_notices,
        "spending": spending,
        "spent": money_yuan(total) if spending else None,
        "corrected_by": corrections_on(ctx, page, {f"vote/{vid}"}),
    }


# ------------------------------------------------------------------ committee, inspections, evaluations

def committee_view(ctx: Context) -> dict | None:
    if ctx.community.committee is None:
        return None
    c = ctx.community.committee.model
    current, past = [], []
    for m in c.members:
        row = {"name": m.name, "role": labels.ROLE[m.role], "building": m.building or "",
               "party": "是" if m.party_member else "", "cross": m.cross_appointment or "",
               "since": cn_date(m.since), "until": cn_date(m.until) if m.until else "",
               "reason": m.left_reason or ""}
        (current if is_current_member(m, ctx.as_of) else past).append(row)
    members_now = voting_members(c.members, ctx.as_of)
    party = sum(1 for m in members_now if m.party_member)
    days_left = (c.term_end - ctx.as_of).days
    return {
        "kind": labels.COMMITTEE_KIND[c.kind],
        "term": term_label(c.term),
        "term_start": cn_date(c.term_start),
        "term_end": cn_date(c.term_end),
        "term_days_left": days_left,
        "term_ending": days_left <= ELECTION_WARNING_DAYS,
        "filed": f"{cn_date(c.filed.date)}，{c.filed.authority}" if c.filed else None,
        "office_phone": c.office_phone,
        "current": current,
        "past": past,
        "party_ratio": f"{party}/{len(members_now)}（{percent(Fraction(party, len(members_now)))}）" if members_now else "",
        "cross": [r for r in current if r["cross"]],
        "corrected_by": corrections_on(ctx, links.COMMITTEE, {"committee"}),
    }


def inspections_view(ctx: Context) -> list[dict]:
    out = []
    inspections = ctx.community.inspections
    for iid in sorted(inspections, key=lambda k: (inspections[k].model.date, k), reverse=True):
        i = inspections[iid].model
        items = []
        for item in i.items:
            status = item_status(item, ctx.as_of)
            items.append({
                "check": item.check, "result": labels.ITEM_RESULT[item.result],
                "finding": item.finding or "", "rectify_by": cn_date(item.rectify_by) if item.rectify_by else "",
                "status": ITEM_STATUS_LABEL[status] if status else "", "overdue": status == OVERDUE,
                "rectified_on": cn_date(item.rectified_on) if item.rectified_on else "",
            })
        out.append({"id": iid, "date": cn_date(i.date), "authority": i.authority,
                    "source": labels.INSPECTION_SOURCE[i.source], "kind": labels.INSPECTION_KIND[i.kind],
                    "conclusion": i.conclusion or "", "items": items,
                    "corrected_by": corrections_on(ctx, links.INSPECTIONS, {f"inspection/{iid}"})})
    return out


def overdue_items(ctx: Context, from_page: str) -> list[dict]:
    rows = []
    for iid, loaded in sorted(ctx.community.inspections.items()):
        for item in loaded.model.items:
            if item_status(item, ctx.as_of) == OVERDUE:
                rows.append({"check": item.check, "finding": item.finding or "",
                             "rectify_by": cn_date(item.rectify_by),
                             "days": (ctx.as_of - item.rectify_by).days,
                             "href": links.href_from(from_page, links.INSPECTIONS, iid)})
    return rows


def evaluation_view(ctx: Context, period: str) -> dict:
    ev = ctx.community.evaluations[period].model
    total, maximum = grading.total_score(ev)
    ratio = grading.score_percent(ev)
    rate = grading.satisfaction_rate(ev)
    return {
        "period": period, "label": period_label(period), "anchor": f"evaluation-{period}",
        "evaluated": ev.evaluated, "evaluators": "、".join(ev.evaluators), "date": cn_date(ev.date),
        "categories": [{"name": c.name, "score": f"{c.score}", "max": f"{c.max}"} for c in ev.categories],
        "total": f"{total}", "max": f"{maximum}", "percent": percent_beside_grade(ratio / 100),
        "grade": grading.grade_for(ratio, ctx.portal.rules.grades),
        "satisfaction": (f"{percent(rate)}（{ev.satisfaction.satisfied}/{ev.satisfaction.surveyed}，"
                         f"{ev.satisfaction.method or '调查'}）") if rate is not None else "",
        "corrected_by": corrections_on(ctx, links.EVALUATIONS, {f"evaluation/{period}"}),
    }


def evaluations_view(ctx: Context) -> list[dict]:
    return [evaluation_view(ctx, p) for p in reversed(sort_periods(ctx.community.evaluations))]


def property_view(ctx: Context) -> dict:
    p = ctx.profile
    pm = p.property_manager if p else None
    party = p.party_organisation if p else None
    return {
        "community": p.name if p else ctx.community.slug,
        "address": p.address if p else "",
        "manager": None if pm is None else {
            "name": pm.name, "project_manager": pm.project_manager or "", "office_phone": pm.office_phone or "",
            "contract": f"{cn_date(pm.contract.start)}至{cn_date(pm.contract.end)}" if pm.contract else "",
            "fees": [{"item": f.item, "price": money(f.price), "unit": f.unit} for f in pm.fees],
        },
        "party": None if party is None else {
            "name": party.name, "kind": labels.PARTY_KIND[party.kind],
            "established": cn_date(party.established) if party.established else "",
        },
    }


# ------------------------------------------------------------------ home

def home_view(ctx: Context, site_title: str) -> dict:
    page = links.HOME
    groups = notices_by_state(ctx, page)
    figures = []
    for account in ("maintenance-fund", "public-revenue"):
        ledgers = ctx.community.ledgers(account)
        if ledgers:
            latest = sort_periods(ledgers)[-1]
            figures.append({"label": f"{ACCOUNT_TITLE[account]}余额", "amount": money_yuan(ledgers[latest].model.closing_balance),
                            "period": f"{period_label(latest)}末", "href": links.href_from(page, links.ledger_page(account, latest))})
    committee = committee_view(ctx)
    unreported = []
    for vid, v in sorted(ctx.community.votes.items()):
        gaps = reporting_gaps(v.model)
        if gaps:
            unreported.append({"title": v.model.title, "href": links.href_from(page, links.vote_page(vid)), "gaps": "；".join(gaps)})
    p = ctx.profile
    return {
        "title": site_title,
        "community": p.name if p else ctx.community.slug,
        "address": p.address if p else "",
        "as_of": cn_date(ctx.as_of),
        "active": groups["active"],
        "upcoming": groups["upcoming"],
        "figures": figures,
        "overdue": overdue_items(ctx, page),
        "term_warning": committee if committee and committee["term_ending"] else None,
        "unreported": unreported,
    }
