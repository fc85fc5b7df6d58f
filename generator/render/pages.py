"""Write one community's Markdown pages (and data downloads) into a docs folder: the one
place that renders the views into pages."""

from __future__ import annotations

from pathlib import Path

from ..analysis.periods import sort_periods
from ..model.labels import ACCOUNTS
from . import links
from .downloads import write_downloads
from .environment import render
from .escape import trusted
from .notice_body import body_html
from .sections import navigation
from .views import committee, evaluations, home, inspections, ledgers, notices, property_services, votes
from .views.context import Context


def _write(docs: Path, page: str, text: str) -> None:
    path = docs / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_community(ctx: Context, docs: Path, site_title: str, charts) -> list[dict]:
    """Render every page of ctx.community under `docs`; return the navigation."""
    c = ctx.community
    _write(docs, links.HOME, render("home.md.j2", v=home.home_view(ctx, site_title)))
    _write(docs, links.NOTICES, render("notices.md.j2", v=notices.notices_view(ctx)))
    for nid, notice in c.notices.items():
        _write(docs, links.notice_page(nid), render("notice.md.j2", v=notices.notice_view(ctx, nid),
                                                    body_html=trusted(body_html(notice.model.body))))
    for account in ACCOUNTS:
        account_view = ledgers.account_view(ctx, account, charts)
        account_view["balance_chart"] = trusted(account_view["balance_chart"])
        account_view["income_chart"] = trusted(account_view["income_chart"])
        _write(docs, links.ACCOUNT_INDEX[account], render("account.md.j2", v=account_view))
        for period in sort_periods(c.ledgers(account)):
            _write(docs, links.ledger_page(account, period),
                   render("ledger.md.j2", v=ledgers.ledger_view(ctx, account, period)))
    rows = [votes.vote_row(ctx, vid, links.VOTES)
            for vid in sorted(c.votes, key=lambda k: c.votes[k].model.voting.start, reverse=True)]
    _write(docs, links.VOTES, render("votes.md.j2", rows=rows))
    for vid in c.votes:
        _write(docs, links.vote_page(vid), render("vote.md.j2", v=votes.vote_view(ctx, vid)))
    committee_view = committee.committee_view(ctx)
    _write(docs, links.COMMITTEE, render("committee.md.j2", v=committee_view) if committee_view
           else "# 业主委员会\n\n本小区尚未成立业主委员会或物业管理委员会。\n")
    _write(docs, links.INSPECTIONS, render("inspections.md.j2", rows=inspections.inspections_view(ctx)))
    _write(docs, links.EVALUATIONS, render("evaluations.md.j2", rows=evaluations.evaluations_view(ctx)))
    _write(docs, links.PROPERTY, render("property.md.j2", v=property_services.property_view(ctx)))
    _write(docs, links.DOWNLOADS, render("downloads.md.j2", rows=write_downloads(ctx, docs)))
    return navigation()
