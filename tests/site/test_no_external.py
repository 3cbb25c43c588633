"""Nothing in the built book makes the browser fetch from another host.

A static check of every page and stylesheet: what the browser would fetch
(<link>, <script>, <img>..., CSS @import and url()) is relative or local. The
browser test (test_browser.py) confirms it with a live request log.
"""

from __future__ import annotations

import re

from tests.site.html_pages import parse_html

REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")]+)""", re.IGNORECASE)


def _css_targets(css: str) -> list[str]:
    return [first or second for first, second in CSS_URL.findall(css)]


def test_no_page_fetches_from_another_host(site_pages):
    remote = []
    for url, path in site_pages.items():
        page = parse_html(path)
        targets = page.fetched + [target for style in page.styles for target in _css_targets(style)]
        remote += [f"{url}: {target}" for target in targets if REMOTE.match(target)]
    assert not remote, "\n".join(remote[:20])


def test_no_stylesheet_fetches_from_another_host(site_dir):
    remote = []
    for path in site_dir.rglob("*.css"):
        targets = _css_targets(path.read_text("utf-8", errors="replace"))
        remote += [f"{path.relative_to(site_dir)}: {target}" for target in targets if REMOTE.match(target)]
    assert not remote, "\n".join(remote[:20])


def test_no_web_fonts_are_configured(site_pages):
    home = site_pages[""].read_text("utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
