"""scan_site: only Material's and gongshi's own scripts run, nothing is loaded from another host."""

from __future__ import annotations

import shutil

from generator.site import scan_site
from tests.site.site_fixtures import SITE_URL

BAD_PAGE = """\
<!doctype html>
<html><head>
<script src="https://cdn.example.com/x.js"></script>
<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">
<style>
p { color: red }
@import "https://cdn.example.com/a.css";
</style>
<script>alert(1)</script>
</head><body>
<a href="java&#x09;script:alert(1)">点我</a>
<img src="logo.png" onerror="alert(1)">
<img src="https://tracker.example/p.gif"><iframe src="https://map.example/"></iframe>
<div style="background: url('https://cdn.example.com/bg.png')">背景</div>
<img srcset="a.png 1x, https://cdn.example.com/b.png 2x">
<a href="https://www.gov.cn/">住建部</a>
<img src="data:image/png;base64,AAAA">
<img src="https://xingfuli.example.cn/logo.png">
<script id="__config" type="application/json">{"base": "."}</script>
</body></html>
"""


def test_every_kind_of_offence_is_listed_with_its_line(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    assert scan_site(tmp_path, site_url=SITE_URL) == [
        'bad/index.html:3: 从外部加载 <script src="https://cdn.example.com/x.js">',
        'bad/index.html:3: 非 Material 自带的脚本 <script src="https://cdn.example.com/x.js">',
        'bad/index.html:4: 从外部加载 <link href="//fonts.googleapis.com/css?family=Roboto">',
        "bad/index.html:7: CSS 从外部加载 https://cdn.example.com/a.css",
        "bad/index.html:9: 非 Material 或 gongshi 自带的内联脚本 <script>alert(1)",
        'bad/index.html:11: javascript: 链接 <a href="java\tscript:alert(1)">',
        "bad/index.html:12: 事件处理属性 <img onerror=…>",
        'bad/index.html:13: 从外部加载 <img src="https://tracker.example/p.gif">',
        'bad/index.html:13: 从外部加载 <iframe src="https://map.example/">',
        "bad/index.html:14: CSS 从外部加载 https://cdn.example.com/bg.png",
        'bad/index.html:15: 从外部加载 <img srcset="https://cdn.example.com/b.png">',
    ]


def test_stylesheets_outside_material_are_scanned(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "extra.css").write_text(
        "body {\n  font-family: x;\n}\n@font-face { src: url(https://fonts.gstatic.com/s.woff2) }\n", encoding="utf-8"
    )
    assert scan_site(tmp_path) == ["assets/extra.css:4: CSS 从外部加载 https://fonts.gstatic.com/s.woff2"]


def test_a_changed_material_bundle_is_not_material_any_more(built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    bundle.write_bytes(bundle.read_bytes() + b';fetch("https://evil.example/")')
    offences = scan_site(site, site_url=SITE_URL)
    # Every page loads the bundle: each one is reported.
    assert len(offences) == len(list(site.rglob("*.html")))
    assert all(f'非 Material 自带的脚本 <script src="' in offence and bundle.name in offence for offence in offences)


def test_a_changed_material_inline_script_is_reported(built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    page = site / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<script>__md_scope=" in html
    page.write_text(html.replace("<script>__md_scope=", '<script>fetch("//evil.example/");__md_scope='), encoding="utf-8")
    [offence] = scan_site(site, site_url=SITE_URL)
    assert offence.startswith("index.html:") and '非 Material 或 gongshi 自带的内联脚本 <script>fetch("//evil.example/")' in offence


def test_a_changed_search_on_demand_snippet_is_reported(built_site, tmp_path):
    # gongshi's own inline script (overrides/main.html) passes only as shipped, byte for byte.
    site = shutil.copytree(built_site, tmp_path / "site")
    page = site / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("var wanted = new Promise") == 1
    page.write_text(html.replace("var wanted = new Promise", 'new Image().src = "//evil.example/";var wanted = new Promise'),
                    encoding="utf-8")
    [offence] = scan_site(site, site_url=SITE_URL)
    assert offence.startswith("index.html:") and "非 Material 或 gongshi 自带的内联脚本 <script>(function () {" in offence


def test_canonical_links_need_the_site_url_to_count_as_own(built_site):
    # MkDocs writes <link rel="canonical" href="https://xingfuli.example.cn/..."> on every page.
    offences = scan_site(built_site)
    assert offences and all("从外部加载 <link href=\"https://xingfuli.example.cn/" in o for o in offences)
    assert scan_site(built_site, site_url=SITE_URL) == []


def test_a_backslash_after_the_slash_is_another_host(tmp_path):
    # Browsers read /\host and \\host as //host in web addresses.
    (tmp_path / "index.html").write_text(
        '<img src="/\\evil.example/x.png">\n<img src="\\\\evil.example/y.png">\n<img src="/assets/ok.png">\n'
        '<img src="\\ok.png">\n', encoding="utf-8")
    assert scan_site(tmp_path) == [
        'index.html:1: 从外部加载 <img src="/\\evil.example/x.png">',
        'index.html:2: 从外部加载 <img src="\\\\evil.example/y.png">',
    ]
