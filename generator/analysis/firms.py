"""Property service companies across the district: whom each serves, how it was evaluated
there, what it has left unrectified, and the warning list (警示名单).

The seed: 把履约考评、巡检情况和党建情况纳入物业服务企业行为记录; 警示名单制度和定期曝光机制.
A firm is on the warning list when its latest evaluation in any community it serves is the
failing grade, or when the communities it serves have `rules.warning_overdue_items` (3) or
more overdue rectifications together.

A community is served by a firm when its property_manager names the firm (`firm: <id>`), or
else writes exactly the firm's name. A firm's evaluation in a community is one whose
`evaluated` is the firm's name; the grade is computed from the scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..model.portal import CommunityData, Portal
from .grades import FAILING_GRADE, grade_for, score_percent
from .periods import sort_periods
from .status import IN_PROGRESS, OVERDUE, item_status


def firm_ids_by_name(portal: Portal) -> dict[str, str]:
    """firm name → id (the first id in order when two files share a name)."""
    found: dict[str, str] = {}
    for ident in sorted(portal.firms):
        found.setdefault(portal.firms[ident].model.name.strip(), ident)
    return found


def firm_of(community: CommunityData, portal: Portal, by_name: dict[str, str] | None = None) -> str | None:
    """The id of the firm that serves the community, or None (by_name: firm_ids_by_name's
    answer, when the caller asks for many communities)."""
    profile = community.profile.model if community.profile else None
    manager = profile.property_manager if profile else None
    if manager is None:
        return None
    if manager.firm is not None:
        return manager.firm if manager.firm in portal.firms else None
    return (firm_ids_by_name(portal) if by_name is None else by_name).get(manager.name.strip())


@dataclass(frozen=True)
class FirmEvaluation:
    period: str
    evaluated_on: date
    score_percent: Fraction
    grade: str

    @property
    def failing(self) -> bool:
        return self.grade == FAILING_GRADE


def latest_evaluation_of(community: CommunityData, firm_name: str, floors: dict[str, Decimal]) -> FirmEvaluation | None:
    periods = [p for p in sort_periods(community.evaluations)
               if community.evaluations[p].model.evaluated.strip() == firm_name.strip()]
    if not periods:
        return None
    ev = community.evaluations[periods[-1]].model
    ratio = score_percent(ev)
    return FirmEvaluation(periods[-1], ev.date, ratio, grade_for(ratio, floors))


@dataclass(frozen=True)
class Rectifications:
    open: int                       # failed items not yet rectified (in progress or overdue)
    overdue_items: tuple = ()       # (inspection id, item) of each overdue one, by deadline

    @property
    def overdue(self) -> int:
        return len(self.overdue_items)


def rectifications(community: CommunityData, as_of: date) -> Rectifications:
    found = [(iid, item, item_status(item, as_of)) for iid, i in sorted(community.inspections.items())
             for item in i.model.items]
    overdue = sorted(((iid, item) for iid, item, state in found if state == OVERDUE),
                     key=lambda pair: (pair[1].rectify_by, pair[0]))
    return Rectifications(sum(1 for _, _, state in found if state in (IN_PROGRESS, OVERDUE)), tuple(overdue))


@dataclass(frozen=True)
class ServedCommunity:
    slug: str
    name: str
    street: str
    evaluation: FirmEvaluation | None
    rectifications: Rectifications
    project_party_organisation: str | None


@dataclass(frozen=True)
class FirmRecord:
    id: str
    name: str
    served: tuple[ServedCommunity, ...]        # by street, then name
    warning_threshold: int

    @property
    def failing(self) -> tuple[ServedCommunity, ...]:
        return tuple(s for s in self.served if s.evaluation is not None and s.evaluation.failing)

    @property
    def overdue(self) -> int:
        return sum(s.rectifications.overdue for s in self.served)

    @property
    def open(self) -> int:
        return sum(s.rectifications.open for s in self.served)

    @property
    def warned(self) -> bool:
        return bool(self.failing) or self.overdue >= self.warning_threshold


def firm_record(portal: Portal, ident: str, as_of: date) -> FirmRecord:
    firm = portal.firms[ident].model
    floors = portal.rules.grades
    by_name = firm_ids_by_name(portal)
    served = []
    for community in portal.communities.values():
        if firm_of(community, portal, by_name) != ident:
            continue
        profile = community.profile.model
        project = profile.property_manager.party_organisation
        served.append(ServedCommunity(community.slug, profile.name, profile.street,
                                      latest_evaluation_of(community, firm.name, floors),
                                      rectifications(community, as_of), project.name if project else None))
    served.sort(key=lambda s: (s.street, s.slug))   # as the district table: slugs are usually the pinyin
    return FirmRecord(ident, firm.name, tuple(served), portal.rules.warning_overdue_items)


def firm_records(portal: Portal, as_of: date) -> list[FirmRecord]:
    return [firm_record(portal, ident, as_of) for ident in sorted(portal.firms)]


def warning_list(records: list[FirmRecord]) -> list[FirmRecord]:
    """The warned firms: most overdue rectifications first, then by name."""
    return sorted((r for r in records if r.warned), key=lambda r: (-len(r.failing), -r.overdue, r.name, r.id))
