"""定期收支公示: which ledger statements were due by the build date, and whether each was
published on time, late, or not at all.

住宅专项维修资金管理办法第30条 publishes the fund "每年至少一次"; 上海 art. 66 the fund
half-yearly and public revenue quarterly. site.yml `rules.disclosure` sets the longest
ledger period of each account and `report_within_days`, the days after a period's end by
which its statement notice (kind `fund_report` / `revenue_report`, relating
`<account>/<period>`) is published.

One computation for the rules (disclosure.missing, disclosure.late), a community's front
page (提醒) and the district's 公示及时率.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from ..model.labels import ACCOUNTS
from ..model.portal import CommunityData
from ..model.records import DisclosureRules
from .days import days_after, deadline_after
from .periods import next_period, period_bounds, sort_periods

REPORT_KIND = {"maintenance-fund": "fund_report", "public-revenue": "revenue_report"}
ON_TIME, LATE, MISSING = "on_time", "late", "missing"
STATE_LABEL = {ON_TIME: "按时公示", LATE: "逾期公示", MISSING: "未公示"}


@dataclass(frozen=True)
class DueStatement:
    """One period whose statement was due by the build date."""

    account: str
    period: str
    period_end: date
    deadline: date              # the last day to publish (period_end + report_within_days)
    has_ledger: bool            # False: no ledger file covers the period either
    notice_id: str | None       # the first statement notice published by the build date
    published: date | None
    state: str                  # ON_TIME | LATE | MISSING
    days_late: int              # LATE: published − deadline; MISSING: build date − deadline; else 0


def statement_notices(community: CommunityData, account: str, period: str) -> list[tuple[str, object]]:
    """(id, notice) of every statement notice of the right kind relating the period, first published first."""
    ref = f"{account}/{period}"
    found = [(nid, n.model) for nid, n in community.notices.items()
             if n.model.kind == REPORT_KIND[account] and ref in n.model.related]
    return sorted(found, key=lambda item: (item[1].published, item[0]))


def _existing_periods(community: CommunityData, account: str) -> list[str]:
    """Ledger periods with a file, valid or not (a file that failed validation still covers its period)."""
    stems = set(community.ledgers(account)) | {stem for kind, stem in community.invalid if kind == account}
    return [p for p in sort_periods(stems) if period_bounds(p)]


def _due(community: CommunityData, account: str, period: str, has_ledger: bool,
         within_days: int, as_of: date) -> DueStatement | None:
    end = period_bounds(period)[1]
    deadline = deadline_after(end, within_days)
    if as_of <= deadline:
        return None                   # still within its days: not due yet
    published = [(nid, n) for nid, n in statement_notices(community, account, period) if n.published <= as_of]
    if not published:
        return DueStatement(account, period, end, deadline, has_ledger, None, None, MISSING,
                            days_after(deadline, as_of))
    nid, notice = published[0]
    late = days_after(deadline, notice.published)
    return DueStatement(account, period, end, deadline, has_ledger, nid, notice.published,
                        LATE if late > 0 else ON_TIME, max(late, 0))


def periods_without_file(existing: list[str], within_days: int, as_of: date) -> list[str]:
    """Periods after the last ledger file, of its length, whose statements are already due:
    the ledger stopped while the community went on."""
    if not existing:
        return []                     # no ledger at all: nothing says how it would be divided
    missing = []
    period = next_period(existing[-1])
    while deadline_after(period_bounds(period)[1], within_days) < as_of:
        missing.append(period)
        period = next_period(period)
    return missing


def statements_due(community: CommunityData, rules: DisclosureRules, as_of: date) -> list[DueStatement]:
    """Every statement due by `as_of`, by account and then in time order."""
    found: list[DueStatement] = []
    for account in ACCOUNTS:
        existing = _existing_periods(community, account)
        for period in existing:
            due = _due(community, account, period, True, rules.report_within_days, as_of)
            if due is not None:
                found.append(due)
        for period in periods_without_file(existing, rules.report_within_days, as_of):
            found.append(_due(community, account, period, False, rules.report_within_days, as_of))
    return found


@dataclass(frozen=True)
class Timeliness:
    """公示及时率: statements due by the build date, and how many were published on time."""

    due: int
    on_time: int

    @property
    def ratio(self) -> Fraction | None:
        return Fraction(self.on_time, self.due) if self.due else None


def timeliness(statements: list[DueStatement]) -> Timeliness:
    return Timeliness(len(statements), sum(1 for s in statements if s.state == ON_TIME))
