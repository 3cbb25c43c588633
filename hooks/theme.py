"""MkDocs hook: parts of Material's page that many pages share, rendered once.

Material renders its whole page template for every page. Some parts come out
the same on many pages, and at thousands of pages rendering them again for
each was a sixth of the theme's work:

- the sidebar of a record page: the records are not in the navigation, so
  each has the sidebar of every other record of its kind (the same links,
  relative to a page at the same depth, its kind's index marked current by
  hooks/generate.py);
- the search box and the colour palette switch: the same on every page;
- the app configuration Material's scripts read: the same at one depth.

The overrides (``overrides/partials/{nav,search,palette}.html`` and the
``config`` block of ``overrides/main.html``) ask ``book_part_key(part,
page)`` for a key naming all the part depends on, and ``book_once(key,
render)`` renders Material's own part the first time it sees a key and
reuses the result after that (a partial is included from Material's
templates under the prefix ``material/``, by
``overrides/partials/book-once.html``; a block is its ``super``). No key
(None) renders it as Material does.

- ``on_nav``: notes which pages are in the navigation;
- ``on_env``: adds the prefix loader and the template globals;
- ``on_post_page``, ``on_post_template`` (the 404 page): take ``autocomplete``
  off the two checkboxes of Material's page frame (see ``FRAME_CORRECTIONS``).

``extra.theme_cache`` (BOOK_THEME_CACHE) false renders every part afresh:
tests/site/test_parallel.py checks that both ways give the same site.
"""

from __future__ import annotations

import os
from typing import Callable

import jinja2
import material

MATERIAL_TEMPLATES = os.path.join(os.path.dirname(material.__file__), "templates")
# Material's base.html gives its drawer and search toggles autocomplete="off" (against
# browsers restoring a checkbox on reload), which HTML allows on text-like inputs only.
# They stand outside any block an override could replace, so the page is corrected here.
FRAME_CORRECTIONS = {
    f'type="checkbox" id="__{toggle}" autocomplete="off">': f'type="checkbox" id="__{toggle}">'
    for toggle in ("drawer", "search")
}


def on_nav(nav, config, files):
    _state["in_nav"] = {page.file.src_uri for page in nav.pages}
    return nav


def on_env(env, config, files):
    # Material's templates also under "material/", so an override can include the original.
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader(
        {"material": jinja2.FileSystemLoader(MATERIAL_TEMPLATES)})])
    cache_on = str(config.extra.get("theme_cache", True)).lower() not in ("false", "0", "no")
    parts: dict[tuple, str] = {}
    env.globals.update(book_part_key=part_key if cache_on else (lambda part, page: None),
                       book_once=lambda key, render: _once(parts, key, render))
    return env


def on_post_page(output, page, config):
    return corrected_frame(output)


def on_post_template(output_content, template_name, config):
    return corrected_frame(output_content) if template_name.endswith(".html") else output_content


def corrected_frame(page_html: str) -> str:
    """A page of Material's with the frame's markup that HTML does not allow corrected."""
    for theme_markup, valid_markup in FRAME_CORRECTIONS.items():
        page_html = page_html.replace(theme_markup, valid_markup, 1)
    return page_html


def part_key(part: str, page) -> tuple | None:
    """Everything ``part`` depends on for ``page``: pages with equal keys get the same part."""
    if page is None:
        return None  # the 404 page: rendered as Material renders it
    scheme = (page.url.count("/"), page.url.endswith(".html"))  # relative links: depth and URL style
    if part == "nav":
        return _record_sidebar_key(page, scheme)
    if part in ("search", "palette"):
        return (part,)
    if part == "config":
        return (part, *scheme)
    raise ValueError(f"no key for the part {part!r}")


def _record_sidebar_key(page, scheme: tuple[int, bool]) -> tuple | None:
    if page.file.src_uri in _state["in_nav"]:
        return None  # its own item is current: rendered as Material renders it
    kind, _, name = page.file.src_uri.partition("/")
    if not name or "/" in name:
        return None  # not a record page (<kind>/<id>.md)
    return ("nav", kind, *scheme)


def _once(parts: dict, key: tuple | None, render: Callable[[], str]) -> str:
    """What ``render`` gives (a block's ``super``, a partial's macro), rendered once per key."""
    if key is None:
        return render()
    if key not in parts:
        parts[key] = render()
    return parts[key]


# Per-build state: this module is loaded afresh with each configuration.
_state: dict = {"in_nav": set()}
