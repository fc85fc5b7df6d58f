"""A portal's own content/, overrides/ and mkdocs.yml over gongshi's defaults
(build/project.py, build/site_files.py), and where the defaults come from (resources.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator import resources
from generator.build.portal import build_portal
from generator.build.project import Project
from generator.build.sitecache import KeyInputs
from generator.cli import main
from generator.exits import ExitCode, Stop
from generator.scaffold.portal import portal_files
from tests.conftest import ROOT, SAMPLE_DATA

AS_OF = date(2026, 11, 25)


def _portal(root: Path, extra: dict[str, str] | None = None) -> Path:
    """A new portal as `gongshi init` writes it, with `extra` files beside its data."""
    for rel, text in {**portal_files(AS_OF, district=False), **(extra or {})}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "data"


def test_in_gongshis_checkout_the_files_beside_data_are_the_defaults():
    project = Project.around(SAMPLE_DATA)
    assert project.defaults == ROOT == project.root
    assert [project.own(name) for name in resources.SITE_FILES] == [None, None, None]
    assert project.layers("content") == [ROOT / "content"]


def test_a_portals_pages_and_theme_files_win_path_by_path(tmp_path):
    data = _portal(tmp_path, {
        "content/about.md": "# 关于本小区\n\n本小区自己的介绍。\n",
        "content/contact.md": "# 联系我们\n\n业委会办公室 010-00000000。\n",
        "overrides/assets/stylesheets/gongshi.css": "body { color: #123456; }\n",
        "overrides/assets/images/xiaoqu.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n",
    })
    out = tmp_path / "site"
    build_portal(data, out, AS_OF, pdf=False)

    about = (out / "about/index.html").read_text(encoding="utf-8")
    assert "本小区自己的介绍。" in about and "内容从哪里来" not in about      # the portal's about.md replaced gongshi's
    assert "联系我们" in (out / "contact/index.html").read_text(encoding="utf-8")
    assert (out / "guide/index.html").is_file()                                 # defaults it does not replace stay
    assert 'href="../contact/"' in about                                          # in the navigation
    assert (out / "assets/stylesheets/gongshi.css").read_text(encoding="utf-8") == "body { color: #123456; }\n"
    assert (out / "assets/images/xiaoqu.svg").is_file()
    assert (out / "assets/images/favicon.svg").read_bytes() == (ROOT / "overrides/assets/images/favicon.svg").read_bytes()


def test_a_portals_mkdocs_yml_sets_the_footer_its_stylesheet_and_colours(tmp_path):
    data = _portal(tmp_path, {
        "mkdocs.yml": "copyright: 某某小区业主委员会 · 办公电话 010-00000000\n"
                      "extra_css: [assets/stylesheets/xiaoqu.css]\n"
                      "theme:\n  palette: {primary: teal}\n",
        "overrides/assets/stylesheets/xiaoqu.css": ".md-footer { font-size: 1rem; }\n",
    })
    out = tmp_path / "site"
    build_portal(data, out, AS_OF, pdf=False)

    home = (out / "index.html").read_text(encoding="utf-8")
    assert "某某小区业主委员会 · 办公电话 010-00000000" in home
    assert home.index("assets/stylesheets/gongshi.css") < home.index("assets/stylesheets/xiaoqu.css")
    assert 'data-md-color-primary="teal"' in home
    assert 'lang="zh"' in home                                                   # gongshi's settings stay


@pytest.mark.parametrize("mkdocs_yml, says", [
    ("plugins: [search, tags]\n", "mkdocs.yml 中的 plugins 不能由小区仓库设置：插件、Markdown 扩展和脚本可能从其他网站加载内容，"
                                  "或使中文搜索失效。"),
    ("site_name: 另一个名字\n", "mkdocs.yml 中的 site_name 不能由小区仓库设置：它由 data/site.yml 的 title 决定。"),
    ("theme: {name: readthedocs}\n", "mkdocs.yml 中的 theme.name 不能由小区仓库设置：主题的其余设置由 gongshi 提供。"),
    ("extra_css: ['https://cdn.example.com/x.css']\n", "mkdocs.yml 中的 extra_css 应为本站样式表路径的列表"),
    ("- a list\n", "应为键值映射。"),
])
def test_other_settings_are_refused_with_exit_1(tmp_path, mkdocs_yml, says):
    data = _portal(tmp_path, {"mkdocs.yml": mkdocs_yml})
    out = tmp_path / "site"
    with pytest.raises(Stop) as stopped:
        build_portal(data, out, AS_OF, pdf=False)
    assert stopped.value.exit_code == ExitCode.DATA and says in stopped.value.message
    assert not out.exists()


def test_a_portal_file_where_gongshi_has_a_folder_is_refused(tmp_path):
    data = _portal(tmp_path, {"overrides/assets": "一个文件\n"})
    with pytest.raises(Stop) as stopped:
        build_portal(data, tmp_path / "site", AS_OF, pdf=False)
    assert stopped.value.exit_code == ExitCode.DATA
    assert stopped.value.message.startswith("overrides/assets 与 gongshi 自带的同名文件夹或文件冲突")


def test_the_site_cache_key_follows_the_portals_own_files(tmp_path):
    data = _portal(tmp_path)
    before = KeyInputs.of_build(data, AS_OF, False).digest()
    (tmp_path / "content").mkdir()
    (tmp_path / "content/contact.md").write_text("# 联系我们\n", encoding="utf-8")
    after = KeyInputs.of_build(data, AS_OF, False).digest()
    (tmp_path / "content/contact.md").write_text("# 联系方式\n", encoding="utf-8")
    assert len({before, after, KeyInputs.of_build(data, AS_OF, False).digest()}) == 3


def test_an_installation_without_the_defaults_is_exit_3(tmp_path, monkeypatch, capsys):
    # A wheel whose generator/defaults/ went missing, outside any checkout.
    package = tmp_path / "site-packages/generator"
    package.mkdir(parents=True)
    monkeypatch.setattr(resources, "PACKAGE_DIR", package)
    monkeypatch.setattr(resources, "INSTALLED_DEFAULTS", package / "defaults")
    resources.defaults_root.cache_clear()
    try:
        _portal(tmp_path / "portal")
        monkeypatch.chdir(tmp_path / "portal")
        assert main(["build", "--no-pdf", "--as-of", "2026-11-25"]) == ExitCode.ENVIRONMENT
    finally:
        resources.defaults_root.cache_clear()
    err = capsys.readouterr().err
    assert "gongshi 的安装不完整：找不到默认的网站文件 mkdocs.yml、overrides/ 和 content/" in err
    assert "pip install --force-reinstall" in err and "Traceback" not in err
    assert not (tmp_path / "portal/site").exists()


def test_the_installed_copy_is_preferred(tmp_path, monkeypatch):
    installed = tmp_path / "generator/defaults"
    for name in ("overrides", "content"):
        (installed / name).mkdir(parents=True)
    (installed / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path / "generator")
    monkeypatch.setattr(resources, "INSTALLED_DEFAULTS", installed)
    resources.defaults_root.cache_clear()
    try:
        assert resources.default_path("content") == installed / "content"
    finally:
        resources.defaults_root.cache_clear()
