"""published.silent_edit: a record the base revision had published, changed without a correction.

A record is published once, in the base revision, a notice whose period has begun by
the build date relates it (`related` or `corrects`), or relates the ledger period or
the committee that contains it; a notice whose period has begun is itself published.
Values written for the first time (tallies after a vote closes, a member's `until`,
`rectified_on`) are additions, not edits.

The change is allowed when the head revision has a `correction` notice, new or
retargeted since the base and whose period has begun by the build date, whose
`corrects` names the record or the period holding it. A correction whose period has
begun is itself published (a notice), so editing or removing it is a silent edit too.
Because a ledger must reconcile, correcting an entry or a period also covers the
balances it carries forward: the period's closing balance and the opening and closing
balances of the later periods of the same account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..analysis.periods import period_bounds
from ..model.labels import ACCOUNTS
from ..model.portal import Portal
from ..problems import Location, Problem, error
from .changes import CHANGED, REMOVED, RecordChange, compare
from .snapshot import Key, Record, field_label, invalid_files, portal_records, show
from .spans import describe_text_change

BALANCE_FIELDS = ("opening_balance", "closing_balance")


@dataclass(frozen=True)
class Publication:
    """The notice that published a record, as the message names it."""

    notice_id: str
    title: str
    begins: date

    def describe(self) -> str:
        return f"公示“{self.title}”（notices/{self.notice_id}.yml，公示期自 {self.begins} 起）"


def _members_of(records: dict[Key, Record]) -> dict[tuple[str, str], list[Key]]:
    """(community, container ref) → the keys of the records it contains."""
    inside: dict[tuple[str, str], list[Key]] = {}
    for key, record in records.items():
        if record.container is not None:
            inside.setdefault((key[0], record.container), []).append(key)
    return inside


def _expand(slug: str, ref: str, inside: dict) -> list[Key]:
    if ref == "committee":
        return [(slug, "committee", "committee"), *inside.get((slug, "committee"), [])]
    kind, _, ident = ref.partition("/")
    keys = [(slug, kind, ident)]
    if kind in ACCOUNTS:
        keys += inside.get((slug, ref), [])
    return keys


def published_records(base: Portal, records: dict[Key, Record], as_of: date) -> dict[Key, Publication]:
    inside = _members_of(records)
    published: dict[Key, Publication] = {}
    for slug, community in sorted(base.communities.items()):
        # Earliest notice first, so a message names the notice that first published the record.
        ordered = sorted(community.notices.items(), key=lambda item: (item[1].model.period.from_, item[0]))
        for notice_id, loaded in ordered:
            notice = loaded.model
            if notice.period.from_ > as_of:
                continue                          # not yet posted: still a draft
            publication = Publication(notice_id, notice.title, notice.period.from_)
            refs = [*notice.related, *([notice.corrects] if notice.corrects else []), f"notice/{notice_id}"]
            for ref in refs:
                for key in _expand(slug, ref, inside):
                    if key in records:
                        published.setdefault(key, publication)
    return published


@dataclass(frozen=True)
class NewCorrection:
    notice_id: str
    corrects: str
    begins: date        # the first day of its period: it covers a change only from then on

    def describe(self) -> str:
        return f"更正公示 notices/{self.notice_id}.yml（公示期自 {self.begins} 起）"


def new_corrections(base: Portal, head: Portal) -> dict[str, list[NewCorrection]]:
    """community → the correction notices that are new (or retargeted) in head.

    A correction already in the base revision covered the change made with it; it does
    not license later edits of the same record.
    """
    out: dict[str, list[NewCorrection]] = {}
    for slug, community in sorted(head.communities.items()):
        before = base.communities.get(slug)
        for notice_id, loaded in sorted(community.notices.items()):
            notice = loaded.model
            if notice.kind != "correction" or not notice.corrects:
                continue
            old = before.notices.get(notice_id) if before else None
            if old is not None and old.model.kind == "correction" and old.model.corrects == notice.corrects:
                continue
            out.setdefault(slug, []).append(NewCorrection(notice_id, notice.corrects.strip(), notice.period.from_))
    return out


def covering(corrections: dict[str, list[NewCorrection]], as_of: date, *, begun: bool) -> dict[str, set[str]]:
    """community → the refs the new corrections name: those posted by `as_of` (begun), or
    those still waiting for their period (data-format-2.md §2: a correction covers a
    change only once its period has begun; until then the site would show the new figure
    with no correction beside it)."""
    return {slug: {c.corrects for c in found if (c.begins <= as_of) == begun} for slug, found in corrections.items()}


def _period_of(ref: str, slug: str, records: list[dict[Key, Record]]) -> tuple[str, str] | None:
    """(account, period) a correction ref points into, if it names a ledger period or an entry."""
    kind, _, ident = ref.partition("/")
    if kind in ACCOUNTS:
        return kind, ident
    if kind == "entry":
        for table in records:
            record = table.get((slug, "entry", ident))
            if record is not None:
                account, period = record.container.split("/", 1)
                return account, period
    return None


def _not_after(earlier: str, later: str, strictly: bool) -> bool:
    a, b = period_bounds(earlier), period_bounds(later)
    if a is None or b is None:
        return False
    return a[1] < b[0] or (not strictly and earlier == later)


def is_covered(record: Record, path: tuple, corrected: set[str], tables: list[dict[Key, Record]]) -> bool:
    if record.ref in corrected or (record.container is not None and record.container in corrected):
        return True
    if record.kind in ACCOUNTS and path and path[0] in BALANCE_FIELDS:
        for ref in corrected:
            target = _period_of(ref, record.community, tables)
            if target and target[0] == record.kind and _not_after(
                    target[1], record.ident, strictly=path[0] == "opening_balance"):
                return True
    return False


def _hint(record: Record, path: tuple = ()) -> str:
    if record.kind in ACCOUNTS and path and path[0] in BALANCE_FIELDS:
        return f"{record.ref}（若余额是因更正本期或之前的某条明细而变，写那条明细 entry/<编号> 即可）"
    if record.container and record.container != record.ref:
        return f"{record.ref}（或它所在的 {record.container}）"
    return record.ref


def _tail(record: Record, publication: Publication, path: tuple = (), waiting: list[NewCorrection] = ()) -> str:
    if waiting:
        names = "、".join(c.describe() for c in waiting)
        return (f"它已由{publication.describe()}公布。{names}还没有开始公示：更正要从公示期开始之日起才算数，"
                "在那之前网站上会出现没有更正说明的新数字。请把更正公示的公示期（和发布日期）改到构建日或之前，"
                "或等到那一天再合并这次修改。")
    return (f"它已由{publication.describe()}公布。已公示的数据只能通过更正公示修改："
            f"请新增一份 kind: correction 的公示，corrects 写 {_hint(record, path)}，在 changes 中写明原为…、现为…和原因；"
            "否则请恢复原值。")


def _waiting_for(record: Record, path: tuple, corrections: list[NewCorrection], as_of: date, tables) -> list[NewCorrection]:
    """The new corrections not yet begun that would cover this change."""
    return [c for c in corrections if c.begins > as_of and is_covered(record, path, {c.corrects}, tables)]


def _removal_location(record: Record, head_records: dict[Key, Record], shown_root: Path,
                      base_root: Path) -> Location:
    """A removed entry or member: the list it was in (head file); a removed file: its path, line 1."""
    if record.container is not None:
        slug = record.community
        if record.kind == "member":
            holder = head_records.get((slug, "committee", "committee"))
            list_key = "members"
        else:
            account, period = record.container.split("/", 1)
            holder = head_records.get((slug, account, period))
            list_key = "entries"
        if holder is not None:
            return holder.doc.key_at(list_key)
    rel = Path(record.doc.path).relative_to(base_root)
    return Location(str(shown_root / rel), 1, 1)


def silent_edits(base: Portal, head: Portal, as_of: date, *, base_root: Path, shown_root: Path) -> list[Problem]:
    """Every published value of `base` that `head` changes or removes without a correction.

    `base_root` is the folder the base portal was loaded from, `shown_root` the data
    folder's path as the user knows it (a removed file is named under it).
    """
    base_records, head_records = portal_records(base), portal_records(head)
    published = published_records(base, base_records, as_of)
    corrections = new_corrections(base, head)
    begun = covering(corrections, as_of, begun=True)
    invalid = invalid_files(head)
    tables = [head_records, base_records]
    problems: list[Problem] = []
    for change in compare(base_records, head_records):
        if change.state not in (CHANGED, REMOVED) or change.key not in published:
            continue
        record = change.base
        corrected = begun.get(record.community, set())
        mine = corrections.get(record.community, [])
        publication = published[change.key]
        if change.state == REMOVED:
            if _unreadable_in_head(record, invalid) or is_covered(record, (), corrected, tables):
                continue
            waiting = _waiting_for(record, (), mine, as_of, tables)
            problems.append(error(
                _removal_location(record, head_records, shown_root, base_root), "published.silent_edit",
                f"已公示的{record.title}被删除了。{_tail(record, publication, (), waiting)}"))
            continue
        problems.extend(_changed_leaves(change, publication, corrected, tables,
                                        lambda path: _waiting_for(record, path, mine, as_of, tables)))
    return problems


def _unreadable_in_head(record: Record, invalid: set) -> bool:
    """The head file exists but does not validate: check reports that, not a removal."""
    slug = record.community
    if record.kind == "entry":
        account = record.container.split("/", 1)[0]
        return any(s == slug and kind == account for s, kind, _ in invalid)
    if record.kind == "member":
        return (slug, "committee", "committee") in invalid
    return (slug, record.kind, record.ident) in invalid


def _changed_leaves(change: RecordChange, publication: Publication, corrected: set[str], tables, waiting_for) -> list[Problem]:
    problems = []
    before, after = change.base, change.head
    model_type = type(before.model)
    for leaf in change.leaves:
        if leaf.is_addition or is_covered(before, leaf.path, corrected, tables):
            continue
        label = field_label(model_type, leaf.path)
        if leaf.new is None:
            where = after.location(())
            what = f"{before.title}的{label}被删除了（原为 {show(leaf.old, leaf.path)}）"
        elif isinstance(leaf.old, str) and isinstance(leaf.new, str) and (spans := describe_text_change(leaf.old, leaf.new)):
            where = after.location(leaf.path)
            what = f"{before.title}的{label}改了：{spans}"
        else:
            where = after.location(leaf.path)
            what = f"{before.title}的{label}原为 {show(leaf.old, leaf.path)}，现为 {show(leaf.new, leaf.path)}"
        problems.append(error(where, "published.silent_edit",
                              f"已公示的数据被悄悄修改：{what}。{_tail(before, publication, leaf.path, waiting_for(leaf.path))}"))
    return problems
