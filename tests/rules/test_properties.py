"""Properties of the arithmetic the whole portal rests on.

Ledgers: a ledger whose declared closing is the true sum reconciles; one cent off is
exactly one ledger.unbalanced naming the difference 0.01.
Votes: compute_outcome agrees with an independent integer cross-multiplication of
民法典第278条 (areas in hundredths of a m², so every comparison is over integers).
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.analysis.votes import compute_outcome
from generator.load.yamlread import parse_text
from generator.model.records import Community, Vote
from generator.validate import validate_document
from tests.rules.helpers import (
    AS_OF, BASE, COMMUNITY_PATH, FUND_PATH, REVENUE, REVENUE_PATH, SITE_PATH, brief, run, vote_notices,
)

# Only what the properties need: each example writes a small portal of its own.
SMALL = {path: BASE[path] for path in (SITE_PATH, COMMUNITY_PATH)}
V_NOTICES = vote_notices("v", date(2025, 5, 1), date(2025, 5, 15))

SUPERMAJORITY = {"raise_fund", "rebuild", "change_use"}
MATTERS = ["rules", "covenant", "election", "hire_manager", "use_fund", "raise_fund", "rebuild", "change_use",
           "facilities", "other"]

# ---------------------------------------------------------------- ledgers

cents = st.integers(min_value=1, max_value=10**11)      # 0.01 … 1,000,000,000.00
entry = st.tuples(st.sampled_from(["deposit", "interest", "refund"]), cents, st.integers(0, 364))


def yuan(amount_cents: int) -> str:
    return f"{amount_cents // 100}.{amount_cents % 100:02d}"


def fund_ledger(opening: int, entries, closing: int) -> str:
    lines = [f"period: 2025", f"opening_balance: {yuan(opening)}", "entries:"]
    for i, (kind, amount, day) in enumerate(entries):
        when = date(2025, 1, 1) + timedelta(days=day)
        why = ", reason: 房屋灭失, approved_by: 维修资金管理中心" if kind == "refund" else ""   # ledger.outflow_unauthorized
        lines.append(f"  - {{id: mf-{i:03d}, date: {when}, type: {kind}, amount: {yuan(amount)}, summary: 明细{i}{why}}}")
    if not entries:
        lines[-1] = "entries: []"
    lines.append(f"closing_balance: {yuan(closing)}")
    return "\n".join(lines) + "\n"


# The revenue ledger keeps its transfer_out; with no fund transfer_in it would be
# unmatched, so these ledgers sit beside a revenue ledger without the transfer.
REVENUE_ALONE = REVENUE.replace("    type: transfer_out\n    to: maintenance-fund\n",
                                "    type: cost\n    authorized_by: 管理规约第十九条\n")
REVENUE_ALONE = REVENUE_ALONE.replace("summary: 转入专项维修资金", "summary: 保洁")


def _true_closing(opening: int, entries) -> int:
    return opening + sum(a if kind != "refund" else -a for kind, a, _ in entries)


def _check_ledger(text: str):
    with tempfile.TemporaryDirectory() as tmp:
        data, problems = run(Path(tmp), {FUND_PATH: text, REVENUE_PATH: REVENUE_ALONE}, base=SMALL)
        return [(p.code, p.location.line, p.message) for p in problems], brief(problems, data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(entry, max_size=25), extra=st.integers(0, 10**9))
def test_ledger_with_its_true_closing_reconciles(entries, extra):
    # Enough opening balance that no refund can overdraw it, whatever the order.
    opening = sum(a for kind, a, _ in entries if kind == "refund") + extra
    text = fund_ledger(opening, entries, _true_closing(opening, entries))
    found, shown = _check_ledger(text)
    assert found == [], shown


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(entry, max_size=25), extra=st.integers(0, 10**9), up=st.booleans())
def test_ledger_one_cent_off_is_exactly_unbalanced(entries, extra, up):
    opening = sum(a for kind, a, _ in entries if kind == "refund") + extra
    true = _true_closing(opening, entries)
    declared = true + 1 if up or true == 0 else true - 1
    text = fund_ledger(opening, entries, declared)
    found, shown = _check_ledger(text)
    assert [(code, line) for code, line, _ in found] == [("ledger.unbalanced", text.count("\n"))], shown
    message = found[0][2]
    assert ("多 0.01" if up or true == 0 else "少 0.01") in message
    assert f"{Decimal(yuan(declared)):,.2f}" in message and f"{Decimal(yuan(true)):,.2f}" in message


# ---------------------------------------------------------------- votes

def _model(kind, text: str):
    doc, problems = parse_text(Path("x.yml"), text)
    assert doc is not None and not problems
    model, problems = validate_document(doc, kind)
    assert model is not None, problems
    return model


COMMUNITY = _model(Community, "name: n\naddress: a\nstreet: s\nowners: 1\nexclusive_area_m2: 1.00\n")


def legal_outcome(matter, electorate, turnout, approve) -> bool:
    """民法典第278条 by integer cross-multiplication: (owners, area in cents) pairs."""
    participates = all(t * 3 >= e * 2 for t, e in zip(turnout, electorate))
    if matter in SUPERMAJORITY:
        approved = all(a * 4 >= t * 3 for a, t in zip(approve, turnout))
    else:
        approved = all(a * 2 > t for a, t in zip(approve, turnout))
    return participates and approved


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


@st.composite
def turnout_of(draw, total: int):
    """0..total, often the least turnout that reaches 2/3 (or one short of it)."""
    low = _ceil_div(2 * total, 3)
    four = _ceil_div(low, 4) * 4          # also divisible by 4, so 3/4 of it is exact
    picks = [low, max(low - 1, 0), total] + ([four, four] if four <= total else [])
    return draw(st.one_of(st.sampled_from(picks), st.integers(low, total), st.integers(0, total)))


@st.composite
def approve_of(draw, turnout: int, num: int, den: int):
    """0..turnout, often at or beside turnout·num/den (where 以上 and 过半数 differ)."""
    bound = turnout * num // den
    picks = [max(0, min(turnout, bound + d)) for d in (-1, 0, 1)]
    return draw(st.one_of(st.sampled_from(picks), st.integers(0, turnout)))


@st.composite
def tallies(draw):
    matter = draw(st.sampled_from(MATTERS + sorted(SUPERMAJORITY)))   # the rarer rule, tried more
    # Electorates that divide by 3 and 4 make the exact bounds reachable.
    owners = draw(st.one_of(st.integers(1, 2000), st.integers(1, 100).map(lambda k: 12 * k)))
    area = draw(st.one_of(st.integers(1, 10**8), st.integers(1, 10**6).map(lambda k: 12 * k)))
    t_owners, t_area = draw(turnout_of(owners)), draw(turnout_of(area))
    num, den = (3, 4) if matter in SUPERMAJORITY else (1, 2)
    a_owners, a_area = draw(approve_of(t_owners, num, den)), draw(approve_of(t_area, num, den))
    return matter, (owners, area), (t_owners, t_area), (a_owners, a_area)


@st.composite
def at_the_bounds(draw):
    """Tallies built on the bounds: turnout·num/den and electorate·2/3 are whole numbers."""
    matter = draw(st.sampled_from(MATTERS))
    num, den = (3, 4) if matter in SUPERMAJORITY else (1, 2)
    step = 2 * den                        # even and divisible by den
    turnout = (step * draw(st.integers(1, 250)), step * draw(st.integers(1, 10**6)))
    approve = tuple(t * num // den + draw(st.sampled_from([-1, 0, 0, 1])) for t in turnout)
    electorate = tuple(t * 3 // 2 + draw(st.sampled_from([0, 0, 1])) for t in turnout)
    return matter, electorate, turnout, approve


# The bounds themselves, always tried: exactly 2/3 turnout, exactly 3/4 and exactly 1/2 approval.
BOUNDS = [
    ("covenant", (300, 2700000), (200, 1800000), (101, 900001)),     # 2/3 turnout: participates
    ("covenant", (300, 2700000), (199, 1800000), (101, 900001)),
    ("change_use", (300, 2700000), (240, 2160000), (180, 1620000)),  # 3/4: passes
    ("raise_fund", (300, 2700000), (240, 2160000), (180, 1619999)),
    ("use_fund", (300, 2700000), (240, 2160000), (120, 1080001)),    # 1/2 by headcount: fails
    ("use_fund", (300, 2700000), (240, 2160000), (121, 1080000)),    # 1/2 by area: fails
]


def vote_text(matter, electorate, turnout, approve) -> str:
    rest = (turnout[0] - approve[0], turnout[1] - approve[1])
    return (f"title: t\nmatter: {matter}\nnotice: v-notice\nvoting: {{start: 2025-05-01, end: 2025-05-15}}\n"
            f"electorate: {{owners: {electorate[0]}, area_m2: {yuan(electorate[1])}}}\n"
            f"turnout: {{owners: {turnout[0]}, area_m2: {yuan(turnout[1])}}}\n"
            f"approve: {{owners: {approve[0]}, area_m2: {yuan(approve[1])}}}\n"
            f"oppose: {{owners: {rest[0]}, area_m2: {yuan(rest[1])}}}\n"
            f"abstain: {{owners: 0, area_m2: 0.00}}\n")


def _with_bounds(test):
    for case in BOUNDS:
        test = example(case)(test)
    return test


@settings(max_examples=200, deadline=None)
@given(st.one_of(tallies(), at_the_bounds()))
@_with_bounds
def test_vote_outcome_matches_article_278(case):
    matter, electorate, turnout, approve = case
    vote = _model(Vote, vote_text(matter, electorate, turnout, approve))
    outcome = compute_outcome(vote, COMMUNITY)   # the vote's own electorate wins
    assert outcome.passed == legal_outcome(matter, electorate, turnout, approve)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(tallies(), at_the_bounds()))
def test_declared_result_equal_to_the_law_is_never_flagged(case):
    matter, electorate, turnout, approve = case
    declared = "passed" if legal_outcome(matter, electorate, turnout, approve) else "failed"
    text = vote_text(matter, electorate, turnout, approve) + f"declared_result: {declared}\n"
    if matter in {"hire_manager", "use_fund", "raise_fund", "rebuild", "change_use", "facilities"}:
        text += "reported: {party_org: 2025-04-01, street: 2025-04-01}\n"
    with tempfile.TemporaryDirectory() as tmp:
        data, problems = run(Path(tmp), {"communities/x/votes/v.yml": text, **V_NOTICES}, as_of=AS_OF, base=SMALL)
        assert brief(problems, data) == []
    # … and the other result always is.
    other = "failed" if declared == "passed" else "passed"
    with tempfile.TemporaryDirectory() as tmp:
        data, problems = run(Path(tmp), {"communities/x/votes/v.yml": text.replace(declared, other), **V_NOTICES},
                             as_of=AS_OF, base=SMALL)
        assert [p.code for p in problems] == ["vote.result_mismatch"], brief(problems, data)
