"""load → validate → model → rules: the whole check, as one function the commands share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .load.attachments import find_attachments
from .load.discover import DataFile, discover
from .load.yamlread import read_document
from .model.portal import CommunityData, Loaded, Portal
from .model.records import KINDS
from .problems import Problem, sorted_problems
from .validate import validate_document

_COLLECTIONS = {
    "maintenance-fund": "fund",
    "public-revenue": "revenue",
    "vote": "votes",
    "notice": "notices",
    "inspection": "inspections",
    "evaluation": "evaluations",
    "document": "documents",
    "meeting": "meetings",
}


def _load_file(file: DataFile):
    doc, problems = read_document(file.path)
    if doc is None:
        return file, None, None, problems
    model, more = validate_document(doc, KINDS[file.kind])
    if model is None:
        from .rules.ledger import explain_empty_closing
        more = explain_empty_closing(doc, file.kind, KINDS[file.kind], more)
    return file, doc, (Loaded(file.stem, model, doc) if model is not None else None), problems + more


def load_portal(data_dir: Path) -> tuple[Portal, list[Problem]]:
    files, problems = discover(data_dir)
    portal = Portal(data_dir=data_dir)
    for file, doc, loaded, file_problems in map(_load_file, files):
        problems.extend(file_problems)
        if doc is not None:
            portal.documents.append(doc)
        if file.kind == "firm":
            if loaded is None:
                portal.invalid_firms.add(file.stem)
            else:
                portal.firms[file.stem] = loaded
            continue
        if file.community is None:
            portal.site = loaded
            continue
        community = portal.communities.setdefault(
            file.community, CommunityData(slug=file.community, folder=file.path.parent if file.kind in ("community", "committee") else file.path.parent.parent)
        )
        if loaded is None:
            community.invalid.add((file.kind, file.stem))
        elif file.kind == "community":
            community.profile = loaded
        elif file.kind == "committee":
            community.committee = loaded
        else:
            getattr(community, _COLLECTIONS[file.kind])[file.stem] = loaded
    for community in portal.communities.values():
        community.files, refused, more = find_attachments(community.folder)
        community.invalid |= {("file", name) for name in refused}
        problems.extend(more)
    return portal, problems


def check(data_dir: Path, as_of: date) -> tuple[Portal, list[Problem]]:
    """Everything `gongshi check` reports, sorted by file and line."""
    from .rules import run_rules

    portal, problems = load_portal(data_dir)
    problems.extend(run_rules(portal, as_of))
    return portal, sorted_problems(problems)
