"""The paper edition as a reader holds it: only what works on paper, page references,
an index, clean notes, an imprint, useful bookmarks, a tidy layout, briefs like a CRS
"In Focus" note. Read from the real PDFs (poppler's text and boxes, pikepdf's objects);
the pages a person should look at are kept as PNGs in test-artifacts/paper/.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from editions.book import INDEX_ANCHOR, reader_capture
from editions.briefs import brief_identifier, key_points, still_open
from editions.metadata import edition_date
from editions.pages import page_anchor
from macros.dates import format_partial_date, format_span
from tests.conftest import ARTIFACTS
from tests.editions.pdfread import (
    destination_pages, link_annotations, one_line, outline_items, page_heading, page_texts, pdftotext,
    overlapping_words, struct_elements, word_boxes,
)

ROOT = Path(__file__).resolve().parents[2]
# Words that only make sense on a screen, in a browser or in an editor's terminal.
WEB_ONLY = ["select a bar", "each marker and line links", "hovering over", "found by the search",
            "cite this page", "@misc{", "127.0.0.1", "download", "make serve"]
HANGUL_WORD = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
PAGE_REFERENCE = re.compile(r"\(p\.\s(\d+)\)")
HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}
BLOCKS = {"/P", "/L", "/Table", "/BlockQuote", "/Figure", "/Div"}
MIN_LINES = 5
SIDE_MARGIN_PT = 34  # 12 mm: the editions keep 15 mm clear on either side, figures 12 mm
FIGURE_TEXT_PT = 7.5
POPPLER_HEIGHT_PER_PT = 1.36  # Noto Sans: poppler's word box is its ascent plus descent


@cache
def texts(pdf: Path) -> tuple[str, ...]:
    """Each page's text in layout order; the PDFs do not change within a session."""
    return tuple(page_texts(pdf))


def every_pdf(editions) -> list[Path]:
    return [editions.book_pdf, *editions.briefs]


def body_lines(page_text: str) -> list[str]:
    """A book page's lines without its running header (first line) and page number (last)."""
    lines = [line for line in page_text.splitlines() if line.strip()]
    return lines[1:-1]


@pytest.fixture(scope="module")
def book(editions):
    with pikepdf.open(editions.book_pdf) as pdf:
        yield pdf


@pytest.fixture(scope="module")
def destinations(book) -> dict[str, int]:
    return destination_pages(book)


@pytest.fixture(scope="module")
def chapter_starts(editions, destinations) -> dict[str, int]:
    """The page each chapter of the reader's book starts on, by its page's path."""
    return {path: destinations[page_anchor(path)] for path in reader_capture(editions.capture)["pages"]}


# --- Only what works on paper ------------------------------------------------------------


def test_no_pdf_prints_instructions_for_a_screen(editions):
    for pdf in every_pdf(editions):
        text = one_line("\n".join(texts(pdf))).lower()
        assert [phrase for phrase in WEB_ONLY if phrase in text] == [], pdf.name


def test_the_editors_guide_is_its_own_pdf_and_not_in_the_readers_book(editions):
    guide_heading = page_heading(editions.capture["pages"]["guide/contributing.html"]["html"])
    assert guide_heading not in one_line(pdftotext(editions.book_pdf))
    assert guide_heading in one_line(pdftotext(editions.guide_pdf))


def test_a_link_out_of_the_book_prints_its_web_address_on_its_page(editions, book):
    pages = [re.sub(r"\s", "", text) for text in texts(editions.book_pdf)]
    links = [(number, str(link.A.URI)) for number, link in link_annotations(book) if "/A" in link and "/URI" in link.A]
    assert len(links) > 100
    # A long address may wrap onto the next page.
    assert [(number, uri) for number, uri in links if uri not in pages[number - 1] + pages[min(number, len(pages) - 1)]] == []


# --- Notes ------------------------------------------------------------------------------


def test_every_link_has_a_real_click_area(book):
    flat = [(number, [round(float(value), 1) for value in link.Rect]) for number, link in link_annotations(book)
            if abs(float(link.Rect[3]) - float(link.Rect[1])) < 4 or abs(float(link.Rect[2]) - float(link.Rect[0])) < 2]
    assert flat == []


def test_adjacent_note_numbers_are_kept_apart(book):
    """Two notes side by side ("4" and "1") have a comma between their click areas."""
    touching = []
    for number, row in _note_links_by_line(book).items():
        for left, right in zip(row, row[1:]):
            if right[0] - left[1] < 1.0:
                touching.append(number)
    assert touching == []


def _note_links_by_line(book) -> dict[tuple[int, float], list[tuple[float, float]]]:
    """The note links' horizontal extents, grouped by page and line, left to right."""
    rows: dict[tuple[int, float], list[tuple[float, float]]] = {}
    for number, link in link_annotations(book):
        if "--fn:" in str(link.get("/Dest", "")):
            x0, y0, x1, _ = (float(value) for value in link.Rect)
            rows.setdefault((number, round(y0)), []).append((x0, x1))
    return {key: sorted(row) for key, row in rows.items()}


