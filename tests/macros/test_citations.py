"""macros/citations.py: footnote references and the footnote list, as Python-Markdown's footnotes write them."""

from __future__ import annotations

import logging
from dataclasses import replace

from briefing.model import Source
from macros.citations import Citations
from macros.links import href_from
from tests.macros.page_html import footnote_refs, parse


def _references(markup) -> list[tuple[str, str, str]]:
    """(reference id, footnote it points at, number shown) of each reference."""
    return [(sup.attrs["id"], sup.find("a").attrs["href"], sup.text) for sup in parse(markup).find_all("sup")]


def test_a_reference_tells_a_screen_reader_which_note_it_opens(book):
    citations = Citations(book.dataset)
    links = [sup.find("a") for sup in parse(citations.cite(["courier-2021", "gazette-2020"])).find_all("sup")]
    assert [(link.attrs["aria-label"], link.text) for link in links] == [("Note 1", "1"), ("Note 2", "2")]


def _footnotes(citations: Citations) -> list:
    return parse(citations.footnotes()).find("div", class_="footnote").find("ol").find_all("li")


def test_sources_are_numbered_in_order_of_first_citation(book):
    citations = Citations(book.dataset)
    assert _references(citations.cite(["courier-2021"])) == [("fnref:courier-2021", "#fn:courier-2021", "1")]
    assert _references(citations.cite(["gazette-2020", "courier-2021"])) == [
        ("fnref:gazette-2020", "#fn:gazette-2020", "2"), ("fnref2:courier-2021", "#fn:courier-2021", "1")]
    assert [item.attrs["id"] for item in _footnotes(citations)] == ["fn:courier-2021", "fn:gazette-2020"]


def test_a_repeated_citation_gets_its_own_id_and_its_own_backlink(book):
    citations = Citations(book.dataset)
    markup = "".join(str(citations.cite(["gazette-2020"])) for _ in range(3))
    assert [reference_id for reference_id, _, _ in _references(markup)] == [
        "fnref:gazette-2020", "fnref2:gazette-2020", "fnref3:gazette-2020"]
    (note,) = _footnotes(citations)
    backlinks = note.find_all("a", class_="footnote-backref")
    assert [a.attrs["href"] for a in backlinks] == [
        "#fnref:gazette-2020", "#fnref2:gazette-2020", "#fnref3:gazette-2020"]
    assert {a.attrs["title"] for a in backlinks} == {"Jump back to footnote 1 in the text"}


def test_each_footnote_links_its_bibliography_entry_and_names_outlet_and_date(book):
    citations = Citations(book.dataset)
    citations.cite(["gazette-2020", "courier-2021"])
    gazette, courier = _footnotes(citations)
    assert gazette.links[0] == ("/sources.md#gazette-2020", "Leaders meet at the harbour (Test Gazette, 2020)")
    assert gazette.text.startswith("Leaders meet at the harbour (Test Gazette, 2020), The Test Gazette, 2 May 2020.")
    assert courier.text.startswith("Second summit report (Test Courier, 2021), The Test Courier, 2021.")


def test_footnote_links_are_relative_to_the_page_being_built(book):
    for page_url, expected in [("events/harbour-summit-2020/", "../../sources/#gazette-2020"),
                               ("events/harbour-summit-2020.html", "../sources.html#gazette-2020")]:
        citations = Citations(book.dataset, href_from(page_url))
        citations.cite(["gazette-2020"])
        assert _footnotes(citations)[0].links[0][0] == expected


def test_an_unknown_source_warns_and_is_skipped(book, caplog):
    citations = Citations(book.dataset)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.briefing"):
        markup = citations.cite(["nowhere-1999", "gazette-2020"])
    assert "citation of unknown source 'nowhere-1999'" in caplog.text
    # The known source is still number 1: the unknown one took no number and gets no footnote.
    assert _references(markup) == [("fnref:gazette-2020", "#fn:gazette-2020", "1")]
    assert [item.attrs["id"] for item in _footnotes(citations)] == ["fn:gazette-2020"]


def test_no_footnotes_when_nothing_was_cited(book, caplog):
    assert Citations(book.dataset).footnotes() == ""
    citations = Citations(book.dataset)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.briefing"):
        assert citations.cite(["nowhere-1999"]) == ""
        assert citations.cite([]) == ""
    assert citations.footnotes() == ""


def test_every_reference_has_its_footnote_and_every_footnote_its_references(book):
    citations = Citations(book.dataset)
    markup = "".join(str(citations.cite(ids)) for ids in (["gazette-2020"], ["courier-2021", "gazette-2020"],
                                                          ["courier-2021"]))
    page = parse(markup + str(citations.footnotes()))
    references = footnote_refs(page)
    assert {target for _, target in references} == {"#" + item.attrs["id"] for item in page.find("ol").find_all("li")}
    assert sorted(a.attrs["href"] for a in page.find_all("a", class_="footnote-backref")) == sorted(
        "#" + reference_id for reference_id, _ in references)


def test_source_text_in_a_footnote_is_escaped(book):
    source = book.dataset.get("sources", "gazette-2020")
    hostile = Source.model_construct(**{**dict(source), "title": "<script>alert(1)</script>",
                                        "outlet": '<img src=x onerror="alert(2)">'})
    dataset = replace(book.dataset, records={**book.dataset.records,
                                             "sources": {**book.dataset.kind("sources"), source.id: hostile}})
    citations = Citations(dataset)
    citations.cite([source.id])
    page = parse(citations.footnotes())
    assert not {node.tag for node in page.iter()} & {"script", "img"}
    assert page.find("li").text.startswith('<script>alert(1)</script>, <img src=x onerror="alert(2)">, 2 May 2020.')
