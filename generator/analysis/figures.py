"""Figures typed in text, and the figures of the records a notice discloses.

A notice body is free text, but a money figure typed in it must be one of the figures
of the records the notice relates (data-format-2.md §2): a typo on the notice board
otherwise goes unnoticed. `typed_figures` finds what looks like money in text;
`CommunityFigures` lists every figure the related records give (declared and computed),
each with the name an editor would look for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..formatting import money
from ..model import labels
from ..model.portal import CommunityData, entry_index
from .ledgers import income_by_source, statement_of
from .periods import period_label
from .votes import electorate_of, tallies

# What looks like money: 12500.00, 12,500.00 (or 12,500), 1.25万 / 3万元, 300元. A number
# inside a longer run of digits, letters or dots (dates, vouchers, versions) is not one,
# and neither is a percentage or an area (82.45%, 9000.00 平方米).
_FIGURE_RE = re.compile(
    r"(?<![0-9A-Za-z.,])(?:"
    r"(?P<wan>\d+(?:\.\d+)?)\s?万"
    r"|(?P<grouped>\d{1,3}(?:,\d+)+(?:\.\d{1,2})?)"
    r"|(?P<decimal>\d+\.\d{2})"
    r"|(?P<yuan>\d+(?:\.\d)?)(?=\s?元)"
    r")(?![0-9.,]\d|\d|\s?(?:[%％]|平方米|平米|㎡|m²|m2))",
    re.ASCII,
)
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", re.ASCII)
TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class TypedFigure:
    start: int
    end: int
    text: str
    value: Decimal
    # 1.25万: the figure as written in 万 and its decimals; a record figure matches when it
    # rounds to it (22.8万 for 228,050.08), since nobody writes 万 to the cent.
    wan: Decimal | None = None
    # 8,0000.00: commas off the thousands. Whatever its digits, a reader cannot tell which
    # figure is meant, so it never counts as matching one.
    misgrouped: bool = False

    def matches(self, figure: Decimal) -> bool:
        if self.misgrouped:
            return False
        if self.wan is None:
            return figure == self.value
        places = Decimal(1).scaleb(self.wan.as_tuple().exponent)
        return (figure / TEN_THOUSAND).quantize(places, rounding=ROUND_HALF_UP) == self.wan


def typed_figures(text: str) -> list[TypedFigure]:
    found = []
    for m in _FIGURE_RE.finditer(text or ""):
        if m.group("wan") is not None:
            wan = Decimal(m.group("wan"))
            found.append(TypedFigure(m.start(), m.end(), m.group(0), wan * TEN_THOUSAND, wan))
        else:
            raw = m.group("grouped") or m.group("decimal") or m.group("yuan")
            misgrouped = bool(m.group("grouped")) and not _THOUSANDS_RE.fullmatch(raw)
            found.append(TypedFigure(m.start(), m.end(), m.group(0), Decimal(raw.replace(",", "")), None, misgrouped))
    return found


@dataclass(frozen=True)
class Figure:
    value: Decimal
    label: str      # where it comes from, as an editor names it: 专项维修资金2025年下半年期末余额
    money: bool = True   # False for an area: a table may quote it, but it is no money to suggest

    def shown(self) -> str:
        return f"{self.label} {money(self.value)}"


class FigureSet:
    """The figures of some records: does a typed figure match one, and which is nearest."""

    def __init__(self, figures: list[Figure]):
        self.figures = sorted(figures, key=lambda f: f.value)
        self._values = [f.value for f in self.figures]
        self._exact = set(self._values)
        self._pool = [f for f in self.figures if f.money] or self.figures
        self._pool_values = [f.value for f in self._pool]

    def __bool__(self) -> bool:
        return bool(self.figures)

    def matches(self, typed: TypedFigure) -> bool:
        if typed.misgrouped:
            return False
        if typed.wan is None:
            return typed.value in self._exact
        # Only figures within half a unit of the last written place can round to it.
        half = Decimal(1).scaleb(typed.wan.as_tuple().exponent) * TEN_THOUSAND / 2
        lo, hi = bisect_left(self._values, typed.value - half), bisect_right(self._values, typed.value + half)
        return any(typed.matches(f) for f in self._values[lo:hi])

    def nearest(self, typed: TypedFigure) -> Figure | None:
        """The money figure closest to the typed one (an area only if there is no money)."""
        if not self._pool:
            return None
        i = bisect_left(self._pool_values, typed.value)
        best = min(self._pool[max(0, i - 1):i + 1], key=lambda f: abs(f.value - typed.value))
        # Of equal figures, the first listed: a statement's line before a running balance.
        return self._pool[bisect_left(self._pool_values, best.value)]


# ---------------------------------------------------------------- the records' figures

def ledger_figures(account: str, period: str, ledger) -> list[Figure]:
    """A period's statement (declared and computed), its totals by type and source, each
    entry's amount and the balance after it."""
    name = f"{labels.ACCOUNT_TITLE[account]}{period_label(period)}"
    st = statement_of(account, ledger)
    out = [Figure(st.opening, f"{name}期初余额"), Figure(st.declared_closing, f"{name}期末余额"),
           Figure(st.total_inflow, f"{name}收入合计"), Figure(st.total_outflow, f"{name}支出合计")]
    if not st.reconciles:
        out.append(Figure(st.computed_closing, f"{name}按明细算出的期末余额"))
    type_labels = labels.ENTRY_TYPE[account]
    for kind, amount in {**st.inflows_by_type, **st.outflows_by_type}.items():
        out.append(Figure(amount, f"{name}{type_labels[kind]}合计"))
    if account == "public-revenue":
        for source, amount in income_by_source(ledger.entries).items():
            out.append(Figure(amount, f"{name}{labels.REVENUE_SOURCE[source]}收入"))
    for row in st.running:
        entry = ledger.entries[row.index]
        out.append(entry_figure(entry))
        out.append(Figure(row.balance, f"明细 {entry.id} 之后的余额"))
    return out


