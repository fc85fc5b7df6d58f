"""One source of truth for problem codes: the spec's table, the registry, the docs, the code."""

from __future__ import annotations

import re
from pathlib import Path

from generator.codes import CODES, markdown_table
from tests.conftest import ROOT

# The codes table of shared/spec/data-format.md, copied here so a clone without
# shared/ still checks it; test_spec_copy_is_current compares them where shared/ exists.
SPEC_CODES = """
yaml.syntax yaml.duplicate_key schema.unknown_field schema.missing_field schema.type schema.enum
id.invalid id.duplicate ref.missing period.invalid period.overlap period.gap ledger.unbalanced
ledger.opening_mismatch ledger.negative_balance ledger.date_outside_period ledger.expense_unauthorized
ledger.vote_not_passed ledger.over_budget ledger.transfer_unmatched vote.tally_mismatch
vote.turnout_exceeds_electorate vote.result_mismatch vote.not_reported notice.period_too_short
notice.pre_vote_too_late notice.result_too_late markdown.raw_html markdown.unsafe_link committee.size
committee.chair committee.term_too_long committee.filing_late committee.left_reason_missing
committee.election_due evaluation.score_out_of_range evaluation.grade_mismatch inspection.overdue
privacy.id_number privacy.mobile privacy.bank_card published.silent_edit
""".split()
SPEC_WARNINGS = {"vote.not_reported", "committee.election_due", "inspection.overdue"}
SHARED_SPEC = ROOT.parent / "shared" / "spec" / "data-format.md"


def _spec_table_codes(text: str) -> set[str]:
    table = text[text.index("Codes (severity"):]
    table = table[: table.index("A code is reported")]
    return set(re.findall(r"`([a-z_]+\.[a-z_]+)`", table))


def test_spec_copy_is_current():
    source = SHARED_SPEC.read_text(encoding="utf-8") if SHARED_SPEC.exists() else None
    expected = _spec_table_codes(source) if source else set(SPEC_CODES)
    assert set(SPEC_CODES) == expected


def test_every_spec_code_is_registered_with_its_severity():
    for code in SPEC_CODES:
        assert code in CODES, code
        assert (CODES[code][0] == "警告") == (code in SPEC_WARNINGS), code


# Strings that look like codes and are not: matplotlib's rcParams key (render/charts.py).
NOT_CODES = {"text.color"}


def _codes_in_source() -> set[str]:
    found = set()
    prefixes = {code.split(".")[0] for code in CODES}
    pattern = re.compile(r'"((?:%s)\.[a-z_]+)"' % "|".join(prefixes))
    for path in (ROOT / "generator").rglob("*.py"):
        for code in pattern.findall(path.read_text(encoding="utf-8")):
            if not code.endswith((".md", ".css", ".yml", ".yaml", ".html", ".pdf", ".json")) and code not in NOT_CODES:
                found.add(code)
    # privacy codes are built as f"privacy.{kind}" from the detector's kinds
    from generator.rules.privacy import _MESSAGES
    found |= {f"privacy.{kind}" for kind in _MESSAGES}
    return found


def test_every_code_the_source_names_is_registered():
    unknown = _codes_in_source() - set(CODES)
    assert not unknown, f"codes used but not in generator/codes.py: {sorted(unknown)}"


def test_docs_table_is_generated_from_the_registry():
    assert (ROOT / "docs" / "error-codes.md").read_text(encoding="utf-8") == markdown_table()
