"""build_site: Chinese search, sitemap dates, byte-identical rebuilds (replacing the output
all or nothing is the build layer's: tests/build/test_staging.py)."""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from datetime import datetime, timezone

import pytest

from generator.site import SiteBuildError, scan_site

from tests.build.helpers import tree_hashes
from tests.site.site_fixtures import SITE_URL, build, write_docs


def test_build_writes_pages_search_index_and_sitemap(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "lift" / "index.html").is_file()
    assert (built_site / "search" / "search_index.json").is_file()
    assert (built_site / "sitemap.xml.gz").is_file()
    assert "<title>电梯维修 - 幸福里小区公示</title>" in (built_site / "lift" / "index.html").read_text(encoding="utf-8")
    # The base config's stylesheet, served from overrides/.
    assert (built_site / "assets" / "stylesheets" / "gongshi.css").is_file()
    assert 'href="assets/stylesheets/gongshi.css"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_search_index_is_segmented_by_jieba(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    assert "\\u200b" in separator  # the browser splits on jieba's zero-width spaces
    assert index["config"]["pipeline"] == ["stemmer"]  # no trimmer: it would erase Han tokens

    home = next(doc for doc in index["docs"] if doc["location"] == "")
    # Without jieba "本小区公示电梯维修资金使用情况" would be one token.
    assert "\u200b电梯\u200b维修\u200b资金\u200b" in home["text"]
    # Python's re reads the same character class (\s, \u200b, ...) as the browser's RegExp.
    tokens = set(re.split(separator, re.sub("<[^>]+>", " ", home["text"])))
    assert {"电梯", "维修", "资金", "小区"} <= tokens


def test_built_site_loads_nothing_from_other_hosts(built_site):
    assert scan_site(built_site, site_url=SITE_URL) == []
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_sitemap_dates_come_from_build_date(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://xingfuli.example.cn/lift/</loc>" in sitemap
    assert sitemap.count("<lastmod>2024-05-01</lastmod>") == 2
    raw = (built_site / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(raw[4:8], "little")  # gzip header, RFC 1952
    assert mtime == int(datetime(2024, 5, 1, tzinfo=timezone.utc).timestamp())
    assert gzip.decompress(raw).decode("utf-8") == sitemap


def test_build_date_does_not_leak_into_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    build(write_docs(tmp_path / "docs"), tmp_path / "site")
    assert os.environ["SOURCE_DATE_EPOCH"] == "86400"


def test_two_builds_are_byte_identical(tmp_path):
    # Different folders and different processes' temp names must not show in the output.
    build(write_docs(tmp_path / "a" / "docs"), tmp_path / "a" / "site")
    build(write_docs(tmp_path / "b" / "docs"), tmp_path / "b" / "site")
    first, second = tree_hashes(tmp_path / "a" / "site"), tree_hashes(tmp_path / "b" / "site")
    assert "search/search_index.json" in first and "sitemap.xml.gz" in first
    assert first == second


def test_missing_jieba_is_an_error_not_a_silent_unsegmented_index(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "jieba", None)  # import jieba now raises ImportError
    with pytest.raises(SiteBuildError, match="jieba") as missing:
        build(write_docs(tmp_path / "docs"), tmp_path / "site")
    assert missing.value.exit_code == 3   # the environment lacks something
    assert not (tmp_path / "site").exists()


def test_missing_material_is_exit_3_naming_the_package(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "material", None)  # import material now raises ImportError
    with pytest.raises(SiteBuildError) as missing:
        build(write_docs(tmp_path / "docs"), tmp_path / "site")
    assert missing.value.exit_code == 3
    assert "缺少网站主题 Material for MkDocs" in missing.value.message and "mkdocs-material" in missing.value.message


def test_material_search_without_jieba_is_an_error(tmp_path, monkeypatch):
    # Material imported while jieba was missing keeps jieba = None for the whole process.
    from material.plugins.search import plugin as search_plugin

    monkeypatch.setattr(search_plugin, "jieba", None)
    with pytest.raises(SiteBuildError, match="jieba") as missing:
        build(write_docs(tmp_path / "docs"), tmp_path / "site")
    assert missing.value.exit_code == 3

