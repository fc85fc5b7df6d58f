"""Party-building figures (data-format-2 §3; regulations.md §7).

- A committee with 3 or more current party members should have a party organisation
  (the seed: 有3名以上正式党员的物业服务企业（项目部）和业主委员会…全部建立党组织); the one of
  the community or of the committee itself counts (party.organisation_missing).
- 党的组织覆盖率: a community is covered by a party organisation at community, committee or
  property-project level.
- The district's committees: party members among their current members, and committees
  with a cross-appointed current member, each as numerator/denominator.

Current members are the voting ones (alternates do not count), as for the committee size
and the committee page's party-member ratio.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from ..model.portal import CommunityData
from .share import Share
from .status import voting_members

PARTY_MEMBERS_FOR_AN_ORGANISATION = 3

COMMUNITY_LEVEL, COMMITTEE_LEVEL, PROJECT_LEVEL = "community", "committee", "project"
LEVEL_LABELS = {COMMUNITY_LEVEL: "小区党组织", COMMITTEE_LEVEL: "业委会党组织", PROJECT_LEVEL: "物业项目党组织"}


def current_party_members(community: CommunityData, as_of: date) -> list:
    if community.committee is None:
        return []
    return [m for m in voting_members(community.committee.model.members, as_of) if m.party_member]


def party_organisations(community: CommunityData) -> list[tuple[str, str]]:
    """(level, name) of each party organisation the data shows, community level first."""
    found = []
    profile = community.profile.model if community.profile else None
    if profile and profile.party_organisation:
        found.append((COMMUNITY_LEVEL, profile.party_organisation.name))
    if community.committee and community.committee.model.party_organisation:
        found.append((COMMITTEE_LEVEL, community.committee.model.party_organisation.name))
    if profile and profile.property_manager and profile.property_manager.party_organisation:
        found.append((PROJECT_LEVEL, profile.property_manager.party_organisation.name))
    return found


def is_covered(community: CommunityData) -> bool:
    """党的组织覆盖率's numerator: an organisation at community, committee or project level."""
    return bool(party_organisations(community))


def organisation_missing(community: CommunityData, as_of: date) -> bool:
    """3 or more current party members on the committee, and neither the community nor the
    committee has a party organisation (the property project's does not stand in for it)."""
    levels = {level for level, _ in party_organisations(community)}
    return (len(current_party_members(community, as_of)) >= PARTY_MEMBERS_FOR_AN_ORGANISATION
            and not levels & {COMMUNITY_LEVEL, COMMITTEE_LEVEL})


def committee_party_members(communities: Iterable[CommunityData], as_of: date) -> tuple[Share, int]:
    """(party members / current members over all committees, number of committees counted)."""
    members = party = committees = 0
    for community in communities:
        if community.committee is None:
            continue
        current = voting_members(community.committee.model.members, as_of)
        committees += 1
        members += len(current)
        party += sum(1 for m in current if m.party_member)
    return Share(party, members), committees


def cross_appointment_share(communities: Iterable[CommunityData], as_of: date) -> Share:
    """Committees with at least one cross-appointed current member / all committees."""
    with_cross = total = 0
    for community in communities:
        if community.committee is None:
            continue
        total += 1
        current = voting_members(community.committee.model.members, as_of)
        with_cross += any(m.cross_appointment for m in current)
    return Share(with_cross, total)
