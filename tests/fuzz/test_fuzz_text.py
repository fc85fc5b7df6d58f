"""Fuzz what issue 12 hardened: every printed text is safe to print, and a mobile number
is found however it is written (full-width or mathematical digits, invisible characters,
any separators between its groups)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from generator.control_chars import CONTROLS, escape
from generator.rules.privacy import find_personal_data, normalise

from .budget import budget

# How a digit may be written so that a reader (and pdftotext) still reads it as that digit.
DIGIT_FORMS = [lambda d: d, lambda d: chr(0xFF10 + int(d)), lambda d: chr(0x1D7CE + int(d)),
               lambda d: chr(0x1D7EC + int(d))]
SEPARATORS = ["", " ", "  ", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2060", "-", "\u2011", "\u2212", ".", "·",
              "\u200b \u200b"]


@budget(1000)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60))
def test_escaped_text_prints_as_utf8_without_controls(text):
    out = escape(text)
    out.encode("utf-8")   # a stray surrogate (a file name's byte) no longer crashes a printer
    assert not [c for c in out if ord(c) in CONTROLS and c != "\r"]


@budget(1000)
@given(st.from_regex(r"\A1[3-9][0-9]{9}\Z"), st.lists(st.sampled_from(range(len(DIGIT_FORMS))), min_size=11,
                                                      max_size=11),
       st.sampled_from(SEPARATORS), st.sampled_from(SEPARATORS), st.sampled_from(["", "电话", "联系 "]))
def test_a_mobile_number_is_found_however_it_is_written(number, forms, first, second, before):
    written = "".join(DIGIT_FORMS[f](d) for f, d in zip(forms, number))
    written = written[:3] + first + written[3:7] + second + written[7:]
    found = find_personal_data(before + written + "。")
    assert [kind for kind, _ in found] == ["mobile"], (written, found)
    assert "".join(c for c in found[0][1] if c.isdigit()) == number


@budget(500)
@given(st.text(max_size=80))
def test_normalising_keeps_every_line_where_it_was(text):
    assert normalise(text).count("\n") == text.count("\n")
    assert not [c for c in normalise(text) if unicodedata.category(c) == "Cf"]
