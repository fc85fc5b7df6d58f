"""A tiny Chinese docs folder and helpers shared by the site tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.site import build_site
from tests.conftest import ROOT

BASE_CONFIG = ROOT / "mkdocs.yml"
BUILD_DATE = date(2024, 5, 1)
SITE_URL = "https://xingfuli.example.cn/"

PAGES = {
    "index.md": """\
# 首页

本小区公示电梯维修资金使用情况。

[电梯维修](lift.md)
""",
    "lift.md": """\
# 电梯维修 {#lift}

3号楼电梯更换曳引机，费用从专项维修资金中列支。<span class="status-active">公示中</span>

<table>
<thead><tr><th>项目</th><th>供应商</th><th>合同编号</th><th>开工日期</th><th>竣工日期</th><th>验收</th><th class="num">金额（元）</th></tr></thead>
<tbody><tr><td>曳引机更换</td><td>某某电梯工程有限公司</td><td class="nowrap">HT-2024-0001</td><td><time datetime="2024-03-01">2024-03-01</time></td><td><time datetime="2024-03-15">2024-03-15</time></td><td><span class="ok">✓</span></td><td class="num">128,000.00</td></tr></tbody>
</table>
""",
}


def write_docs(folder: Path, pages: dict[str, str] = PAGES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(docs: Path, out: Path, **overrides) -> None:
    options = dict(site_name="幸福里小区公示", nav=None, site_url=SITE_URL, base_config=BASE_CONFIG, build_date=BUILD_DATE)
    options.update(overrides)
    build_site(docs, out, **options)
