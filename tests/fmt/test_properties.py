"""Properties of gongshi fmt over ledgers written every way Decap CMS or an editor might:
fmt(fmt(x)) == fmt(x), and the records gongshi reads are the same before and after."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.fmt import canonical_text
from generator.load.yamlread import read_document
from generator.model.records import KINDS
from generator.validate import validate_document

MODEL = KINDS["maintenance-fund"]
cents = st.integers(min_value=1, max_value=10**17 - 1).map(lambda n: Decimal(n).scaleb(-2))


def money_text(draw, amount: Decimal) -> str:
    """The ways an amount reaches a file: 60000.00, 60000, 60000.5, "60000.00", '60000'."""
    forms = [f"{amount:.2f}"]
    if amount == amount.to_integral():
        forms.append(str(int(amount)))
    if (amount * 10) == (amount * 10).to_integral():
        forms.append(f"{amount:.1f}")
    text = draw(st.sampled_from(forms))
    return draw(st.sampled_from([text, f'"{text}"', f"'{text}'"]))


@st.composite
def entries(draw, index: int, figures: list):
    amount = draw(cents)
    figures.append(amount)
    fields = {
        "id": f"mf-2026-{index:03d}",
        "date": f"2026-0{draw(st.integers(1, 6))}-1{draw(st.integers(0, 9))}",
        "type": draw(st.sampled_from(["deposit", "interest", "expense"])),
        "amount": money_text(draw, amount),
        "summary": draw(st.sampled_from(["电梯维修", "利息", "交存：6号楼", "'0101'"])),
    }
    if draw(st.booleans()):
        fields["voucher"] = draw(st.sampled_from(["记-2026-001", "0101", "'0102'"]))
    lines = [f"{key}: {value}" for key, value in draw(st.permutations(list(fields.items())))]
    if draw(st.booleans()):
        buildings = draw(st.lists(st.sampled_from(["1号楼", "2号楼", "3号楼"]), min_size=1, max_size=3, unique=True))
        if draw(st.booleans()):
            lines.append("apportionment: {basis: area, scope: [" + ", ".join(buildings) + "]}")
        else:
            lines += ["apportionment:", "  scope:"] + [f"    - {b}" for b in buildings] + ["  basis: equal"]
    lines = [line + ("   # 注释" if draw(st.booleans()) and not line.endswith(":") else "") for line in lines]
    return ["  - " + lines[0]] + ["    " + line for line in lines[1:]]


@st.composite
def ledgers(draw) -> tuple[str, list[Decimal]]:
    """A ledger's text and its figures (opening, closing, each entry's amount)."""
    figures = [draw(cents), draw(cents)]
    top = ["period: 2026-H1", f"opening_balance: {money_text(draw, figures[0])}",
           f"closing_balance: {money_text(draw, figures[1])}"]
    top = draw(st.permutations(top))
    body = []
    for index in range(draw(st.integers(0, 4))):
        body += draw(entries(index + 1, figures))
    header = ["# 台账"] if draw(st.booleans()) else []
    return "\n".join(header + list(top) + (["entries:"] + body if body else [])) + "\n", figures


def _records(text: str, tmp: Path):
    path = tmp / "2026-H1.yml"
    path.write_text(text, encoding="utf-8")
    doc, problems = read_document(path)
    assert doc is not None and not problems
    model, problems = validate_document(doc, MODEL)
    return model, [p.code for p in problems]


@settings(max_examples=150, deadline=None)
@given(ledgers())
def test_fmt_is_idempotent(ledger):
    text, _ = ledger
    once = canonical_text(text, MODEL, "schema.json")
    assert canonical_text(once, MODEL, "schema.json") == once


@settings(max_examples=150, deadline=None)
@given(ledgers())
def test_fmt_keeps_every_figure_and_fixes_only_quoted_amounts(tmp_path_factory, ledger):
    text, figures = ledger
    tmp = tmp_path_factory.mktemp("fmt")
    before, before_codes = _records(text, tmp)
    canonical = canonical_text(text, MODEL, "schema.json")
    after, after_codes = _records(canonical, tmp)
    # The only problems fmt removes are quoted amounts (schema.type); it adds none.
    assert after_codes == []
    assert set(before_codes) <= {"schema.type"}
    assert [after.opening_balance, after.closing_balance] + [e.amount for e in after.entries] == figures
    assert all(f"{figure:.2f}" in canonical for figure in figures)
    if before is not None:
        assert after.model_dump() == before.model_dump()
