"""One row per community for the district's table: the figures a street office scans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ..analysis.disclosure import DueStatement, Timeliness, statements_due, timeliness
from ..analysis.documents import documents_in_effect
from ..analysis.meetings import latest_meeting
from ..analysis.periods import sort_periods
from ..analysis.status import (
    ACTIVE, ENDED, OVERDUE, UPCOMING, NoticeStatus, TermStatus, item_status, notice_status, term_status,
)
from ..model.portal import CommunityData
from ..model.records import DisclosureRules
from ..render.views.ledgers import balance_dating
from .rankings import LatestEvaluation, latest_evaluation

# The district search holds every current notice and those published in the last 90 days:
# enough to find "电梯" across communities at about 2 KB of search index per community, while
# a community's own search keeps its whole history.
RECENT_NOTICE_DAYS = 90


@dataclass(frozen=True)
class NoticeLine:
    id: str
    title: str
    published: date
    status: NoticeStatus


@dataclass(frozen=True)
class CommunitySummary:
    slug: str
    name: str
    street: str
    neighbourhood: str
    address: str
    committee_kind: str | None      # owners_committee | management_committee | None (未成立)
    term_end: date | None
    term: TermStatus | None
    fund_balance: Decimal | None    # closing balance of the latest maintenance-fund period
    fund_period: str | None
    fund_dated: str | None          # "截至…" or "本期至今（截至…）" (render.views.ledgers.balance_dating)
    property_manager: str | None
    party_organisation: str | None
    evaluation: LatestEvaluation | None
    overdue_rectifications: int
    active_notices: int
    upcoming_notices: int
    recent_notices: tuple[NoticeLine, ...]   # newest first
    statements: tuple[DueStatement, ...]     # ledger statements due by the build date
    timeliness: Timeliness                   # 公示及时率 of those
    documents_in_effect: int                 # 制度文件 in effect at the build date
    last_meeting: date | None                # the most recent meeting of any kind


def summarise(community: CommunityData, as_of: date, floors: dict[str, Decimal],
              disclosure: DisclosureRules) -> CommunitySummary:
    profile = community.profile.model if community.profile else None
    committee = community.committee.model if community.committee else None
    fund_period = sort_periods(community.fund)[-1] if community.fund else None
    overdue = sum(1 for i in community.inspections.values() for item in i.model.items
                  if item_status(item, as_of) == OVERDUE)
    states = {nid: notice_status(n.model, as_of) for nid, n in community.notices.items()}
    since = as_of - timedelta(days=RECENT_NOTICE_DAYS)
    recent = [NoticeLine(nid, n.model.title, n.model.published, states[nid])
              for nid, n in community.notices.items()
              if states[nid].state != ENDED or n.model.published >= since]
    recent.sort(key=lambda line: (line.published, line.id), reverse=True)
    statements = tuple(statements_due(community, disclosure, as_of))
    return CommunitySummary(
        slug=community.slug,
        name=profile.name if profile else community.slug,
        street=profile.street if profile else "",
        neighbourhood=(profile.neighbourhood or "") if profile else "",
        address=profile.address if profile else "",
        committee_kind=committee.kind if committee else None,
        term_end=committee.term_end if committee else None,
        term=term_status(committee.term_end, as_of) if committee else None,
        fund_balance=community.fund[fund_period].model.closing_balance if fund_period else None,
        fund_period=fund_period,
        fund_dated=balance_dating(fund_period, as_of, community.fund[fund_period].model)["dated"] if fund_period else None,
        property_manager=profile.property_manager.name if profile and profile.property_manager else None,
        party_organisation=profile.party_organisation.name if profile and profile.party_organisation else None,
        evaluation=latest_evaluation(community, floors),
        overdue_rectifications=overdue,
        active_notices=sum(1 for s in states.values() if s.state == ACTIVE),
        upcoming_notices=sum(1 for s in states.values() if s.state == UPCOMING),
        recent_notices=tuple(recent),
        statements=statements,
        timeliness=timeliness(list(statements)),
        documents_in_effect=len(documents_in_effect(community.documents, as_of)),
        last_meeting=latest.date if (latest := latest_meeting(community.meetings)) else None,
    )


def by_street(summaries: list[CommunitySummary]) -> list[tuple[str, list[CommunitySummary]]]:
    """Streets in name order, communities by slug within each (slugs are usually the names'
    pinyin: an order readers know, where the Chinese names' code points are none)."""
    streets: dict[str, list[CommunitySummary]] = {}
    for s in sorted(summaries, key=lambda s: s.slug):
        streets.setdefault(s.street, []).append(s)
    return sorted(streets.items())
