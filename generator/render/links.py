"""Where each record is published, relative to the community's root.

Page paths are MkDocs source paths (`votes/2024-elevator.md`); `href_from` turns
one into a link from another page.
"""

from __future__ import annotations

import posixpath

from ..model.labels import ACCOUNTS
# The fixed pages come from the one table the check reserves names from.
from ..site_layout import (  # noqa: F401 - re-exported: the pages' names for the render stage
    COMMITTEE, DOCUMENTS, DOWNLOADS, DOWNLOADS_FOLDER, EVALUATIONS, FILES, FIRMS, FUND, GLOSSARY, HOME, INSPECTIONS, MEETINGS,
    NOTICES, PROPERTY, RECORD_FOLDERS, REVENUE, VOTES,
)

ACCOUNT_INDEX = {"maintenance-fund": FUND, "public-revenue": REVENUE}


def notice_page(notice_id: str) -> str:
    return f"{RECORD_FOLDERS['notice']}/{notice_id}.md"


def vote_page(vote_id: str) -> str:
    return f"{RECORD_FOLDERS['vote']}/{vote_id}.md"


def ledger_page(account: str, period: str) -> str:
    return f"{RECORD_FOLDERS[account]}/{period}.md"


def document_page(document_id: str) -> str:
    return f"{RECORD_FOLDERS['document']}/{document_id}.md"


def meeting_anchor(meeting_id: str) -> str:
    """Meetings share one page (会议与决定); each has an anchor there."""
    return f"meeting-{meeting_id}"


def evaluation_anchor(period: str) -> str:
    """Evaluations share one page (履约考评); each period has an anchor there."""
    return f"evaluation-{period}"


def firm_page(firm_id: str) -> str:
    return f"{FIRMS}/{firm_id}.md"


def attachment(name: str) -> str:
    """Where a PDF of the community's files/ is published (the same name under files/)."""
    return f"{FILES}/{name}"


def notice_pdf(notice_id: str) -> str:
    return f"{RECORD_FOLDERS['notice']}/{notice_id}.pdf"


def page_url(page: str) -> str:
    """The URL path MkDocs gives a page (directory URLs): votes/x.md → votes/x/."""
    if page.endswith("index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def href_from(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative Markdown link between two source pages (MkDocs rewrites .md links)."""
    rel = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def ref_target(ref: str, entry_places: dict) -> tuple[str, str | None] | None:
    """The page (and anchor) of a reference such as vote/x or entry/mf-2024-003."""
    if ref == "committee":
        return COMMITTEE, None
    kind, _, ident = ref.partition("/")
    if kind == "vote":
        return vote_page(ident), None
    if kind == "notice":
        return notice_page(ident), None
    if kind == "document":
        return document_page(ident), None
    if kind == "meeting":
        return MEETINGS, meeting_anchor(ident)
    if kind in ACCOUNTS:
        return ledger_page(kind, ident), None
    if kind == "inspection":
        return INSPECTIONS, ident
    if kind == "evaluation":
        return EVALUATIONS, f"evaluation-{ident}"
    if kind == "entry" and ident in entry_places:
        account, period, _ = entry_places[ident]
        return ledger_page(account, period), ident
    return None
