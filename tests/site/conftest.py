"""The tiny site, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.site.site_fixtures import build, write_docs


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    out = root / "site"
    build(write_docs(root / "docs"), out)
    return out
