"""会议与决定: meetings newest first, each with its attendance, its decisions (the committee's
votes for each, the owners' vote it leads to) and when the decisions were posted."""

from __future__ import annotations

from ...analysis.meetings import COMMITTEE_MEETING, decision_passed, has_quorum, latest_meeting, publication
from ...analysis.votes import compute_outcome
from ...formatting import cn_date
from ...model import labels
from .. import links
from .context import Context, corrections_on, meeting_title, notices_relating, titled_link


def _publication(ctx: Context, m) -> dict:
    limit = ctx.portal.rules.meeting_publish_days
    state = publication(m, ctx.as_of, limit)
    late = state.late
    if state.days is None:
        text = "尚未公布" + (f"（应在会后 {limit} 日内公布）" if late else "")
    else:
        text = f"{cn_date(m.published)}公布" + (f"（会后第 {state.days} 天，应在 {limit} 日内）" if late else "")
    return {"published": text, "late": late}


def approval_text(m, decision) -> str:
    """A committee decision's votes of all members in office: "5/7 同意，通过"; "" for a
    decision that is not counted (another kind of meeting)."""
    passed = decision_passed(m, decision)
    if passed is None:
        return ""
    return f"{decision.approve}/{m.members.total} 同意，{'通过' if passed else '未通过'}"


def _decision(ctx: Context, m, decision, page: str) -> dict:
    passed = decision_passed(m, decision)
    vote = ctx.community.votes.get(decision.vote) if decision.vote else None
    outcome = compute_outcome(vote.model, ctx.profile) if vote else None
    return {
        "text": decision.text,
        "approval": approval_text(m, decision),
        "failed": passed is False,
        "vote": None if vote is None else {
            **titled_link(vote.model.title, page, links.vote_page(decision.vote)),
            "result": labels.DECLARED_RESULT[outcome.result] if outcome else "尚未计票"},
    }


def meeting_view(ctx: Context, ident: str, page: str = links.MEETINGS) -> dict:
    m = ctx.community.meetings[ident].model
    attendance = ""
    if m.members is not None:
        attendance = f"出席 {m.members.present} 人，在任委员 {m.members.total} 人"
    return {
        "anchor": links.meeting_anchor(ident),
        "title": meeting_title(m),
        "date": cn_date(m.date),
        "kind": labels.MEETING_KIND[m.kind],
        "attendance": attendance,
        "quorum_failed": not has_quorum(m),
        "invited": "、".join(m.invited),
        "decisions": [_decision(ctx, m, d, page) for d in m.decisions],
        **_publication(ctx, m),
        "notices": notices_relating(ctx, page, {f"meeting/{ident}"}),
        "corrected_by": corrections_on(ctx, page, {f"meeting/{ident}"}),
    }


def meetings_view(ctx: Context) -> dict:
    """Newest first."""
    meetings = ctx.community.meetings
    order = sorted(meetings, key=lambda i: (meetings[i].model.date, i), reverse=True)
    return {"meetings": [meeting_view(ctx, ident) for ident in order],
            "publish_days": ctx.portal.rules.meeting_publish_days}


def last_meeting(ctx: Context, from_page: str) -> dict | None:
    """The most recent committee meeting, for the committee page (any meeting if none)."""
    committee_meetings = {i: m for i, m in ctx.community.meetings.items() if m.model.kind == COMMITTEE_MEETING}
    m = latest_meeting(committee_meetings) or latest_meeting(ctx.community.meetings)
    if m is None:
        return None
    ident = next(i for i, loaded in ctx.community.meetings.items() if loaded.model is m)
    return {"title": meeting_title(m), "date": cn_date(m.date),
            "href": links.href_from(from_page, links.MEETINGS, links.meeting_anchor(ident))}
