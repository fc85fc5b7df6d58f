"""制度文件 at the build date: in effect, not yet in effect, or superseded; and the vote
each kind must be adopted by.

民法典第278条: 制定和修改议事规则、管理规约 and 选聘物业服务企业 are decided by the owners, so
a covenant, rules of procedure or a property-service contract names the vote that adopted
it, and that vote's matter is the one of its kind (document.vote_mismatch).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.labels import DOCUMENT_KIND

CURRENT, UPCOMING, SUPERSEDED = "current", "upcoming", "superseded"
STATE_LABELS = {CURRENT: "现行有效", UPCOMING: "尚未生效", SUPERSEDED: "已失效"}
# document kind → the vote matter that adopts it
ADOPTING_MATTER = {"covenant": "covenant", "rules": "rules", "property_contract": "hire_manager"}
# The order the 制度文件 page lists kinds in.
KIND_ORDER = {kind: i for i, kind in enumerate(DOCUMENT_KIND)}


def document_state(document, as_of: date) -> str:
    if as_of < document.effective.from_:
        return UPCOMING
    if document.effective.to is not None and as_of > document.effective.to:
        return SUPERSEDED
    return CURRENT


@dataclass(frozen=True)
class Successor:
    id: str
    title: str


def successor_of(documents: dict, ident: str) -> Successor | None:
    """The document of the same kind that took effect next after `ident` did (none for
    `other`, whose documents need not replace each other)."""
    doc = documents[ident].model
    if doc.kind == "other":
        return None
    later = [(d.model.effective.from_, i) for i, d in documents.items()
             if i != ident and d.model.kind == doc.kind and d.model.effective.from_ > doc.effective.from_]
    if not later:
        return None
    _, found = min(later)
    return Successor(found, documents[found].model.title)


def documents_in_effect(documents: dict, as_of: date) -> list[str]:
    return [i for i, d in documents.items() if document_state(d.model, as_of) == CURRENT]