# --- Page references and the index ------------------------------------------------------


def test_a_reference_to_another_page_gives_the_page_it_lands_on(editions, chapter_starts):
    pages = texts(editions.book_pdf)
    events = editions.dataset.kind("events")
    checked = 0
    for path, start in chapter_starts.items():
        event = events.get(path.removeprefix("events/").removesuffix(".html"))
        chapter = one_line("\n".join(pages[start - 1:start + 5]))
        for previous in re.findall(r"Previous leaders' meeting: ([^•]+?) \(p\. (\d+)\)", chapter) if event else []:
            title, page = previous
            target = next(other for other in events.values() if one_line(other.title) == title)
            assert int(page) == chapter_starts[f"events/{target.id}.html"], (path, title)
            checked += 1
    assert checked >= 5


def test_every_printed_page_reference_is_a_page_of_the_book(editions):
    pages = texts(editions.book_pdf)
    numbers = [int(number) for text in pages for number in PAGE_REFERENCE.findall(one_line(text))]
    assert len(numbers) > 1000
    assert [number for number in numbers if not 3 <= number <= len(pages)] == []


def test_the_index_names_every_person_place_treaty_and_topic_with_its_own_page_first(editions, destinations):
    # Not in layout order: the index has two columns, which poppler's reading order keeps apart.
    index = one_line(pdftotext(editions.book_pdf, "-f", str(destinations[INDEX_ANCHOR])))
    missing = []
    for path, page in reader_capture(editions.capture)["pages"].items():
        if path.split("/")[0] in ("people", "places", "treaties", "topics") and not path.endswith("index.html"):
            name = page_heading(page["html"])
            listed = re.search(re.escape(name) + r" (\d+)", index)
            if not listed or int(listed.group(1)) != destinations[page_anchor(path)]:
                missing.append(name)
    assert missing == []


# --- Cover and imprint -------------------------------------------------------------------


def test_cover_and_imprint_give_title_edition_cut_off_version_and_citation(editions):
    cover, imprint = (one_line(text) for text in texts(editions.book_pdf)[:2])
    as_of = format_partial_date(editions.dataset.edition.as_of)
    for fact in (editions.capture["site_name"], f"Edition {edition_date(ROOT)}", f"Data as of {as_of}", "Version"):
        assert fact in cover
    assert "How to cite this book" in imprint
    assert f"{editions.capture['site_name']}. PDF edition of {edition_date(ROOT)}" in imprint and f"Data as of {as_of}." in imprint


# --- Bookmarks and contents -------------------------------------------------------------


def test_bookmarks_are_one_per_chapter_with_sections_only_on_top_level_pages(editions, book):
    outline = outline_items(book)
    chapters = reader_capture(editions.capture)["pages"]
    titles = [title for _, title in outline]
    assert {"Sources cited", "Before and after"} & set(titles) == set()
    assert {page_heading(page["html"]) for page in chapters.values()} <= set(titles)
    assert len(outline) < 2 * len(chapters)


def test_contents_labels_are_the_chapters_own_headings(editions, chapter_starts):
    contents = one_line("\n".join(texts(editions.book_pdf)[2:min(chapter_starts.values()) - 1]))
    chapters = reader_capture(editions.capture)["pages"]
    assert [page_heading(page["html"]) for page in chapters.values() if page_heading(page["html"]) not in contents] == []
    assert {"Home", "Compare"} & set(contents.split()) == set()


# --- Layout -----------------------------------------------------------------------------


def test_no_page_is_a_spill_over_of_a_few_lines(editions, chapter_starts):
    pages = texts(editions.book_pdf)
    starts = set(chapter_starts.values())
    short = [number for number, text in enumerate(pages, start=1)
             if number > 2 and len(body_lines(text)) < MIN_LINES and number + 1 not in starts and number < len(pages)]
    assert short == []


def test_no_heading_ends_a_page(editions):
    for pdf_path in every_pdf(editions):
        with pikepdf.open(pdf_path) as pdf:
            pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
            elements = [element for element in struct_elements(pdf) if element.S in HEADINGS | BLOCKS]
            stranded = [str(element.S) for element, following in zip(elements, elements[1:])
                        if element.S in HEADINGS and following.S not in HEADINGS
                        and pages[following.Pg.objgen] != pages[element.Pg.objgen]]
            assert stranded == [], pdf_path.name


def test_nothing_runs_beyond_the_margins(editions):
    for pdf in [*every_pdf(editions), editions.guide_pdf]:
        outside = [(number, word[4]) for number, (width, words) in enumerate(word_boxes(pdf), start=1) for word in words
                   if word[0] < SIDE_MARGIN_PT or word[2] > width - SIDE_MARGIN_PT]
        assert outside == [], pdf.name


