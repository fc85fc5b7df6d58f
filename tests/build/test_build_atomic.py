"""`gongshi build` as a whole: same input → same bytes; failure → the old site, untouched;
the build date from SOURCE_DATE_EPOCH when --as-of is absent (the spec's cli.md)."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pytest

from generator.cli import main
from tests.build.helpers import SAMPLE_DATA, copy_sample, read_page, replace_in, tree_hashes
from tests.conftest import SAMPLE_AS_OF


def test_two_builds_of_the_same_data_and_date_are_byte_identical(built_sample_site, tmp_path):
    # The second build runs later, in another folder, with the PDFs now coming from the
    # cache (their own byte-determinism is tested in tests/pdf): pages, search index,
    # sitemap, downloads and manifest are all made afresh.
    out = tmp_path / "elsewhere" / "site"
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(out), "--as-of", SAMPLE_AS_OF]) == 0
    first, second = tree_hashes(built_sample_site), tree_hashes(out)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.endswith(".pdf") for name in first) and "manifest.json" in first


@pytest.fixture
def previous_site(built_sample_site, tmp_path):
    """A published site in tmp_path/site, and its hashes."""
    out = tmp_path / "site"
    shutil.copytree(built_sample_site, out)
    return out, tree_hashes(out)


def assert_untouched(out, hashes) -> None:
    assert tree_hashes(out) == hashes
    assert not list(out.parent.glob(".gongshi-build-*")), "the build's work folder was left behind"


def test_data_error_leaves_the_previous_site_and_exits_1(previous_site, tmp_path, capsys):
    out, hashes = previous_site
    data = copy_sample(tmp_path / "edited")
    replace_in(data / "communities/shili-jiayuan/maintenance-fund/2026-H1.yml",
               "closing_balance: 3091664.29", "closing_balance: 3091664.30")
    assert main(["build", "--data", str(data), "--out", str(out), "--as-of", SAMPLE_AS_OF, "--no-pdf"]) == 1
    captured = capsys.readouterr()
    assert "2026-H1.yml:" in captured.out and "错误[" in captured.out
    assert "原有网站保持不变" in captured.err
    assert_untouched(out, hashes)


def test_crash_inside_mkdocs_leaves_the_previous_site_and_exits_1(previous_site, monkeypatch, capsys):
    out, hashes = previous_site
    import mkdocs.commands.build as mkdocs_build

    real_build = mkdocs_build.build

    def build_then_crash(config, **kwargs):
        real_build(config, **kwargs)  # the new site is complete in the work folder ...
        raise RuntimeError("injected crash")  # ... and MkDocs fails before returning

    monkeypatch.setattr(mkdocs_build, "build", build_then_crash)
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(out), "--as-of", SAMPLE_AS_OF, "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert "站点构建失败" in err and "injected crash" in err and "Traceback" not in err
    assert_untouched(out, hashes)


def test_failed_first_build_creates_no_site(tmp_path, monkeypatch):
    import mkdocs.commands.build as mkdocs_build

    monkeypatch.setattr(mkdocs_build, "build", lambda config, **kwargs: (_ for _ in ()).throw(RuntimeError("x")))
    out = tmp_path / "site"
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(out), "--as-of", SAMPLE_AS_OF, "--no-pdf"]) == 1
    assert not out.exists() and not list(tmp_path.iterdir())


def test_source_date_epoch_is_the_build_date_when_as_of_is_absent(tmp_path, monkeypatch):
    # 20:00 UTC on 27 November is 04:00 on 28 November in Beijing: the build date is the 28th.
    epoch = int(datetime(2026, 11, 27, 20, 0, tzinfo=timezone.utc).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    out = tmp_path / "site"
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(out), "--no-pdf"]) == 0
    home = read_page(out, "")
    assert "数据截至 2026年11月28日" in home.text
    active = home.section("正在公示", "关键数字")
    assert "关于业主委员会委员变更的公示" not in active  # its 公示期 ended on 27 November
    assert "关于示例街道小区公共设施检查结果及整改情况的公示" in active and "还剩 3 天" in active
    assert "已逾期 8 天" in home.text  # due 20 November
    assert "<lastmod>2026-11-28</lastmod>" in (out / "sitemap.xml").read_text(encoding="utf-8")


def test_bad_source_date_epoch_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(tmp_path / "site"), "--no-pdf"]) == 2
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
