"""gongshi: disclosure portals and notice-board PDFs from a community's YAML data."""

from pathlib import Path

# gongshi's own repository: its mkdocs.yml, overrides/ and content/ serve a portal that
# has none of its own beside the data folder (gongshi runs from its repository).
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
