"""What changed between two revisions' records: added, changed, removed, leaf by leaf."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .snapshot import Key, Record

ADDED, CHANGED, REMOVED = "added", "changed", "removed"


@dataclass(frozen=True)
class LeafChange:
    path: tuple
    old: Any        # None: the value was not written before (an addition)
    new: Any        # None: the value is no longer written (a removal)

    @property
    def is_addition(self) -> bool:
        return self.old is None


@dataclass
class RecordChange:
    state: str                          # added | changed | removed
    base: Record | None
    head: Record | None
    leaves: list[LeafChange] = field(default_factory=list)

    @property
    def record(self) -> Record:
        return self.head if self.head is not None else self.base

    @property
    def key(self) -> Key:
        return self.record.key


def leaf_changes(base: Record, head: Record) -> list[LeafChange]:
    changes = []
    for path, leaf in base.leaves.items():
        other = head.leaves.get(path)
        if other is None:
            changes.append(LeafChange(path, leaf.value, None))
        elif other.value != leaf.value:
            changes.append(LeafChange(path, leaf.value, other.value))
    for path, leaf in head.leaves.items():
        if path not in base.leaves:
            changes.append(LeafChange(path, None, leaf.value))
    return changes


def compare(base: dict[Key, Record], head: dict[Key, Record]) -> list[RecordChange]:
    """Every record that differs, in a stable order (community, kind, id)."""
    out = []
    for key in sorted(set(base) | set(head)):
        before, after = base.get(key), head.get(key)
        if before is None:
            out.append(RecordChange(ADDED, None, after, leaf_changes(_empty(after), after)))
        elif after is None:
            out.append(RecordChange(REMOVED, before, None))
        else:
            leaves = leaf_changes(before, after)
            moved = before.container != after.container
            if leaves or moved:
                out.append(RecordChange(CHANGED, before, after, leaves))
    return out


def _empty(record: Record) -> Record:
    return Record(record.key, record.model, record.doc, record.doc_path, {}, record.container)
