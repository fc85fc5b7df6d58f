"""Fixtures for the PDF tests; the sample notice itself lives in pdf_samples.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.pdf import render_notice_pdf
from generator.render.print_types import NoticePrintView
from tests.pdf.pdf_samples import SAMPLE_VIEW


@pytest.fixture
def sample_view() -> NoticePrintView:
    return SAMPLE_VIEW


@pytest.fixture
def view_with(sample_view):
    """A variant of the sample: view_with(body_html=...)."""
    return lambda **changes: replace(sample_view, **changes)


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory) -> Path:
    """The sample rendered once for all read-only checks (a render takes ~0.5 s)."""
    out = tmp_path_factory.mktemp("pdf") / "notice.pdf"
    assert render_notice_pdf(SAMPLE_VIEW, out, cache_dir=None) is True
    return out
