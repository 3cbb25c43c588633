"""What pages show beyond the data's text: visuals, downloads, citations, PDF links, dates.

The visuals package draws; this module puts its output on pages. Everything
slow (the map takes seconds) is made once per build and kept by ``Figures``,
which the macros adapter creates once per build. Every link is relative to the
page that shows it (``page_url``), so the same markup works for directory URLs
(the site) and ``.html`` file URLs (the offline edition).
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from pathlib import Path

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from macros import ahead
from macros.book import Book
from visuals import cite
from visuals.downloads import KINDS as DOWNLOAD_KINDS

# The drawing modules (visuals.charts, .map, .timeline, .svg) import matplotlib, which
# takes half a second: they are imported where they draw, so a build starts sooner
# and, in a parallel build, the processes drawing ahead import them (hooks/parallel.py).

# The paper edition's files, written after `mkdocs build` by editions/ (see the Makefile).
BOOK_PDF = "briefing-book.pdf"
OFFLINE_ZIP = "briefing-book-offline.zip"
# Where the data downloads go in the site, written by the hook after the build.
DOWNLOADS_DIR = "downloads"
# Where the map keeps its coastlines between builds (visuals/basemaps.py), in the project.
MAP_CACHE = ".cache/map"
NOT_COMMITTED = "not yet committed"
NO_HISTORY = "unknown (no git history)"
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def relative_href(target: str, page_url: str) -> str:
    """``target`` (a site path such as ``briefs/x.pdf``) as seen from the page at ``page_url``."""
    return get_relative_url(target, page_url)


def download_button(target: str, label: str, page_url: str) -> str:
    """A raw HTML link to a file MkDocs does not know about (so --strict never checks it).

    Class md-button: the PDF edition leaves such buttons out and print.css hides them.
    """
    return f'<a class="md-button" href="{html.escape(relative_href(target, page_url))}">{html.escape(label)}</a>'


def paper_links(page_url: str) -> Markup:
    """The home page's links to the whole book as a PDF and as an offline bundle.

    The offline edition (file URLs end in .html) is the bundle itself, which cannot
    hold its own archive: there the ZIP link is left out rather than left broken.
    """
    buttons = [download_button(BOOK_PDF, "Download the briefing book (PDF)", page_url)]
    if not page_url.endswith(".html"):
        buttons.append(download_button(OFFLINE_ZIP, "Offline bundle (ZIP)", page_url))
    return Markup('<p class="book-downloads">\n' + "\n".join(buttons) + "\n</p>\n")


def brief_link(event_id: str, page_url: str) -> Markup:
    """An event page's link to its one-page brief."""
    button = download_button(f"briefs/{event_id}.pdf", "One-page brief (PDF)", page_url)
    return Markup(f'<p class="book-downloads">{button}</p>\n')


def figure_markup(svg_path: Path) -> Markup:
    """An SVG inlined in a figure (links work, ink follows the theme); a raw HTML block."""
    from visuals import svg

    return Markup(f'\n<figure class="book-figure">\n{svg.inline_markup(svg_path)}\n</figure>\n\n')


def downloads_list(page_url: str) -> Markup:
    """The Data page's list: JSON, the CSV zip, a CSV and a schema per kind."""
    def item(target: str, label: str) -> str:
        href = html.escape(relative_href(f"{DOWNLOADS_DIR}/{target}", page_url))
        return f'<li><a href="{href}">{html.escape(label)}</a></li>'
    items = [item("briefing-book.json", "Everything, as JSON (briefing-book.json)"),
             item("briefing-book-csv.zip", "Every table, as CSV in one ZIP (briefing-book-csv.zip)")]
    items += [item(f"csv/{kind}.csv", f"{kind}: CSV table") for kind in DOWNLOAD_KINDS]
    items += [item(f"schemas/{kind}.schema.json", f"{kind}: JSON Schema") for kind in DOWNLOAD_KINDS]
    return Markup('<ul class="book-data-downloads">\n' + "\n".join(items) + "\n</ul>\n")


def citation_block(citation: cite.Citation) -> Markup:
    """Plain text and BibTeX (both carry the data's as-of date) in a collapsed block.

    All raw HTML, escaped here: BibTeX braces stay literal, as no Markdown or Jinja sees them.
    """
    return Markup(
        '<details class="quote book-cite">\n<summary>Cite this page</summary>\n'
        f"<p>{html.escape(citation.text)}</p>\n"
        f'<pre class="book-bibtex"><code>{html.escape(citation.bibtex)}</code></pre>\n'
        "</details>\n")


