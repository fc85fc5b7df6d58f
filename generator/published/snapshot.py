"""A portal flattened into comparable records: one per file, ledger entry and member.

Each record keeps its written values as leaves (path → value, with the document
path for locations). Leaves are what two revisions are compared by: a value present
in one revision and different or absent in the other is a change; a value only the
newer revision has (tallies filled in after a vote, a member's `until`) is an addition.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Any, Iterable

from pydantic import BaseModel

from ..analysis.periods import period_label
from ..formatting import money
from ..load.yamlread import Document
from ..model import labels
from ..model.portal import CommunityData, Portal
from ..problems import Location
from ..validate import field_by_key, innermost_model

# Lists of mappings compared by a key rather than by position, so reordering is no change.
IDENTITY_KEYS = {"entries": "id", "members": "name", "items": "check", "categories": "name"}
# Presentation only: turning the notice-board PDF on or off changes no published figure.
IGNORED = {("notice", "print")}
MONEY_KEYS = {"amount", "opening_balance", "closing_balance", "budget", "price"}
# Records named by their own title: 表决“…”（id）.
TITLED = {"vote": "表决", "notice": "公示", "document": "制度文件"}

Key = tuple[str, str, str]        # (community, kind, id); kind "entry", "member", "vote", …


@dataclass(frozen=True)
class Leaf:
    value: Any
    doc_path: tuple


@dataclass
class Record:
    key: Key
    model: Any
    doc: Document
    doc_path: tuple                                   # where the record starts in its document
    leaves: dict[tuple, Leaf] = field(default_factory=dict)
    container: str | None = None                      # entry: "maintenance-fund/2025-H1"; member: "committee"

    @property
    def community(self) -> str:
        return self.key[0]

    @property
    def kind(self) -> str:
        return self.key[1]

    @property
    def ident(self) -> str:
        return self.key[2]

    @property
    def ref(self) -> str:
        """How a notice names this record (`entry/<id>`, `vote/<id>`, `committee`, …)."""
        if self.kind in ("committee", "member"):
            return "committee"
        return f"{self.kind}/{self.ident}"

    def location(self, path: tuple = ()) -> Location:
        leaf = self.leaves.get(path)
        return self.doc.at(*(leaf.doc_path if leaf else self.doc_path))

    @property
    def title(self) -> str:
        """The record as people name it, in Chinese."""
        kind, ident, model = self.kind, self.ident, self.model
        if kind == "entry":
            account, period = self.container.split("/", 1)
            return f"{labels.ACCOUNT_TITLE[account]}{period_label(period)}明细 {ident}（{model.summary}）"
        if kind in labels.ACCOUNTS:
            return f"{labels.ACCOUNT_TITLE[kind]}{period_label(ident)}账目"
        if kind in TITLED:
            return f"{TITLED[kind]}“{model.title}”（{ident}）"
        if kind == "inspection":
            return f"监督检查 {ident}（{model.date}，{model.authority}）"
        if kind == "evaluation":
            return f"{period_label(ident)}物业履约考评"
        if kind == "meeting":
            return f"会议记录 {ident}（{model.date}，{labels.MEETING_KIND[model.kind]}）"
        if kind == "member":
            return f"业委会委员 {model.name}"
        return "业委会名单"


def _dump(model: BaseModel) -> dict:
    # Only what the editor wrote: a default that was never written cannot have "changed".
    return model.model_dump(by_alias=True, exclude_unset=True)


def flatten(value: Any, doc_path: tuple = (), path: tuple = (), out: dict | None = None,
            skip: frozenset = frozenset()) -> dict[tuple, Leaf]:
    out = {} if out is None else out
    if isinstance(value, dict):
        for key, item in value.items():
            if key in skip and not path:
                continue
            flatten(item, doc_path + (key,), path + (key,), out)
    elif isinstance(value, list):
        if not value:
            return out                                   # an empty list is nothing written
        identity = IDENTITY_KEYS.get(path[-1]) if path else None
        if all(isinstance(item, dict) for item in value):
            names = distinct(str(item.get(identity)) if identity and item.get(identity) is not None else f"#{index + 1}"
                             for index, item in enumerate(value))
            for index, (item, name) in enumerate(zip(value, names)):
                flatten(item, doc_path + (index,), path + (name,), out)
        else:
            out[path] = Leaf(tuple(value), doc_path)
    elif value is not None:
        out[path] = Leaf(value, doc_path)
    return out


def distinct(names: Iterable[str]) -> list[str]:
    """The names, the second and later of a repeated one numbered (`王某#2`), so that each
    keeps its own place when two revisions are compared."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return out


