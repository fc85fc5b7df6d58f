"""How one record names another (`related`, `corrects`): `vote/<id>`, `entry/<id>`,
`maintenance-fund/<period>`, `document/<id>`, `meeting/<id>`, … or `committee`
(data-format.md, notices; data-format-2 §3 adds documents and meetings)."""

from __future__ import annotations

import re

from .labels import ACCOUNT_TITLE, ACCOUNTS

REF_RE = re.compile(r"(vote|inspection|evaluation|maintenance-fund|public-revenue|entry|notice|document|meeting)/(.+)|committee")
# The kind of record each reference prefix names, as an editor calls it.
REF_KINDS = {
    "vote": "表决", "inspection": "监督检查", "evaluation": "履约考评",
    **{account: f"{ACCOUNT_TITLE[account]}账目" for account in ACCOUNTS},
    "entry": "账目明细", "notice": "公示", "document": "制度文件", "meeting": "会议", "committee": "业主委员会",
}
