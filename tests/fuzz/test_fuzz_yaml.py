"""Fuzz the YAML reader: any text or bytes give a document or coded problems, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.load.yamlread import Document, parse_text, read_document

from .budget import budget
from .mutate import mutated_bytes, mutated_sample, yaml_like_text
from .properties import assert_well_formed, line_count

PATH = Path("data/communities/x/notices/fuzz.yml")


def _parsed(text: str) -> None:
    doc, problems = parse_text(PATH, text)
    assert doc is not None or problems, "refused without saying why"
    if doc is not None:
        assert isinstance(doc, Document)
        assert isinstance(doc.data, (dict, list, str, type(None)))
    assert_well_formed(problems, PATH, lines=line_count(text))


@budget(2000)
@given(yaml_like_text)
def test_random_yaml_like_text(text):
    _parsed(text)


@budget(2000)
@given(mutated_sample())
def test_mutated_sample_text(sample):
    _parsed(sample[1])


@budget(1000)
@given(mutated_bytes(), st.booleans())
def test_mutated_bytes_from_disk(tmp_path_factory, raw, bom):
    path = tmp_path_factory.getbasetemp() / "fuzz-bytes.yml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw)
    doc, problems = read_document(path)
    assert doc is not None or problems
    assert_well_formed(problems, path, lines=line_count(raw.decode("utf-8", "replace")))
