"""MkDocs hook: the site navigation rendered once for all the record pages of a kind.

Material renders the whole navigation sidebar into every page. The record
pages are not in the navigation, so the sidebar of each is the same as that
of every other record of its kind (the same links, relative to a page at the
same depth, with its kind's index marked current by hooks/generate.py): at
thousands of pages, rendering it again for each was a tenth of the theme's
work. ``overrides/partials/nav.html`` asks ``book_nav_key(page)`` for a key
naming what the sidebar depends on, renders Material's own partial
(``material/partials/nav.html``, through a prefix loader) the first time it
sees a key, and reuses the result after that. Pages in the navigation have
no key and are rendered as Material renders them.

- ``on_nav``: notes which pages are in the navigation;
- ``on_env``: adds the prefix loader and the template globals.

``extra.nav_cache`` (BOOK_NAV_CACHE) false renders every sidebar afresh:
tests/site/test_parallel.py checks both ways give the same site.
"""

from __future__ import annotations

import os

import jinja2
import material

MATERIAL_TEMPLATES = os.path.join(os.path.dirname(material.__file__), "templates")


def on_nav(nav, config, files):
    _state["in_nav"] = {page.file.src_uri for page in nav.pages}
    return nav


def on_env(env, config, files):
    # Material's templates under "material/", so the override can include the original.
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader(
        {"material": jinja2.FileSystemLoader(MATERIAL_TEMPLATES)})])
    cache_on = str(config.extra.get("nav_cache", True)).lower() not in ("false", "0", "no")
    env.globals["book_nav_key"] = _nav_key if cache_on else (lambda page: None)
    env.globals["book_nav_cache"] = {}
    return env


def _nav_key(page) -> tuple[str, int, bool] | None:
    """What a record page's sidebar depends on: its kind, its depth, its URL scheme; None for others."""
    if page is None or page.file.src_uri in _state["in_nav"]:
        return None
    folder, _, name = page.file.src_uri.partition("/")
    if not name or "/" in name:
        return None  # not a record page (<kind>/<id>.md): rendered as Material renders it
    return folder, page.url.count("/"), page.url.endswith(".html")


# Per-build state: this module is loaded afresh with each configuration.
_state: dict = {"in_nav": set()}
