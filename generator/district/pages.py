"""Write the district overview's Markdown pages into a docs folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..analysis.firms import firm_ids_by_name, firm_records, warning_list
from ..model.portal import Portal
from ..render import links
from ..render.downloads import firms_dataset, write_datasets
from ..render.pages import render_firm, write_glossary, write_page as _write
from . import views
from .environment import render
from .summary import CommunitySummary, summarise

NAV_TITLE = "全区总览"
GLOSSARY_TITLE = "名词解释"


def summaries_of(portal: Portal, as_of: date) -> dict[str, CommunitySummary]:
    rules = portal.rules
    return {slug: summarise(c, as_of, rules.grades, rules.disclosure) for slug, c in sorted(portal.communities.items())}


def render_district(portal: Portal, as_of: date, docs: Path, title: str) -> list[dict]:
    """The overview page, a page per street (with several streets), a small page per
    community (what the district search finds), a page per firm of the register and the
    register's CSV and JSON files. Only the overview is in the navigation, so the other
    pages do not grow with the number of communities; returns the navigation."""
    summaries = summaries_of(portal, as_of)
    communities = [portal.communities[slug] for slug in summaries]
    firm_ids = firm_ids_by_name(portal)
    records = firm_records(portal, as_of)
    # The register with each firm's conduct record, as CSV and JSON beside the firm pages.
    firm_files = write_datasets([firms_dataset(portal, records)], docs / links.DOWNLOADS_FOLDER) if records else []
    _write(docs, views.HOME, render("index.md.j2", v=views.index_view(
        title, communities, summaries, portal.rules.grades, as_of, portal.rules.disclosure.report_within_days,
        firm_ids=firm_ids, warnings=warning_list(records), warning_threshold=portal.rules.warning_overdue_items,
        firm_files=firm_files)))
    streets: dict[str, list] = {}
    for c in communities:
        streets.setdefault(summaries[c.slug].street, []).append(c)
    if len(streets) > 1:
        for street, members in streets.items():
            _write(docs, views.street_page(street), render("street.md.j2", v=views.street_view(
                street, title, members, summaries, portal.rules.grades, as_of,
                portal.rules.disclosure.report_within_days, firm_ids=firm_ids)))
    for slug, summary in summaries.items():
        _write(docs, views.card_page(slug), render("community.md.j2", v=views.card_view(summary)))
    for record in records:
        page = links.firm_page(record.id)
        _write(docs, page, render_firm(portal, record.id, as_of,
                                       lambda slug, target, page=page: views.community_url(page, slug, target)))
    write_glossary(docs, searchable=False)   # the overview's search finds communities and notices only
    return [{NAV_TITLE: views.HOME}, {GLOSSARY_TITLE: links.GLOSSARY}]


def page_tops(docs: Path) -> set[str]:
    """Top-level names the district's pages take in the built site (directory URLs)."""
    tops = set()
    for path in docs.rglob("*"):
        rel = path.relative_to(docs)
        first = rel.parts[0]
        if len(rel.parts) == 1 and path.suffix == ".md":
            first = path.stem
        tops.add(first)
    return tops - {"index"}
