"""View models of the district pages: every figure and label ready to print.

Links to a community's pages go out of the district's MkDocs site (each community is
its own build, published under <slug>/), so they are URL paths with a trailing slash,
relative to the page's own URL, which MkDocs leaves as they are.
"""

from __future__ import annotations

import hashlib
from datetime import date
from fractions import Fraction

from ..analysis.disclosure import LATE, MISSING, STATE_LABEL, Timeliness, timeliness
from ..analysis.firms import FirmRecord
from ..analysis.grades import FAILING_GRADE
from ..analysis.party import committee_party_members, cross_appointment_share
from ..analysis.periods import period_label
from ..formatting import cn_date, money, percent, percent_beside_grade
from ..model.labels import ACCOUNT_TITLE
from ..model.portal import CommunityData
from ..render import links
from ..site_layout import COMMUNITY_CARDS, DISTRICT_HOME, STREETS
from ..render.views.firms import failing_reason, overdue_reason
from .rankings import LatestEvaluation, black_list, latest_evaluations, red_list, top_grade
from .rates import RATE_DEFINITIONS, CoverageRate, coverage_rates
from .summary import RECENT_NOTICE_DAYS, CommunitySummary, NoticeLine, by_street

HOME = DISTRICT_HOME
# Above this many communities the overview keeps its street summary and its red and black
# lists, and the community tables move to one page per street: the overview of a city with
# thousands of communities must still open on a phone.
ROOT_TABLE_LIMIT = 100


def card_page(slug: str) -> str:
    """The district's own page about one community (what the district search finds)."""
    return f"{COMMUNITY_CARDS}/{slug}.md"


def street_page(street: str) -> str:
    """A street's page; its name is a digest of the street's name, so it stays put as streets come and go."""
    return f"{STREETS}/{hashlib.sha256(street.encode('utf-8')).hexdigest()[:8]}.md"


def community_url(from_page: str, slug: str, page: str = links.HOME, anchor: str | None = None) -> str:
    """URL of a page of a community's site, relative to a district page's URL."""
    depth = 0 if from_page == HOME else from_page.count("/") + 1   # directory URLs: a/b.md → a/b/
    return "../" * depth + f"{slug}/" + links.page_url(page) + (f"#{anchor}" if anchor else "")


def card_href(from_page: str, slug: str, anchor: str | None = None) -> str:
    return links.href_from(from_page, card_page(slug), anchor)


def rate_view(rate: CoverageRate) -> dict:
    return {"label": rate.label, "percent": percent(rate.ratio), "numerator": rate.numerator,
            "denominator": rate.denominator, "definition": RATE_DEFINITIONS[rate.key]}


def street_name(street: str) -> str:
    return street or "（未填街道）"


def street_rates_view(communities: list[CommunityData], summaries: dict[str, CommunitySummary]) -> list[dict]:
    streets: dict[str, list[CommunityData]] = {}
    for c in communities:
        streets.setdefault(summaries[c.slug].street, []).append(c)
    return [{"street": street_name(street), "count": len(members), "href": links.href_from(HOME, street_page(street)),
             "rates": [f"{percent(r.ratio)}（{r.numerator}/{r.denominator}）" for r in coverage_rates(members)]}
            for street, members in sorted(streets.items())]


def is_failing(e: LatestEvaluation | None) -> bool:
    return e is not None and e.grade == FAILING_GRADE


def firm_link(from_page: str, firm_ids: dict[str, str], name: str) -> str | None:
    """The district's page of the firm named `name` (as an evaluation names it), if it has one."""
    ident = firm_ids.get(name.strip())
    return links.href_from(from_page, links.firm_page(ident)) if ident else None


def evaluation_url(from_page: str, slug: str, period: str) -> str:
    """The evaluation on a community's 履约考评 page: what put a firm on a red, black or warning list."""
    return community_url(from_page, slug, links.EVALUATIONS, links.evaluation_anchor(period))


def ranking_row(from_page: str, e: LatestEvaluation, firm_ids: dict[str, str] | None = None) -> dict:
    """A red or black list entry: the community links to its home page, the period to the evaluation."""
    return {"manager": e.manager, "manager_href": firm_link(from_page, firm_ids or {}, e.manager),
            "community": e.community,
            "href": community_url(from_page, e.slug),
            "period": period_label(e.period),
            "period_href": evaluation_url(from_page, e.slug, e.period),
            "score": percent_beside_grade(e.score_percent / 100), "grade": e.grade, "failing": is_failing(e)}


def committee_state(s: CommunitySummary) -> str:
    """业委会状态: 未成立, or where the term of the committee (物管会: the management committee
    standing in for one) stands at the build date."""
    if s.committee_kind is None:
        return "未成立"
    body = "物管会" if s.committee_kind == "management_committee" else ""
    return body + ("任期已满" if s.term.expired else "即将届满" if s.term.ending else "已成立")


