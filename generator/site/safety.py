"""List what a built site would run or load beyond Material's own assets.

A disclosure portal must not track owners or depend on other hosts: the only scripts
allowed are Material's bundle (byte-identical to the installed theme's file), the
inline snippets of Material's templates and those of gongshi's own overrides/ (the
search-on-demand snippet); nothing may be loaded from another host.
Links (<a href>) to other sites are fine: following them is the reader's choice.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..exits import ExitCode, Stop
from ..resources import default_path

# Attributes through which a browser fetches something by itself, per tag.
_LOADING_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "use": ("href", "xlink:href"),  # SVG
}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)
# Browsers ignore ASCII whitespace and control characters inside a URL scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20]")


class ForeignLoads(Stop):
    """The built site would load from another host or run a script gongshi does not know
    (exit 1): it is not published."""

    def __init__(self, offences: list[str]):
        shown = "\n".join(f"  {offence}" for offence in offences[:MAX_LISTED])
        more = f"\n  ……共 {len(offences)} 处" if len(offences) > MAX_LISTED else ""
        super().__init__("网站中有会从其他主机加载内容、或不是 Material 与 gongshi 自带的脚本，未发布（原有网站保持不变）：\n"
                         f"{shown}{more}\n请删除或改正这些内容（网站只能从本站加载文件，见 docs/decisions.md）。",
                         ExitCode.DATA)


MAX_LISTED = 20


def require_no_foreign_loads(site_dir: Path, *, site_url: str | None) -> None:
    """The gate at the end of every build, before the new site replaces the old one."""
    offences = scan_site(site_dir, site_url=site_url)
    if offences:
        raise ForeignLoads(offences)


def scan_site(site_dir: Path, *, site_url: str | None = None, skip: tuple[str, ...] = ()) -> list[str]:
    """Return one "path:line: message" per offence, in path order; empty means clean.

    site_url: the site's own address; loads from its host (e.g. the canonical link MkDocs
    writes when site_url is set) are allowed.
    skip: site paths not scanned here because another check owns them (the web forms'
    admin/ files: generator/admin/safety.py).
    """
    site_dir = Path(site_dir)
    own_hosts = {urlsplit(site_url).hostname} if site_url else set()
    # MkDocs writes 404.html with root-relative URLs under site_url's path ("/" without it).
    base_path = urlsplit(site_url).path.rstrip("/") + "/" if site_url else "/"
    offences: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if rel in skip:
            continue
        if path.suffix == ".html":
            scanner = _PageScanner(site_dir, path, own_hosts, base_path)
            scanner.feed(path.read_text(encoding="utf-8", errors="replace"))
            scanner.close()
            offences += [f"{rel}:{line}: {message}" for line, message in scanner.offences]
        elif path.suffix == ".css" and not _is_material_asset(site_dir, path):
            text = path.read_text(encoding="utf-8", errors="replace")
            offences += [f"{rel}:{line}: {message}" for line, message in _css_offences(text, own_hosts)]
    return offences


class _PageScanner(HTMLParser):
    def __init__(self, site_dir: Path, page: Path, own_hosts: set[str], base_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.site_dir, self.page, self.own_hosts, self.base_path = site_dir, page, own_hosts, base_path
        self.offences: list[tuple[int, str]] = []
        self._script: tuple[int, dict[str, str | None]] | None = None  # open inline <script>
        self._script_text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.offences.append((line, f"事件处理属性 <{tag} {name}=…>"))
            if value and _URL_NOISE.sub("", value).lower().startswith("javascript:"):
                self.offences.append((line, f"javascript: 链接 <{tag} {name}=\"{value[:60]}\">"))
            if name == "style" and value:
                self.offences += [(line, message) for _, message in _css_offences(value, self.own_hosts)]
        for name in _LOADING_ATTRIBUTES.get(tag, ()):
            for url in _urls(attributes.get(name), srcset=name == "srcset"):
                if not _is_own(url, self.own_hosts):
                    self.offences.append((line, f"从外部加载 <{tag} {name}=\"{url}\">"))
        if tag == "script":
            src = attributes.get("src")
            if src is not None:
                if not self._is_material_bundle(src):
                    self.offences.append((line, f"非 Material 自带的脚本 <script src=\"{src}\">"))
            else:
                self._script, self._script_text = (line, attributes), []
        elif tag == "style":
            self._in_style = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":  # <script/> has no body to check
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        elif self._in_style:
            line = self.getpos()[0]
            self.offences += [(line + offset - 1, message) for offset, message in _css_offences(data, self.own_hosts)]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, attributes = self._script
            text = "".join(self._script_text)
            if not _is_known_inline_script(text, attributes):
                self.offences.append((line, f"非 Material 或 gongshi 自带的内联脚本 <script>{text.strip()[:60]}"))
            self._script = None
        elif tag == "style":
            self._in_style = False

    def _is_material_bundle(self, src: str) -> bool:
        # Material writes relative URLs ("../assets/javascripts/bundle.….min.js"), root-relative in 404.html.
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            return False
        if parts.path.startswith("/"):
            if not parts.path.startswith(self.base_path):
                return False
            target = (self.site_dir / parts.path[len(self.base_path):]).resolve()
        else:
            target = (self.page.parent / parts.path).resolve()
        return target.is_relative_to(self.site_dir.resolve()) and _is_material_asset(self.site_dir, target)


def _is_known_inline_script(text: str, attributes: dict[str, str | None]) -> bool:
    # The theme configuration: JSON data, never executed.
    if attributes.get("id") == "__config" and attributes.get("type") == "application/json":
        try:
            json.loads(text)
        except ValueError:
            return False
        return True
    return any(pattern.fullmatch(text.strip()) for pattern in _known_inline_scripts())


@cache
def _known_inline_scripts() -> tuple[re.Pattern[str], ...]:
    """The inline <script> bodies of Material's partials/javascripts/*.html templates and
    of gongshi's own overrides/*.html (a portal's own overrides are not trusted here).

    Their few Jinja expressions ({{ base_url }} and the like) render to a relative URL
    inside a string literal, so they match "no quote, no angle bracket, no backslash".
    """
    templates = sorted((_material_templates() / "partials" / "javascripts").glob("*.html"))
    templates += sorted(default_path("overrides").rglob("*.html"))
    patterns = []
    for template in templates:
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.DOTALL):
            pieces = re.split(r"\{\{.*?\}\}", body.strip(), flags=re.DOTALL)
            patterns.append(re.compile(r'[^"<>\\]*'.join(re.escape(piece) for piece in pieces), re.DOTALL))
    return tuple(patterns)


@cache
def _material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def _is_material_asset(site_dir: Path, path: Path) -> bool:
    """True when path is byte-identical to the installed Material file at the same place."""
    try:
        rel = path.resolve().relative_to(site_dir.resolve())
    except ValueError:
        return False
    shipped = _material_templates() / rel
    return shipped.is_file() and path.is_file() and _read(shipped) == path.read_bytes()


@cache
def _read(path: Path) -> bytes:
    return path.read_bytes()


def _css_offences(css: str, own_hosts: set[str]) -> list[tuple[int, str]]:
    """(line within css, message) for each url()/@import that reaches another host."""
    found = []
    for match in _CSS_URL.finditer(css):
        url = (match.group(2) if match.group(2) is not None else match.group(4)).strip()
        if not _is_own(url, own_hosts):
            found.append((css.count("\n", 0, match.start()) + 1, f"CSS 从外部加载 {url[:80]}"))
    return found


def _urls(value: str | None, *, srcset: bool) -> list[str]:
    if not value:
        return []
    if not srcset:
        return [value.strip()]
    # "a.png 1x, b.png 2x": the URL is the first word of each candidate.
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def _is_own(url: str, own_hosts: set[str]) -> bool:
    """Relative URLs, data: URIs and URLs on the site's own host load nothing from elsewhere."""
    cleaned = _URL_NOISE.sub("", url)
    if not cleaned.lower().startswith("data:"):
        cleaned = cleaned.replace("\\", "/")   # browsers read /\host as //host in web addresses
    parts = urlsplit(cleaned)
    if parts.scheme in ("", "data") and not parts.netloc:
        return True
    return parts.scheme in ("http", "https", "") and parts.hostname in own_hosts
