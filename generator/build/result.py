"""What a build made: returned by build_portal, printed as a summary by `gongshi build`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class PdfCount:
    rendered: int = 0   # printed afresh by WeasyPrint
    cached: int = 0     # copied from the PDF cache

    def __add__(self, other: PdfCount) -> PdfCount:
        return PdfCount(self.rendered + other.rendered, self.cached + other.cached)


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path                  # as given on the command line
    as_of: date
    district: bool                 # an overview with each community as its own site under <slug>/
    communities: tuple[str, ...]   # the communities in the built site
    rebuilt: tuple[str, ...]       # those built afresh; the others' sites came from the cache
    pdfs: PdfCount | None          # None without PDFs; a district counts the rebuilt communities'
    only: str | None = None        # --community SLUG (a district's community built alone)
