"""notice.stale: a notice not yet posted whose records' figures changed since it was written.

data-format-2.md §2: a notice whose period has not begun, relating a record whose figures
changed since the notice was last edited, is flagged by `gongshi diff` and `check --base`.
Between two revisions "since it was last edited" means: the notice is the same in both,
and a record it discloses (its period and that period's entries, a vote, an entry …)
changed a figure. Its generated tables follow the data by themselves; its body may still
quote or describe the old figure, which nobody has read yet — so it is a warning to
re-read it, not an error.
"""

from __future__ import annotations

from datetime import date

from ..model.portal import Portal
from ..problems import Problem, warning
from .changes import RecordChange
from .figures import FigureChange, figure_changes
from .guard import _expand, _members_of
from .snapshot import Key, Record

SHOWN = 3     # figure changes named in one message; the rest are counted


def stale_notices(head: Portal, as_of: date, base_records: dict[Key, Record], head_records: dict[Key, Record],
                  changes: dict[Key, RecordChange]) -> list[Problem]:
    inside = {**_members_of(base_records), **_members_of(head_records)}
    moved: dict[Key, list[FigureChange]] = {}
    for key, change in changes.items():
        found = figure_changes(change)
        if found:
            moved[key] = found
    problems: list[Problem] = []
    for slug, community in sorted(head.communities.items()):
        for nid, loaded in sorted(community.notices.items()):
            notice, doc = loaded.model, loaded.doc
            key = (slug, "notice", nid)
            if notice.period.from_ <= as_of or key not in base_records or key in changes:
                continue      # posted already (silent_edit's business), new, or edited in this change
            refs = [(("related", i), ref) for i, ref in enumerate(notice.related)]
            if notice.corrects:
                refs.append((("corrects",), notice.corrects))
            for where, ref in refs:
                found = [fc for k in dict.fromkeys(_expand(slug, ref.strip(), inside)) for fc in moved.get(k, [])]
                if found:
                    problems.append(warning(doc.at(*where), "notice.stale", _message(notice, ref, found)))
    return problems


def _message(notice, ref: str, found: list[FigureChange]) -> str:
    listed = "；".join(fc.describe() for fc in found[:SHOWN])
    more = f"等 {len(found)} 处" if len(found) > SHOWN else ""
    return (f"公示“{notice.title}”还没有开始公示（公示期自 {notice.period.from_} 起），它公示的 {ref.strip()} "
            f"在这次修改中变了：{listed}{more}。根据数据生成的表格会自动更新，但正文是以前写的：请核对正文中的数字和说明"
            "是否仍然正确，需要时一并修改这份公示。")
