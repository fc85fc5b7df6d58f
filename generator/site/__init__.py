"""Site layer: build the static site with MkDocs + Material and check what it loads."""

from .mkdocs_build import SiteBuildError, build_site
from .safety import scan_site

__all__ = ["SiteBuildError", "build_site", "scan_site"]
