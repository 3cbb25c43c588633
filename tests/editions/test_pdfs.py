"""The whole-book PDF and the briefs, checked as a reader's tools see them (poppler)."""

from __future__ import annotations

import json
import queue
import re
import subprocess
import threading
import zlib
from concurrent.futures import Future
from pathlib import Path

import pikepdf
from PIL import Image

from briefing.model import Event
from editions import pdfs
from editions.book import reader_capture
from editions.pages import page_anchor
from macros.dates import format_partial_date
from tests.editions.pdfread import link_annotations, one_line, page_count, page_heading, pdfinfo, pdftotext


# --- The whole book --------------------------------------------------------------------


def test_book_contains_every_event_title(editions):
    text = one_line(pdftotext(editions.book_pdf))
    missing = [event.title for event in editions.dataset.kind("events").values() if one_line(event.title) not in text]
    assert missing == []


def test_book_contents_list_every_event_with_a_page_number(editions):
    pages = page_count(editions.book_pdf)
    contents = pdftotext(editions.book_pdf, "-layout", "-f", "2", "-l", "4")
    for event in editions.dataset.kind("events").values():
        # "Title . . . . 17": the title's start, dot leaders, then a page of the book.
        line = re.search(re.escape(event.title[:30]) + r".*?(?:\. ?)+\s*(\d+)\s*$", contents, re.MULTILINE)
        assert line, f"no contents line for {event.title!r}"
        assert 3 <= int(line.group(1)) <= pages


def test_book_embeds_every_font(editions):
    fonts = subprocess.run(["pdffonts", str(editions.book_pdf)], capture_output=True, text=True, check=True).stdout
    table = fonts.splitlines()[2:]
    assert table, "the PDF uses no fonts at all"
    for row in table:
        # Columns: name, type, encoding, emb, sub, uni, object, id; "emb" is 4th from the end.
        assert row.split()[-5] == "yes", f"font not embedded: {row}"


def test_book_page_count_is_plausible(editions):
    chapters = sum(len(editions.dataset.kind(kind)) for kind in ("events", "people", "treaties", "topics", "places"))
    # At least a cover, the contents and a page per record page; not a runaway layout.
    assert chapters + 2 <= page_count(editions.book_pdf) <= chapters * 6


