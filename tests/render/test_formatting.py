"""Figures as owners read them: percentages beside a threshold never contradict its mark."""

from __future__ import annotations

from fractions import Fraction

import pytest

from generator.css_text import css_string
from generator.formatting import percent, percent_beside_grade, percent_beside_threshold


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


@pytest.mark.parametrize("rate, shown", [
    (Fraction(89996, 100000), "89.99%"),   # under the 90% floor of 优秀: never "90.00%"
    (Fraction(9, 10), "90.00%"),           # exactly on the floor
    (Fraction(90004, 100000), "90.00%"),
])
def test_score_rate_beside_its_grade_rounds_down(rate, shown):
    assert percent_beside_grade(rate) == shown


def test_a_vote_ratio_of_nothing_is_null_in_the_json_download():
    # No one took part (0 of 0): no ratio a script could recompute, so null, not "0".
    from types import SimpleNamespace

    from generator.render.downloads import _ratio

    nobody = SimpleNamespace(numerator=0, denominator=0, ratio=Fraction(0), threshold=Fraction(1, 2),
                             inclusive=False, met=False)
    shown = _ratio(nobody, by_owners=True)
    assert shown["ratio"] is None and shown["percent"] is None
    assert shown["numerator"] == 0 and shown["denominator"] == 0


# ---------------------------------------------------------------- CSS strings (printed pages' margins)

def test_css_string_keeps_chinese_and_plain_punctuation():
    assert css_string("示例家园 公示期 2026年1月12日至2026年2月10日") == '"示例家园 公示期 2026年1月12日至2026年2月10日"'


def test_css_string_escapes_what_could_end_the_string_the_style_element_or_a_yaml_scalar():
    # A notice title is data: "…" would end the CSS string, </style> the element, ' the
    # single-quoted front-matter value, a line break both.
    assert css_string("a\"b\\c'</style>&\n") == '"a\\000022b\\00005cc\\000027\\00003c/style\\00003e\\000026\\00000a"'
