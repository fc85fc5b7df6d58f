"""How figures look to people: the one place numbers and dates become text."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def money(amount: Decimal) -> str:
    """1234567.8 → 1,234,567.80 (exact: the Decimal is never a float)."""
    return f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def money_yuan(amount: Decimal) -> str:
    return f"{money(amount)} 元"


def area(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def percent(ratio: Fraction) -> str:
    """An exact ratio as a percentage with two decimals, rounded half up: 2/3 → 66.67%."""
    scaled = Decimal(ratio.numerator) * 100 / Decimal(ratio.denominator) if ratio.denominator else Decimal(0)
    return f"{scaled.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def _hundredths(ratio: Fraction, *, up: bool) -> str:
    hundredths = Fraction(ratio) * 10000                      # exact: no decimal division
    whole = math.ceil(hundredths) if up else math.floor(hundredths)
    return f"{whole // 100}.{whole % 100:02d}%"


def percent_beside_threshold(ratio: Fraction, met: bool) -> str:
    """A ratio shown next to its threshold and ✓/✗: rounded up when the threshold is met and
    down when it is not, so the two decimals never contradict the mark. Half-up rounding
    would print 35,999.99 / 54,000.00 as "66.67% ≥ 2/3 ✗"; this prints "66.66%"."""
    return _hundredths(ratio, up=met)


def percent_beside_grade(ratio: Fraction) -> str:
    """A score rate shown next to its grade: rounded down, since a grade is reached from
    its floor up; 899.96 of 1,000 (良好, under 90%) shows 89.99%, never 90.00%."""
    return _hundredths(ratio, up=False)


FRACTION_NAMES = {Fraction(2, 3): "2/3", Fraction(3, 4): "3/4", Fraction(1, 2): "1/2"}


def fraction(value: Fraction) -> str:
    return FRACTION_NAMES.get(value, f"{value.numerator}/{value.denominator}")


def cn_date(day: date) -> str:
    """2025-01-15 → 2025年1月15日."""
    return f"{day.year}年{day.month}月{day.day}日"
