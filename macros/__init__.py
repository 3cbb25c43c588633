"""mkdocs-macros adapter: the functions pages call, each a thin wrapper.

Generated entity pages are stubs such as ``{{ entity_page("events", "x") }}``
(see hooks/generate.py); the hand-written pages in docs/ call the book-wide
macros. All rendering lives in macros/render.py, the book in macros/book.py.
"""

from __future__ import annotations

from macros import render
from macros.book import current_book


def define_env(env) -> None:
    """Register the book's macros with mkdocs-macros (called once per build)."""
    book = current_book()

    @env.macro
    def entity_page(kind: str, record_id: str) -> str:
        """The whole page of one event, person, treaty, topic or place."""
        return render.render_entity_page(book, kind, record_id)

    @env.macro
    def kind_index(kind: str) -> str:
        """The index page of one kind of record."""
        return render.render_kind_index(book, kind)

    book_pages = {
        "timeline": render.render_timeline, "statistics_tables": render.render_statistics,
        "bibliography": render.render_bibliography, "glossary_table": render.render_glossary,
        "home_sections": render.render_home,
    }
    for name, renderer in book_pages.items():
        env.macro(lambda renderer=renderer: renderer(book), name)
