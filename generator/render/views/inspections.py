"""监督检查: each inspection with its items' rectification status; the overdue ones."""

from __future__ import annotations

from ...analysis.status import ITEM_STATUS_LABEL, OVERDUE, item_status
from ...formatting import cn_date
from ...model import labels
from .. import links
from .context import Context, corrections_on


def _item_row(item, as_of) -> dict:
    status = item_status(item, as_of)
    return {
        "check": item.check, "result": labels.ITEM_RESULT[item.result],
        "finding": item.finding or "", "rectify_by": cn_date(item.rectify_by) if item.rectify_by else "",
        "status": ITEM_STATUS_LABEL[status] if status else "", "overdue": status == OVERDUE,
        "rectified_on": cn_date(item.rectified_on) if item.rectified_on else "",
    }


def inspections_view(ctx: Context) -> list[dict]:
    """Newest first."""
    inspections = ctx.community.inspections
    out = []
    for iid in sorted(inspections, key=lambda k: (inspections[k].model.date, k), reverse=True):
        i = inspections[iid].model
        out.append({"id": iid, "date": cn_date(i.date), "authority": i.authority,
                    "source": labels.INSPECTION_SOURCE[i.source], "kind": labels.INSPECTION_KIND[i.kind],
                    "conclusion": i.conclusion or "", "items": [_item_row(item, ctx.as_of) for item in i.items],
                    "corrected_by": corrections_on(ctx, links.INSPECTIONS, {f"inspection/{iid}"})})
    return out


def overdue_items(ctx: Context, from_page: str) -> list[dict]:
    """Failed items past their rectification deadline, for the home page's reminders."""
    rows = []
    for iid, loaded in sorted(ctx.community.inspections.items()):
        for item in loaded.model.items:
            if item_status(item, ctx.as_of) == OVERDUE:
                rows.append({"check": item.check, "finding": item.finding or "",
                             "rectify_by": cn_date(item.rectify_by),
                             "days": (ctx.as_of - item.rectify_by).days,
                             "href": links.href_from(from_page, links.INSPECTIONS, iid)})
    return rows
