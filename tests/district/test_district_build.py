"""Building a district: the overview at the root, each community its own site under <slug>/,
the content-keyed cache, `--community SLUG`, and incremental = full, byte for byte."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build import workers
from generator.build.manifest import write_manifest
from generator.build.portal import build_portal
from generator.cli import main
from generator.commands import build as build_command
from generator.commands import verify
from generator.exits import Stop
from tests.district.helpers import AS_OF, BASE_URL, Tiny, write_district

DISTRICT = [
    Tiny("a", "甲苑", street="幸福街道", evaluations={"2025": 95},
         notices=[("lift", "关于更换电梯的公示", date(2026, 11, 20), date(2026, 11, 30))]),
    Tiny("b", "乙苑", street="和平街道", manager="某某乙物业有限公司", party=False, evaluations={"2025": 50}),
    Tiny("c", "丙苑", street="和平街道", committee=None, manager=None,
         notices=[("water", "关于二次供水水箱清洗的通知", date(2026, 11, 24), date(2026, 12, 5))]),
]


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_build(data: Path, out: Path, **options) -> list[str]:
    """The build's summary lines, as `gongshi build` prints them."""
    return build_command.summary(build_portal(data, out, AS_OF, pdf=False, **options))


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """The district, built from an empty cache; then one community edited and rebuilt."""
    root = tmp_path_factory.mktemp("district-build")
    data = write_district(root, DISTRICT)
    out = root / "site"
    first = run_build(data, out)
    full = files_of(out)
    return {"root": root, "data": data, "out": out, "first": first, "full": full}


def search_docs(index: Path) -> list[dict]:
    return json.loads(index.read_text(encoding="utf-8"))["docs"]


def test_root_is_the_district_overview_and_each_community_its_own_site(district):
    files = district["full"]
    assert "小区网站：新构建 3 个，沿用缓存 0 个。" in district["first"]
    for slug in ("a", "b", "c"):
        assert f"{slug}/index.html" in files
        assert f"{slug}/search/search_index.json" in files
        assert f"communities/{slug}/index.html" in files      # the district's page about it
    root_page = files["index.html"].decode()
    assert "71.43%" not in root_page and "66.67%" in root_page      # 2 of 3 have a committee
    assert '<a href="a/">甲苑</a>' in root_page


def test_each_community_search_index_holds_only_that_community(district):
    out = district["out"]
    a_docs = search_docs(out / "a" / "search" / "search_index.json")
    text = json.dumps(a_docs, ensure_ascii=False)
    assert "电梯" in text and "乙苑" not in text and "丙苑" not in text


def test_district_search_finds_community_names_and_notice_titles_only(district):
    docs = search_docs(district["out"] / "search" / "search_index.json")
    pages = {d["location"].split("#")[0] for d in docs}
    assert {"communities/a/", "communities/b/", "communities/c/"} <= pages
    assert all(p == "" or p.startswith(("communities/", "streets/")) for p in pages)   # no community site page
    text = json.dumps(docs, ensure_ascii=False).replace("\u200b", "")
    for words in ("甲苑", "乙苑", "丙苑", "关于更换电梯的公示", "关于二次供水水箱清洗的通知"):
        assert words in text


def test_community_pages_link_back_to_the_district_and_carry_their_own_url(district):
    page = district["full"]["b/index.html"].decode()
    assert f'<a href="{BASE_URL}" class="md-tabs__link">' in page
    assert f'<link rel="canonical" href="{BASE_URL}b/">' in page


def test_manifest_covers_the_whole_site_and_verifies(district, capsys):
    manifest = json.loads(district["full"]["manifest.json"])
    assert "a/index.html" in manifest["site"] and "index.html" in manifest["site"]
    assert "data/communities/c/community.yml" in manifest["data"]
    assert verify.run(district["out"]) == 0


def test_manifest_is_what_the_integrity_module_writes_for_the_whole_tree(district, tmp_path):
    # The district build takes the communities' hashes from the cache instead of re-hashing.
    copy = tmp_path / "site"
    shutil.copytree(district["out"], copy)
    write_manifest(district["data"], copy, AS_OF)
    assert (copy / "manifest.json").read_bytes() == district["full"]["manifest.json"]