def test_no_word_runs_into_another(editions):
    """A table's columns are as wide as their longest words (editions.tables)."""
    for pdf in [*every_pdf(editions), editions.guide_pdf]:
        assert overlapping_words(pdf) == [], pdf.name


def test_names_are_never_hyphenated(editions):
    name_words = {word for kind in ("people", "places") for record in editions.dataset.kind(kind).values()
                  for word in re.findall(r"[A-Za-z]+", record.name)}
    for pdf in every_pdf(editions):
        lines = [line.strip() for text in texts(pdf) for line in text.splitlines() if line.strip()]
        split = [line.split()[-1] + following.split()[0] for line, following in zip(lines, lines[1:])
                 if line.endswith(("-", "\u2010"))]
        assert [word for word in split if re.sub(r"[-\u2010]", "", word).strip(".,;:") in name_words] == [], pdf.name


def test_hangul_words_are_never_broken(editions):
    known = {word for file in (ROOT / "data").rglob("*.yaml") for word in HANGUL_WORD.findall(file.read_text("utf-8"))}
    for pdf in every_pdf(editions):
        printed = {word for text in texts(pdf) for word in HANGUL_WORD.findall(text)}
        assert printed - known == set(), pdf.name


def test_figure_text_is_legible(editions):
    """Every word drawn inside a figure (labels, captions) is at least 7.5 pt."""
    with pikepdf.open(editions.book_pdf) as pdf:
        numbers = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        # A figure's box is in CSS pixels, from the page's top left: 0.75 pt each.
        figures = [(numbers[element.Pg.objgen], [float(value) * 0.75 for value in element.A.BBox])
                   for element in struct_elements(pdf) if element.S == "/Figure" and "/A" in element]
    boxes = word_boxes(editions.book_pdf)
    small = [(number, word[4], round((word[3] - word[1]) / POPPLER_HEIGHT_PER_PT, 1))
             for number, (left, top, right, bottom) in figures for word in boxes[number - 1][1]
             if left <= word[0] and word[2] <= right and top <= word[1] and word[3] <= bottom
             and word[3] - word[1] < FIGURE_TEXT_PT * POPPLER_HEIGHT_PER_PT]
    assert len(figures) >= 3 and small == []


def test_figures_are_set_in_the_body_typeface(editions):
    fonts = subprocess.run(["pdffonts", str(editions.book_pdf)], capture_output=True, text=True, check=True).stdout
    assert "DejaVu" not in fonts and re.search(r"Noto-?Sans", fonts)


# --- Briefs -----------------------------------------------------------------------------


def test_a_brief_is_one_page_or_two_full_ones(editions):
    thin = {brief.stem: len(body_lines(texts(brief)[1])) for brief in editions.briefs
            if len(texts(brief)) == 2 and len(body_lines(texts(brief)[1])) < MIN_LINES}
    assert all(len(texts(brief)) <= 2 for brief in editions.briefs) and thin == {}


def test_every_brief_has_the_sections_of_an_in_focus_note(editions):
    for brief in editions.briefs:
        event = editions.dataset.get("events", brief.stem)
        text = one_line("\n".join(texts(brief)))
        wanted = [one_line(event.title), format_span(event.date), "Bottom line", brief_identifier(event),
                  f"version of {edition_date(ROOT)}", "Sources"]
        wanted += ["Key points"] * bool(key_points(event) or event.agreements)
        wanted += ["What is still open"] * bool(still_open(event)) + ["Who took part"] * bool(event.participants)
        assert [item for item in wanted if item not in text] == [], brief.name


def test_every_brief_links_the_web_address_of_each_source(editions):
    sources = editions.dataset.kind("sources")
    for brief in editions.briefs:
        event = editions.dataset.get("events", brief.stem)
        with pikepdf.open(brief) as pdf:
            addresses = {str(link.A.URI) for _, link in link_annotations(pdf) if "/A" in link and "/URI" in link.A}
        wanted = {sources[source_id].url for source_id in event.sources if sources[source_id].url}
        assert wanted - addresses == set(), brief.name


# --- Pages to look at -------------------------------------------------------------------


def test_pages_to_look_at_are_kept_as_pngs(editions, chapter_starts, destinations):
    folder = ARTIFACTS / "paper"
    folder.mkdir(parents=True, exist_ok=True)
    pages = {"cover": 1, "imprint": 2, "contents": 3, "event": chapter_starts["events/putin-pyongyang-2024.html"],
             "timeline": chapter_starts["timeline.html"], "index": destinations[INDEX_ANCHOR]}
    for name, number in pages.items():
        _png(editions.book_pdf, number, folder / f"book-{name}")
    for brief in editions.briefs:
        _png(brief, 1, folder / f"brief-{brief.stem}")
    images = sorted(folder.glob("*.png"))
    assert len(images) >= len(pages) + len(editions.briefs)
    assert all(Image.open(image).convert("L").getextrema()[0] < 128 for image in images)


def _png(pdf: Path, page: int, stem: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
                   check=True)