def entry_figure(entry) -> Figure:
    return Figure(entry.amount, f"明细 {entry.id}（{entry.summary}）的金额")


def spending_under(community: CommunityData, vote_id: str, until: date | None = None) -> Decimal | None:
    """The expenses that cite the vote, in both accounts, dated up to `until` if given
    (None: there are none)."""
    amounts = [e.amount for account in labels.ACCOUNTS for ledger in community.ledgers(account).values()
               for e in ledger.model.entries
               if e.type == "expense" and e.vote == vote_id and (until is None or e.date <= until)]
    return sum(amounts, Decimal(0)) if amounts else None


def vote_figures(community: CommunityData, vote_id: str, until: date | None = None) -> list[Figure]:
    """The vote's budget, electorate and tallies, and what was spent under it (up to `until`:
    a notice quotes the total as it stood when it was published)."""
    vote = community.votes[vote_id].model
    name = f"表决“{vote.title}”"
    out = []
    if vote.budget is not None:
        out.append(Figure(vote.budget, f"{name}的预算上限"))
    electorate = electorate_of(vote, community.profile.model if community.profile else None)
    if electorate is not None:
        out.append(Figure(electorate.area_m2, f"{name}表决范围的专有部分面积", money=False))
    for label, tally in tallies(vote):
        out.append(Figure(tally.area_m2, f"{name}{label}的专有部分面积", money=False))
    spent = spending_under(community, vote_id, until)
    if spent is not None:
        out.append(Figure(spent, f"依据{name}的支出合计"))
        if vote.budget is not None:
            out.append(Figure(vote.budget - spent, f"{name}的预算余额"))
    return out


def evaluation_figures(period: str, evaluation) -> list[Figure]:
    name = f"{period_label(period)}履约考评"
    out = [Figure(c.score, f"{name}“{c.name}”得分") for c in evaluation.categories]
    out += [Figure(c.max, f"{name}“{c.name}”满分") for c in evaluation.categories]
    return out


def disclosed_refs(notice) -> list[str]:
    """The records a notice discloses: its related records and the one it corrects."""
    return [*notice.related, *([notice.corrects] if notice.corrects else [])]


