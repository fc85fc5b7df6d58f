"""A community's files/ folder: the PDFs its documents attach (data-format-2 §3), published
as they are.

A file there is taken only when it is a PDF by its first bytes (`%PDF-`, whatever its name
says), at most 20 MB, named like an id (`covenant-2024.pdf`: it becomes part of a web
address) and sits directly in files/. Anything else — another format, a larger file, a
folder, a name with spaces or capitals — is refused with `document.file_invalid` and never
published; a symbolic link is `file.symlink`, as everywhere in the data folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Location, Problem, error
from .discover import FILES_FOLDER, folder_entries

PDF_MAGIC = b"%PDF-"
MAX_PDF_BYTES = 20 * 1024 * 1024
NAME_RE = re.compile(r"[a-z0-9-]+\.pdf")


def _invalid(path: Path, why: str) -> Problem:
    return error(Location(str(path)), "document.file_invalid",
                 f"{FILES_FOLDER}/ 中的“{path.name}”不能发布：{why}。{FILES_FOLDER}/ 只放制度文件引用的 PDF，"
                 "每个不超过 20 MB，文件名只用小写字母、数字和连字符，例如 covenant-2024.pdf。")


def _starts_like_a_pdf(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(PDF_MAGIC)) == PDF_MAGIC


def find_attachments(community_folder: Path) -> tuple[dict[str, Path], set[str], list[Problem]]:
    """(file name → path of each publishable PDF, names of the refused files, problems)."""
    folder = community_folder / FILES_FOLDER
    found: dict[str, Path] = {}
    refused: set[str] = set()
    problems: list[Problem] = []
    if not folder.is_dir() or folder.is_symlink():
        return found, refused, problems
    for entry in folder_entries(folder, problems):
        path = Path(entry.path)
        why = None
        if not entry.is_file(follow_symlinks=False):
            why = "这是一个文件夹，files/ 中不能再分文件夹"
        elif not NAME_RE.fullmatch(entry.name):
            why = "文件名只能用小写字母、数字和连字符，并以 .pdf 结尾"
        else:
            try:
                size = entry.stat(follow_symlinks=False).st_size
                if size > MAX_PDF_BYTES:
                    why = f"文件有 {size / 1024 / 1024:.1f} MB，超过 20 MB"
                elif not _starts_like_a_pdf(path):
                    why = "它不是 PDF 文件（开头不是 %PDF-）"
            except OSError as exc:
                problems.append(error(Location(str(path)), "file.unreadable", f"无法读取文件：{exc.strerror or exc}"))
                refused.add(entry.name)
                continue
        if why is None:
            found[entry.name] = path
        else:
            refused.add(entry.name)
            problems.append(_invalid(path, why))
    return found, refused, problems


def attachment_name(reference: str) -> str | None:
    """`files/covenant-2024.pdf` (as a document's `file` is written) → `covenant-2024.pdf`;
    None when it is not written that way."""
    prefix = FILES_FOLDER + "/"
    if not reference.startswith(prefix) or "/" in reference[len(prefix):] or not reference[len(prefix):]:
        return None
    return reference[len(prefix):]