def evaluation_cell(e: LatestEvaluation | None) -> str:
    return f"{e.grade}（{period_label(e.period)}）" if e else "—"


def timeliness_cell(t: Timeliness) -> str:
    """公示及时率 as the tables print it: percent (on time/due), or — while nothing is due."""
    return f"{percent(t.ratio)}（{t.on_time}/{t.due}）" if t.due else "—"


def statement_rows(from_page: str, summaries: list[CommunitySummary]) -> list[dict]:
    """Every statement missing or published late, community by community, oldest first."""
    rows = []
    for s in summaries:
        for due in s.statements:
            if due.state not in (MISSING, LATE):
                continue
            page = links.ledger_page(due.account, due.period) if due.has_ledger else links.ACCOUNT_INDEX[due.account]
            late = f"逾期 {due.days_late} 天" if due.state == MISSING else f"晚 {due.days_late} 天"
            rows.append({
                "community": s.name, "community_href": community_url(from_page, s.slug),
                "href": community_url(from_page, s.slug, page),
                "statement": f"{ACCOUNT_TITLE[due.account]}{period_label(due.period)}"
                             + ("" if due.has_ledger else "（尚无账目）"),
                "deadline": cn_date(due.deadline), "state": STATE_LABEL[due.state], "missing": due.state == MISSING,
                "published": cn_date(due.published) if due.published else "—", "late": late,
            })
    return rows


def statements_view(from_page: str, summaries: list[CommunitySummary], within_days: int, *,
                    listed: bool = True) -> dict:
    """The 收支公示 section: the share of due statements published on time and, when `listed`,
    each one missing or late (a large district lists them on its street pages)."""
    total = timeliness([due for s in summaries for due in s.statements])
    return {"due": total.due, "on_time": total.on_time, "rate": timeliness_cell(total), "within_days": within_days,
            "listed": listed, "rows": statement_rows(from_page, summaries) if listed else []}


def community_row(from_page: str, s: CommunitySummary) -> dict:
    return {
        "name": s.name, "href": community_url(from_page, s.slug), "street": street_name(s.street),
        "neighbourhood": s.neighbourhood,
        "committee": committee_state(s),
        "term_end": cn_date(s.term_end) if s.term_end else "—",
        "term_alert": s.term is not None and s.term.election_due,
        "fund": money(s.fund_balance) if s.fund_balance is not None else "—",
        "fund_dated": s.fund_dated or "",
        "evaluation": evaluation_cell(s.evaluation),
        "failing": is_failing(s.evaluation),
        "overdue": s.overdue_rectifications,
        "overdue_href": community_url(from_page, s.slug, links.INSPECTIONS),
        "active": s.active_notices,
        "notices_href": card_href(from_page, s.slug, "notices"),
        "documents": s.documents_in_effect,
        "documents_href": community_url(from_page, s.slug, links.DOCUMENTS),
        "last_meeting": cn_date(s.last_meeting) if s.last_meeting else "—",
        "meetings_href": community_url(from_page, s.slug, links.MEETINGS) if s.last_meeting else None,
        "timeliness": timeliness_cell(s.timeliness),
        "timeliness_alert": s.timeliness.on_time < s.timeliness.due,
    }


def _rankings(page: str, communities: list[CommunityData], floors: dict, firm_ids: dict[str, str] | None) -> dict:
    latest = latest_evaluations(communities, floors)
    return {
        "top_grade": top_grade(floors) or "",
        "failing_grade": FAILING_GRADE,
        "evaluated": len(latest),
        "red": [ranking_row(page, e, firm_ids) for e in red_list(latest, floors)],
        "black": [ranking_row(page, e, firm_ids) for e in black_list(latest)],
    }


def share_text(share) -> str:
    """63.64%（7/11）; "—" for a street without any committee (0 of 0 is no ratio)."""
    return f"{percent(share.ratio)}（{share.numerator}/{share.denominator}）" if share.denominator else "—"


def party_row(scope: str, communities: list[CommunityData], as_of: date) -> dict:
    """党建: the committees' party members among their current members, and the committees
    with a cross-appointed member, each as numerator/denominator (analysis/party.py)."""
    members, committees = committee_party_members(communities, as_of)
    return {"scope": scope, "committees": committees, "party_members": share_text(members),
            "cross": share_text(cross_appointment_share(communities, as_of))}


