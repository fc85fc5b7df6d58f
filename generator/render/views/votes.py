"""表决: the list of votes and each vote's page (tallies, the legal ratios, the result)."""

from __future__ import annotations

from decimal import Decimal

from ...analysis.periods import sort_periods
from ...analysis.votes import (
    approval_rule, compute_outcome, electorate_of, is_supermajority, reporting_gaps, tallies,
)
from ...formatting import area, cn_date, fraction, money, money_yuan, percent_beside_threshold
from ...model import labels
from .. import links
from .context import Context, corrections_on, notices_relating, titled_link


def voting_period(vote) -> dict:
    return {"voting_from": cn_date(vote.voting.start), "voting_to": cn_date(vote.voting.end)}


def vote_row(ctx: Context, vid: str, from_page: str) -> dict:
    v = ctx.community.votes[vid].model
    outcome = compute_outcome(v, ctx.profile)
    return {
        **titled_link(v.title, from_page, links.vote_page(vid)),
        "matter": labels.MATTER[v.matter],
        **voting_period(v),
        "result": labels.DECLARED_RESULT[outcome.result] if outcome else "尚未计票",
    }


def ratio_tests(outcome) -> list[dict]:
    """The four legal ratios (participation and approval, by headcount and by area), for
    the page and the notice PDF."""
    if outcome is None:
        return []
    return [{
        "label": t.label,
        "figures": f"{t.numerator:,} / {t.denominator:,}" if "人数" in t.label
        else f"{area(t.numerator)} / {area(t.denominator)}",
        "ratio": percent_beside_threshold(t.ratio, t.met),
        "threshold": f"{t.comparison} {fraction(t.threshold)}",
        "met": t.met,
    } for t in outcome.participation + outcome.approval]


def _spending(ctx: Context, vid: str, page: str) -> tuple[list[dict], Decimal]:
    """Expenses the vote authorised, in either account, and their total."""
    rows, total = [], Decimal("0")
    for account in labels.ACCOUNTS:
        for period in sort_periods(ctx.community.ledgers(account)):
            for e in ctx.community.ledgers(account)[period].model.entries:
                if e.type == "expense" and e.vote == vid:
                    total += e.amount
                    rows.append({"summary": e.summary, "date": cn_date(e.date), "amount": money(e.amount),
                                 "href": links.href_from(page, links.ledger_page(account, period), e.id)})
    return rows, total


def _declared_check(vote, outcome) -> dict:
    """Whether the declared result is the one the tallies give (vote.result_mismatch)."""
    mismatch = outcome is None or vote.declared_result != outcome.result
    return {"declared_check": "与计算结果不一致" if mismatch else "与计算结果一致", "declared_mismatch": mismatch}


def tally_view(ctx: Context, vid: str) -> dict:
    """The tallies, the four legal ratios beside their thresholds and the computed result:
    the vote page's and a result notice's (templates/_tally.md.j2)."""
    v = ctx.community.votes[vid].model
    outcome = compute_outcome(v, ctx.profile)
    electorate = electorate_of(v, ctx.profile)
    # The electorate first: the ratios below are of it. Head counts as written (no thousands
    # separator), as the vote page has always shown them.
    rows = [{"label": "表决范围内业主" if v.electorate else "全体业主", "owners": str(electorate.owners),
             "area": area(electorate.area_m2)}] if electorate and tallies(v) else []
    return {
        "title": v.title,
        "rule": approval_rule(is_supermajority(v.matter)),
        "tallies": rows + [{"label": label, "owners": str(t.owners), "area": area(t.area_m2)} for label, t in tallies(v)],
        "tests": ratio_tests(outcome),
        "computed": labels.DECLARED_RESULT[outcome.result] if outcome else None,
        "result_box": ("success" if outcome.passed else "failure") if outcome else "note",  # admonition type
        "reason": outcome.reason if outcome else None,
        "declared": labels.DECLARED_RESULT[v.declared_result] if v.declared_result else None,
        **_declared_check(v, outcome),
    }


def vote_view(ctx: Context, vid: str) -> dict:
    v = ctx.community.votes[vid].model
    page = links.vote_page(vid)
    electorate = electorate_of(v, ctx.profile)
    spending, spent = _spending(ctx, vid, page)
    pre_vote = ctx.community.notices.get(v.notice) if v.notice else None
    return {
        **tally_view(ctx, vid),
        "matter": labels.MATTER[v.matter],
        **voting_period(v),
        "budget": money_yuan(v.budget) if v.budget is not None else None,
        "electorate_owners": f"{electorate.owners:,}" if electorate else "",
        "electorate_area": area(electorate.area_m2) if electorate else "",
        "electorate_note": "本事项涉及的业主" if v.electorate else "全体业主",
        "reported_party": cn_date(v.reported.party_org) if v.reported and v.reported.party_org else None,
        "reported_street": cn_date(v.reported.street) if v.reported and v.reported.street else None,
        "reporting_gaps": "；".join(reporting_gaps(v, ctx.portal.rules.report_amount_threshold)),
        "pre_vote": titled_link(pre_vote.model.title, page, links.notice_page(v.notice)) if pre_vote else None,
        "notices": notices_relating(ctx, page, {f"vote/{vid}"}),
        "spending": spending,
        "spent": money_yuan(spent) if spending else None,
        "corrected_by": corrections_on(ctx, page, {f"vote/{vid}"}),
    }
