"""Next free ids and ledger periods for new records."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from ..analysis.periods import granularity, period_bounds, period_containing, sort_periods
from ..model.records import PERIOD_RE

ENTRY_ID_RE = re.compile(r"([a-z]+)-(\d{4})-(\d+)")
DEFAULT_ENTRY_PREFIX = {"maintenance-fund": "mf", "public-revenue": "pr"}


def existing_stems(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.iterdir() if p.suffix in (".yml", ".yaml")}


def free_stem(folder: Path, wanted: str) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`, … : the first name no file in `folder` has."""
    taken = existing_stems(folder)
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def next_entry_id(account: str, year: int, account_ids: list[str], all_ids: set[str]) -> str:
    """mf-2026-005 after mf-2026-004: the account's usual prefix, the year, the next number."""
    prefixes = Counter(m.group(1) for m in map(ENTRY_ID_RE.fullmatch, account_ids) if m)
    prefix = prefixes.most_common(1)[0][0] if prefixes else DEFAULT_ENTRY_PREFIX[account]
    numbers = [m for m in map(ENTRY_ID_RE.fullmatch, all_ids) if m and m.group(1) == prefix and int(m.group(2)) == year]
    width = max([3, *(len(m.group(3)) for m in numbers)])
    n = max([0, *(int(m.group(3)) for m in numbers)]) + 1
    while f"{prefix}-{year}-{n:0{width}d}" in all_ids:
        n += 1
    return f"{prefix}-{year}-{n:0{width}d}"


def ledger_period_for(day: date, periods: list[str]) -> tuple[str, bool]:
    """(period holding `day`, whether a file for it exists). A new period has the
    granularity of the latest existing one (a year when there is none)."""
    valid = [p for p in periods if PERIOD_RE.fullmatch(p)]
    for period in valid:
        first, last = period_bounds(period)
        if first <= day <= last:
            return period, True
    unit = granularity(sort_periods(valid)[-1]) if valid else "year"
    return period_containing(day, unit), False


def previous_period(period: str, periods: list[str]) -> str | None:
    """The latest existing period that ends before `period` begins."""
    start = period_bounds(period)[0]
    before = [p for p in periods if PERIOD_RE.fullmatch(p) and period_bounds(p)[1] < start]
    return sort_periods(before)[-1] if before else None
