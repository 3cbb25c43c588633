"""mkdocs-macros adapter: the macros hand-written pages call, each a thin wrapper.

Record and index pages are rendered by hooks/generate.py; the hand-written
pages in docs/ call the book-wide macros below. Each makes HTML with links
relative to the page being built, and leaves a placeholder in the page's
Markdown that the hook swaps back for it once the page is converted
(macros/blocks.py): never rendered as Jinja or read as Markdown. All rendering
lives in macros/render.py.
"""

from __future__ import annotations

from macros import render
from macros.figures import downloads_list, paper_links
from macros.links import href_from
from macros.pages import current_pages


def define_env(env) -> None:
    """Register the book's macros with mkdocs-macros (called once per build)."""
    pages = current_pages()
    book, figures = pages.book, pages.figures

    def page_url() -> str:
        return env.page.url

    book_pages = {
        "timeline": render.render_timeline, "bibliography": render.render_bibliography,
        "glossary_table": render.render_glossary, "home_sections": render.render_home,
        "meetings_compared": render.render_compare, "map_places": render.render_map_places,
    }
    for name, renderer in book_pages.items():
        env.macro(lambda renderer=renderer: pages.blocks.hold(renderer(book, resolve_href=href_from(page_url()))),
                  name)

    # Pages showing visuals and downloads: the markup is macro output, never re-rendered as Jinja.
    page_parts = {
        "paper_downloads": lambda: paper_links(page_url()), "data_downloads": lambda: downloads_list(page_url()),
        "timeline_figure": lambda: figures.timeline(page_url()), "map_figure": lambda: figures.map(page_url()),
        "statistics_tables": lambda: render.render_statistics(book, figures.charts_by_topic(),
                                                              href_from(page_url())),
    }
    for name, part in page_parts.items():
        env.macro(lambda part=part: pages.blocks.hold(part()), name)
