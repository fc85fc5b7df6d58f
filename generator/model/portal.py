"""The checked portal: every valid record with the document it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from ..load.yamlread import Document
from .labels import ACCOUNTS
from .records import (
    Committee, Community, Evaluation, Firm, FundLedger, GoverningDocument, Inspection, Meeting, Notice,
    RevenueLedger, Rules, Site, Vote,
)

T = TypeVar("T")


@dataclass
class Loaded(Generic[T]):
    """One record (a file's model) and its document, for locations."""

    id: str
    model: T
    doc: Document


@dataclass
class CommunityData:
    slug: str
    folder: Path
    profile: Loaded[Community] | None = None
    committee: Loaded[Committee] | None = None
    fund: dict[str, Loaded[FundLedger]] = field(default_factory=dict)       # period → ledger
    revenue: dict[str, Loaded[RevenueLedger]] = field(default_factory=dict)
    votes: dict[str, Loaded[Vote]] = field(default_factory=dict)
    notices: dict[str, Loaded[Notice]] = field(default_factory=dict)
    inspections: dict[str, Loaded[Inspection]] = field(default_factory=dict)
    evaluations: dict[str, Loaded[Evaluation]] = field(default_factory=dict)
    documents: dict[str, Loaded[GoverningDocument]] = field(default_factory=dict)
    meetings: dict[str, Loaded[Meeting]] = field(default_factory=dict)
    # files/: name → path of each PDF that may be published (load/attachments.py); a refused
    # one is in `invalid` as ("file", name).
    files: dict[str, Path] = field(default_factory=dict)
    # Ids of files that exist but failed validation: references to them are not "missing".
    invalid: set[tuple[str, str]] = field(default_factory=set)

    def ledgers(self, account: str) -> dict:
        return self.fund if account == "maintenance-fund" else self.revenue


def entry_index(community: CommunityData) -> dict[str, tuple[str, str, int]]:
    """entry id → (account, period, index in its ledger); the first occurrence wins (a
    repeated id is the rule id.duplicate's to report)."""
    found: dict[str, tuple[str, str, int]] = {}
    for account in ACCOUNTS:
        for period, ledger in community.ledgers(account).items():
            for i, entry in enumerate(ledger.model.entries):
                found.setdefault(entry.id, (account, period, i))
    return found


@dataclass
class Portal:
    data_dir: Path
    site: Loaded[Site] | None = None
    communities: dict[str, CommunityData] = field(default_factory=dict)
    # The district's register of property service companies (data/firms/<id>.yml).
    firms: dict[str, Loaded[Firm]] = field(default_factory=dict)
    invalid_firms: set[str] = field(default_factory=set)
    # Every parsed document, valid or not: personal data is refused in all of them.
    documents: list[Document] = field(default_factory=list)

    @property
    def rules(self) -> Rules:
        return self.site.model.rules if self.site is not None else Rules()
