"""A part of a whole, counted: the exact ratio the pages print as a percentage."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Share:
    """numerator of denominator, exactly; nothing of nothing is 0."""

    numerator: int
    denominator: int

    @property
    def ratio(self) -> Fraction:
        return Fraction(self.numerator, self.denominator) if self.denominator else Fraction(0)
