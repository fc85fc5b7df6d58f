"""Fields that name another record of the same community, as Decap relation widgets.

A relation widget offers the records of one collection by title and stores the file's
name, which is the record's id (data-format.md: "a file's stem is its id").
"""

from __future__ import annotations

from pydantic import BaseModel

from ..model.records import FundEntry, RevenueEntry, Vote


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
        if model is Vote and key == "notice":
            return _relation(collection_of("notices"), "title", [{"field": "kind", "values": ["pre_vote"]}])
        return None

    return relation_for
