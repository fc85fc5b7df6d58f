"""site.yml's admin: mapping (where the web forms commit): each backend's settings."""

from __future__ import annotations

import pytest

from tests.rules.helpers import SITE, SITE_PATH, only, run, t

GOOD = {
    "local": "admin:\n  backend: local\n",
    "local with its address": "admin:\n  backend: local\n  proxy_url: http://127.0.0.1:8081/api/v1\n",
    "github": "admin:\n  backend: github\n  repo: shili/data\n  base_url: https://auth.example.org/\n",
    "gitea": "admin:\n  backend: gitea\n  repo: shili/data\n  branch: cms/forms\n  base_url: https://git.example.org/\n  app_id: x1\n",
}


@pytest.mark.parametrize("admin", GOOD.values(), ids=GOOD.keys())
def test_complete_settings_check_clean(tmp_path, admin):
    _, problems = run(tmp_path, {SITE_PATH: SITE + admin})
    assert problems == []


GITEA_BRANCH = ("backend 为 gitea 时表单直接提交到 branch，须另设以 cms/ 开头的专用分支（例如 branch: cms/forms："
                "工作流只整理 cms/… 分支上表单的提交），再从它向默认分支发合并请求")


@pytest.mark.parametrize("admin, message", [
    ("  backend: github\n  repo: shili/data\n", "backend 为 github 时须填写 base_url"),
    ("  backend: gitea\n  repo: shili/data\n", "backend 为 gitea 时须填写 base_url、app_id"),
    *((f"  backend: gitea\n  repo: a/b\n{branch}  base_url: https://git.example.org/\n  app_id: x\n", GITEA_BRANCH)
      # the default main; the default branch; a branch of its own that the tidy workflow skips
      for branch in ("", "  branch: main\n", "  branch: forms\n", "  branch: cms/\n")),
    ("  backend: github\n  repo: shili\n  base_url: https://auth.example.org/\n",
     "repo 应写成“所有者/仓库名”，例如 shili/gongshi-data，实际是“shili”"),
    ("  backend: github\n  repo: a/b\n  base_url: https://a.example/\n  proxy_url: http://127.0.0.1:1/\n",
     "proxy_url 只用于 backend: local"),
])
def test_incomplete_settings_are_reported_at_the_admin_mapping(tmp_path, admin, message):
    text = SITE + "admin:\n" + admin
    data, problems = run(tmp_path, {SITE_PATH: text})
    problem = only(problems, data, "site.admin_invalid", SITE_PATH, line=5, column=3)
    assert problem.message == f"字段 admin：{message}"


def test_an_unknown_backend_lists_the_choices(tmp_path):
    data, problems = run(tmp_path, {SITE_PATH: SITE + t("""
        admin:
          backend: gitlab
    """)})
    problem = only(problems, data, "schema.enum", SITE_PATH, line=5, column=12)
    assert problem.message == ("字段 admin.backend：“gitlab”不是允许的值。可选：github（GitHub）、gitea（Gitea 或 Forgejo）、"
                               "local（本机 decap-server（在自己的电脑上编辑））")
