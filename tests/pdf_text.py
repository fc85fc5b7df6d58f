"""The text of a PDF as poppler's pdftotext reads it: what a reader's viewer shows and
what a search in it finds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def pdf_text(pdf: Path, *options: str) -> str:
    """pdftotext's output for `pdf` with `options` (`-layout`, `-raw`, `-bbox`, `-f 2 -l 2`…)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("找不到 pdftotext：读 PDF 里的文字要 poppler-utils（Debian: apt-get install poppler-utils；"
                    "scripts/setup.sh 会安装）。")
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
