"""Meetings and their decisions (业主大会和业主委员会指导规则 art. 38–39, 北京 art. 45).

A committee meeting needs more than half of the members in office present, and a decision
more than half of all members in office (not only of those present); the decisions are
posted within `rules.meeting_publish_days` days (3), as are the owners' assembly's (北京
第37条); a joint meeting has no such deadline. Members in office are the voting ones
of committee.yml on the meeting's date, when that date lies in the current term.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .days import days_between
from .status import voting_members

COMMITTEE_MEETING = "committee"
PUBLISH_DEADLINE_KINDS = frozenset({"committee", "owners_assembly"})


def more_than_half(count: int, of: int) -> bool:
    return 2 * count > of


def has_quorum(meeting) -> bool:
    return meeting.members is None or more_than_half(meeting.members.present, meeting.members.total)


def decision_passed(meeting, decision) -> bool | None:
    """None when it is not a committee meeting's counted decision."""
    if meeting.kind != COMMITTEE_MEETING or meeting.members is None or decision.approve is None:
        return None
    return more_than_half(decision.approve, meeting.members.total)


def members_in_office(committee, day: date) -> int | None:
    """Voting members on `day` by committee.yml, or None when `day` is outside its term (the
    file lists the current term's members only)."""
    if committee is None or not committee.term_start <= day <= committee.term_end:
        return None
    return len(voting_members(committee.members, day))


@dataclass(frozen=True)
class Publication:
    """When the decisions were posted, against the deadline."""

    days: int | None      # days from the meeting to posting; None: not posted yet
    late: bool            # past the deadline (never, for a meeting without one)
    overdue_by: int       # days past the deadline (0 when on time)


def publication(meeting, as_of: date, limit: int) -> Publication:
    days = days_between(meeting.date, meeting.published) if meeting.published is not None else None
    waited = days if days is not None else days_between(meeting.date, as_of)
    late = meeting.kind in PUBLISH_DEADLINE_KINDS and waited > limit
    return Publication(days, late, max(waited - limit, 0) if late else 0)


def latest_meeting(meetings: dict):
    """The model of the most recent meeting, or None."""
    if not meetings:
        return None
    return max(meetings.values(), key=lambda m: m.model.date).model