class CommunityFigures:
    """The figures of one community's records. What every notice needs (where each entry
    is, the corrections) is found once, so checking many notices stays linear."""

    def __init__(self, community: CommunityData):
        self.community = community
        self.places = entry_index(community)
        self.corrections = [(nid, loaded.model) for nid, loaded in sorted(community.notices.items())
                            if loaded.model.kind == "correction"]

    def of_ref(self, ref: str, *, follow_notices: bool = True, until: date | None = None) -> list[Figure]:
        """The figures of one referenced record (nothing for a record without figures or one
        that does not exist: ref.missing reports that). A notice's figures are those of the
        records it relates itself, one level deep. `until`: the date running totals
        (spending under a vote) are taken at."""
        community = self.community
        kind, _, ident = ref.strip().partition("/")
        if kind in labels.ACCOUNTS and ident in community.ledgers(kind):
            return ledger_figures(kind, ident, community.ledgers(kind)[ident].model)
        if kind == "entry":
            place = self.places.get(ident)
            if place is None:
                return []
            account, period, index = place
            return [entry_figure(community.ledgers(account)[period].model.entries[index])]
        if kind == "vote" and ident in community.votes:
            return vote_figures(community, ident, until)
        if kind == "evaluation" and ident in community.evaluations:
            return evaluation_figures(ident, community.evaluations[ident].model)
        if kind == "notice" and follow_notices and ident in community.notices:
            return [f for r in disclosed_refs(community.notices[ident].model)
                    for f in self.of_ref(r, follow_notices=False, until=until)]
        return []

    def of_notice(self, notice) -> FigureSet:
        """Every figure a notice's body may quote. A correction may also quote the figures its
        own `changes` states (the old values among them; `check --base` holds those to the
        base revision: correction.changes_mismatch)."""
        figures = [f for ref in disclosed_refs(notice) for f in self.of_ref(ref, until=notice.published)]
        if notice.kind == "correction" and notice.changes:
            figures += [Figure(t.value, "更正内容（changes）中的数字") for t in typed_figures(notice.changes)]
        return FigureSet(figures)

    def unresolved(self, notice) -> bool:
        """A record the notice discloses does not exist or is in a file that failed validation
        (ref.missing or the file's own problems say so): its figures are unknown, so the
        body is not compared until that is fixed."""
        community = self.community
        present = {"vote": community.votes, "notice": community.notices, "inspection": community.inspections,
                   "evaluation": community.evaluations}
        for ref in disclosed_refs(notice):
            kind, _, ident = ref.strip().partition("/")
            if kind in labels.ACCOUNTS:
                found = ident in community.ledgers(kind)
            elif kind == "entry":
                found = ident in self.places
            elif kind == "committee":
                found = community.committee is not None
            else:
                found = ident in present.get(kind, {})
            if not found:
                return True
        return False

    def superseded(self, notice_id: str, notice) -> bool:
        """A later correction corrects what the notice disclosed (or names the notice): its
        body is the history the correction explains, and may keep quoting the figures it
        published."""
        later = [(nid, c) for nid, c in self.corrections if nid != notice_id and c.published >= notice.published]
        if not later:
            return False
        refs = {ref.strip() for ref in disclosed_refs(notice)} | {f"notice/{notice_id}"}
        for ref in list(refs):
            kind, _, ident = ref.partition("/")
            if kind in labels.ACCOUNTS and ident in self.community.ledgers(kind):
                refs |= {f"entry/{e.id}" for e in self.community.ledgers(kind)[ident].model.entries}
            elif kind == "entry" and ident in self.places:
                refs.add(f"{self.places[ident][0]}/{self.places[ident][1]}")
        return any((c.corrects and c.corrects.strip() in refs) or f"notice/{notice_id}" in c.related
                   for _, c in later)


def ref_figures(community: CommunityData, ref: str) -> list[Figure]:
    """The figures of one referenced record of `community` (CommunityFigures.of_ref)."""
    return CommunityFigures(community).of_ref(ref)


def describe_typed(typed: TypedFigure) -> str:
    """“12,500.00”, or “1.25万”（12,500.00）for a figure written in 万."""
    shown = f"“{typed.text.strip()}”"
    if typed.misgrouped:
        return f"{shown}（逗号不在千位上，看不出是多少）"
    return shown if typed.wan is None else f"{shown}（{money(typed.value)}）"