def test_book_cover_is_not_blank_and_names_title_date_and_version(editions, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-f", "1", "-l", "1", str(editions.book_pdf), str(tmp_path / "cover")], check=True)
    image = Image.open(next(tmp_path.glob("cover*.png")))
    dark = sum(count for level, count in enumerate(image.histogram()) if level < 128)
    assert dark > 0.002 * image.width * image.height
    cover = one_line(pdftotext(editions.book_pdf, "-f", "1", "-l", "1"))
    assert editions.capture["site_name"] in cover
    # The same cut-off as the home page and every "Cite this page" (data/book.yaml).
    assert f"Data as of {format_partial_date(editions.dataset.edition.as_of)}" in cover and "Version" in cover


def test_every_brief_is_as_of_the_books_data_cut_off(editions):
    as_of = format_partial_date(editions.dataset.edition.as_of)
    assert editions.briefs
    assert [brief.name for brief in editions.briefs if f"data as of {as_of}" not in one_line(pdftotext(brief))] == []


def test_book_text_layer_carries_hangul_and_cyrillic_names(editions):
    text = pdftotext(editions.book_pdf)
    native = [name for person in editions.dataset.kind("people").values() for name in person.native_names]
    hangul = [name.name for name in native if name.script == "Hangul"]
    cyrillic = [name.name for name in native if name.script == "Cyrillic"]
    assert hangul and cyrillic, "the data should name someone in Hangul and in Cyrillic"
    assert [name for name in hangul + cyrillic if name not in text] == []


def test_book_links_land_on_destinations_in_the_pdf(editions):
    destinations = set(re.findall(r'"([^"]+)"\s*$', pdfinfo(editions.book_pdf, "-dests"), re.MULTILINE))
    # Every page of the reader's book is a chapter that links can jump to ...
    assert {page_anchor(path) for path in reader_capture(editions.capture)["pages"]} <= destinations
    # ... and every link inside the book jumps to a destination that exists.
    with pikepdf.open(editions.book_pdf) as pdf:
        links = [str(link.Dest) for _, link in link_annotations(pdf) if "/Dest" in link]
    assert len(links) > len(editions.capture["pages"])  # at least the contents link every chapter
    assert sorted(set(links) - destinations) == []


def test_book_outline_has_a_bookmark_per_part_and_event(editions):
    titles = outline_titles(editions.book_pdf)
    # Bookmarks carry each page's own heading, e.g. "Treaties and agreements" for "Treaties".
    capture = reader_capture(editions.capture)
    parts = [page_heading(capture["pages"][item["path"]]["html"]) for item in capture["nav"]]
    assert {"Contents", *parts} <= titles
    events = editions.dataset.kind("events").values()
    assert [event.title for event in events if event.title not in titles] == []


def outline_titles(pdf: Path) -> set[str]:
    """The titles of the PDF's bookmarks (and of the document), read from its objects."""
    strings = re.findall(rb"/Title\s*(<[0-9A-Fa-f]+>|\((?:\\.|[^\\)])*\))", pdf_objects(pdf))
    return {_pdf_string(raw) for raw in strings}


def pdf_objects(pdf: Path) -> bytes:
    """The PDF's bytes with every compressed (object) stream inflated after them."""
    data = pdf.read_bytes()
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            chunks.append(zlib.decompress(data[match.end():data.find(b"endstream", match.end())]))
        except zlib.error:
            continue  # not deflated: nothing to read in it
    return b"\n".join(chunks)


def _pdf_string(raw: bytes) -> str:
    if raw.startswith(b"<"):
        value = bytes.fromhex(raw[1:-1].decode())
        return value[2:].decode("utf-16-be") if value.startswith(b"\xfe\xff") else value.decode("latin-1")
    return re.sub(rb"\\(.)", rb"\1", raw[1:-1]).decode("latin-1")


# --- The briefs --------------------------------------------------------------------------


def test_every_event_has_a_brief_of_one_or_two_pages(editions):
    briefs = {path.stem: path for path in editions.briefs}
    assert set(briefs) == set(editions.dataset.kind("events"))
    assert {name: page_count(path) for name, path in briefs.items() if not 1 <= page_count(path) <= 2} == {}


def test_a_brief_says_what_to_know_before_the_meeting(editions):
    event: Event = editions.dataset.get("events", "putin-pyongyang-2024")
    text = one_line(pdftotext(next(path for path in editions.briefs if path.stem == event.id)))
    for heading in ("Bottom line", "Key points", "What is still open", "Who took part", "What was said", "Figures", "Sources"):
        assert heading in text
    assert one_line(event.title) in text
    assert one_line(event.summary.text)[:60] in text
    for participant in event.participants:
        assert editions.dataset.get("people", participant.person).name in text


# --- The book in parts -------------------------------------------------------------------


class _DonePool:
    """An executor that runs each job at once, in this process, as a part's own process would."""

    def submit(self, function, *arguments):
        future = Future()
        future.set_result(function(*arguments))
        return future


def _chapter(anchor: str, extra: str = "", paragraphs: int = 40) -> str:
    return (f'<section class="chapter depth-1 starts-page" id="{anchor}"><h1>Chapter {anchor}</h1>{extra}'
            + "<p>A paragraph of the chapter's text, long enough for a line.</p>" * paragraphs + "</section>")


def test_the_index_is_laid_out_after_the_parts_with_their_pages_and_counted_in_every_foot(monkeypatch, tmp_path):
    """In this process, as build_all runs it: two parts, then the index with the pages the
    parts found, then every part written with the book's numbers and joined."""
    from editions.paging import index_pages
    reference = '<p id="p-gamma--x"><a href="#p-beta">Beta</a></p>'
    index = _chapter("p-book-index", f'<ul><li>Beta&#160; {index_pages("p-beta", ["p-gamma--x"])}</li></ul>', 0)
    html = ('<!DOCTYPE html><html lang="en"><head><title>Small</title></head><body class="book">'
            + _chapter("p-alpha") + _chapter("p-beta") + _chapter("p-gamma", reference) + index + "</body></html>")
    (tmp_path / "capture.json").write_text('{"site_name": "Small", "site_dir": "%s"}' % tmp_path, "utf-8")
    monkeypatch.setattr(pdfs, "_reader_book_html", lambda job, capture: html)
    job = pdfs.PdfJob(tmp_path / "capture.json", tmp_path, tmp_path)
    pdfs._build_book(job, [_DonePool(), _DonePool()])
    pages = pdftotext(tmp_path / pdfs.BOOK_FILE).split("\f")[:-1]
    beta, gamma = (next(number for number, text in enumerate(pages, 1) if f"Chapter p-{name}" in text)
                   for name in ("beta", "gamma"))
    assert re.search(rf"Beta\s+{beta}, {gamma}\b", pages[-1])
    assert [re.findall(r"^\s*(\d+) ?/ ?(\d+)\s*$", text, re.MULTILINE) for text in pages[1:]] == [
        [(str(number), str(len(pages)))] for number in range(2, len(pages) + 1)]
    assert not (tmp_path / pdfs.PARTS_FOLDER).exists()


def test_a_process_writes_the_guide_and_briefs_from_the_queue_until_it_is_told_to_stop(editions, tmp_path):
    (tmp_path / "capture.json").write_text(json.dumps(editions.capture), "utf-8")
    job = pdfs.PdfJob(tmp_path / "capture.json", pdfs.ROOT / "data", tmp_path)
    first, second = sorted(editions.dataset.kind("events"))[:2]
    left, stop = queue.Queue(), threading.Event()
    left.put(("briefs", first))
    stop.set()
    assert pdfs._spare_job(job, left, stop) == {"guide": 0.0, "briefs": 0.0}
    assert left.qsize() == 1 and not (tmp_path / pdfs.BRIEFS_FOLDER).exists()
    left.put(("guide", None))
    left.put(("briefs", second))
    seconds = pdfs._spare_job(job, left)
    assert left.empty() and seconds["guide"] > 0 and seconds["briefs"] > 0
    assert sorted(path.stem for path in (tmp_path / pdfs.BRIEFS_FOLDER).glob("*.pdf")) == [first, second]
    assert (tmp_path / pdfs.GUIDE_FILE).stat().st_size > 0
