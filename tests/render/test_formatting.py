"""Figures as owners read them: percentages beside a threshold never contradict its mark."""

from __future__ import annotations

from fractions import Fraction

import pytest

from generator.formatting import percent, percent_beside_threshold


@pytest.mark.parametrize("ratio, met, shown", [
    (Fraction(3599999, 5400000), False, "66.66%"),   # just under 2/3; half up would say 66.67%
    (Fraction(2, 3), True, "66.67%"),                # exactly 2/3 meets "≥ 2/3"
    (Fraction(1, 2), False, "50.00%"),               # exactly half is not 过半数
    (Fraction(500001, 1000000), True, "50.01%"),     # a hair over half; half up would say 50.00%
    (Fraction(3, 4), True, "75.00%"),
    (Fraction(7499999, 10000000), False, "74.99%"),
    (Fraction(82, 100), True, "82.00%"),             # exact figures are unchanged
    (Fraction(1, 1), True, "100.00%"),
    (Fraction(0, 1), False, "0.00%"),
])
def test_ratio_beside_its_threshold_rounds_away_from_it(ratio, met, shown):
    assert percent_beside_threshold(ratio, met) == shown


def test_other_percentages_round_half_up():
    assert percent(Fraction(2, 3)) == "66.67%"
    assert percent(Fraction(3599999, 5400000)) == "66.67%"
