"""MkDocs hook: validate the data, then generate a page per record.

Runs in every build (``mkdocs build`` and each ``mkdocs serve`` rebuild):

- ``on_config``: loads and validates ``data/`` (a DataError stops the build
  before anything is written, printing each located problem), indexes it once,
  and hands the book to the macros;
- ``on_files``: adds a generated page per event, person, treaty, topic and
  place, and an index page per kind, so a new YAML file needs no other edit;
  points each page's "edit" link at the file behind it; in a dirty rebuild
  (the live preview), marks for rebuilding the pages that show a record
  changed since the last build (macros/rebuild.py), not only the saved one's;
- ``on_serve``: watches the data folder, so saving a YAML file rebuilds the book;
  each generated page is a ``DataPage``, rendered straight from the data
  (macros/render.py) with no Markdown pass, which keeps thousands of pages fast;
- ``on_page_markdown``: appends the glossary's abbreviations to every
  hand-written page (generated pages have no Markdown);
- ``on_page_content``: puts the HTML the macros made back into a hand-written
  page (macros/blocks.py), and reads the page's anchors and table of contents
  from it, so the headings the macros wrote are listed too;
- ``on_page_context`` / ``on_post_page``: marks the kind's index page as the
  current section in the sidebar while one of its records is shown;
- ``on_post_build``: writes the data downloads (JSON, CSV, schemas) into the
  site's downloads/ folder, which the Data page links to (a dirty rebuild of
  the live preview keeps those of the first build); notes the book as built,
  for the next live-preview rebuild to compare with.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # the hook is loaded by path, not as a package
    sys.path.insert(0, str(REPO_ROOT))

from briefing.dataset import DataError  # noqa: E402
from macros.book import open_book  # noqa: E402
from macros.figures import DOWNLOADS_DIR  # noqa: E402
from macros.filters import PAGE_KINDS  # noqa: E402
from macros.pages import BookPages, current_pages, last_built, remember_built, use_pages  # noqa: E402
from macros.rebuild import pages_to_rebuild  # noqa: E402
from macros.search_names import search_boost  # noqa: E402
from macros.toc import anchor_ids, headings_of  # noqa: E402

log = logging.getLogger("mkdocs.plugins.briefing")


@event_priority(100)  # before the macros plugin reads the book
def on_config(config):
    """Validate and index the data; stop the build with located messages if it is wrong."""
    data_dir = _data_dir(config)
    try:
        book = open_book(data_dir, REPO_ROOT)
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"The data in {data_dir} has {len(error.problems)} problem(s); nothing was built.")
    # The live preview's last finished build in this process: its data tells what a save changed.
    last = last_built()
    _state["before"] = last if last and last.dataset.root == book.dataset.root else None
    use_pages(BookPages(book, config.site_url))
    _state["abbreviations"] = _glossary_definitions(book)
    _configure_edit_links(config)
    return config


def _glossary_definitions(book) -> str:
    """Markdown abbreviation definitions (``*[DPRK]: ...``), for the hand-written pages' text."""
    lines = []
    for term in book.dataset.kind("glossary").values():
        # The expansion becomes a title attribute: one line, no Markdown or HTML.
        expansion = " ".join(term.expansion.split()).replace("<", "").replace(">", "")
        lines.append(f"*[{term.term}]: {expansion}")
    return "\n".join(lines)


def on_serve(server, config, builder):
    """Rebuild on every saved YAML file while ``mkdocs serve`` runs (data/ is outside docs/)."""
    server.watch(str(_data_dir(config)))
    return server


def _data_dir(config) -> Path:
    """``extra.data_dir`` (BOOK_DATA_DIR), relative to mkdocs.yml: data/ by default."""
    configured = Path(config.extra.get("data_dir") or "data")
    return configured if configured.is_absolute() else Path(config.config_file_path).parent / configured


def _configure_edit_links(config) -> None:
    """Edit links need a repository; without one the pages only name their data file.

    BOOK_REPO_URL sets it; in GitHub Actions the repository being built is used.
    """
    if not config.repo_url and os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        config.repo_url = f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    if not config.repo_url:
        config.edit_uri = None


def on_files(files: Files, config) -> Files:
    """Add every generated page, and point edit links at the files behind pages."""
    book = current_pages().book
    # A full build has emptied the site folder by now; downloads still there mean a
    # dirty rebuild (the live preview), which leaves them as they are, like the pages
    # of files not saved: writing them takes seconds at thousands of records.
    _state["keep_downloads"] = (Path(config.site_dir) / DOWNLOADS_DIR).is_dir()
    docs_prefix = _docs_prefix(config)
    for file in list(files.documentation_pages()):
        file.edit_uri = docs_prefix + file.src_uri
    generated = _generated_files(config, book)
    if _state["keep_downloads"] and _state.get("before") is not None:
        _mark_for_rebuild(generated, pages_to_rebuild(_state["before"], book))
    for file in generated:
        files.append(file)
    return files


def _generated_files(config, book) -> list[DataFile]:
    """An index page per kind and a page per record, in the kinds' order."""
    nav_titles = _nav_titles(config.nav or [])
    generated = []
    for kind in PAGE_KINDS:
        if "index" in book.dataset.kind(kind):
            # data/<kind>/index.yaml would overwrite the kind's index page.
            raise Abort(f"{book.data_file(kind, 'index')}: the id 'index' is reserved for the {kind} index page")
        folder = book.dataset.root / kind
        generated.append(_generated(config, kind, None, folder, None, nav_titles.get(f"{kind}/index.md")))
        for record_id in book.dataset.kind(kind):
            source = book.dataset.files[(kind, record_id)]
            generated.append(_generated(config, kind, record_id, source, book.repository_path(kind, record_id)))
    return generated