def last_commit_dates(repo_root: Path, data_dir: Path) -> dict[str, str] | None:
    """Each data file's last commit date (repository-relative path -> YYYY-MM-DD), from ONE git call.

    ``git log`` lists newest commits first, so a file's first appearance is its
    latest change. None when there is no git or no repository (a tarball build).
    """
    try:
        result = subprocess.run(["git", "-C", str(repo_root), "log", "--format=%cs", "--name-only", "--",
                                 str(data_dir.resolve())], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    dates: dict[str, str] = {}
    current = ""
    for line in result.stdout.splitlines():
        if _DATE_LINE.match(line):
            current = line
        elif line.strip():
            dates.setdefault(line.strip(), current)
    return dates


class Figures:
    """The build's visuals, citation date and commit dates, each made at most once."""

    def __init__(self, book: Book, site_url: str | None):
        self.book = book
        self.site_url = site_url or ""
        self._folder = tempfile.TemporaryDirectory(prefix="book-visuals-")
        self._made: dict[tuple, object] = {}
        self._ahead: dict[str, ahead.Job] = {}  # drawing name -> the process drawing it
        self.history = last_commit_dates(book.repo_root, book.dataset.root)

    def _once(self, key: tuple, make):
        # The map takes seconds: one drawing per build (per link scheme), whatever asks for it.
        if key not in self._made and key[0] in self._ahead:
            self._collect_ahead(key[0])
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def draw_ahead(self) -> None:
        """Draw the map, and the timeline and charts, in two forked processes while pages are built.

        At thousands of events they take as long as hundreds of pages. The drawings
        are those of pages one folder deep with directory URLs (timeline/, map/);
        any other page draws its own when it asks (as it does if a process fails).
        """
        def drawn(draw):
            draw()
            return self._made
        map_job = ahead.start(lambda: drawn(lambda: self.map("map/")))
        timeline_job = ahead.start(lambda: drawn(lambda: (self.timeline("timeline/"), self.charts_by_topic())))
        self._ahead = {"map": map_job, "timeline": timeline_job, "charts": timeline_job}

    def _collect_ahead(self, name: str) -> None:
        """Wait for the process drawing ``name`` (only that one) and keep all it drew."""
        job = self._ahead[name]
        self._ahead = {other: other_job for other, other_job in self._ahead.items() if other_job != job}
        self._made.update(ahead.finish_or_none(job) or {})

    def _event_links(self, page_url: str) -> tuple[str, str]:
        """Prefix and suffix making ``events/<id>`` pages reachable from ``page_url``.

        The page's own URL tells the scheme: the offline edition's plugin turns
        directory URLs off after the macros have read the configuration.
        """
        prefix = relative_href("events/x", page_url)[:-1]
        return prefix, ".html" if page_url.endswith(".html") else "/"

    def _drawing(self, name: str, render, page_url: str) -> Markup:
        prefix, suffix = self._event_links(page_url)
        # Named by what and for which links: the processes drawing ahead share the folder.
        out = Path(self._folder.name) / f"{name}-{prefix.count('/')}-{'html' if suffix == '.html' else 'dir'}.svg"
        path = self._once((name, prefix, suffix), lambda: render(self.book.dataset, out, prefix, suffix))
        return figure_markup(path)

    def timeline(self, page_url: str) -> Markup:
        from visuals import timeline as book_timeline

        return self._drawing("timeline", book_timeline.render_timeline, page_url)

    def map(self, page_url: str) -> Markup:
        from visuals import map as book_map

        def render(dataset, out: Path, prefix: str, suffix: str) -> Path:
            return book_map.render_map(dataset, out, prefix, suffix, cache_dir=self.book.repo_root / MAP_CACHE)
        return self._drawing("map", render, page_url)

    def charts_by_topic(self) -> dict[str, Markup]:
        """Each chart under the topic its statistics table is filed under (its first statistic's first topic).

        Charts link nowhere, so one drawing serves every page; "" holds untagged figures.
        """
        from visuals import charts

        folder = Path(self._folder.name) / "charts"
        paths = self._once(("charts",), lambda: charts.render_statistic_charts(self.book.dataset, folder))
        by_topic: dict[str, str] = {}
        for group in charts.chart_groups(self.book.dataset):
            topics = group.statistics[0].topics
            topic_id = topics[0] if topics else ""
            by_topic[topic_id] = by_topic.get(topic_id, "") + figure_markup(paths[group.key])
        return {topic_id: Markup(markup) for topic_id, markup in by_topic.items()}

    @property
    def as_of(self) -> cite.AsOf:
        return self._once(("as_of",), lambda: cite.data_as_of(self.book.dataset))

    def citation(self, kind: str, record_id: str) -> Markup:
        citation = cite.cite_record(self.book.dataset, kind, record_id, self.site_url, self.as_of)
        return citation_block(citation)

    def last_updated(self, kind: str, record_id: str) -> str:
        """The date of the last commit touching the record's file, or why there is none."""
        if self.history is None:
            return NO_HISTORY
        path = self.book.repository_path(kind, record_id)
        return self.history.get(path, NOT_COMMITTED) if path else NOT_COMMITTED

    def kind_updated(self, kind: str) -> Markup:
        """An index page's note: the newest change to any of its kind's data files."""
        dates = [self.last_updated(kind, record_id) for record_id in self.book.dataset.kind(kind)]
        committed = sorted(date for date in dates if date[:1].isdigit())
        newest = committed[-1] if committed else (NO_HISTORY if self.history is None else NOT_COMMITTED)
        return Markup(f'\n<small class="book-data-file">Last updated: <span class="book-last-updated">{newest}'
                      f"</span> (the newest change to this kind's data files).</small>\n")
