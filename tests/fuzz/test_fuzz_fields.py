"""Fuzz the field types: a value is exact and in range, or refused with schema.type."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from generator.load.scalars import Plain, Quoted
from generator.model.fields import MAX_INTEGER_DIGITS, a_date, count, money, web_address

from .budget import budget
from .mutate import HOSTILE_VALUES

numberish = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.from_regex(r"\A[+-]?[0-9０-９٠-٩,_.eE ]{0,24}\Z"),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=12),
)


def _refused_or(value, check, codes=("schema.type",)):
    try:
        result = check(value)
    except PydanticCustomError as exc:
        assert exc.type in codes, exc.type
        return None
    return result


@budget(1000)
@given(numberish, st.booleans())
def test_money_is_exact_or_refused(text, quoted):
    value = _refused_or((Quoted if quoted else Plain)(text), money)
    if value is not None:
        assert not quoted
        assert isinstance(value, Decimal) and value.is_finite() and value >= 0
        assert -value.as_tuple().exponent <= 2
        assert len(str(int(value))) <= MAX_INTEGER_DIGITS
        assert text.strip().lstrip("+").isascii()


@budget(1000)
@given(numberish)
def test_count_is_a_small_int_or_refused(text):
    value = _refused_or(Plain(text), count)
    if value is not None:
        assert isinstance(value, int) and 0 <= value < 10**MAX_INTEGER_DIGITS


@budget(1000)
@given(st.one_of(st.sampled_from(HOSTILE_VALUES), st.from_regex(r"\A[0-9０-９-]{8,12}\Z"), st.dates().map(str)))
def test_date_is_real_or_refused(text):
    value = _refused_or(Plain(text), a_date)
    if value is not None:
        assert value.isoformat() == text.strip()


@budget(1000)
@given(st.one_of(st.sampled_from(HOSTILE_VALUES), st.text(max_size=40),
                 st.builds(lambda s, t: s + t, st.sampled_from(["https://", "http://", "HTTPS://", "javascript:",
                                                                "file://", "data:"]), st.text(max_size=30))))
def test_web_address_is_http_or_refused(text):
    value = _refused_or(Plain(text), web_address, codes=("schema.type", "site.base_url_invalid"))
    if value is not None:
        assert value.lower().startswith(("http://", "https://"))
        assert not any(c in value for c in " \t\n\"'<>\\`?#@")
        assert value.isascii() and len(value) <= 200
        parts = urlsplit(value)
        assert parts.hostname and not parts.username and not parts.query and not parts.fragment
        assert parts.port is None or 1 <= parts.port <= 65535


@pytest.mark.parametrize("text", ["４５６", "٤٥٦", "1" * 16, "0" * 5000 + "1"])
def test_examples_the_fuzzer_keeps_finding(text):
    """Seeds: forms that once passed (fullwidth and Arabic-Indic digits) or crashed."""
    assert _refused_or(Plain(text), money) in (None, Decimal(1))


def test_count_with_5000_leading_zeros():
    """bug: int() refused the 5,001-character text (Python's 4,300-digit limit) with an English error."""
    assert count(Plain("0" * 5000 + "7")) == 7
