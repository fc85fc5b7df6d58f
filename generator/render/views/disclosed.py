"""What a notice shows besides its body, generated from the records it relates.

data-format-2.md §2: a `fund_report` / `revenue_report` shows each related period's
statement and entries, a `vote_result` the tally and the computed ratios, and a notice
relating `entry/<id>` those entries; the body stays free text around them. The notice
page (views/notices.py) and the notice-board PDF (render/print_view.py) both lay out
these blocks, so the board and the site never show different tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis.votes import compute_outcome
from ...model.labels import ACCOUNTS
from .context import Context

REPORT_KINDS = frozenset({"fund_report", "revenue_report"})

STATEMENT, RESULT, MATTER, ENTRIES = "statement", "result", "matter", "entries"


@dataclass(frozen=True)
class Block:
    kind: str                       # STATEMENT | RESULT | MATTER | ENTRIES
    account: str = ""               # STATEMENT, ENTRIES
    period: str = ""                # STATEMENT, ENTRIES
    with_entries: bool = False      # STATEMENT: the period's entries follow its statement
    vote: str = ""                  # RESULT, MATTER
    entries: tuple[str, ...] = ()   # ENTRIES: the ids, in the order the notice names them


def disclosed_blocks(ctx: Context, notice) -> list[Block]:
    """The generated blocks: periods and votes in the order the notice relates them (a
    correction's `corrects` last), then the entries it names, by period (only those whose
    period is not shown in full)."""
    community = ctx.community
    refs = list(dict.fromkeys([*notice.related, *([notice.corrects.strip()] if notice.corrects else [])]))
    blocks: list[Block] = []
    in_full: set[tuple[str, str]] = set()
    for ref in refs:
        kind, _, ident = ref.partition("/")
        if kind in ACCOUNTS and ident in community.ledgers(kind):
            full = notice.kind in REPORT_KINDS
            blocks.append(Block(STATEMENT, account=kind, period=ident, with_entries=full))
            if full:
                in_full.add((kind, ident))
        elif kind == "vote" and ident in community.votes:
            counted = compute_outcome(community.votes[ident].model, ctx.profile) is not None
            shown = RESULT if notice.kind == "vote_result" and counted else MATTER
            blocks.append(Block(shown, vote=ident))
    picked: dict[tuple[str, str], list[str]] = {}
    first_at: dict[tuple[str, str], int] = {}
    for ref in refs:
        kind, _, ident = ref.partition("/")
        place = ctx.entries.get(ident) if kind == "entry" else None
        if place is None or (place[0], place[1]) in in_full:
            continue
        key = (place[0], place[1])
        if ident not in picked.setdefault(key, []):
            picked[key].append(ident)
        first_at.setdefault(key, len(first_at))
    for key in sorted(picked, key=first_at.__getitem__):
        blocks.append(Block(ENTRIES, account=key[0], period=key[1], entries=tuple(picked[key])))
    return blocks
