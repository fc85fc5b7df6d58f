"""Fields that name another record of the same community, as Decap relation widgets.

A relation widget offers the records of one collection by title and stores the file's
name, which is the record's id (data-format.md: "a file's stem is its id").
"""

from __future__ import annotations

from pydantic import BaseModel

from ..load.discover import FIRMS_FOLDER
from ..model.records import Decision, FundEntry, GoverningDocument, Notice, PropertyManager, RevenueEntry, Vote
from ..model.refs import REF_KINDS, REF_RE

# A notice's `related` and `corrects` may name nine kinds of record (and the committee);
# Decap's relation widget picks from one collection and drops list values it does not
# know, so these stay text, checked as they are typed against the pattern `check` uses.
_REFERENCE = {
    "widget": "string",
    "pattern": [f"^(?:{REF_RE.pattern})$",
                "写成“类别/编号”，类别为 " + "、".join(k for k in REF_KINDS if k != "committee") + "，或写 committee"],
}


def _relation(collection: str, search: str, filters: list[dict] | None = None) -> dict:
    widget = {"widget": "relation", "collection": collection, "value_field": "{{slug}}",
              "search_fields": [search], "display_fields": [search], "options_length": 100}
    return widget | ({"filters": filters} if filters else {})


def relations(collection_of) -> "callable":
    """relation_for(model, key) for one community; `collection_of(folder)` names that
    community's collection of a record folder (votes/, notices/ …)."""
    passed = {"field": "declared_result", "values": ["passed"]}

    def relation_for(model: type[BaseModel], key: str) -> dict | None:
        if model is FundEntry and key == "vote":
            # 民法典第281条: the fund is spent by a passed vote on using it (ledger.vote_not_passed)
            return _relation(collection_of("votes"), "title", [passed, {"field": "matter", "values": ["use_fund"]}])
        if model is RevenueEntry and key == "vote":
            return _relation(collection_of("votes"), "title", [passed])
        if model is GoverningDocument and key == "vote":
            # 民法典第278条: a covenant, rules or contract is adopted by a passed vote (document.vote_mismatch)
            return _relation(collection_of("votes"), "title", [passed])
        if model is Decision and key == "vote":
            return _relation(collection_of("votes"), "title")
        if model is PropertyManager and key == "firm":
            return _relation(FIRMS_FOLDER, "name")      # the district's register, shared by every community
        if model is Vote and key == "notice":
            return _relation(collection_of("notices"), "title", [{"field": "kind", "values": ["pre_vote"]}])
        if model is Notice and key == "corrects":
            return _REFERENCE
        if model is Notice and key == "related":
            return {"widget": "list", "field": {"name": "related", "label": "记录", **_REFERENCE}}
        return None

    return relation_for
