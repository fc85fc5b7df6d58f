"""公示公告: the list of notices by state, and each notice's page."""

from __future__ import annotations

from ...analysis.status import ACTIVE, ENDED, UPCOMING, notice_status
from ...css_text import css_string
from ...formatting import cn_date
from ...model import labels
from .. import links
from ..escape import trusted
from ...analysis.periods import period_label
from ..phones import phone_markup
from .context import Context, corrections_on, fingerprint, ref_link, titled_link, with_entries
from .disclosed import ENTRIES, RESULT, STATEMENT, disclosed_blocks
from .ledgers import entry_rows, statement_view
from .votes import tally_view

# The notices page's sections, in the order owners look for them.
STATE_HEADINGS = ((ACTIVE, "正在公示"), (UPCOMING, "即将公示"), (ENDED, "已结束"))


# Said beside a notice's own channel-less fallback, so owners know whose line it is.
OFFICE_PHONE_LABEL = "业委会办公电话"


def objection_channel(ctx: Context, notice) -> tuple[str, str]:
    """(contact, until) where an owner raises an objection: the notice's own `objection`, else
    the committee's office phone (labelled as such, until the end of the 公示期), else a
    sentence that none is given. Every notice shows one (issue 18)."""
    if notice.objection:
        return notice.objection.contact, cn_date(notice.objection.until)
    committee = ctx.community.committee
    if committee is not None and committee.model.office_phone:
        return f"{OFFICE_PHONE_LABEL} {committee.model.office_phone}", cn_date(notice.period.to)
    return "本公示未写明异议渠道，业委会未登记办公电话", ""


def notice_pdf_href(ctx: Context, nid: str, from_page: str) -> str | None:
    """The notice-board PDF, when the notice is printed and this build prints PDFs."""
    return links.href_from(from_page, links.notice_pdf(nid)) if (ctx.community.notices[nid].model.print and ctx.with_pdf) else None


def notice_row(ctx: Context, nid: str, from_page: str) -> dict:
    n = ctx.community.notices[nid].model
    status = notice_status(n, ctx.as_of)
    return {
        **titled_link(n.title, from_page, links.notice_page(nid)),
        "kind": labels.NOTICE_KIND[n.kind],
        "period_from": cn_date(n.period.from_),
        "period_to": cn_date(n.period.to),
        "status": status.label,
        "state": status.state,
        "remaining": status.days_left_text,
        "pdf_href": notice_pdf_href(ctx, nid, from_page),
    }


def notices_by_state(ctx: Context, from_page: str) -> dict[str, list[dict]]:
    """Rows by state: the current and ended ones newest first, the upcoming ones soonest first."""
    groups: dict[str, list[dict]] = {state: [] for state, _ in STATE_HEADINGS}
    notices = ctx.community.notices
    for nid in sorted(notices, key=lambda k: (notices[k].model.period.from_, k), reverse=True):
        row = notice_row(ctx, nid, from_page)
        groups[row["state"]].append(row)
    groups[UPCOMING].reverse()
    return groups


def notices_view(ctx: Context) -> dict:
    groups = notices_by_state(ctx, links.NOTICES)
    return {
        "as_of": cn_date(ctx.as_of),
        "sections": [{"heading": heading, "rows": groups[state]} for state, heading in STATE_HEADINGS],
        "any_pdf": any(row["pdf_href"] for rows in groups.values() for row in rows),
    }


def notice_view(ctx: Context, nid: str) -> dict:
    loaded = ctx.community.notices[nid]
    n = loaded.model
    page = links.notice_page(nid)
    status = notice_status(n, ctx.as_of)
    return {
        "title": n.title,
        "kind": labels.NOTICE_KIND[n.kind],
        "issuer": n.issuer,
        "published": cn_date(n.published),
        "period_from": cn_date(n.period.from_),
        "period_to": cn_date(n.period.to),
        "status": status.label,
        "state": status.state,
        "remaining": status.days_left_text,
        **_objection(ctx, n),
        "related": [ref_link(ctx, page, r) for r in n.related],
        "corrects": ref_link(ctx, page, n.corrects) if n.corrects else None,
        "changes": n.changes,
        "corrected_by": corrections_on(ctx, page, with_entries(ctx, {f"notice/{nid}"} | set(n.related)), nid),
        "pdf_href": notice_pdf_href(ctx, nid, page),
        "fingerprint": fingerprint(loaded.doc),
        # The running header of the printed page (overrides/main.html), as CSS strings.
        "print_title": trusted(css_string(n.title)),
        "print_period": trusted(css_string(f"公示期 {cn_date(n.period.from_)}至{cn_date(n.period.to)}")),
        **generated_tables(ctx, n, page),
    }


def _objection(ctx: Context, notice) -> dict:
    contact, until = objection_channel(ctx, notice)
    return {"objection_contact": phone_markup(contact), "objection_until": until}


def generated_tables(ctx: Context, notice, page: str) -> dict:
    """The statements, tallies and entries the notice shows from the data (views/disclosed.py),
    in the ledger and vote pages' own tables."""
    statements, results, entries = [], [], []
    for block in disclosed_blocks(ctx, notice):
        title = f"{labels.ACCOUNT_TITLE.get(block.account, '')} {period_label(block.period)}"
        if block.kind == STATEMENT:
            ledger = ctx.community.ledgers(block.account)[block.period].model
            statements.append({"title": title, "statement": statement_view(block.account, block.period, ledger, ctx.as_of),
                               "entries": entry_rows(ctx, block.account, block.period, page) if block.with_entries else None})
        elif block.kind == RESULT:
            results.append(tally_view(ctx, block.vote))
        elif block.kind == ENTRIES:
            entries.append({"title": title,
                            "rows": entry_rows(ctx, block.account, block.period, page, set(block.entries))})
    return {"statements": statements, "results": results, "entries": entries}
