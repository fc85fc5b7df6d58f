"""The figures that changed between two revisions, and figures named in a text.

A figure is a written number of a record: an amount, a balance, a budget, a tally's
head count or area, a score (data-format-2.md §2 names "every figure that changed").
Dates, texts and switches are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..analysis.figures import TEN_THOUSAND
from .changes import RecordChange
from .snapshot import Record, field_label, show


@dataclass(frozen=True)
class FigureChange:
    record: Record          # the base record (the head one for an addition)
    path: tuple
    old: Decimal | int | None
    new: Decimal | int | None

    @property
    def label(self) -> str:
        return field_label(type(self.record.model), self.path)

    def describe(self) -> str:
        if self.old is None:
            return f"{self.record.title}的{self.label}新填 {show(self.new, self.path)}"
        if self.new is None:
            return f"{self.record.title}的{self.label}删去（原为 {show(self.old, self.path)}）"
        return f"{self.record.title}的{self.label}原为 {show(self.old, self.path)}，现为 {show(self.new, self.path)}"


def is_figure(value: Any) -> bool:
    return isinstance(value, (Decimal, int)) and not isinstance(value, bool)


def figure_changes(change: RecordChange) -> list[FigureChange]:
    """The figures a record change adds, alters or takes away (a removed record: all of them)."""
    if change.head is None:
        return [FigureChange(change.base, path, leaf.value, None)
                for path, leaf in change.base.leaves.items() if is_figure(leaf.value)]
    record = change.base if change.base is not None else change.head
    return [FigureChange(record, leaf.path, leaf.old, leaf.new) for leaf in change.leaves
            if is_figure(leaf.old) or is_figure(leaf.new)]


# Any number as people write it: 16850.00, 16,850.00, 82, 1.25万. Wider than the money
# figures of analysis/figures.py on purpose: a head count written "83" names 83.
_NUMBER_RE = re.compile(r"(?<![0-9.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s?万)?(?![0-9])", re.ASCII)


def named_numbers(text: str) -> list[Decimal]:
    values = []
    for m in _NUMBER_RE.finditer(text or ""):
        value = Decimal(m.group(1).replace(",", ""))
        values.append(value * TEN_THOUSAND if m.group(2) else value)
    return values


def names(value: Decimal | int, numbers: list[Decimal]) -> bool:
    return any(Decimal(value) == n for n in numbers)
