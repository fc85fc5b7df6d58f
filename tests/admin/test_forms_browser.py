"""The real web forms end to end: Decap CMS from a built site, decap-server on a
temporary git repository holding the sample, Debian's chromium.

A committee member logs in, adds a maintenance-fund expense (amount, date, the vote
chosen from the list) and the new closing balance, and saves. The save is a commit
on a new cms/… branch; after `gongshi fmt` the data is valid (`check --base none`),
plain `check` asks for the correction a published period needs, and a build of the
branch shows the expense on the ledger page. Every request the browser makes
goes to 127.0.0.1.
"""

from __future__ import annotations

import json

import shutil
import time
from urllib.parse import urlsplit

import pytest

from generator.cli import main
from tests.admin.decap import decap_server, free_port
from tests.browser import serving
from tests.conftest import ROOT, SAMPLE_DATA
from tests.workflow.conftest import AS_OF, C, commit_all, git

LEDGER = f"{C}/maintenance-fund/2026-H1.yml"
BRANCH = "cms/shili-jiayuan--maintenance-fund/2026-H1"
VOTE_TITLE = "使用专项维修资金更换3号楼1、2单元电梯"   # votes/2025-elevator.yml: use_fund, passed
SUMMARY = "3号楼电梯维修保养（表单录入）"


@pytest.fixture
def committee_repo(tmp_path):
    """The sample in a git repository whose site.yml points the forms at decap-server."""
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(SAMPLE_DATA, repo / "data")
    shutil.copytree(ROOT / "schemas", repo / "schemas")
    shutil.copyfile(ROOT / ".gitignore", repo / ".gitignore")  # decap-server commits with `git add .`
    port = free_port()
    with (repo / "data/site.yml").open("a", encoding="utf-8") as site:
        site.write(f"admin:\n  backend: local\n  proxy_url: http://127.0.0.1:{port}/api/v1\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "测试编辑")
    git(repo, "config", "user.email", "editor@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    commit_all(repo, "示例数据")
    return repo, port


def gongshi(*args: str) -> int:
    return main([*args])


def _wait_for_branch(repo, home: str, base: str, seconds: float = 15) -> str:
    # decap-server makes the branch, commits on it, then checks `home` (the branch it found,
    # at commit `base`) out again: wait for all three, or stopping it could cut git short.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        branches = git(repo, "branch", "--list", "cms/*").split()
        if (branches and git(repo, "rev-parse", branches[-1]) != base
                and git(repo, "symbolic-ref", "--short", "HEAD").strip() == home
                and not (repo / ".git" / "index.lock").exists()):
            return branches[-1]
        time.sleep(0.2)
    pytest.fail("保存后 15 秒内 cms/ 分支上没有出现提交")


def test_an_expense_entered_in_the_form_becomes_a_clean_reviewed_change(committee_repo, browser, tmp_path,
                                                                       monkeypatch, capsys):
    repo, port = committee_repo
    monkeypatch.chdir(repo)
    site = tmp_path / "site"
    assert gongshi("build", "--out", str(site), "--admin", "--no-pdf", "--as-of", AS_OF) == 0

    requests: list[str] = []
    with decap_server(repo, port, tmp_path / "decap-server.log"), serving(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(url + "admin/")
        page.get_by_role("button", name="登录").click()
        page.get_by_text("示例家园 · 专项维修资金").first.wait_for()
        page.goto(url + "admin/#/collections/shili-jiayuan--maintenance-fund/entries/2026-H1")
        page.get_by_role("button", name="新增明细").click()

        def new_entry(name: str):  # the item just added: its fields are the last of their name
            return page.locator(f'input[id^="{name}-field-"]').last

        new_entry("id").fill("mf-2026-005")
        new_entry("date").fill("2026-06-25")
        new_entry("type").click()
        page.get_by_text("使用", exact=True).last.click()
        new_entry("amount").fill("12345.6")
        new_entry("summary").fill(SUMMARY)
        new_entry("counterparty").fill("某某电梯工程有限公司")
        new_entry("voucher").fill("记-2026-023")
        new_entry("vote").click()
        page.keyboard.type("电梯")
        page.get_by_text(VOTE_TITLE, exact=True).last.click()
        page.locator('input[id^="closing_balance-field-"]').fill("3079318.69")  # 3091664.29 − 12345.60
        home, base = git(repo, "symbolic-ref", "--short", "HEAD").strip(), git(repo, "rev-parse", "HEAD")
        page.get_by_role("button", name="保存").click()
        branch = _wait_for_branch(repo, home, base)
        context.close()

    assert branch == BRANCH
    assert {urlsplit(r).hostname for r in requests if not r.startswith(("data:", "blob:"))} == {"127.0.0.1"}

    # The commit on the branch is Decap's: comments gone, 100000 for 100000.00, keys moved.
    git(repo, "switch", "-q", branch)
    assert git(repo, "log", "-1", "--format=%s") == "修改专项维修资金“2026-H1”（网页表单）\n"
    decap_wrote = (repo / LEDGER).read_text(encoding="utf-8")
    assert "    amount: 12345.6\n" in decap_wrote and "    vote: 2025-elevator\n" in decap_wrote

    capsys.readouterr()
    assert gongshi("fmt") == 0
    assert capsys.readouterr().out == f"已整理：{LEDGER}\n共 47 个数据文件，整理了 1 个。\n"
    canonical = (repo / LEDGER).read_text(encoding="utf-8")
    assert ("  - id: mf-2026-005\n    date: 2026-06-25\n    type: expense\n    amount: 12345.60\n"
            f"    summary: {SUMMARY}\n    counterparty: 某某电梯工程有限公司\n    voucher: 记-2026-023\n"
            "    vote: 2025-elevator\nclosing_balance: 3079318.69\n") in canonical
    assert "    amount: 100000.00\n" in canonical
    assert "    apportionment: {basis: area, scope: [1号楼, 2号楼, 3号楼, 4号楼, 5号楼, 6号楼]}\n" in canonical
    # Valid data; on its cms/ branch, check compares with main by itself and finds the
    # change to a published period, for which a correction notice is due (the guide says so).
    assert gongshi("check", "--as-of", AS_OF, "--base", "none") == 0
    capsys.readouterr()
    assert gongshi("check", "--as-of", AS_OF, "--format", "json") == 1
    assert [(p["code"], p["path"]) for p in json.loads(capsys.readouterr().out) if p["severity"] == "error"] == [
        ("published.silent_edit", LEDGER)]

    out = tmp_path / "branch-site"
    assert gongshi("build", "--out", str(out), "--no-pdf", "--as-of", AS_OF) == 0
    ledger_page = (out / "maintenance-fund/2026-H1/index.html").read_text(encoding="utf-8")
    assert SUMMARY in ledger_page and "12,345.60" in ledger_page and "3,079,318.69" in ledger_page