def _mark_for_rebuild(generated: list[DataFile], pages: set) -> None:
    # MkDocs redoes only the saved file's page; those showing what changed are redone too.
    for file in generated:
        file.rebuild = (file.page.kind, file.page.record_id) in pages
    if pages:
        log.info(f"Live preview: rebuilding the {len(pages)} generated page(s) that show the changed data")


def _nav_titles(items: list) -> dict[str, str]:
    """The titles mkdocs.yml gives pages in the navigation, by docs path."""
    titles = {}
    for item in items:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    titles[target] = title
                elif isinstance(target, list):
                    titles.update(_nav_titles(target))
    return titles


def _docs_prefix(config) -> str:
    """Where docs/ sits in the repository, for edit links of hand-written pages."""
    docs = Path(config.docs_dir).resolve()
    try:
        return docs.relative_to(REPO_ROOT).as_posix() + "/"
    except ValueError:
        return ""


def _generated(config, kind: str, record_id: str | None, source: Path, edit_uri: str | None,
               title: str | None = None) -> DataFile:
    """The file of a page rendered from the data (``record_id`` None: the kind's index page).

    Its source is the data behind it (the record's YAML file, or the kind's
    folder), so ``mkdocs serve --dirty`` rebuilds exactly the page of the file
    saved. Its page is a DataPage, which never reads that source as Markdown.
    """
    src_uri = f"{kind}/{record_id or 'index'}.md"
    file = DataFile.generated(config, src_uri, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV)
    file.edit_uri = edit_uri
    DataPage(title, file, config, kind, record_id)
    return file


class DataFile(File):
    """A generated page's file, whose source is the data behind it.

    ``rebuild`` makes a dirty build redo the page though that source was not
    saved: the page shows a record that was (see ``on_files``).
    """

    rebuild = False

    def is_modified(self) -> bool:
        return self.rebuild or super().is_modified()


class DataPage(Page):
    """A page rendered straight from the data, with no Markdown source or processor.

    MkDocs would build a Markdown processor with every extension for each page;
    this page's HTML comes from the renderer (macros/render.py), already
    escaped, so no data text is ever parsed as Markdown or Jinja. The table of
    contents and the title are read back from its headings.
    """

    def __init__(self, title: str | None, file: File, config, kind: str, record_id: str | None):
        super().__init__(title, file, config)
        self.kind, self.record_id = kind, record_id

    def read_source(self, config) -> None:
        # What a Markdown page would say in its front matter: no macros here; a search boost.
        record = current_pages().book.record(self.kind, self.record_id) if self.record_id else None
        boost = search_boost(self.kind, record) if record else None
        self.markdown = ""
        self.meta = {"render_macros": False, **({"search": {"boost": boost}} if boost else {})}

    def render(self, config, files) -> None:
        pages = current_pages()
        if self.record_id is None:
            self.content = str(pages.kind_index(self.kind, self.url))
        else:
            self.content = str(pages.record(self.kind, self.record_id, self.url))
        headings = headings_of(self.content)
        self.toc = get_toc(headings)
        self._title_from_render = headings[0]["name"] if headings and headings[0]["level"] == 1 else None
        self.present_anchor_ids = anchor_ids(self.content)
        self.links_to_anchors = {}


@event_priority(-100)  # after the macros plugin, so glossary text is never Jinja
def on_page_markdown(markdown: str, page, config, files) -> str:
    """Explain every glossary abbreviation on hover, on every hand-written page."""
    if isinstance(page, DataPage):
        return markdown  # no Markdown: its HTML explains its abbreviations itself
    return markdown.rstrip("\n") + "\n\n" + _state["abbreviations"] + "\n"


@event_priority(100)  # before any plugin reads the content (search indexes it later)
def on_page_content(html: str, page, config, files) -> str:
    """A hand-written page: the macros' HTML put in place, its anchors and contents read from it."""
    if isinstance(page, DataPage):
        return html
    html, blocks = current_pages().blocks.put_back(html)
    for block in blocks:  # MkDocs found the anchors of the Markdown only
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(block)
    page.toc = get_toc(headings_of(html))
    return html


def on_nav(nav, config, files):
    """Remember each kind's index page, to highlight it on its records' pages."""
    for page in nav.pages:
        folder, _, name = page.file.src_uri.partition("/")
        if name == "index.md" and folder in PAGE_KINDS:
            _state["sections"][folder] = page
    return nav


def on_page_context(context, page, config, nav):
    """Show a generated record's kind (Events, People...) as the current section."""
    _mark_section(page, True)
    return context


def on_post_page(output: str, page, config) -> str:
    _mark_section(page, False)
    return output


def _mark_section(page, active: bool) -> None:
    # Records are not in the nav (it would not scale); their kind's index stands in.
    folder, _, name = page.file.src_uri.partition("/")
    section = _state["sections"].get(folder)
    if section is not None and name != "index.md":
        section.active = active


def on_post_build(config) -> None:
    """Write the data downloads into the site (not MkDocs files: the Data page links them as raw HTML)."""
    if not _state.get("keep_downloads"):
        current_pages().write_downloads(Path(config.site_dir))
    remember_built(current_pages().book)


# Per-build state: this module is loaded afresh with each configuration.
_state: dict = {"abbreviations": "", "sections": {}}
