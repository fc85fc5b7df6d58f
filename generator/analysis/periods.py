"""Ledger and evaluation periods: 2024, 2024-H1/H2, 2024-Q1..Q4."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..model.records import PERIOD_RE


def period_bounds(period: str) -> tuple[date, date] | None:
    """First and last day (inclusive) of a period, or None if it is malformed."""
    match = PERIOD_RE.fullmatch(period)
    if not match:
        return None
    year = int(match.group(1))
    part = match.group(2)
    if part is None:
        first_month, months = 1, 12
    elif part.startswith("H"):
        first_month, months = (1 if part == "H1" else 7), 6
    else:
        first_month, months = 3 * (int(part[1]) - 1) + 1, 3
    last_month = first_month + months - 1
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def balance_day(period: str, as_of: date, last_entry: date | None = None) -> tuple[date, bool]:
    """The day a period's latest balance stands at, and whether the period has ended by
    `as_of`: its last day if so; else `as_of` (the day the site says its data runs to), or
    the last entry's day when the ledger already holds entries after `as_of`."""
    _, last = period_bounds(period)
    if last <= as_of:
        return last, True
    return (max(as_of, last_entry) if last_entry else as_of), False


def granularity(period: str) -> str:
    """"year", "half" or "quarter"."""
    part = PERIOD_RE.fullmatch(period).group(2)
    return "year" if part is None else ("half" if part.startswith("H") else "quarter")


MONTHS = {"year": 12, "half": 6, "quarter": 3}


def period_months(period: str) -> int:
    """How many months a period spans: 12, 6 or 3."""
    return MONTHS[granularity(period)]


def period_containing(day: date, unit: str) -> str:
    if unit == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def next_period(period: str) -> str:
    """The period right after `period`, of the same length."""
    _, last = period_bounds(period)
    return period_containing(last + timedelta(days=1), granularity(period))


def period_label(period: str) -> str:
    """People's name of a period: 2024年、2024年上半年、2024年第一季度."""
    match = PERIOD_RE.fullmatch(period)
    if not match:
        return period
    year, part = match.group(1), match.group(2)
    if part is None:
        return f"{year}年"
    if part.startswith("H"):
        return f"{year}年{'上' if part == 'H1' else '下'}半年"
    return f"{year}年第{'一二三四'[int(part[1]) - 1]}季度"


def sort_periods(periods) -> list[str]:
    """Periods in time order (malformed ones last, by name)."""
    def key(p):
        bounds = period_bounds(p)
        return (0, bounds[0], bounds[1]) if bounds else (1, date.max, p)
    return sorted(periods, key=key)
