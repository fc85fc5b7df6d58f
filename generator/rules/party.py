"""party.organisation_missing (a warning): 3 or more current party members on the committee
and no party organisation at community or committee level.

The seed: 有3名以上正式党员的物业服务企业（项目部）和业主委员会…全部建立党组织.
"""

from __future__ import annotations

from ..analysis.party import PARTY_MEMBERS_FOR_AN_ORGANISATION, current_party_members, organisation_missing
from ..problems import Problem, warning


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        if community.committee is None or not organisation_missing(community, ctx.as_of):
            continue
        members = current_party_members(community, ctx.as_of)
        names = "、".join(m.name for m in members)
        problems.append(warning(community.committee.doc.key_at("members"), "party.organisation_missing",
                                f"现任委员中有 {len(members)} 名党员（{names}），达到 {PARTY_MEMBERS_FOR_AN_ORGANISATION} 名，"
                                "但小区和业主委员会都没有党组织：应建立业委会党组织，建立后在 committee.yml 填写 "
                                "party_organisation（name、established），或在 community.yml 填写小区党组织。"))
    return problems
