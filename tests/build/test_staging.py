"""A finished docs folder becomes --out all or nothing: the output folder guard, the build
beside --out and the swap (build/guard.py, build/staging.py) around MkDocs (site/)."""

from __future__ import annotations

import pytest

from generator.build.guard import refuse_out_dir
from generator.build.staging import staging
from generator.exits import ExitCode, Stop
from generator.site import SiteBuildError
from tests.build.helpers import tree_hashes
from tests.site.site_fixtures import BASE_CONFIG, build, write_docs


def publish(docs, out, **overrides) -> None:
    """What a one-community build does with its docs: guard --out, build beside it, swap it in."""
    refuse_out_dir(out, ((docs, "网页目录"), (BASE_CONFIG, "网站配置文件")))
    with staging(out) as built:
        build(docs, built, **overrides)
        # What marks a folder as gongshi's, so the next build may replace it (build/manifest.py).
        (built / "manifest.json").write_text('{"generator": "gongshi", "site": {}}', encoding="utf-8")


def test_rebuild_replaces_previous_site(tmp_path):
    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "site"
    publish(docs, out)
    (docs / "lift.md").unlink()
    (docs / "index.md").write_text("# 首页\n\n电梯已修好。\n", encoding="utf-8")
    publish(docs, out)
    assert not (out / "lift").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".gongshi-build-")] == []


@pytest.mark.parametrize(
    "break_build, expected",
    [
        # strict mode: a nav entry without its page aborts after pages were written to the temp folder
        (lambda docs, cfg: {"nav": [{"首页": "index.md"}, {"缺失": "missing.md"}]}, "missing.md"),
        (lambda docs, cfg: {"base_config": cfg}, "nosuchtheme"),
    ],
    ids=["missing-nav-target", "broken-config"],
)
def test_failed_build_leaves_previous_site_untouched(tmp_path, break_build, expected):
    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "site"
    publish(docs, out)
    before = tree_hashes(out)
    broken_config = tmp_path / "broken.yml"
    broken_config.write_text("theme:\n  name: nosuchtheme\n", encoding="utf-8")

    with pytest.raises(SiteBuildError, match="站点构建失败") as failure:
        publish(docs, out, **break_build(docs, broken_config))

    assert expected in str(failure.value)
    assert failure.value.exit_code == ExitCode.DATA
    assert tree_hashes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yml", "docs", "site"]  # temp folder removed


def test_out_dir_containing_the_docs_is_refused(tmp_path):
    docs = write_docs(tmp_path / "docs")
    with pytest.raises(Stop, match="输出目录") as refused:
        publish(docs, tmp_path)
    assert refused.value.exit_code == ExitCode.USAGE
    assert (docs / "index.md").is_file()


def test_out_dir_that_is_a_file_is_refused(tmp_path):
    docs = write_docs(tmp_path / "docs")
    (tmp_path / "site").write_text("not a folder", encoding="utf-8")
    with pytest.raises(Stop, match="已存在且不是目录") as refused:
        publish(docs, tmp_path / "site")
    assert refused.value.exit_code == ExitCode.USAGE
    assert (tmp_path / "site").read_text(encoding="utf-8") == "not a folder"
