"""`gongshi build --admin`: admin/ in the built site, and nothing of it in the owners' pages."""

from __future__ import annotations

import shutil

import pytest

from generator.admin import ADMIN_FILES
from generator.admin.safety import scan_admin
from generator.cli import main
from generator.integrity.verify import verify_site
from generator.site.safety import scan_site
from tests.conftest import ROOT, SAMPLE_AS_OF, SAMPLE_DATA

SITE_URL = "https://example.org/shili/"


def _project(root, admin="admin:\n  backend: local\n"):
    shutil.copytree(SAMPLE_DATA, root / "data")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    with (root / "data/site.yml").open("a", encoding="utf-8") as site:
        site.write(admin)
    return root


@pytest.fixture(scope="module")
def admin_site(tmp_path_factory):
    root = _project(tmp_path_factory.mktemp("admin-build"))
    assert main(["build", "--data", str(root / "data"), "--out", str(root / "site"), "--admin", "--no-pdf",
                 "--as-of", SAMPLE_AS_OF]) == 0
    return root / "site"


def test_admin_holds_the_page_the_bundle_and_the_config(admin_site):
    assert sorted(p.relative_to(admin_site).as_posix() for p in (admin_site / "admin").iterdir()) == sorted(ADMIN_FILES)
    assert scan_admin(admin_site) == []
    page = (admin_site / "admin/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and '<script src="decap-cms.js"></script>' in page
    assert (admin_site / "admin/config.yml").read_text(encoding="utf-8").startswith(
        "# 网页表单的设置：由 gongshi build --admin 从数据模型和 site.yml 生成，请勿手改。\nlocale: zh_Hans\n")


def test_owners_pages_stay_clean_and_never_load_the_forms(admin_site):
    assert scan_site(admin_site, site_url=SITE_URL, skip=ADMIN_FILES) == []
    # Without the skip, the scan sees the forms' script: it is not the owners' business.
    assert scan_site(admin_site, site_url=SITE_URL) == [
        'admin/index.html:13: 非 Material 自带的脚本 <script src="decap-cms.js">']


def test_the_manifest_lists_the_forms_and_verify_passes(admin_site):
    assert verify_site(admin_site).clean
    manifest = (admin_site / "manifest.json").read_text(encoding="utf-8")
    assert all(f'"{rel}"' in manifest for rel in ADMIN_FILES)


def test_a_changed_admin_file_is_caught(admin_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(admin_site, copy)
    (copy / "admin/index.html").write_text("<script src=https://unpkg.com/decap-cms></script>", encoding="utf-8")
    (copy / "admin/extra.js").write_text("", encoding="utf-8")
    (copy / "index.html").write_text((copy / "index.html").read_text(encoding="utf-8") + "<!-- decap-cms.js -->",
                                     encoding="utf-8")
    assert scan_admin(copy) == ["admin/extra.js: 不是 gongshi 写的文件",
                                "admin/index.html: 与 gongshi 自带的页面不同",
                                "index.html: 业主浏览的页面提到了 decap-cms.js"]


def test_a_page_in_the_forms_place_stops_the_build_and_keeps_the_old_site(tmp_path, capsys):
    root = _project(tmp_path)
    (root / "content").mkdir()
    (root / "content/admin.md").write_text("# 管理\n", encoding="utf-8")
    (root / "site").mkdir()
    (root / "site/old.html").write_text("旧网站", encoding="utf-8")
    # an earlier gongshi build (only such a folder may be replaced: build/guard.py)
    (root / "site/manifest.json").write_text('{"generator": "gongshi", "site": {}}', encoding="utf-8")
    code = main(["build", "--data", str(root / "data"), "--out", str(root / "site"), "--admin", "--no-pdf",
                 "--as-of", SAMPLE_AS_OF])
    assert code == 1
    assert capsys.readouterr().err == ("gongshi build：网站中已经有 admin/（来自 content/ 的页面或名为 admin 的小区）："
                                       "它是网页表单的位置，请改名。（原有网站保持不变）\n")
    assert sorted(p.name for p in (root / "site").iterdir()) == ["manifest.json", "old.html"]


def test_without_admin_settings_build_admin_says_what_to_add(tmp_path, capsys):
    root = _project(tmp_path, admin="")
    code = main(["build", "--data", str(root / "data"), "--out", str(root / "site"), "--admin", "--no-pdf",
                 "--as-of", SAMPLE_AS_OF])
    assert code == 1
    assert capsys.readouterr().err.startswith("gongshi build：site.yml 中没有 admin 设置，不知道网页表单把修改提交到哪里。")
    assert not (root / "site").exists()
