"""Find the data files under the data folder and tell what kind each one is.

Nothing is followed through a symbolic link: a pull request must not be able to
publish a file from outside the data folder.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import Location, Problem, error, warning
from ..site_layout import content_folders, reserved_ids, reserved_slugs

ID_RE = re.compile(r"[a-z0-9-]+")
# An id names a page, a folder and a PDF file (notices/<id>.pdf): at most 100 characters, so
# every path stays far below the file systems' 255-byte limit on a name.
MAX_ID_LENGTH = 100
# Git's convention for keeping an empty folder: no content, nothing to warn about.
QUIET_HIDDEN = frozenset({".gitkeep"})


def id_problem(text: str) -> str | None:
    """Why text is not a valid id, in Chinese, or None."""
    if not ID_RE.fullmatch(text):
        return "只能用小写字母、数字和连字符“-”"
    if len(text) > MAX_ID_LENGTH:
        return (f"有 {len(text)} 个字符，最多 {MAX_ID_LENGTH} 个（它会成为网页和打印版 PDF 的文件名，"
                "过长的名字无法保存）")
    return None
PERIOD_RE = re.compile(r"\d{4}(?:-(?:H[12]|Q[1-4]))?", re.ASCII)
YAML_SUFFIXES = (".yml", ".yaml")

# Folder inside a community → file kind; the stem of each file is its id.
RECORD_FOLDERS = {
    "maintenance-fund": "maintenance-fund",
    "public-revenue": "public-revenue",
    "votes": "vote",
    "notices": "notice",
    "inspections": "inspection",
    "evaluations": "evaluation",
    "documents": "document",
    "meetings": "meeting",
}
PERIOD_KINDS = {"maintenance-fund", "public-revenue", "evaluation"}
SINGLE_FILES = {"community": "community", "committee": "committee"}
# A community's PDFs that documents attach (load/attachments.py reads this folder).
FILES_FOLDER = "files"
# District level: the register of property service companies, data/firms/<id>.yml.
FIRMS_FOLDER = "firms"


@dataclass(frozen=True)
class DataFile:
    path: Path
    kind: str
    community: str | None  # slug; None for site.yml
    stem: str


def _symlink(path: Path) -> Problem:
    return error(
        Location(str(path)),
        "file.symlink",
        "数据目录中不允许符号链接：请把文件本身放进数据目录，不要链接到目录之外。",
    )


def folder_entries(folder: Path, problems: list[Problem]) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            items = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        problems.append(error(Location(str(folder)), "file.unreadable", f"无法读取目录：{exc.strerror or exc}"))
        return []
    kept = []
    for entry in items:
        if entry.name.startswith("."):
            # Never read, never listed in the public manifest.json (build/manifest.py).
            if entry.name not in QUIET_HIDDEN:
                problems.append(warning(Location(entry.path), "file.hidden",
                                        f"隐藏的{'文件夹' if entry.is_dir(follow_symlinks=False) else '文件'}“{entry.name}”"
                                        "不会被读取，也不会列入公开的 manifest.json。数据目录中只放公示数据："
                                        "草稿、密钥或编辑器文件请放到数据目录之外，不要提交。"))
            continue
        if entry.is_symlink():
            problems.append(_symlink(Path(entry.path)))
            continue
        kept.append(entry)
    return kept


def _unexpected(path: Path, hint: str) -> Problem:
    return warning(Location(str(path)), "file.unexpected", f"这个文件不会被读取：{hint}")


def _check_stem(path: Path, stem: str, kind: str, problems: list[Problem]) -> bool:
    if kind in PERIOD_KINDS:
        if not PERIOD_RE.fullmatch(stem):
            problems.append(error(Location(str(path)), "period.invalid",
                                  f"文件名“{stem}”不是有效的期间：应为 2024、2024-H1/2024-H2 或 2024-Q1…2024-Q4。"))
            return False
        return True
    reason = id_problem(stem)
    if reason is not None:
        problems.append(error(Location(str(path)), "id.invalid", f"文件名“{_short(stem)}”不是有效的编号：{reason}。"))
        return False
    if stem in reserved_ids(kind):
        # Read all the same: its other problems are worth knowing; the build stops at this error.
        problems.append(error(Location(str(path)), "id.reserved",
                              f"编号“{stem}”是网站自己使用的名字（{path.parent.name}/{stem} 是这一栏的列表页），"
                              "会顶替生成的页面：请给文件换一个名字。"))
    return True


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def discover(data_dir: Path) -> tuple[list[DataFile], list[Problem]]:
    problems: list[Problem] = []
    files: list[DataFile] = []
    if data_dir.is_symlink():
        return [], [_symlink(data_dir)]
    if not data_dir.is_dir():
        return [], [error(Location(str(data_dir)), "file.missing", "找不到数据目录：请用 --data 指定，或在含有 data/ 的目录中运行。")]
    site_files: list[Path] = []
    for entry in folder_entries(data_dir, problems):
        path = Path(entry.path)
        if entry.is_file() and entry.name in ("site.yml", "site.yaml"):
            site_files.append(path)
        elif entry.is_dir() and entry.name == "communities":
            _discover_communities(path, files, problems, reserved_slugs(*content_folders(data_dir)))
        elif entry.is_dir() and entry.name == FIRMS_FOLDER:
            _discover_firms(path, files, problems)
        elif entry.is_file() and entry.name.endswith(YAML_SUFFIXES):
            problems.append(_unexpected(path, "数据目录顶层只放 site.yml、communities/ 和 firms/。"))
    # site.yml is the documented name: read it, and say that site.yaml beside it is not read.
    site_files.sort(key=lambda p: p.name != "site.yml")
    for extra in site_files[1:]:
        problems.append(error(Location(str(extra)), "site.duplicate_file",
                              f"{extra.name} 与 {site_files[0].name} 同时存在：门户设置只能写在一个文件里，"
                              f"只读取 {site_files[0].name}。请把需要的设置合并到 {site_files[0].name}，删除 {extra.name}。"))
    if site_files:
        files.append(DataFile(site_files[0], "site", None, "site"))
    if not any(f.kind == "site" for f in files):
        problems.append(error(Location(str(data_dir / "site.yml")), "file.missing", "缺少门户设置文件 site.yml。"))
    return files, problems


def _discover_firms(folder: Path, files: list[DataFile], problems: list[Problem]) -> None:
    for entry in folder_entries(folder, problems):
        path = Path(entry.path)
        stem, suffix = os.path.splitext(entry.name)
        if not entry.is_file() or suffix not in YAML_SUFFIXES:
            problems.append(_unexpected(path, f"{FIRMS_FOLDER}/ 中只放 .yml 文件，每个物业服务企业一个。"))
        elif _check_stem(path, stem, "firm", problems):
            if any(f.kind == "firm" and f.stem == stem for f in files):
                problems.append(error(Location(str(path)), "id.duplicate",
                                      f"编号“{stem}”重复：同一编号只能有一个文件（.yml 和 .yaml 只留一个）。"))
                continue
            files.append(DataFile(path, "firm", None, stem))


def _discover_communities(folder: Path, files: list[DataFile], problems: list[Problem], reserved: set[str]) -> None:
    for entry in folder_entries(folder, problems):
        path = Path(entry.path)
        if not entry.is_dir():
            problems.append(_unexpected(path, "communities/ 下每个小区是一个文件夹。"))
            continue
        slug = entry.name
        reason = id_problem(slug)
        if reason is not None:
            problems.append(error(Location(str(path)), "id.invalid", f"小区文件夹名“{_short(slug)}”{reason}。"))
            continue
        if slug in reserved:
            # Read all the same: its other problems are worth knowing; the build stops at this error.
            problems.append(error(Location(str(path)), "id.reserved",
                                  f"小区文件夹名“{slug}”是网站自己使用的名字（有多个小区时，网站根目录下的 {slug}/ "
                                  f"已有用途，保留的名字有：{'、'.join(sorted(reserved))}）：请给小区文件夹换一个名字。"))
        _discover_community(path, slug, files, problems)


def _discover_community(folder: Path, slug: str, files: list[DataFile], problems: list[Problem]) -> None:
    seen: dict[tuple[str, str], Path] = {}
    for entry in folder_entries(folder, problems):
        path = Path(entry.path)
        stem, suffix = os.path.splitext(entry.name)
        if entry.is_file() and suffix in YAML_SUFFIXES and stem in SINGLE_FILES:
            _add(DataFile(path, SINGLE_FILES[stem], slug, stem), seen, files, problems)
        elif entry.is_dir() and entry.name == FILES_FOLDER:
            continue  # PDFs, not data files: load/attachments.py checks them
        elif entry.is_dir() and entry.name in RECORD_FOLDERS:
            kind = RECORD_FOLDERS[entry.name]
            for item in folder_entries(path, problems):
                item_path = Path(item.path)
                item_stem, item_suffix = os.path.splitext(item.name)
                if not item.is_file() or item_suffix not in YAML_SUFFIXES:
                    problems.append(_unexpected(item_path, f"{entry.name}/ 中只放 .yml 文件。"))
                elif _check_stem(item_path, item_stem, kind, problems):
                    _add(DataFile(item_path, kind, slug, item_stem), seen, files, problems)
        else:
            problems.append(_unexpected(path, "小区文件夹中只放 community.yml、committee.yml 和 "
                                              + "、".join(f"{k}/" for k in (*RECORD_FOLDERS, FILES_FOLDER)) + "。"))
    if ("community", "community") not in seen:
        problems.append(error(Location(str(folder / "community.yml")), "file.missing",
                              f"小区“{slug}”缺少 community.yml（小区概况）。"))


def _add(file: DataFile, seen: dict, files: list[DataFile], problems: list[Problem]) -> None:
    key = (file.kind, file.stem)
    if key in seen:
        problems.append(error(Location(str(file.path)), "id.duplicate",
                              f"编号“{file.stem}”与 {seen[key].name} 重复：同一编号只能有一个文件。"))
        return
    seen[key] = file.path
    files.append(file)


def community_folders(data_dir: Path) -> list[Path]:
    """The folders under communities/ that can be communities (a quick look, before any
    file is read: whether the build needs the district machinery at all)."""
    folder = data_dir / "communities"
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_dir() and not p.is_symlink() and id_problem(p.name) is None)
