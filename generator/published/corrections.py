"""correction.changes_mismatch: a correction's `changes` against what really changed.

data-format-2.md §2: `changes` names the old and the new value of every figure that
changed, checked against the base revision. Owners read `changes` on the board and on
the corrected record's page as the trail of the correction: "现为 9999.99 元" where the
data now says 8,950.10 would publish a third figure. Checked for every correction that
is new or retargeted since the base (one already there made its change before the base,
which no longer holds the old values):

- each figure of the corrected record (for a ledger period: its balances and its
  entries' amounts) that changed must have its old and its new value in `changes`;
- each money figure typed in `changes` must be one of the old or new values the
  correction covers (the knock-on balances included) or a figure of the records it
  discloses, before or after the change (an unchanged amount it mentions, a total by
  source the correction moved).

A correction of a record the base does not have is not checked: there is nothing to
compare with.
"""

from __future__ import annotations

from decimal import Decimal

from ..analysis.figures import Figure, FigureSet, describe_typed, ref_figures, typed_figures
from ..formatting import money
from ..model.portal import Portal
from ..problems import Problem, error
from .changes import RecordChange
from .figures import FigureChange, figure_changes, named_numbers, names
from .guard import _expand, _members_of, is_covered, new_corrections
from .snapshot import Key, Record, show




def changes_mismatches(base: Portal, head: Portal, base_records: dict[Key, Record],
                       head_records: dict[Key, Record], changes: dict[Key, RecordChange]) -> list[Problem]:
    tables = [head_records, base_records]
    inside = {**_members_of(base_records), **_members_of(head_records)}
    problems: list[Problem] = []
    for slug, found in new_corrections(base, head).items():
        for correction in found:
            loaded = head.communities[slug].notices[correction.notice_id]
            if not loaded.model.changes:
                continue      # schema.missing_field says so
            keys = list(dict.fromkeys(_expand(slug, correction.corrects, inside)))
            if not keys or keys[0] not in base_records:
                continue      # nothing in the base to compare with: a record new in this change
            problems += _unnamed(loaded, keys, changes)
            problems += _unknown(loaded, correction.corrects, base.communities.get(slug), head.communities[slug],
                                 changes, tables)
    return problems


def _unnamed(loaded, keys: list[Key], changes: dict[Key, RecordChange]) -> list[Problem]:
    """Every figure of the corrected record that changed: its old and new value named."""
    named = named_numbers(loaded.model.changes)
    problems = []
    for key in keys:
        for fc in figure_changes(changes[key]) if key in changes else []:
            missing = [v for v in (fc.old, fc.new) if v is not None and not names(v, named)]
            if missing:
                problems.append(error(loaded.doc.at("changes"), "correction.changes_mismatch", _missing(fc, missing)))
    return problems


def _unknown(loaded, corrects: str, before, after, changes: dict[Key, RecordChange], tables) -> list[Problem]:
    """Every money figure typed in changes: a value the correction moved, or one of the
    records it discloses, before or after the change."""
    notice, doc = loaded.model, loaded.doc
    covered = [v for change in changes.values() for fc in figure_changes(change)
               if is_covered(fc.record, fc.path, {corrects}, tables) for v in (fc.old, fc.new) if v is not None]
    disclosed = [*notice.related, corrects]
    known = FigureSet([Figure(Decimal(v), "本次更正前后的数字") for v in covered]
                      + [f for ref in disclosed for f in ref_figures(after, ref)]
                      + [f for ref in disclosed for f in (ref_figures(before, ref) if before else [])])
    wrong = [t for t in typed_figures(notice.changes) if not known.matches(t)]
    places = doc.fragments_at(("changes",), notice.changes, [(t.start, t.end) for t in wrong])
    return [error(where, "correction.changes_mismatch",
                  f"更正内容（changes）中的金额{describe_typed(t)}既不是这次更正（corrects: {corrects}）"
                  "改动的任何数字的原值或新值，也不是所公示记录中的数字。请按数据核对：changes 要写明"
                  "每个改动的数字原为多少、现为多少。")
            for t, where in zip(wrong, places)]


def _missing(fc: FigureChange, missing: list) -> str:
    shown = "、".join(show(v, fc.path) if not isinstance(v, Decimal) else money(v) for v in missing)
    if fc.old is None:
        want = f"新值 {shown}"
    elif fc.new is None:
        want = f"原值 {shown}"
    else:
        want = ("原值和新值" if len(missing) == 2 else ("原值" if missing[0] == fc.old else "新值")) + f" {shown}"
    return (f"更正内容（changes）与数据不符：{fc.describe()}，changes 中没有写出{want}。"
            "请在 changes 中写明原为…、现为…（与数据中的数字一致）和原因。")
