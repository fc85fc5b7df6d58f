"""content/guide.md “制度文件、会议记录和物业服务企业”: the meeting written there, checked on
the sample at 2026-11-25, gives exactly the output the guide shows."""

from __future__ import annotations

import re
from datetime import date

from generator.builddate import epoch_of
from tests.workflow.conftest import C
from tests.workflow.test_guide import blocks, console, replayer

SECTION = "制度文件、会议记录和物业服务企业"


def test_the_governance_section_shows_real_output(repo, gongshi, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(date(2026, 11, 25))))
    expect = replayer(gongshi, console(SECTION))
    meetings = repo / C / "meetings"

    expect("gongshi new meeting")
    (meetings / "2026-11-meeting.yml").unlink()
    (meeting,) = blocks("yaml", SECTION)
    path = meetings / "2026-11-20-committee.yml"
    path.write_text(meeting, encoding="utf-8")
    expect("gongshi check")

    # The gate decision did not pass: it is not a decision of the meeting.
    path.write_text(re.sub(r"  - text: 同意更换小区南门道闸.*\n    approve: 3\n", "", meeting), encoding="utf-8")
    expect("gongshi check")
    assert next(expect.steps, None) is None