def test_rebuild_after_one_community_changed_equals_a_full_build(district, tmp_path):
    data, out = district["data"], district["out"]
    unchanged = run_build(data, out)
    assert "小区网站：新构建 0 个，沿用缓存 3 个。" in unchanged
    assert files_of(out) == district["full"]

    path = data / "communities" / "b" / "community.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("某某路1号", "某某路2号"), encoding="utf-8")
    incremental = run_build(data, out)
    assert "小区网站：新构建 1 个，沿用缓存 2 个。" in incremental
    rebuilt = files_of(out)
    assert rebuilt["b/index.html"] != district["full"]["b/index.html"]
    assert rebuilt["a/index.html"] == district["full"]["a/index.html"]

    shutil.rmtree(data.parent / ".cache")
    clean = run_build(data, tmp_path / "site")
    assert "小区网站：新构建 3 个，沿用缓存 0 个。" in clean
    assert files_of(tmp_path / "site") == rebuilt


def test_a_published_file_edited_in_place_is_not_reused_from_the_cache(district, tmp_path):
    # Reused sites are hard links into the cache: an in-place edit reaches the cached file.
    root = tmp_path / "d"
    data = write_district(root, DISTRICT[:2])
    out = root / "site"
    run_build(data, out)
    before = files_of(out)
    with (out / "a" / "index.html").open("r+b") as page:
        page.write(b"<!-- tampered -->")
    assert "小区网站：新构建 1 个，沿用缓存 1 个。" in run_build(data, out)
    assert files_of(out) == before


def test_workers_renewed_after_every_site_build_the_same_site(district, tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "TASKS_PER_WORKER", 1)
    data = write_district(tmp_path, DISTRICT)
    run_build(data, tmp_path / "site")
    assert files_of(tmp_path / "site") == district["full"]


def test_a_failing_community_leaves_the_previous_site_as_it_was(tmp_path):
    data = write_district(tmp_path, [Tiny("a", "甲苑"), Tiny("b", "乙苑")])
    run_build(data, tmp_path / "site")
    before = files_of(tmp_path / "site")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 同名页面\n", encoding="utf-8")   # clashes with the home page
    with pytest.raises(Stop, match="content/index.md 与生成的页面同名") as failed:
        run_build(data, tmp_path / "site")
    assert failed.value.exit_code == 1
    assert files_of(tmp_path / "site") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".gongshi")] == []


def test_one_community_builds_alone_exactly_as_it_appears_in_the_district(district, tmp_path):
    out = tmp_path / "one"
    assert build_command.run(district["data"], out, AS_OF, pdf=False, community="a") == 0
    alone = files_of(out)
    manifest = json.loads(alone.pop("manifest.json"))
    in_district = {k[2:]: v for k, v in files_of(district["out"]).items() if k.startswith("a/")}
    assert alone == in_district
    assert set(manifest["site"]) == set(alone)


def test_unknown_community_is_a_usage_error(district, tmp_path, capsys):
    assert main(["build", "--data", str(district["data"]), "--out", str(tmp_path / "x"), "--as-of", AS_OF.isoformat(),
                 "--no-pdf", "--community", "nope"]) == 2
    assert "没有目录名为“nope”的小区（现有：a、b、c）" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_a_community_folder_may_not_take_a_name_the_site_root_uses(tmp_path, capsys):
    # Refused by the check (id.reserved, site_layout.py), before anything is built.
    data = write_district(tmp_path, [Tiny("search", "甲苑"), Tiny("b", "乙苑")])
    with pytest.raises(Stop, match="数据有错误") as failed:
        run_build(data, tmp_path / "site")
    assert failed.value.exit_code == 1
    assert not (tmp_path / "site").exists()


def test_out_dir_may_not_contain_the_data(tmp_path):
    data = write_district(tmp_path / "repo", [Tiny("a", "甲苑"), Tiny("b", "乙苑")])
    with pytest.raises(Stop, match="包含数据目录") as failed:
        run_build(data, tmp_path / "repo")
    assert failed.value.exit_code == 2
    assert (data / "site.yml").is_file()


def test_every_name_at_the_district_root_is_reserved(district):
    """The registry the check reserves community names from (site_layout.py) holds every name
    the build actually writes at the district's root: a name added there is reserved with it."""
    from generator import site_layout

    reserved = site_layout.reserved_slugs(*site_layout.content_folders(district["data"]))
    written = {site_layout.root_name(path.name) for path in district["out"].iterdir()}
    assert written - {"a", "b", "c"} <= reserved, sorted(written - {"a", "b", "c"} - reserved)
