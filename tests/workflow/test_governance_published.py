"""Documents and meetings are published data once a notice has published them: editing one
needs a correction (published.silent_edit), and gongshi diff lists what changed."""

from __future__ import annotations

from tests.workflow.conftest import AS_OF, C, commit_all, git, line_of, replace_once

DECIDED = f"{C}/meetings/2026-11-committee.yml"      # published by notices/2026-11-committee-decisions.yml
UNPUBLISHED = f"{C}/meetings/2026-02-committee.yml"  # no notice relates it


def test_editing_a_published_meeting_needs_a_correction(repo, gongshi):
    path = repo / DECIDED
    replace_once(path, "由候补委员孙某自2026年11月12日起递补为委员，报示例街道办事处备案\n    approve: 5",
                 "由候补委员孙某自2026年11月12日起递补为委员，报示例街道办事处备案\n    approve: 4")
    result = gongshi("check", "--base", "main", "--as-of", AS_OF)
    assert result.code == 1
    (line,) = [row for row in result.out.splitlines() if "published.silent_edit" in row]
    assert line.startswith(f"{DECIDED}:{line_of(path, 'approve: 4')}:14: 错误[published.silent_edit]")
    assert "会议记录 2026-11-committee" in line and "原为 5，现为 4" in line
    assert "第二届业主委员会第二十次会议决定公告" in line


def test_a_meeting_no_notice_published_may_still_be_edited(repo, gongshi):
    replace_once(repo / UNPUBLISHED, "    approve: 5\n", "    approve: 6\n")
    result = gongshi("check", "--base", "main", "--as-of", AS_OF)
    assert result.code == 0 and "published.silent_edit" not in result.out


def test_diff_lists_changed_documents_and_meetings(repo, gongshi):
    git(repo, "switch", "-q", "-c", "meeting")
    replace_once(repo / UNPUBLISHED, "    approve: 5\n", "    approve: 6\n")
    commit_all(repo, "会议记录更正")
    summary = gongshi("diff", "main", "--as-of", AS_OF)
    assert summary.code == 0
    assert "### 制度文件与会议" in summary.out
    assert f"- 修改：会议记录 2026-02-committee（2026-02-12，业委会会议）（{UNPUBLISHED}）" in summary.out
