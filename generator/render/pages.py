"""Write one community's Markdown pages (and data downloads) into a docs folder: the one
place that renders the views into pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..analysis.periods import sort_periods
from ..model.labels import ACCOUNTS
from . import links
from .downloads import write_downloads
from .environment import render
from .escape import trusted
from .glossary import glossary_view, link_terms
from .notice_body import body_html
from .sections import navigation
from .views import (
    committee, documents, evaluations, firms, home, inspections, ledgers, meetings, notices, property_services, votes,
)
from .views.context import Context


def write_page(docs: Path, page: str, text: str, glossary_page: str = links.GLOSSARY) -> None:
    """Write a page, its first use of each term linked to the glossary (render/glossary.py)."""
    path = docs / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(link_terms(text, page, glossary_page), encoding="utf-8")


def write_glossary(docs: Path, *, searchable: bool) -> None:
    """The 名词解释 page; `searchable` False leaves it out of the site's search index."""
    write_page(docs, links.GLOSSARY, render("glossary.md.j2", terms=glossary_view(), searchable=searchable))


def render_firm(portal, firm_id: str, as_of, community_link) -> str:
    """A firm's page (firms.firm_view), linking to each community by `community_link(slug, page)`."""
    return render("firm.md.j2", v=firms.firm_view(portal, firm_id, as_of, community_link))


def render_community(ctx: Context, docs: Path, site_title: str, charts) -> list[dict]:
    """Render every page of ctx.community under `docs`; return the navigation."""
    c = ctx.community
    write_page(docs, links.HOME, render("home.md.j2", v=home.home_view(ctx, site_title)))
    write_page(docs, links.NOTICES, render("notices.md.j2", v=notices.notices_view(ctx)))
    for nid, notice in c.notices.items():
        write_page(docs, links.notice_page(nid), render("notice.md.j2", v=notices.notice_view(ctx, nid),
                                                    body_html=trusted(body_html(notice.model.body))))
    for account in ACCOUNTS:
        account_view = ledgers.account_view(ctx, account, charts)
        account_view["balance_chart"] = trusted(account_view["balance_chart"])
        account_view["income_chart"] = trusted(account_view["income_chart"])
        write_page(docs, links.ACCOUNT_INDEX[account], render("account.md.j2", v=account_view))
        for period in sort_periods(c.ledgers(account)):
            write_page(docs, links.ledger_page(account, period),
                   render("ledger.md.j2", v=ledgers.ledger_view(ctx, account, period)))
    rows = [votes.vote_row(ctx, vid, links.VOTES)
            for vid in sorted(c.votes, key=lambda k: c.votes[k].model.voting.start, reverse=True)]
    write_page(docs, links.VOTES, render("votes.md.j2", rows=rows))
    for vid in c.votes:
        write_page(docs, links.vote_page(vid), render("vote.md.j2", v=votes.vote_view(ctx, vid)))
    committee_view = committee.committee_view(ctx)
    write_page(docs, links.COMMITTEE, render("committee.md.j2", v=committee_view) if committee_view
           else "# 业主委员会\n\n本小区尚未成立业主委员会或物业管理委员会。\n")
    write_page(docs, links.MEETINGS, render("meetings.md.j2", v=meetings.meetings_view(ctx)))
    write_page(docs, links.DOCUMENTS, render("documents.md.j2", v=documents.documents_view(ctx)))
    for did, document in c.documents.items():
        write_page(docs, links.document_page(did), render("document.md.j2", v=documents.document_view(ctx, did),
                                                      body_html=trusted(body_html(document.model.body or ""))))
    for name, path in documents.attached_files(ctx).items():
        # Published as they are: the bytes of the data folder (load/attachments.py checked them).
        target = docs / links.attachment(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    if not ctx.in_district:
        # A lone community's site is the portal: the firms' pages are its own (a district's are the overview's).
        for fid in sorted(ctx.portal.firms):
            here = links.firm_page(fid)
            write_page(docs, here, render_firm(ctx.portal, fid, ctx.as_of,
                                           lambda slug, page, here=here: links.href_from(here, page)))
    write_page(docs, links.INSPECTIONS, render("inspections.md.j2", rows=inspections.inspections_view(ctx)))
    write_page(docs, links.EVALUATIONS, render("evaluations.md.j2", rows=evaluations.evaluations_view(ctx)))
    write_page(docs, links.PROPERTY, render("property.md.j2", v=property_services.property_view(ctx)))
    write_page(docs, links.DOWNLOADS, render("downloads.md.j2", rows=write_downloads(ctx, docs)))
    write_glossary(docs, searchable=True)
    return navigation()