def party_view(communities: list[CommunityData], summaries: dict[str, CommunitySummary], as_of: date) -> list[dict]:
    """The district's row first, then one per street (with several streets)."""
    streets: dict[str, list[CommunityData]] = {}
    for c in communities:
        streets.setdefault(summaries[c.slug].street, []).append(c)
    rows = [party_row("全区", communities, as_of)]
    if len(streets) > 1:
        rows += [party_row(street_name(street), members, as_of) for street, members in sorted(streets.items())]
    return rows


def warning_entry(page: str, r: FirmRecord) -> dict:
    """One firm on the 警示名单, linked to its page, with why it is listed; each community named
    there links to its home page and to the page that put the firm on the list (the failing
    evaluation, or the inspections with overdue items)."""
    overdue = overdue_reason(r)
    return {
        "name": r.name, "href": links.href_from(page, links.firm_page(r.id)), "served": len(r.served),
        "failing": [{"community": s.name, "href": community_url(page, s.slug), "reason": failing_reason(s),
                     "reason_href": evaluation_url(page, s.slug, s.evaluation.period)} for s in r.failing],
        "overdue": overdue,
        "overdue_in": [{"community": s.name, "href": community_url(page, s.slug),
                        "reason": f"逾期 {s.rectifications.overdue} 项",
                        "reason_href": community_url(page, s.slug, links.INSPECTIONS)}
                       for s in r.served if overdue and s.rectifications.overdue],
    }


def warning_view(page: str, records: list[FirmRecord]) -> list[dict]:
    """警示名单: the firms of analysis/firms.py's warning list, in its order."""
    return [warning_entry(page, r) for r in records]


def index_view(title: str, communities: list[CommunityData], summaries: dict[str, CommunitySummary],
               floors: dict, as_of: date, within_days: int, *, firm_ids: dict[str, str] | None = None,
               warnings: list[FirmRecord] | None = None, warning_threshold: int = 3,
               firm_files: list[dict] | None = None) -> dict:
    """firm_ids: firm name → id, for links from the red and black lists to the firms' pages;
    warnings: the firms on the 警示名单 (analysis/firms.py); firm_files: the register's
    download rows (render/downloads.write_datasets), linked under the 警示名单."""
    streets = by_street(list(summaries.values()))
    several = len(streets) > 1
    tables = len(communities) <= ROOT_TABLE_LIMIT or not several
    return {
        "title": title,
        "as_of": cn_date(as_of),
        "count": len(communities),
        "street_count": len(streets),
        "rates": [rate_view(r) for r in coverage_rates(communities)],
        "street_rates": street_rates_view(communities, summaries) if several else [],
        "party": party_view(communities, summaries, as_of),
        **_rankings(HOME, communities, floors, firm_ids),
        "warnings": warning_view(HOME, warnings or []),
        "warning_threshold": warning_threshold,
        "firm_files": firm_files or [],
        # One table, by street and then by community (the street office's view).
        "rows": [community_row(HOME, s) for _, members in streets for s in members] if tables else [],
        "statements": statements_view(HOME, [s for _, members in streets for s in members], within_days,
                                      listed=tables),
        "show_streets": several,
    }


def street_view(street: str, district_title: str, communities: list[CommunityData],
                summaries: dict[str, CommunitySummary], floors: dict, as_of: date, within_days: int, *,
                firm_ids: dict[str, str] | None = None) -> dict:
    """One street's page: its 三率, its red and black list entries and its community table."""
    page = street_page(street)
    members = sorted((summaries[c.slug] for c in communities), key=lambda s: s.slug)
    return {
        "title": street_name(street),
        "district": district_title,
        "home_href": links.href_from(page, HOME),
        "as_of": cn_date(as_of),
        "count": len(communities),
        "rates": [rate_view(r) for r in coverage_rates(communities)],
        "party": [party_row(street_name(street), communities, as_of)],
        **_rankings(page, communities, floors, firm_ids),
        "rows": [community_row(page, s) for s in members],
        "statements": statements_view(page, members, within_days),
        "show_streets": False,
    }


def notice_line_view(page: str, s: CommunitySummary, line: NoticeLine) -> dict:
    status = line.status
    return {"title": line.title, "href": community_url(page, s.slug, links.notice_page(line.id)),
            "published": cn_date(line.published), "state": status.state,
            "status": f"{status.label}，{status.days_left_text}" if status.days_left_text else status.label}


def card_view(s: CommunitySummary) -> dict:
    page = card_page(s.slug)
    return {
        "name": s.name,
        "place": "｜".join(p for p in (s.street, s.neighbourhood, s.address) if p),
        "href": community_url(page, s.slug),
        "notices": [notice_line_view(page, s, line) for line in s.recent_notices],
        "notices_href": community_url(page, s.slug, links.NOTICES),
        "recent_days": RECENT_NOTICE_DAYS,
    }
