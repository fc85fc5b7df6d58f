"""The shipped JSON Schemas are the models' own, and every sample file passes them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.model.schema import schema_text
from generator.load.discover import discover
from generator.load.yamlread import read_document
from generator.model.records import KINDS
from tests.conftest import ROOT, SAMPLE_DATA
from tests.yaml_json import to_json_instance

SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_schema_matches_models(kind):
    shipped = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(kind), "schemas/ is stale: run `gongshi schema --out schemas`"


def _sample_files():
    files, problems = discover(SAMPLE_DATA)
    assert not [p for p in problems if p.is_error]
    return files


@pytest.mark.parametrize("file", _sample_files(), ids=lambda f: str(f.path.relative_to(SAMPLE_DATA)))
def test_sample_file_valid_against_shipped_schema(file):
    doc, problems = read_document(file.path)
    assert doc is not None and not problems
    schema = json.loads((SCHEMAS / f"{file.kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(to_json_instance(doc.data))


@pytest.mark.parametrize("file", _sample_files(), ids=lambda f: str(f.path.relative_to(SAMPLE_DATA)))
def test_sample_file_names_its_schema_in_a_modeline(file):
    first = file.path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{file.path} lacks the modeline"
    target = (file.path.parent / match.group(1)).resolve()
    assert target == (SCHEMAS / f"{file.kind}.schema.json").resolve()


def test_schema_rejects_a_broken_file():
    schema = json.loads((SCHEMAS / "vote.schema.json").read_text(encoding="utf-8"))
    bad = {"title": "x", "matter": "use_fnd", "voting": {"start": "2024-01-01", "end": "2024-01-02"}}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert any(e.validator == "enum" for e in errors)
