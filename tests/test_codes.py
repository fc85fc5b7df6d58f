"""One source of truth for problem codes: the spec's table, the registry, the docs, the code."""

from __future__ import annotations

import re
import pytest

from generator.codes import CODES, markdown_table
from tests.conftest import ROOT

# The codes table of the spec (shared/spec/data-format.md, beside the repository), copied
# here so a clone without shared/ still checks the registry against it;
# test_spec_copy_is_current compares the copy with the spec wherever the spec is there.
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
SPEC_FOLDER = ROOT.parent / "shared" / "spec"


def spec_table_severities(text: str) -> dict[str, bool]:
    """code -> True for a 警告 in the codes table of data-format.md (edition 1)."""
    table = text[text.index("Codes (severity"):]
    table = table[: table.index("A code is reported")]
    # Each code in backticks, then its remarks up to the next backtick or cell: "(警告)" there.
    return {code: "(警告)" in remarks for code, remarks in re.findall(r"`([a-z_]+\.[a-z_]+)`([^`|]*)", table)}


def test_spec_copy_is_current():
    spec = SPEC_FOLDER / "data-format.md"
    if not spec.is_file():
        pytest.skip(f"spec folder {SPEC_FOLDER} is absent (a clone without ../shared): the copy cannot be compared")
    severities = spec_table_severities(spec.read_text(encoding="utf-8"))
    assert len(severities) > 30, "the codes table of data-format.md was not found where expected"
    missing, extra = sorted(set(severities) - set(SPEC_CODES)), sorted(set(SPEC_CODES) - set(severities))
    assert not missing and not extra, f"in the spec but not in SPEC_CODES: {missing}; in SPEC_CODES only: {extra}"
    assert len(SPEC_CODES) == len(set(SPEC_CODES)), "a code is listed twice in SPEC_CODES"
    assert {code for code, warning in severities.items() if warning} == SPEC_WARNINGS


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


# Section 1 of data-format-2.md (disclosure duties): its codes, warnings marked.
EDITION_2_DISCLOSURE = {
    "vote.no_pre_vote_notice": "错误", "vote.notice_kind": "错误", "vote.no_result_notice": "错误",
    "notice.no_objection_channel": "错误", "disclosure.period_too_long": "警告", "disclosure.missing": "警告",
    "disclosure.late": "警告", "ledger.outflow_unauthorized": "错误", "ledger.income_unauthorized": "警告",
    "ledger.expense_before_vote": "错误", "schema.range": "错误", "committee.elected_on_missing": "警告",
}
SHARED_SPEC_2 = ROOT.parent / "shared" / "spec" / "data-format-2.md"


def test_edition_2_disclosure_codes_are_registered_with_severity_and_legal_source():
    from generator.codes import LEGAL_SOURCES

    for code, severity in EDITION_2_DISCLOSURE.items():
        assert CODES[code][0] == severity, code
        assert LEGAL_SOURCES.get(code), f"{code} has no legal source"


def test_edition_2_copy_names_the_specs_codes():
    if not SHARED_SPEC_2.exists():
        return
    table = SHARED_SPEC_2.read_text(encoding="utf-8").split("## 4. Codes added in edition 2")[1]
    rows = {row.split("|")[1].strip(): row for row in table.splitlines() if row.startswith("| ")}
    named = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", rows["disclosure"] + rows["ledgers"]))
    named.add("committee.elected_on_missing")
    assert named == set(EDITION_2_DISCLOSURE)
    warned = {code for code in named if re.search(rf"`{re.escape(code)}` \(警告\)", table)}
    assert warned == {code for code, severity in EDITION_2_DISCLOSURE.items() if severity == "警告"}


def test_legal_sources_and_day_counting_name_registered_codes():
    from generator.codes import DAY_COUNTING, LEGAL_SOURCES

    assert set(LEGAL_SOURCES) - set(CODES) == set()
    assert set(DAY_COUNTING) - set(CODES) == set()
