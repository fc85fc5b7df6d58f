"""业主委员会: members, term, filing, party organisation, the last meeting; and the warning
that the term is ending."""

from __future__ import annotations

from fractions import Fraction

from ...analysis.party import LEVEL_LABELS, PARTY_MEMBERS_FOR_AN_ORGANISATION, organisation_missing, party_organisations
from ...analysis.status import is_current_member, term_status, voting_members
from ...formatting import cn_date, percent
from ...model import labels
from .. import links
from ..phones import phone_markup
from .context import Context, corrections_on, organisation_text
from .meetings import last_meeting

CN_NUMBERS = "零一二三四五六七八九十"


def term_label(term: int) -> str:
    if term <= 10:
        return f"第{CN_NUMBERS[term]}届"
    return f"第{term}届"


def term_remaining(days_left: int) -> str:
    """How long the term still runs, as the home page's reminder says it."""
    return f"还有 {days_left} 天" if days_left >= 0 else "已过期"


def term_warning(ctx: Context) -> dict | None:
    """The term ends within ELECTION_WARNING_DAYS or has ended: time to hold the election.
    None when there is no committee or the end is further off."""
    if ctx.community.committee is None:
        return None
    c = ctx.community.committee.model
    term = term_status(c.term_end, ctx.as_of)
    if not term.election_due:
        return None
    return {"term_end": cn_date(c.term_end), "remaining": term_remaining(term.days_left)}


def _member_row(m) -> dict:
    return {"name": m.name, "role": labels.ROLE[m.role], "building": m.building or "",
            "party": "是" if m.party_member else "", "cross": m.cross_appointment or "",
            "since": cn_date(m.since), "until": cn_date(m.until) if m.until else "",
            "reason": m.left_reason or ""}


def committee_view(ctx: Context) -> dict | None:
    if ctx.community.committee is None:
        return None
    c = ctx.community.committee.model
    current, past = [], []
    for m in c.members:
        (current if is_current_member(m, ctx.as_of) else past).append(_member_row(m))
    members_now = voting_members(c.members, ctx.as_of)
    party = sum(1 for m in members_now if m.party_member)
    return {
        "kind": labels.COMMITTEE_KIND[c.kind],
        "term": term_label(c.term),
        "elected_on": cn_date(c.elected_on) if c.elected_on else None,
        "term_start": cn_date(c.term_start),
        "term_end": cn_date(c.term_end),
        "term_warning": term_warning(ctx),
        "filed": f"{cn_date(c.filed.date)}，{c.filed.authority}" if c.filed else None,
        "office_phone": phone_markup(c.office_phone),
        "current": current,
        "past": past,
        "party_ratio": f"{party}/{len(members_now)}（{percent(Fraction(party, len(members_now)))}）" if members_now else "",
        "cross": [r for r in current if r["cross"]],
        "own_party": organisation_text(c.party_organisation) if c.party_organisation else "未单独建立",
        "party_organisations": [{"level": LEVEL_LABELS[level], "name": name}
                                for level, name in party_organisations(ctx.community)],
        "party_missing": organisation_missing(ctx.community, ctx.as_of),
        "party_threshold": PARTY_MEMBERS_FOR_AN_ORGANISATION,
        "last_meeting": last_meeting(ctx, links.COMMITTEE),
        "meetings_href": links.href_from(links.COMMITTEE, links.MEETINGS),
        "corrected_by": corrections_on(ctx, links.COMMITTEE, {"committee"}),
    }
