"""Sites the build tests share: the sample (tests/conftest.py) and a copy with hostile texts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.build.helpers import COMMUNITY, copy_sample, replace_in
from tests.conftest import SAMPLE_AS_OF

# Data texts that Markdown, Jinja, HTML or a table would act on if they were not text.
MEMBER_IMG = "<img src=x onerror=alert(1)>"
MEMBER_SCRIPT = "<script>alert(1)</script>"
NOTICE_TITLE = "<script>alert(1)</script> 检查 | *bold* {{ 7*7 }} {% raw %}"
VOTE_TITLE = "[x](javascript:alert(1)) 电梯 {% raw %} <b>粗</b> _斜_"
ENTRY_SUMMARY = "{{ 7*7 }} | *bold* {% raw %} [x](javascript:alert(1)) <b>b</b> `code` #1"
COUNTERPARTY = "A|B *c* {{ 7*7 }} \\ ~~d~~"
VOUCHER = "记-2026-017 <i>i</i> &amp;"

# (file under the community folder, exact text in the sample, replacement)
HOSTILE_EDITS = [
    ("committee.yml", "name: 张某某", f"name: '{MEMBER_IMG}'"),
    ("committee.yml", "name: 刘某\n", f"name: '{MEMBER_SCRIPT}'\n"),
    ("notices/2026-11-inspection.yml", "title: 关于示例街道小区公共设施检查结果及整改情况的公示",
     f"title: '{NOTICE_TITLE}'"),
    ("votes/2025-elevator.yml", "title: 使用专项维修资金更换3号楼1、2单元电梯", f"title: '{VOTE_TITLE}'"),
    ("maintenance-fund/2026-H1.yml", "summary: 地下泵房消防水泵故障紧急更换", f"summary: '{ENTRY_SUMMARY}'"),
    ("maintenance-fund/2026-H1.yml", "counterparty: 某某消防工程有限公司", f"counterparty: '{COUNTERPARTY}'"),
    ("maintenance-fund/2026-H1.yml", "voucher: 记-2026-017", f"voucher: '{VOUCHER}'"),
]


def write_hostile_data(root: Path) -> Path:
    data = copy_sample(root)
    community = data / COMMUNITY.relative_to(COMMUNITY.parents[1])
    for rel, old, new in HOSTILE_EDITS:
        replace_in(community / rel, old, new)
    return data


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The sample with hostile texts in names, titles and ledger fields, built without PDFs."""
    from generator.build.portal import build_portal

    root = tmp_path_factory.mktemp("hostile")
    data = write_hostile_data(root)
    out = root / "site"
    build_portal(data, out, date.fromisoformat(SAMPLE_AS_OF), pdf=False)
    return out
