"""Fuzz the whole check: a sample portal with one file broken in 1-4 places.

Whatever the edit, `check` returns problems (never raises), every problem has a
registered code, a Chinese message and a location inside the data folder, and no
rule crashes (internal.rule_failed is a bug: the fuzzer found one, make it a corpus case).
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import given

from generator.pipeline import check
from tests.conftest import SAMPLE_AS_OF, SAMPLE_DATA

from .budget import budget
from .mutate import mutated_sample
from .properties import assert_well_formed

AS_OF = date.fromisoformat(SAMPLE_AS_OF)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    data = tmp_path_factory.mktemp("fuzz-portal") / "data"
    shutil.copytree(SAMPLE_DATA, data)
    return data


@budget(1200)
@given(mutated_sample())
def test_check_survives_a_broken_file(portal, sample):
    rel, text = sample
    path = portal / rel
    original = path.read_bytes()
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        _, problems = check(portal, AS_OF)
    finally:
        path.write_bytes(original)
    assert_well_formed(problems, portal)


def test_the_unbroken_portal_is_clean(portal):
    _, problems = check(portal, AS_OF)
    assert not [p for p in problems if p.is_error]
