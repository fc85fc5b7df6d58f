"""ref.missing: every id a record names must exist in the same community."""

from __future__ import annotations

from ..model.labels import ACCOUNTS
from ..model.portal import CommunityData, entry_index
from ..model.refs import REF_KINDS, REF_RE
from ..problems import Problem, error


def resolve(community: CommunityData, ref: str, entries: dict) -> bool | None:
    """True if `ref` names an existing record, False if not, None if malformed."""
    match = REF_RE.fullmatch(ref)
    if not match:
        return None
    if ref == "committee":
        return community.committee is not None or ("committee", "committee") in community.invalid
    kind, ident = match.group(1), match.group(2)
    if kind == "entry":
        # An entry may sit in a ledger file that failed validation: that file's own
        # problems explain it, so the reference is not reported as missing too.
        return ident in entries or any(k in ACCOUNTS for k, _ in community.invalid)
    collection = {
        "vote": community.votes, "inspection": community.inspections, "evaluation": community.evaluations,
        "maintenance-fund": community.fund, "public-revenue": community.revenue, "notice": community.notices,
        "document": community.documents, "meeting": community.meetings,
    }[kind]
    return ident in collection or (kind, ident) in community.invalid


def _missing(loc, what: str, ident: str, hint: str = "") -> Problem:
    return error(loc, "ref.missing", f"引用的{what}“{ident}”不存在{hint}。")


def _vote_missing(community: CommunityData, loc, ident: str) -> Problem | None:
    if ident in community.votes or ("vote", ident) in community.invalid:
        return None
    return _missing(loc, "表决", ident, f"：应有文件 votes/{ident}.yml")


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        entries = entry_index(community)
        for document in community.documents.values():
            if document.model.vote:
                problems.append(_vote_missing(community, document.doc.at("vote"), document.model.vote))
        for meeting in community.meetings.values():
            for i, decision in enumerate(meeting.model.decisions):
                if decision.vote:
                    problems.append(_vote_missing(community, meeting.doc.at("decisions", i, "vote"), decision.vote))
        for vote in community.votes.values():
            ref = vote.model.notice
            if ref and ref not in community.notices and ("notice", ref) not in community.invalid:
                problems.append(_missing(vote.doc.at("notice"), "公示", ref, f"：应有文件 notices/{ref}.yml"))
        for period, ledger in list(community.fund.items()) + list(community.revenue.items()):
            for i, entry in enumerate(ledger.model.entries):
                if entry.vote and entry.vote not in community.votes and ("vote", entry.vote) not in community.invalid:
                    problems.append(_missing(ledger.doc.at("entries", i, "vote"), "表决", entry.vote,
                                             f"：应有文件 votes/{entry.vote}.yml"))
        for notice in community.notices.values():
            refs = [(("related", i), r) for i, r in enumerate(notice.model.related)]
            if notice.model.corrects:
                refs.append((("corrects",), notice.model.corrects))
            for path, ref in refs:
                found = resolve(community, ref, entries)
                if found is None:
                    problems.append(error(
                        notice.doc.at(*path), "ref.missing",
                        f"“{ref}”不是有效的引用：应写成 vote/<编号>、inspection/<编号>、evaluation/<期间>、"
                        "maintenance-fund/<期间>、public-revenue/<期间>、entry/<明细编号>、notice/<编号>、"
                        "document/<编号>、meeting/<编号> 或 committee。",
                    ))
                elif not found:
                    kind = ref.split("/", 1)[0]
                    problems.append(_missing(notice.doc.at(*path), REF_KINDS[kind], ref))
    return [p for p in problems if p is not None]
