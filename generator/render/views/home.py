"""首页: what is on the board now, the key balances, reminders, and the sections."""

from __future__ import annotations

from ...analysis.periods import sort_periods
from ...analysis.status import ACTIVE, UPCOMING
from ...analysis.votes import reporting_gaps
from ...formatting import cn_date, money_yuan
from ...model.labels import ACCOUNT_TITLE, ACCOUNTS
from .. import links
from ..sections import SECTIONS
from .committee import term_warning
from .context import Context, community_name, titled_link
from .inspections import overdue_items
from .ledgers import balance_dating, missing_statements
from .notices import notices_by_state


def _key_figures(ctx: Context, page: str) -> list[dict]:
    """Each account's latest balance, dated by the day it stands at (ledgers.balance_dating)."""
    figures = []
    for account in ACCOUNTS:
        ledgers = ctx.community.ledgers(account)
        if ledgers:
            latest = sort_periods(ledgers)[-1]
            ledger = ledgers[latest].model
            figures.append({"label": f"{ACCOUNT_TITLE[account]}余额", "amount": money_yuan(ledger.closing_balance),
                            "dated": balance_dating(latest, ctx.as_of, ledger)["dated"],
                            "href": links.href_from(page, links.ledger_page(account, latest))})
    return figures


def _unreported(ctx: Context, page: str) -> list[dict]:
    """Votes on major matters whose 重大事项报备 is missing or late."""
    rows = []
    for vid, v in sorted(ctx.community.votes.items()):
        gaps = reporting_gaps(v.model, ctx.portal.rules.report_amount_threshold)
        if gaps:
            rows.append({**titled_link(v.model.title, page, links.vote_page(vid)), "gaps": "；".join(gaps)})
    return rows


def home_view(ctx: Context, site_title: str) -> dict:
    page = links.HOME
    groups = notices_by_state(ctx, page)
    overdue = overdue_items(ctx, page)
    warning = term_warning(ctx)
    unreported = _unreported(ctx, page)
    missing = missing_statements(ctx, page)
    return {
        "title": site_title,
        "community": community_name(ctx),
        "address": ctx.profile.address if ctx.profile else "",
        "as_of": cn_date(ctx.as_of),
        "active": groups[ACTIVE],
        "upcoming": groups[UPCOMING],
        "notices_href": links.href_from(page, links.NOTICES),
        "figures": _key_figures(ctx, page),
        "reminders": bool(overdue or missing or warning or unreported),
        "overdue": overdue,
        "missing_statements": missing,
        "term_warning": warning,
        "unreported": unreported,
        "sections": [{"title": s.title, "href": links.href_from(page, s.page), "summary": s.summary}
                     for s in SECTIONS if s.page != page],
    }
