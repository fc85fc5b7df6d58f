"""Statuses at the build date: notices, rectifications, committee terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .days import days_between

UPCOMING, ACTIVE, ENDED = "upcoming", "active", "ended"
NOTICE_STATUS_LABEL = {UPCOMING: "即将公示", ACTIVE: "公示中", ENDED: "已结束"}

RECTIFIED, IN_PROGRESS, OVERDUE = "rectified", "in_progress", "overdue"
ITEM_STATUS_LABEL = {RECTIFIED: "已整改", IN_PROGRESS: "整改中", OVERDUE: "逾期"}

# A committee whose term ends within this many days is told to prepare the election.
ELECTION_WARNING_DAYS = 90


@dataclass(frozen=True)
class NoticeStatus:
    state: str
    days_left: int      # including today; 0 unless active

    @property
    def label(self) -> str:
        return NOTICE_STATUS_LABEL[self.state]

    @property
    def days_left_text(self) -> str:
        """"还剩 N 天" while the notice is up, empty otherwise: the one wording of it."""
        return f"还剩 {self.days_left} 天" if self.state == ACTIVE else ""


def notice_status(notice, as_of: date) -> NoticeStatus:
    start, end = notice.period.from_, notice.period.to
    if as_of < start:
        return NoticeStatus(UPCOMING, 0)
    if as_of > end:
        return NoticeStatus(ENDED, 0)
    return NoticeStatus(ACTIVE, (end - as_of).days + 1)


def item_status(item, as_of: date) -> str | None:
    """Status of a failed inspection item; None for items that passed."""
    if item.result != "fail":
        return None
    if item.rectified_on is not None:
        return RECTIFIED
    if item.rectify_by is not None and as_of > item.rectify_by:
        return OVERDUE
    return IN_PROGRESS


@dataclass(frozen=True)
class TermStatus:
    """A committee term at the build date."""

    days_left: int      # term_end − as_of: 0 on the last day, negative once it has ended

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    @property
    def ending(self) -> bool:
        """Not yet over, but within ELECTION_WARNING_DAYS of its end."""
        return 0 <= self.days_left <= ELECTION_WARNING_DAYS

    @property
    def election_due(self) -> bool:
        """Ending or already expired: time for the election (committee.election_due)."""
        return self.days_left <= ELECTION_WARNING_DAYS


def term_status(term_end: date, as_of: date) -> TermStatus:
    return TermStatus(days_between(as_of, term_end))


def is_current_member(member, as_of: date) -> bool:
    return member.since <= as_of and (member.until is None or member.until >= as_of)


def voting_members(members, as_of: date) -> list:
    """Current members who count as committee members: alternates (候补委员) do not, for the
    committee size rule and for the party-member ratio alike."""
    return [m for m in members if is_current_member(m, as_of) and m.role != "alternate"]
