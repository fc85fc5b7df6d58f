"""What `gongshi new correction` writes for the editor: the published record the change
touched, and its old and new values, read from the difference with a base revision.

One correction names one record (`corrects`). The changed published values are grouped
by the record a correction would name: an entry takes its period's and the later
periods' balances along (guard.is_covered), a member is the committee. The first group
is filled in; the others are listed, each needing a correction of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..model.labels import ACCOUNTS
from ..model.portal import Portal
from .changes import CHANGED, REMOVED, compare
from .guard import covering, is_covered, new_corrections, published_records
from .snapshot import Record, field_label, portal_records, show
from .spans import describe_text_change


@dataclass(frozen=True)
class Prefill:
    corrects: str               # e.g. entry/mf-2026-003
    related: tuple[str, ...]    # the period holding it and the notice that published it
    changes: str                # 原为…，现为…；… 原因：
    others: tuple[str, ...]     # further records changed without a correction


def _target(record: Record) -> str:
    return "committee" if record.kind == "member" else record.ref


def _value(value, path: tuple) -> str:
    if isinstance(value, Decimal):
        return f"{value:.2f} 元" if path and path[-1] in ("amount", "opening_balance", "closing_balance", "budget",
                                                            "price") else f"{value}"
    return show(value, path)


def _sentence(record: Record, path: tuple, old, new, label: str) -> str:
    what = f"{record.title}的{label}"
    if old is None:
        return f"{what}新填 {_value(new, path)}"
    if new is None:
        return f"{what}删去（原为 {_value(old, path)}）"
    if isinstance(old, str) and isinstance(new, str) and (spans := describe_text_change(old, new)):
        return f"{what}改为：{spans}"
    return f"{what}原为 {_value(old, path)}，现为 {_value(new, path)}"


def correction_prefill(base: Portal, head: Portal, slug: str, as_of: date) -> Prefill | None:
    """None when the community's published data is unchanged (or every change is covered)."""
    base_records, head_records = portal_records(base), portal_records(head)
    published = published_records(base, base_records, as_of)
    corrected = covering(new_corrections(base, head), as_of, begun=True).get(slug, set())
    tables = [head_records, base_records]
    groups: dict[str, list[str]] = {}
    publishers: dict[str, str] = {}
    pending: list[tuple[Record, tuple, object, object]] = []
    for change in compare(base_records, head_records):
        if change.key[0] != slug or change.state not in (CHANGED, REMOVED) or change.key not in published:
            continue
        record = change.base
        if change.state == REMOVED:
            if not is_covered(record, (), corrected, tables):
                groups.setdefault(_target(record), []).append(f"删去了{record.title}")
                publishers.setdefault(_target(record), published[change.key].notice_id)
            continue
        for leaf in change.leaves:
            if leaf.is_addition or is_covered(record, leaf.path, corrected, tables):
                continue
            pending.append((record, leaf.path, leaf.old, leaf.new))
    # Balances moved by a changed entry go with that entry's correction.
    entries = {_target(r) for r, *_ in pending if r.kind == "entry"}
    for record, path, old, new in pending:
        target = _target(record)
        if record.kind in ACCOUNTS and any(is_covered(record, path, {e}, tables) for e in entries):
            target = next(e for e in sorted(entries) if is_covered(record, path, {e}, tables))
        # 金额, not 金额（amount）: owners read this on the board, the YAML key means nothing to them.
        label = re.sub(r"（[A-Za-z_]+）", "", field_label(type(record.model), path))
        groups.setdefault(target, []).append(_sentence(record, path, old, new, label))
        publishers.setdefault(target, published[record.key].notice_id)
    if not groups:
        return None
    first = next(iter(groups))
    related = []
    kind, _, ident = first.partition("/")
    if kind == "entry" and (slug, "entry", ident) in base_records:
        related.append(base_records[(slug, "entry", ident)].container)
    related.append(f"notice/{publishers[first]}")
    changes = "；".join(groups[first]) + "。原因："
    return Prefill(first, tuple(dict.fromkeys(related)), changes, tuple(groups)[1:])


def prefill_from_revision(data_dir: Path, base: str, head: Portal, slug: str, as_of: date) -> Prefill | None:
    """The prefill against git revision `base` (a Stop when it cannot be read)."""
    from ..gitrev import data_at_revision
    from ..pipeline import load_portal

    with data_at_revision(data_dir, base) as base_dir:
        base_portal, _ = load_portal(base_dir)
        return correction_prefill(base_portal, head, slug, as_of)

