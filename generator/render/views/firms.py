"""A property service company's page (the district's, or a lone community site's): the
communities it serves, its latest evaluation in each, its open and overdue rectifications,
the party organisation of each project, and why it is on the warning list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ...analysis.firms import FirmRecord, firm_record
from ...analysis.periods import period_label
from ...formatting import cn_date, percent_beside_grade
from ...model.portal import Portal
from .. import links
from ..downloads import FIRMS_STEM
from ..phones import phone_markup

# (community slug, page of that community's site) → link from the firm's page
CommunityLink = Callable[[str, str], str]


def failing_reason(served) -> str:
    """A failing evaluation as a reason for the 警示名单 (after the community's name)."""
    return (f"最近一次履约考评不合格（{period_label(served.evaluation.period)}，"
            f"{percent_beside_grade(served.evaluation.score_percent / 100)}）")


def overdue_reason(record: FirmRecord) -> str | None:
    """The overdue rectifications as a reason for the 警示名单, when they reach the threshold."""
    if record.overdue < record.warning_threshold:
        return None
    return f"所服务小区逾期未整改 {record.overdue} 项（达到 {record.warning_threshold} 项即列入）"


def warning_reasons(record: FirmRecord) -> list[str]:
    """Why the firm is on the 警示名单, one sentence per reason (empty when it is not)."""
    overdue = overdue_reason(record)
    return [f"{s.name}{failing_reason(s)}" for s in record.failing] + ([overdue] if overdue else [])


def evaluation_text(served) -> str:
    e = served.evaluation
    return f"{e.grade}（{period_label(e.period)}，{percent_beside_grade(e.score_percent / 100)}）" if e else "—"


def firm_view(portal: Portal, firm_id: str, as_of: date, community_link: CommunityLink) -> dict:
    firm = portal.firms[firm_id].model
    record = firm_record(portal, firm_id, as_of)
    return {
        "name": firm.name,
        "credit_code": firm.credit_code,
        "complaint_phone": phone_markup(firm.complaint_phone),
        "warned": record.warned,
        "reasons": warning_reasons(record),
        "served": [{
            "name": s.name, "street": s.street, "href": community_link(s.slug, links.PROPERTY),
            "evaluation": evaluation_text(s), "failing": s.evaluation is not None and s.evaluation.failing,
            "evaluation_href": community_link(s.slug, links.EVALUATIONS) if s.evaluation else None,
            "open": s.rectifications.open, "overdue": s.rectifications.overdue,
            "overdue_alert": s.rectifications.overdue > 0,
            "inspections_href": community_link(s.slug, links.INSPECTIONS),
            "overdue_items": [{"check": item.check, "finding": item.finding or "", "rectify_by": cn_date(item.rectify_by),
                               "href": community_link(s.slug, links.INSPECTIONS) + f"#{iid}"}
                              for iid, item in s.rectifications.overdue_items],
            "party": s.project_party_organisation or "未建立",
        } for s in record.served],
        "served_count": len(record.served),
        "open": record.open,
        "overdue": record.overdue,
        "overdue_alert": record.overdue >= record.warning_threshold,
        # firms.csv/.json of all firms, at the root of the same site (render/downloads.firms_dataset)
        "downloads_csv": links.href_from(links.firm_page(firm_id), f"{links.DOWNLOADS_FOLDER}/{FIRMS_STEM}.csv"),
        "downloads_json": links.href_from(links.firm_page(firm_id), f"{links.DOWNLOADS_FOLDER}/{FIRMS_STEM}.json"),
        "downloads_csv_name": f"{FIRMS_STEM}.csv", "downloads_json_name": f"{FIRMS_STEM}.json",
    }
