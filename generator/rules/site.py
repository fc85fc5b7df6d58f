"""site.base_url_example: the portal's address is still the placeholder of the sample.

Printed notices carry base_url as a QR code: with example.org (reserved for examples,
RFC 2606) every code leads nowhere. The address is checked as a value (model/fields.py,
site.base_url_invalid) and as a settings rule (model/records.py, site.rules_invalid)
where it is read; this module holds what needs the whole portal.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..problems import Problem, warning

# RFC 2606 / RFC 6761: names reserved for documentation, never a real portal.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")


def is_example_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)


def check(ctx) -> list[Problem]:
    site = ctx.portal.site
    if site is None:
        return []
    host = urlsplit(site.model.base_url).hostname or ""
    if not is_example_host(host):
        return []
    return [warning(site.doc.at("base_url"), "site.base_url_example",
                    f"网站地址 base_url 还是示例地址（{host}）：打印版公示上的二维码会指向一个不存在的网站。"
                    "请改成门户实际发布的网站地址。")]
