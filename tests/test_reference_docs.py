"""docs/fields.md and docs/cli.md are generated from the models and the CLI: never stale."""

from generator.reference import cli_markdown, fields_markdown
from tests.conftest import ROOT


def test_fields_reference_is_current():
    assert (ROOT / "docs" / "fields.md").read_text(encoding="utf-8") == fields_markdown(), \
        "run `python -m generator.reference`"


def test_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_markdown(), \
        "run `python -m generator.reference`"


def test_fields_reference_names_every_vote_field():
    text = fields_markdown()
    for field in ("`turnout.area_m2`", "`declared_result`", "`voting.start`", "`reported.street`"):
        assert field in text
