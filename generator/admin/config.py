"""config.yml of the web forms, generated from the data models and the portal.

One folder collection per record kind and community, one file collection per
community (community.yml, committee.yml), one for site.yml and one folder collection
for the district's register of firms (data/firms/). Paths are relative to
the repository, which is what every Decap backend (and decap-server) works in.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..exits import Stop
from ..load.discover import FIRMS_FOLDER, RECORD_FOLDERS
from ..model.labels import ACCOUNT_TITLE
from ..model.portal import Portal
from ..model.records import KINDS, Admin
from .relations import relations
from .widgets import model_fields

FOLDER_LABELS = {
    "maintenance-fund": "专项维修资金", "public-revenue": "公共收益", "votes": "表决",
    "notices": "公示公告", "inspections": "监督检查", "evaluations": "履约考评",
    "documents": "制度文件", "meetings": "会议与决定",
}
# Each kind's title field (the list shows it) and the list's summary line.
IDENTIFIERS = {
    "maintenance-fund": ("period", "{{period}}"), "public-revenue": ("period", "{{period}}"),
    "votes": ("title", "{{title}}"), "notices": ("title", "{{published}} {{title}}"),
    "inspections": ("authority", "{{date}} {{authority}}"), "evaluations": ("evaluated", "{{date}} {{evaluated}}"),
    "documents": ("title", "{{adopted}} {{title}}"), "meetings": ("date", "{{date}} {{title}}"),
}
# A ledger's or evaluation's file name is its period (2026-H1) and Decap lower-cases
# every file name it makes (2026-h1, which check refuses): those files are started in a
# text editor or by `gongshi import`, and edited in the forms.
CREATE = {"votes", "notices", "inspections", "documents", "meetings"}
# A new vote, notice or inspection is named by when it was made (UTC): ids are
# [a-z0-9-]+ and Decap cannot spell a Chinese title that way.
NEW_FILE_NAME = "{{year}}-{{month}}{{day}}-{{hour}}{{minute}}{{second}}"
LOCAL_PROXY = "http://localhost:8081/api/v1"
# Commit messages in Chinese: reviewers read them in the pull request.
COMMIT_MESSAGES = {
    "create": "新建{{collection}}“{{slug}}”（网页表单）",
    "update": "修改{{collection}}“{{slug}}”（网页表单）",
    "delete": "删除{{collection}}“{{slug}}”（网页表单）",
    "uploadMedia": "上传“{{path}}”（网页表单）",
    "deleteMedia": "删除“{{path}}”（网页表单）",
}


def backend(admin: Admin) -> dict:
    if admin.backend == "github":
        where = {"name": "github", "repo": admin.repo, "branch": admin.branch, "base_url": admin.base_url}
    elif admin.backend == "gitea":
        root = admin.base_url.rstrip("/")
        where = {"name": "gitea", "repo": admin.repo, "branch": admin.branch, "base_url": root,
                 "api_root": f"{root}/api/v1", "app_id": admin.app_id}
    else:  # decap-server on the editor's own computer (Decap's "proxy" backend)
        where = {"name": "proxy", "proxy_url": admin.proxy_url or LOCAL_PROXY, "branch": admin.branch}
    return where | {"commit_messages": COMMIT_MESSAGES}


def admin_config(portal: Portal, repo_root: Path) -> dict:
    if portal.site is None or portal.site.model.admin is None:
        raise Stop.data("site.yml 中没有 admin 设置，不知道网页表单把修改提交到哪里。请加上例如：\n"
                        "admin:\n  backend: github\n  repo: 所有者/仓库名\n  base_url: https://登录服务地址/\n"
                        "（各项的说明见 docs/fields.md 的 site.yml 部分）")
    data = _posix(portal.data_dir.resolve(), repo_root)
    schemas = _posix(portal.data_dir.resolve().parent / "schemas", repo_root)
    site = portal.site.model
    collections = [_files_collection("site", "门户设置", [("site", "门户设置", f"{data}/site.yml")], schemas),
                   _firms_collection(f"{data}/{FIRMS_FOLDER}", schemas)]
    for slug, community in sorted(portal.communities.items()):
        name = community.profile.model.name if community.profile is not None else slug
        base = f"{data}/communities/{slug}"
        collections.append(_files_collection(f"{slug}--profile", f"{name} · 小区概况与业委会", [
            ("community", "小区概况", f"{base}/community.yml"), ("committee", "业主委员会", f"{base}/committee.yml")],
            schemas, prefix=slug))
        for folder in RECORD_FOLDERS:
            collections.append(_folder_collection(slug, name, folder, f"{base}/{folder}", schemas))
    media = (Path(data).parent / "content" / "media").as_posix()
    return {
        "locale": "zh_Hans",
        "backend": backend(site.admin),
        # Each save a branch cms/… and a pull request; Decap's Gitea backend has none, and
        # commits to site.yml's own branch for the forms instead (a model rule).
        "publish_mode": "simple" if site.admin.backend == "gitea" else "editorial_workflow",
        # Uploads (if anyone uses the media button) become site files through content/.
        "media_folder": media,
        "public_folder": "/media",
        "site_url": site.base_url,
        "display_url": site.base_url,
        "show_preview_links": False,
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections,
    }


def _posix(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def _modeline_comment(fields: list[dict], schemas: str, kind: str, folder: str) -> list[dict]:
    """Decap drops every comment when it saves; this one it writes back, first (gongshi fmt
    would add it anyway)."""
    target = Path(os.path.relpath(f"{schemas}/{kind}.schema.json", folder)).as_posix()
    return [fields[0] | {"comment": f"yaml-language-server: $schema={target}"}] + fields[1:]


def _folder_collection(slug: str, community: str, folder: str, path: str, schemas: str) -> dict:
    kind = RECORD_FOLDERS[folder]
    identifier, summary = IDENTIFIERS[folder]
    fields = model_fields(KINDS[kind], relations(lambda other: f"{slug}--{other}"))
    label = FOLDER_LABELS[folder]
    collection = {
        "name": f"{slug}--{folder}",
        "label": f"{community} · {label}",
        "label_singular": ACCOUNT_TITLE.get(kind, label),
        "folder": path,
        "extension": "yml",
        "format": "yml",
        "create": folder in CREATE,
        "delete": False,  # a published record is corrected by a notice, never removed (published.silent_edit)
        "identifier_field": identifier,
        "editor": {"preview": False},  # the preview pane shows raw values: the site is the preview
        "summary": summary,
        "fields": _modeline_comment(fields, schemas, kind, path),
    }
    if folder in CREATE:
        collection["slug"] = NEW_FILE_NAME
    return collection


def _firms_collection(path: str, schemas: str) -> dict:
    """The district's register of firms. Edited here, never created: a firm's file name is
    the id communities write in `firm:`, which `gongshi new firm` chooses."""
    return {
        "name": FIRMS_FOLDER, "label": "全区物业服务企业名录", "label_singular": "物业服务企业",
        "folder": path, "extension": "yml", "format": "yml", "create": False, "delete": False,
        "identifier_field": "name", "editor": {"preview": False}, "summary": "{{name}}",
        "fields": _modeline_comment(model_fields(KINDS["firm"], relations(lambda other: other)), schemas, "firm", path),
    }


def _files_collection(name: str, label: str, files: list[tuple[str, str, str]], schemas: str,
                      prefix: str | None = None) -> dict:
    relation_for = relations(lambda other: f"{prefix}--{other}")
    return {
        "name": name, "label": label, "delete": False, "format": "yml", "extension": "yml",
        "files": [{"name": kind, "label": file_label, "file": file,
                   "fields": _modeline_comment(model_fields(KINDS[kind], relation_for), schemas, kind,
                                               str(Path(file).parent))}
                  for kind, file_label, file in files],
    }
