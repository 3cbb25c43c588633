"""mkdocs-macros adapter: the functions pages call, each a thin wrapper.

Generated entity pages are stubs such as ``{{ entity_page("events", "x") }}``
(see hooks/generate.py); the hand-written pages in docs/ call the book-wide
macros. All rendering lives in macros/render.py, the book in macros/book.py.
"""

from __future__ import annotations

from macros import render
from macros.book import current_book
from macros.figures import Figures, brief_link, downloads_list, paper_links


def define_env(env) -> None:
    """Register the book's macros with mkdocs-macros (called once per build)."""
    book = current_book()
    # Visuals, citation date and commit dates: made once per build, shared by every page.
    figures = Figures(book, env.conf.get("site_url"))

    def page_url() -> str:
        return env.page.url

    @env.macro
    def entity_page(kind: str, record_id: str) -> str:
        """The whole page of one event, person, treaty, topic or place."""
        extras = {"last_updated": figures.last_updated(kind, record_id),
                  "citation": figures.citation(kind, record_id),
                  "brief": brief_link(record_id, page_url()) if kind == "events" else None}
        return render.render_entity_page(book, kind, record_id, extras)

    @env.macro
    def kind_index(kind: str) -> str:
        """The index page of one kind of record."""
        return render.render_kind_index(book, kind) + figures.kind_updated(kind)

    book_pages = {
        "timeline": render.render_timeline,
        "bibliography": render.render_bibliography, "glossary_table": render.render_glossary,
        "home_sections": render.render_home,
    }
    for name, renderer in book_pages.items():
        env.macro(lambda renderer=renderer: renderer(book), name)

    # Pages showing visuals and downloads: the markup is macro output, never re-rendered as Jinja.
    page_parts = {
        "paper_downloads": lambda: paper_links(page_url()), "data_downloads": lambda: downloads_list(page_url()),
        "timeline_figure": lambda: figures.timeline(page_url()), "map_figure": lambda: figures.map(page_url()),
        "statistics_tables": lambda: render.render_statistics(book, figures.charts_by_topic()),
        "meetings_compared": figures.compare,
    }
    for name, part in page_parts.items():
        env.macro(part, name)
