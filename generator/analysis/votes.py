"""Vote outcomes under civil code art. 278, in exact rational arithmetic.

民法典第278条: participation needs 2/3 of the electorate by area AND by headcount;
raise_fund, rebuild and change_use then need 3/4 of the participants' area and
headcount to approve; every other matter needs more than half of both.
民法典第1259条: "以上" includes the bound itself; "过半数" does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..model.labels import TALLY
from ..model.records import Community, Tally, Vote

SUPERMAJORITY_MATTERS = frozenset({"raise_fund", "rebuild", "change_use"})
# 重大事项 reported to the party organisation and the street before voting. The seed counts
# 公共设施完善 among them (data-format-2 §1), hence `facilities`.
MAJOR_MATTERS = frozenset({"hire_manager", "use_fund", "raise_fund", "rebuild", "change_use", "facilities"})
PARTICIPATION = Fraction(2, 3)
SUPERMAJORITY = Fraction(3, 4)
MAJORITY = Fraction(1, 2)


def is_supermajority(matter: str) -> bool:
    return matter in SUPERMAJORITY_MATTERS


def approval_rule(supermajority: bool) -> str:
    """How many of the participants must approve, in the words of 民法典第278条."""
    return "四分之三以上" if supermajority else "过半数"


@dataclass(frozen=True)
class RatioTest:
    """One ratio compared with its threshold, e.g. 参与表决面积占比 ≥ 2/3."""

    label: str          # 参与表决人数占比
    numerator: Decimal
    denominator: Decimal
    ratio: Fraction
    threshold: Fraction
    inclusive: bool     # ≥ (以上) or > (过半数)

    @property
    def met(self) -> bool:
        return self.ratio >= self.threshold if self.inclusive else self.ratio > self.threshold

    @property
    def comparison(self) -> str:
        return "≥" if self.inclusive else ">"


@dataclass(frozen=True)
class Electorate:
    owners: int
    area_m2: Decimal


@dataclass(frozen=True)
class VoteOutcome:
    electorate: Electorate
    participation: tuple[RatioTest, RatioTest]   # headcount, area
    approval: tuple[RatioTest, RatioTest]        # headcount, area
    supermajority: bool

    @property
    def participation_met(self) -> bool:
        return all(t.met for t in self.participation)

    @property
    def passed(self) -> bool:
        return self.participation_met and all(t.met for t in self.approval)

    @property
    def result(self) -> str:
        return "passed" if self.passed else "failed"

    @property
    def reason(self) -> str:
        """Why the vote passed or failed, in one Chinese sentence."""
        if not self.participation_met:
            failed = "、".join(t.label for t in self.participation if not t.met)
            return f"{failed}未达到三分之二，表决不成立"
        rule = approval_rule(self.supermajority)
        failed = [t.label for t in self.approval if not t.met]
        if failed:
            return f"{'、'.join(failed)}未达到{rule}，未通过"
        return f"参与表决达到三分之二以上，同意人数和面积均达到{rule}，通过"


def _fraction(value) -> Fraction:
    return Fraction(value) if not isinstance(value, Fraction) else value


def ratio_test(label: str, numerator, denominator, threshold: Fraction, inclusive: bool) -> RatioTest:
    num, den = Decimal(numerator), Decimal(denominator)
    ratio = _fraction(num) / _fraction(den) if den else Fraction(0)
    return RatioTest(label, num, den, ratio, threshold, inclusive)


def electorate_of(vote: Vote, community: Community | None) -> Electorate | None:
    if vote.electorate is not None:
        return Electorate(vote.electorate.owners, vote.electorate.area_m2)
    if community is not None:
        return Electorate(community.owners, community.exclusive_area_m2)
    return None


def has_tallies(vote: Vote) -> bool:
    return vote.turnout is not None and vote.approve is not None


def tallies(vote: Vote) -> list[tuple[str, Tally]]:
    """(参与表决 | 同意 | 反对 | 弃权, tally) for each tally the vote has, in that order."""
    return [(label, getattr(vote, key)) for key, label in TALLY.items() if getattr(vote, key) is not None]


def compute_outcome(vote: Vote, community: Community | None) -> VoteOutcome | None:
    """The computed outcome, or None while the vote has no tallies (not yet counted)."""
    electorate = electorate_of(vote, community)
    if electorate is None or not has_tallies(vote):
        return None
    turnout, approve = vote.turnout, vote.approve
    supermajority = is_supermajority(vote.matter)
    threshold = SUPERMAJORITY if supermajority else MAJORITY
    return VoteOutcome(
        electorate=electorate,
        participation=(
            ratio_test("参与表决人数占比", turnout.owners, electorate.owners, PARTICIPATION, True),
            ratio_test("参与表决面积占比", turnout.area_m2, electorate.area_m2, PARTICIPATION, True),
        ),
        approval=(
            ratio_test("同意人数占比", approve.owners, turnout.owners, threshold, supermajority),
            ratio_test("同意面积占比", approve.area_m2, turnout.area_m2, threshold, supermajority),
        ),
        supermajority=supermajority,
    )


def is_major(vote: Vote, amount_threshold: Decimal | None) -> bool:
    """A major matter by its `matter`, or by a budget that reaches site.yml's
    `report_amount_threshold` whatever its matter."""
    if vote.matter in MAJOR_MATTERS:
        return True
    return amount_threshold is not None and vote.budget is not None and vote.budget >= amount_threshold


def reporting_gaps(vote: Vote, amount_threshold: Decimal | None) -> list[str]:
    """What is missing or late in the 重大事项报备 of a major matter (empty when fine)."""
    if not is_major(vote, amount_threshold):
        return []
    gaps = []
    for field, who in (("party_org", "报告社区党组织"), ("street", "书面报街道备案")):
        day = getattr(vote.reported, field) if vote.reported else None
        if day is None:
            gaps.append(f"没有{who}的日期")
        elif day >= vote.voting.start:
            gaps.append(f"{who}的日期 {day} 不早于表决开始 {vote.voting.start}")
    return gaps
