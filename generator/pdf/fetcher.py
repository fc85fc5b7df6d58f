"""The only door through which WeasyPrint may load anything while printing a notice.

Notice bodies come from committee members' Markdown; even sanitised, an <img> or a CSS
url() could make the build read local files (file:///etc/passwd) or call out to the
network. Every load WeasyPrint attempts goes through this fetcher, which serves a fixed
set of the package's own assets and refuses everything else. Fonts come from fontconfig
and the QR code is inline SVG, so nothing else is ever needed.

Imports WeasyPrint: import this module only after fonts.check() has passed.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSET_DIR = Path(__file__).parent

# Internal name -> (file in this package, content type). The scheme is ours, so no
# name here can ever collide with a real file or web address.
ASSETS = {
    "gongshi-asset:notice.css": ("notice.css", "text/css; charset=utf-8"),
}


class RefusedURLError(ValueError):
    """Raised for any URL outside ASSETS; WeasyPrint skips the resource and goes on."""


class AssetFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols=())
        self.refused: list[str] = []  # kept so the caller can warn about skipped content

    def fetch(self, url, headers=None):  # noqa: ARG002 - signature set by WeasyPrint
        asset = ASSETS.get(url)
        if asset is None:
            self.refused.append(url)
            raise RefusedURLError(f"不加载公示正文之外的资源：{url}")
        filename, content_type = asset
        return URLFetcherResponse(
            url, (ASSET_DIR / filename).read_bytes(), {"Content-Type": content_type}
        )
