"""三率 (一组建两覆盖): how many communities have a committee, a property manager, a party organisation.

No national definition exists (regulations.md §7); the issue fixes the denominator as
all communities, the numerator as those whose data show the thing. 党的组织覆盖率 counts a
party organisation at community, committee or property-project level (data-format-2 §3,
analysis/party.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..analysis.party import is_covered
from ..analysis.share import Share
from ..model.portal import CommunityData

COMMITTEE_RATE, PROPERTY_RATE, PARTY_RATE = "committee", "property_service", "party_organisation"

# Labels as the street offices' reports print them (梧州万秀区 2025, regulations.md §7).
RATE_LABELS = {
    COMMITTEE_RATE: "业主委员会/物业管理委员会组建率",
    PROPERTY_RATE: "物业服务覆盖率",
    PARTY_RATE: "党的组织覆盖率",
}
RATE_DEFINITIONS = {
    COMMITTEE_RATE: "已成立业主委员会或物业管理委员会的小区数 ÷ 全部小区数",
    PROPERTY_RATE: "有物业服务企业提供服务的小区数 ÷ 全部小区数",
    PARTY_RATE: "小区、业主委员会或物业服务项目建有党组织的小区数 ÷ 全部小区数",
}


@dataclass(frozen=True)
class CoverageRate(Share):
    key: str

    @property
    def label(self) -> str:
        return RATE_LABELS[self.key]


def has_committee(community: CommunityData) -> bool:
    # An owners' committee or a management committee (物管会) both count as 组建.
    return community.committee is not None


def has_property_manager(community: CommunityData) -> bool:
    return community.profile is not None and community.profile.model.property_manager is not None


TESTS = {COMMITTEE_RATE: has_committee, PROPERTY_RATE: has_property_manager, PARTY_RATE: is_covered}


def coverage_rates(communities: Iterable[CommunityData]) -> list[CoverageRate]:
    """The three rates, in the order reports print them."""
    communities = list(communities)
    return [CoverageRate(sum(1 for c in communities if test(c)), len(communities), key)
            for key, test in TESTS.items()]
