"""Where every page and file of a built site lives: the one table the renderer writes by
and the check reserves names from (`id.reserved`).

A community's site holds the fixed pages below, one page per notice and vote, one per
ledger period, the data downloads, the notice PDFs and hand-written content/. A district
puts an overview at its root and each community's site under <slug>/. MkDocs and Material
add their own files at every site's root, and gongshi its manifest.json; the CMS helper
an admin/ folder. A record id or a community folder name that any of these already takes
would replace a page or fail the build, so the check refuses it first. Add a page here
and its name is reserved with it (docs/decisions.md).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .resources import defaults_root

# ---------------------------------------------------------------- a community's site
# MkDocs source paths; directory URLs (votes/x.md is published as votes/x/).

HOME = "index.md"
NOTICES = "notices/index.md"
COMMITTEE = "committee.md"
FUND = "maintenance-fund/index.md"
REVENUE = "public-revenue/index.md"
VOTES = "votes/index.md"
INSPECTIONS = "inspections.md"
EVALUATIONS = "evaluations.md"
PROPERTY = "property.md"
DOWNLOADS = "downloads.md"
DOCUMENTS = "documents/index.md"  # 制度文件
MEETINGS = "meetings/index.md"    # 会议与决定 (one anchor per meeting)
GLOSSARY = "glossary.md"          # 名词解释 (render/glossary.py); a district's root has one too
DOWNLOADS_FOLDER = "downloads"   # the CSV and JSON files of 数据下载 (render/downloads.py)
FILES = "files"                  # the PDFs a community's documents attach, published as they are
COMMUNITY_PAGES = (HOME, NOTICES, COMMITTEE, FUND, REVENUE, VOTES, INSPECTIONS, EVALUATIONS, PROPERTY, DOWNLOADS,
                   DOCUMENTS, MEETINGS, GLOSSARY)

# Record kinds published as one page per record in a folder: the file's id names the page
# (notices/<id>.md and notices/<id>.pdf, votes/<id>.md, <account>/<period>.md).
RECORD_FOLDERS = {"notice": "notices", "vote": "votes", "document": "documents",
                  "maintenance-fund": "maintenance-fund", "public-revenue": "public-revenue"}

# ---------------------------------------------------------------- a district's root

DISTRICT_HOME = "index.md"
COMMUNITY_CARDS = "communities"   # communities/<slug>.md: the overview's page about one community
STREETS = "streets"               # streets/<digest>.md
# firms/<id>.md: a page per property company, at the root of whichever site is the portal
# (a district's overview, or a lone community's site).
FIRMS = "firms"
# downloads/: the register of firms as CSV and JSON (render/downloads.firms_dataset).
DISTRICT_ROOTS = (DISTRICT_HOME, COMMUNITY_CARDS, STREETS, FIRMS, GLOSSARY, DOWNLOADS_FOLDER)

# ---------------------------------------------------------------- written at every site's root

# MkDocs (sitemap, 404 page) and Material (assets/, the search plugin's search/).
THEME_ROOT = ("assets", "search", "404.html", "sitemap.xml", "sitemap.xml.gz")
MANIFEST = "manifest.json"        # build/manifest.py
ADMIN = "admin"                   # the CMS editor's folder (Decap CMS), published beside the site
GENERATED_ROOT = (*THEME_ROOT, MANIFEST, ADMIN)


def content_folders(data_dir: Path) -> tuple[Path, Path]:
    """Where a portal's hand-written pages come from: gongshi's default content/ and the
    portal's own beside the data folder (merged path by path, build/site_files.py)."""
    return defaults_root() / "content", data_dir.resolve().parent / "content"


def root_name(path: str) -> str:
    """The name a path takes at its site's root, as a folder name would clash with it:
    votes/index.md → votes, committee.md → committee, 404.html → 404."""
    first = PurePosixPath(path).parts[0]
    return first.split(".", 1)[0]


def content_names(content_dir: Path) -> set[str]:
    """Root names of the hand-written pages and files of content/ (about.md → about)."""
    if not content_dir.is_dir():
        return set()
    return {root_name(path.name) for path in content_dir.iterdir() if not path.name.startswith(".")}


def reserved_ids(kind: str) -> set[str]:
    """Names the generator itself writes in the folder of a record kind: a record may not take
    them (notices/index.yml would replace the list of notices)."""
    folder = RECORD_FOLDERS.get(kind)
    if folder is None:
        return set()
    return {PurePosixPath(page).stem for page in COMMUNITY_PAGES if PurePosixPath(page).parent.as_posix() == folder}


def reserved_slugs(*content_dirs: Path) -> set[str]:
    """Names a community folder may not have: at a district's root each community's site is
    <slug>/, beside the overview's own pages, MkDocs', Material's and gongshi's files, and the
    hand-written pages."""
    names = {root_name(path) for path in (*DISTRICT_ROOTS, *GENERATED_ROOT)}
    return names.union(*(content_names(folder) for folder in content_dirs))
