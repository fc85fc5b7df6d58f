"""content/guide.md “制度文件、会议记录和物业服务企业”: the meeting written there, checked on
the sample at 2026-11-25, gives exactly the output the guide shows."""

from __future__ import annotations

import re
from datetime import date

from generator.builddate import epoch_of
from tests.workflow.conftest import C
from tests.workflow.test_guide import BLOCK, GUIDE, replayer

SECTION = "## 制度文件、会议记录和物业服务企业"


def _section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start:end if end >= 0 else len(text)]


def _blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(_section()) if lang == language]


def _console() -> list[tuple[str, str]]:
    out = []
    for body in _blocks("console"):
        lines = body.split("\n")
        if lines[0].startswith("$ gongshi "):
            out.append((lines[0][2:], "\n".join(lines[1:])))
    return out


def test_the_governance_section_shows_real_output(repo, gongshi, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(date(2026, 11, 25))))
    expect = replayer(gongshi, _console())
    meetings = repo / C / "meetings"

    expect("gongshi new meeting")
    (meetings / "2026-11-meeting.yml").unlink()
    (meeting,) = _blocks("yaml")
    path = meetings / "2026-11-20-committee.yml"
    path.write_text(meeting, encoding="utf-8")
    expect("gongshi check")

    # The gate decision did not pass: it is not a decision of the meeting.
    path.write_text(re.sub(r"  - text: 同意更换小区南门道闸.*\n    approve: 3\n", "", meeting), encoding="utf-8")
    expect("gongshi check")
    assert next(expect.steps, None) is None