def _record(key: Key, model, doc: Document, doc_path: tuple = (), container: str | None = None,
            data: dict | None = None, skip: frozenset = frozenset()) -> Record:
    leaves = flatten(_dump(model) if data is None else data, doc_path, (), skip=skip)
    ignored = {name for kind, name in IGNORED if kind == key[1]}
    leaves = {path: leaf for path, leaf in leaves.items() if not (path and path[0] in ignored)}
    return Record(key, model, doc, doc_path, leaves, container)


def community_records(community: CommunityData) -> dict[Key, Record]:
    slug = community.slug
    records: dict[Key, Record] = {}
    for account in labels.ACCOUNTS:
        for period, ledger in community.ledgers(account).items():
            records[(slug, account, period)] = _record((slug, account, period), ledger.model, ledger.doc,
                                                       skip=frozenset({"entries"}))
            for index, entry in enumerate(ledger.model.entries):
                key = (slug, "entry", entry.id)
                if key not in records:                   # a duplicate id is id.duplicate's business
                    records[key] = _record(key, entry, ledger.doc, ("entries", index), f"{account}/{period}")
    for kind, collection in (("vote", community.votes), ("notice", community.notices),
                             ("inspection", community.inspections), ("evaluation", community.evaluations),
                             ("document", community.documents), ("meeting", community.meetings)):
        for ident, loaded in collection.items():
            records[(slug, kind, ident)] = _record((slug, kind, ident), loaded.model, loaded.doc)
    if community.committee is not None:
        committee = community.committee
        records[(slug, "committee", "committee")] = _record((slug, "committee", "committee"), committee.model,
                                                            committee.doc, skip=frozenset({"members"}))
        members = committee.model.members
        for index, (member, name) in enumerate(zip(members, distinct(m.name for m in members))):
            key = (slug, "member", name)
            records[key] = _record(key, member, committee.doc, ("members", index), "committee")
    return records


def portal_records(portal: Portal) -> dict[Key, Record]:
    records: dict[Key, Record] = {}
    for community in portal.communities.values():
        records.update(community_records(community))
    return records


def invalid_files(portal: Portal) -> set[tuple[str, str, str]]:
    """(community, kind, stem) of files that exist but did not validate."""
    return {(slug, kind, stem) for slug, c in portal.communities.items() for kind, stem in c.invalid}


# ---------------------------------------------------------------- showing values

def show(value: Any, path: tuple = ()) -> str:
    """A written value as people read it (money with two decimals)."""
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if path and path[-1] in MONEY_KEYS and not isinstance(value, (str, int)):
        return money(value)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def field_label(model_type: type[BaseModel], path: tuple) -> str:
    """`amount` → 金额; nested paths joined: 表决期间·开始日期. Built from the models' descriptions."""
    names, current, skip_next = [], model_type, False
    for key in path:
        if skip_next:
            skip_next = False
            names.append(str(key).split("#")[0] if not str(key).startswith("#") else f"第{key[1:]}项")
            continue
        info = field_by_key(current, str(key))
        if info is None:
            names.append(str(key))
            current = None
            continue
        short = (info.description or str(key))
        for stop in ("（", "，", "；", "(", "：", "、"):
            short = short.split(stop)[0]
        names.append(f"{short}（{key}）" if short != key else str(key))
        annotation = info.annotation
        skip_next = typing.get_origin(annotation) is list or any(
            typing.get_origin(a) is list for a in typing.get_args(annotation))
        current = innermost_model(annotation)
    return "·".join(names)
