"""What every community page's view needs: the context, references between records, and
the correction notices that name a record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from ...analysis.periods import period_label
from ...formatting import cn_date, money_yuan
from ...model.labels import ACCOUNT_TITLE, ACCOUNTS, MEETING_KIND
from ...model.portal import CommunityData, Portal, entry_index
from .. import links


@dataclass
class Context:
    """What every community page needs to know."""

    portal: Portal
    community: CommunityData
    as_of: date
    base_url: str
    with_pdf: bool
    entries: dict = field(default_factory=dict)
    # One community of a district: the firms' pages are the district's (its root is the
    # parent of this site's), not this site's own.
    in_district: bool = False

    @property
    def profile(self):
        return self.community.profile.model if self.community.profile else None


def make_context(portal: Portal, community: CommunityData, as_of: date, base_url: str, with_pdf: bool,
                 in_district: bool = False) -> Context:
    return Context(portal, community, as_of, base_url, with_pdf, entry_index(community), in_district)


def fingerprint(doc) -> str:
    """First 8 hex digits of the SHA-256 of the record's file: matches paper and web."""
    return hashlib.sha256(doc.path.read_bytes()).hexdigest()[:8]


def community_name(ctx: Context) -> str:
    return ctx.profile.name if ctx.profile else ctx.community.slug


def firm_href(ctx: Context, from_page: str, firm_id: str) -> str:
    """The link from a page of this community to a firm's page: on this site, or, in a
    district, on the overview's site one level up (a URL path, as links between the
    district's separate MkDocs sites are)."""
    if not ctx.in_district:
        return links.href_from(from_page, links.firm_page(firm_id))
    depth = links.page_url(from_page).count("/") + 1
    return "../" * depth + links.page_url(links.firm_page(firm_id))


def organisation_text(organisation) -> str:
    """A party organisation as pages name it: 某某党支部（2024年3月1日成立）."""
    if organisation.established is None:
        return organisation.name
    return f"{organisation.name}（{cn_date(organisation.established)}成立）"


def meeting_title(meeting) -> str:
    """A meeting as pages name it: its title, else its date and kind."""
    return meeting.title or f"{cn_date(meeting.date)}{MEETING_KIND[meeting.kind]}"


# ------------------------------------------------------------------ references

def ref_label(ctx: Context, ref: str) -> str:
    c = ctx.community
    kind, _, ident = ref.partition("/")
    if ref == "committee":
        return "业主委员会名单"
    if kind == "vote" and ident in c.votes:
        return f"表决：{c.votes[ident].model.title}"
    if kind == "notice" and ident in c.notices:
        return f"公示：{c.notices[ident].model.title}"
    if kind == "document" and ident in c.documents:
        return f"制度文件：{c.documents[ident].model.title}"
    if kind == "meeting" and ident in c.meetings:
        return f"会议：{meeting_title(c.meetings[ident].model)}"
    if kind in ACCOUNTS:
        return f"{ACCOUNT_TITLE[kind]} {period_label(ident)}账目"
    if kind == "inspection" and ident in c.inspections:
        i = c.inspections[ident].model
        return f"监督检查：{cn_date(i.date)} {i.authority}"
    if kind == "evaluation":
        return f"履约考评：{period_label(ident)}"
    if kind == "entry" and ident in ctx.entries:
        account, period, index = ctx.entries[ident]
        entry = c.ledgers(account)[period].model.entries[index]
        return f"账目明细 {ident}：{entry.summary}（{money_yuan(entry.amount)}）"
    return ref


def ref_link(ctx: Context, from_page: str, ref: str) -> dict:
    target = links.ref_target(ref, ctx.entries)
    return {
        "label": ref_label(ctx, ref),
        "href": links.href_from(from_page, target[0], target[1]) if target else None,
    }


def titled_link(title: str, from_page: str, to_page: str) -> dict:
    """A record's title and the link to its page, as lists of records show them."""
    return {"title": title, "href": links.href_from(from_page, to_page)}


def notices_relating(ctx: Context, page: str, refs: set[str]) -> list[dict]:
    """The notices that publish one of `refs` (name it among their related records)."""
    return [titled_link(n.model.title, page, links.notice_page(nid))
            for nid, n in sorted(ctx.community.notices.items()) if refs & set(n.model.related)]


# ------------------------------------------------------------------ corrections

def with_entries(ctx: Context, refs: set[str]) -> set[str]:
    """refs plus entry/<id> of every entry in the ledgers refs names: a correction of one
    entry also corrects the period's ledger and whatever published it."""
    covered = set(refs)
    for ref in refs:
        account, _, period = ref.partition("/")
        if account in ACCOUNTS and period in ctx.community.ledgers(account):
            covered |= {f"entry/{e.id}" for e in ctx.community.ledgers(account)[period].model.entries}
    return covered


def corrections_on(ctx: Context, page: str, refs: set[str], notice_id: str | None = None) -> list[dict]:
    """Correction notices whose `corrects` names one of `refs` (or, for the notice
    `notice_id`, that name it among their related records), each linked from `page`: the
    trail a corrected record carries (issue #3)."""
    found = []
    for nid, n in sorted(ctx.community.notices.items()):
        if n.model.kind != "correction" or nid == notice_id:
            continue
        if n.model.corrects in refs or (notice_id and f"notice/{notice_id}" in n.model.related):
            found.append({**titled_link(n.model.title, page, links.notice_page(nid)),
                          "changes": n.model.changes or "", "published": cn_date(n.model.published)})
    return found
