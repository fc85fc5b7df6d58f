"""制度文件: the community's covenant, rules of procedure, contracts — those in effect first,
then those not yet in effect, then the superseded ones — and each document's page with its
adopting vote and its text (Markdown body or the PDF of files/)."""

from __future__ import annotations

from ...analysis.documents import (
    CURRENT, KIND_ORDER, STATE_LABELS, SUPERSEDED, UPCOMING, document_state, successor_of,
)
from ...analysis.votes import compute_outcome
from ...formatting import cn_date
from ...load.attachments import attachment_name
from ...model import labels
from .. import links
from .context import Context, corrections_on, notices_relating, titled_link

# The page's groups, in the order owners look for them.
GROUPS = ((CURRENT, "现行有效"), (UPCOMING, "尚未生效"), (SUPERSEDED, "已失效"))


def effective_text(document) -> str:
    start = cn_date(document.effective.from_)
    return f"{start}起" if document.effective.to is None else f"{start}至{cn_date(document.effective.to)}"


def adopting_vote(ctx: Context, document, from_page: str) -> dict | None:
    """The vote that adopted the document, its result as computed from the tally."""
    vote = ctx.community.votes.get(document.vote) if document.vote else None
    if vote is None:
        return None
    outcome = compute_outcome(vote.model, ctx.profile)
    return {**titled_link(vote.model.title, from_page, links.vote_page(document.vote)),
            "result": labels.DECLARED_RESULT[outcome.result] if outcome else "尚未计票",
            "voting": f"{cn_date(vote.model.voting.start)}至{cn_date(vote.model.voting.end)}"}


def _successor(ctx: Context, ident: str, from_page: str) -> dict | None:
    found = successor_of(ctx.community.documents, ident)
    return titled_link(found.title, from_page, links.document_page(found.id)) if found else None


def document_row(ctx: Context, ident: str, from_page: str) -> dict:
    d = ctx.community.documents[ident].model
    state = document_state(d, ctx.as_of)
    return {
        **titled_link(d.title, from_page, links.document_page(ident)),
        "kind": labels.DOCUMENT_KIND[d.kind],
        "adopted": cn_date(d.adopted),
        "effective": effective_text(d),
        "state": state,
        "state_label": STATE_LABELS[state],
        "superseded": state == SUPERSEDED,
        "vote": adopting_vote(ctx, d, from_page),
        "successor": _successor(ctx, ident, from_page) if state == SUPERSEDED else None,
    }


def documents_view(ctx: Context) -> dict:
    documents = ctx.community.documents
    # Within a group: by kind (covenant first), the latest adopted first.
    order = sorted(documents, key=lambda i: (KIND_ORDER[documents[i].model.kind], -documents[i].model.adopted.toordinal(), i))
    rows = [document_row(ctx, ident, links.DOCUMENTS) for ident in order]
    return {"groups": [{"heading": heading, "rows": [r for r in rows if r["state"] == state]}
                       for state, heading in GROUPS],
            "count": len(rows)}


def document_view(ctx: Context, ident: str) -> dict:
    page = links.document_page(ident)
    d = ctx.community.documents[ident].model
    name = attachment_name(d.file) if d.file else None
    return {
        **document_row(ctx, ident, page),
        "file": {"href": links.href_from(page, links.attachment(name)), "name": name} if name else None,
        "has_body": bool((d.body or "").strip()),
        "notices": notices_relating(ctx, page, {f"document/{ident}"}),
        "corrected_by": corrections_on(ctx, page, {f"document/{ident}"}),
        "index_href": links.href_from(page, links.DOCUMENTS),
    }


def attached_files(ctx: Context) -> dict:
    """name → path of every PDF a document of this community attaches (what is published)."""
    names = {attachment_name(d.model.file) for d in ctx.community.documents.values() if d.model.file}
    return {name: ctx.community.files[name] for name in sorted(n for n in names if n in ctx.community.files)}
