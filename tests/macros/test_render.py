"""Each page kind rendered from the fixture data: what a reader must find on it."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urljoin

import pytest

from briefing.model import Coordinates, Event, Person, Place, Quote, Source, Statement
from macros import render
from macros.links import href_from, site_url_of
from tests.macros.page_html import (HOSTILE, SCRIPT_SCHEMES, Node, footnote_refs, header, headings, parse, rows,
                                    scheme, section)

ENTITY_PAGES = [("events", "harbour-summit-2020"), ("events", "second-summit-2021"), ("events", "test-launch-2020"),
                ("people", "leader-north"), ("people", "leader-russia"),
                ("treaties", "friendship-declaration-2020"), ("treaties", "harbour-treaty-2021"),
                ("topics", "fisheries"), ("places", "harbour-city"), ("places", "lighthouse-island")]
SECOND_SUMMIT = ("/events/second-summit-2021.md", "Second summit in Harbour City")


def _page(book, kind: str, record_id: str, **options) -> Node:
    return parse(render.render_entity_page(book, kind, record_id, **options))


def _every_page(book) -> dict[str, str]:
    pages = {f"{kind}/{record_id}": render.render_entity_page(book, kind, record_id)
             for kind, record_id in ENTITY_PAGES}
    pages |= {f"{kind}/index": render.render_kind_index(book, kind) for kind in render.filters.PAGE_KINDS}
    pages |= {"timeline": render.render_timeline(book), "statistics": render.render_statistics(book),
              "sources": render.render_bibliography(book), "glossary": render.render_glossary(book),
              "home": render.render_home(book), "compare": render.render_compare(book)}
    return pages


def _labelled(box: Node) -> dict[str, Node]:
    """The paragraphs of a box by their bold label ("When:" -> the <p>)."""
    return {p.find("strong").text: p for p in box.find_all("p") if p.find_all("strong")}


def _with(book, kind: str, record):
    """The book with one record replaced (not validated: the renderer alone must cope)."""
    records = {**book.dataset.records, kind: {**book.dataset.kind(kind), record.id: record}}
    return replace(book, dataset=replace(book.dataset, records=records))


# --- Event pages -------------------------------------------------------------------------------


def test_event_page_opens_with_the_bottom_line(book):
    page = _page(book, "events", "harbour-summit-2020")
    top = page.top
    assert top[0].tag == "h1" and top[0].text == "Harbour summit"
    bluf = page.find("div", class_="admonition")
    assert "abstract" in bluf.classes and bluf.find("p", class_="admonition-title").text == "Bottom line up front"
    # Before any section: right after the title and breadcrumb.
    assert top.index(bluf) < min(top.index(h2) for h2 in page.find_all("h2"))
    assert top.index(bluf) <= 3
    lines = _labelled(bluf)
    assert list(lines) == ["When:", "Where:", "Who:", "What:", "What came of it:"]
    # The date cites its source: note 1, the first on the page.
    assert lines["When:"].text == ('When: Friday 1 May 20201 How the date was fixed: The report dated 2 May 2020 says '
                                   'the leaders met "yesterday".')
    assert lines["When:"].find("sup").text == "1"
    assert lines["Where:"].links == [("/places/lighthouse-island.md", "Lighthouse Island"),
                                     ("/places/harbour-city.md", "Harbour City")]
    assert lines["Where:"].text.endswith("; hosted by Russia")
    assert lines["Who:"].links == [("/people/leader-russia.md", "Ivan Testov"),
                                   ("/people/leader-north.md", "Pak Test-hun")]
    assert lines["Who:"].text == "Who: Ivan Testov (host), Pak Test-hun (guest)"
    assert lines["What:"].text.startswith(
        "What: The two leaders met for the first time and signed a friendship declaration.")
    assert [target for _, target in footnote_refs(lines["What:"])] == ["#fn:gazette-2020"]
    assert lines["What came of it:"].links[0] == ("/treaties/friendship-declaration-2020.md",
                                                  "Harbour friendship declaration")
    assert "Harbour friendship declaration (signed)" in lines["What came of it:"].text


def test_an_event_without_a_place_or_principals_says_so(book):
    lines = _labelled(_page(book, "events", "test-launch-2020").find("div", class_="admonition"))
    # The date, then the note that cites its source.
    assert lines["When:"].text.removesuffix(lines["When:"].find("sup").text) == "When: June 2020"
    assert lines["Where:"].text == "Where: not stated in the sources"
    assert lines["Who:"].text == "Who: North Korea"
    assert "What came of it:" not in lines


def test_event_page_has_every_section_sourced(book):
    page = _page(book, "events", "harbour-summit-2020")
    assert headings(page) == ["Participants", "Agenda", "Outcomes", "Agreements", "Quotes", "Notable details",
                              "Figures", "Before and after", "Sources cited"]
    agenda = section(page, "Agenda").find("li")
    assert agenda.text == "Fishing rights.1"
    assert [target for _, target in footnote_refs(agenda)] == ["#fn:gazette-2020"]
    quote = section(page, "Quotes").find("blockquote")
    assert quote.text.startswith("“The sea joins us.”1")
    assert ("/people/leader-north.md", "Pak Test-hun") in quote.links
    participants = section(page, "Participants").find("table")
    assert header(participants) == ["Person", "Role", "Note"]
    assert [row[:2] for row in rows(participants)] == [["Ivan Testov", "Host"], ["Pak Test-hun", "Guest"]]


def test_event_page_ends_with_footnotes_linking_the_bibliography(book):
    page = _page(book, "events", "harbour-summit-2020")
    notes = section(page, "Sources cited")
    assert notes.top[-1] is page.top[-1]  # the last thing on the page
    items = notes.find("div", class_="footnote").find("ol").find_all("li")
    assert [item.attrs["id"] for item in items] == ["fn:gazette-2020", "fn:courier-2021"]
    assert items[0].links[0] == ("/sources.md#gazette-2020", "Leaders meet at the harbour (Test Gazette, 2020)")
    assert items[1].links[0] == ("/sources.md#courier-2021", "Second summit report (Test Courier, 2021)")
    assert items[0].text.startswith("Leaders meet at the harbour (Test Gazette, 2020), The Test Gazette, 2 May 2020.")


@pytest.mark.parametrize(("kind", "record_id"), ENTITY_PAGES)
def test_every_footnote_reference_and_backlink_has_its_target(book, kind, record_id):
    page = _page(book, kind, record_id)
    references = footnote_refs(page)
    ids = [node.attrs["id"] for node in page.iter() if node.attrs.get("id")]
    assert len(ids) == len(set(ids)), "an id is used twice"
    backlinks = [a.attrs["href"] for a in page.find_all("a", class_="footnote-backref")]
    # Each reference points at a footnote; each footnote links back once per reference to it.
    assert {target for _, target in references} == {"#" + item.attrs["id"] for item in page.find_all("li")
                                                    if item.attrs.get("id", "").startswith("fn:")}
    assert sorted(backlinks) == sorted("#" + reference_id for reference_id, _ in references)
    # Footnotes are numbered by first citation: each source keeps its number.
    numbers = {}
    for sup in page.find_all("sup"):
        numbers.setdefault(sup.find("a").attrs["href"], set()).add(sup.text)
    assert all(len(shown) == 1 for shown in numbers.values()), numbers
    assert sorted(int(number) for (number,) in numbers.values()) == list(range(1, len(numbers) + 1))


def test_event_page_shows_sources_disagreeing(book):
    page = _page(book, "events", "harbour-summit-2020")
    warning = page.find("div", class_="warning")
    assert warning.find("p", class_="admonition-title").text == "Sources disagree"
    assert "How long the talks lasted" in warning.text
    claims = warning.find_all("li")
    assert [claim.text for claim in claims] == ["Three hours.1", "Five hours.2"]
    assert [footnote_refs(claim)[0][1] for claim in claims] == ["#fn:gazette-2020", "#fn:courier-2021"]


def test_event_page_links_the_leaders_meetings_before_and_after(book):
    first = section(_page(book, "events", "harbour-summit-2020"), "Before and after")
    items = {li.find("strong").text: li for li in first.find_all("li")}
    assert items["Previous leaders' meeting:"].text == "Previous leaders' meeting: none in this book"
    assert items["Next leaders' meeting:"].links == [SECOND_SUMMIT]
    # An event that is not a meeting still sits between two of them.
    launch = section(_page(book, "events", "test-launch-2020"), "Before and after")
    items = {li.find("strong").text: li for li in launch.find_all("li")}
    assert items["Previous leaders' meeting:"].links == [("/events/harbour-summit-2020.md", "Harbour summit")]
    assert items["Next leaders' meeting:"].links == [SECOND_SUMMIT]
    assert "one of the book's" not in launch.text and "one of the book's 2 meetings" in first.text


def test_template_syntax_in_the_data_is_printed_not_run(book):
    person = _page(book, "people", "leader-north").text
    assert "his motto is {{ 7 * 7 }} and {% if true %}never{% endif %} changes." in person
    assert "49" not in person
    event = _page(book, "events", "harbour-summit-2020").text
    assert "officials called it {{ config.site_name }} in jest." in event
    assert "Lunch was {% raw %}fish soup{% endraw %}." in event


def test_an_attribute_list_in_the_data_stays_text(book):
    page = _page(book, "places", "lighthouse-island")
    assert "Its sign reads { onclick=alert(1) }" in page.text
    assert not any(name.startswith("on") for node in page.iter() for name in node.attrs)


def test_html_in_data_that_slipped_past_the_validator_is_escaped(book):
    # model_construct skips validation: the renderer alone must keep this inert.
    hostile = Statement.model_construct(text='<script>alert(1)</script><img src=x onerror="alert(2)">',
                                        sources=["gazette-2020"], note=None)
    event = book.dataset.get("events", "harbour-summit-2020")
    tampered = Event.model_construct(**{**dict(event), "title": "<b>Bold</b> summit", "summary": hostile,
                                        "details": [hostile]})
    page = _page(_with(book, "events", tampered), "events", event.id)
    tags = {node.tag for node in page.iter()}
    assert not tags & {"script", "img", "b"}
    assert page.find("h1").text == "<b>Bold</b> summit"
    assert _labelled(page.find("div", class_="admonition"))["What:"].text.startswith(
        'What: <script>alert(1)</script><img src=x onerror="alert(2)">')


def _hostile_book(book, text: str):
    """Every kind of text field of one event, person, place and source set to ``text`` (URLs too)."""
    statement = Statement.model_construct(text=text, sources=["gazette-2020"], note=text)
    event = book.dataset.get("events", "harbour-summit-2020")
    quote = Quote.model_construct(**{**dict(event.quotes[0]), "text": text, "context": text})
    conflict = event.conflicts[0].model_construct(**{**dict(event.conflicts[0]), "about": text, "note": text})
    event = Event.model_construct(**{**dict(event), "title": text, "summary": statement, "agenda": [statement],
                                     "details": [statement], "quotes": [quote], "conflicts": [conflict]})
    person = book.dataset.get("people", "leader-north")
    person = Person.model_construct(**{**dict(person), "name": text, "aliases": [text]})
    source = book.dataset.get("sources", "gazette-2020")
    source = Source.model_construct(**{**dict(source), "title": text, "outlet": text, "url": text, "notes": [text]})
    place = book.dataset.get("places", "lighthouse-island")
    place = Place.model_construct(**{**dict(place), "name": text, "aliases": [text],
                                     "coordinates": Coordinates.model_construct(lat=1.0, lon=2.0, reference=text)})
    for kind, record in (("events", event), ("people", person), ("sources", source), ("places", place)):
        book = _with(book, kind, record)
    return book


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_adds_no_element_attribute_or_script_link_to_a_page(book, text):
    # The same page with harmless text is the template's own markup: hostile text may add nothing to it.
    # (Compared as multisets: the bibliography sorts sources by title, so their order may change.)
    harmless, hostile = _hostile_book(book, "https://example.org/harmless"), _hostile_book(book, text)
    for render_page in (lambda b: render.render_entity_page(b, "events", "harbour-summit-2020"),
                        lambda b: render.render_entity_page(b, "people", "leader-north"),
                        lambda b: render.render_entity_page(b, "places", "lighthouse-island"),
                        render.render_bibliography, render.render_compare):
        expected, page = parse(render_page(harmless)), parse(render_page(hostile))
        assert sorted(page.elements) == sorted(expected.elements)
        hrefs = [node.attrs["href"] for node in page.iter() if node.attrs.get("href") is not None]
        assert not any(scheme(href) in SCRIPT_SCHEMES for href in hrefs), hrefs
        assert "".join(text.split()).replace("\u200b", "") in "".join(page.text.split()).replace("\u200b", "")


# --- Other entity pages ------------------------------------------------------------------------


def test_person_page_lists_names_roles_events_and_quotes(book):
    page = _page(book, "people", "leader-north")
    assert page.find("h1").text == "Pak Test-hun"
    names = _labelled(page.find("div", class_="admonition"))
    assert names["Also written:"].text == "Also written: Pak Test Hun · Chairman Pak"
    assert names["Hangul:"].find("span", lang="ko").text == "박테스훈"
    assert names["Cyrillic:"].find("span", lang="ru").text == "Пак Тест Хун"
    assert rows(section(page, "Roles").find("table"))[0][:4] == ["Leader of the test republic", "—", "North Korea",
                                                               "2020 to 2021"]
    attended = section(page, "Events attended").find("table")
    assert rows(attended) == [["1 May 2020", "Harbour summit", "Guest"],
                              ["2021, date not given", "Second summit in Harbour City", "Guest"]]
    assert attended.links == [("/events/harbour-summit-2020.md", "Harbour summit"),
                              ("/events/second-summit-2021.md", "Second summit in Harbour City")]
    quote = section(page, "Quotes").find("blockquote")
    assert quote.text.startswith("“The sea joins us.”")
    assert ("/events/harbour-summit-2020.md", "Harbour summit") in quote.links
    assert section(page, "Treaties signed").links == [("/treaties/friendship-declaration-2020.md",
                                                       "Harbour friendship declaration")]


def test_person_page_lists_other_mentions(book):
    mentions = section(_page(book, "people", "leader-russia"), "Also mentioned in").find("li")
    assert mentions.text == "Events: A test rocket launch"
    assert mentions.links == [("/events/test-launch-2020.md", "A test rocket launch")]


def test_treaty_page_shows_the_whole_supersession_chain(book):
    older = _page(book, "treaties", "friendship-declaration-2020")
    newer = _page(book, "treaties", "harbour-treaty-2021")
    chain = section(older, "The chain of treaties it belongs to")
    steps = chain.find("ol").find_all("li")
    assert [step.text for step in steps] == ["Harbour friendship declaration (this page) — 1 May 2020, superseded",
                                             "Harbour treaty — 2021, in force"]
    assert steps[0].links == [] and steps[1].links == [("/treaties/harbour-treaty-2021.md", "Harbour treaty")]
    later = _labelled(chain)["This one was replaced by:"]
    # The link, then the note citing the source that says so.
    assert later.links[0] == ("/treaties/harbour-treaty-2021.md", "Harbour treaty")
    assert later.links[1][0].startswith("#fn:")
    earlier = _labelled(section(newer, "The chain of treaties it belongs to"))["This one replaced:"]
    assert earlier.links[0] == ("/treaties/friendship-declaration-2020.md", "Harbour friendship declaration")
    assert earlier.links[1][0].startswith("#fn:")
    events = section(older, "Events where it was signed or discussed").find("table")
    assert rows(events) == [["1 May 2020", "Harbour summit", "Signed"]]
    assert events.links == [("/events/harbour-summit-2020.md", "Harbour summit")]
    signed = _labelled(older.find("div", class_="admonition"))["Signed by:"]
    # Each signatory, with the note citing the source that names them.
    assert [link for link in signed.links if not link[0].startswith("#fn:")] == [
        ("/people/leader-russia.md", "Ivan Testov"), ("/people/leader-north.md", "Pak Test-hun")]
    assert len(signed.find_all("sup")) == 2


def test_topic_page_gathers_events_figures_treaties_and_quotes(book):
    page = _page(book, "topics", "fisheries")
    assert ("/events/harbour-summit-2020.md", "Harbour summit") in section(page, "Events").links
    assert section(page, "Figures").links[0] == ("/statistics.md#fishing-boats",
                                                 "Fishing boats covered by the declaration")
    treaty = section(page, "Treaties and agreements").find("li")
    assert treaty.text == "Harbour friendship declaration, 1 May 2020"
    assert treaty.links == [("/treaties/friendship-declaration-2020.md", "Harbour friendship declaration")]
    assert section(page, "Quotes").find("blockquote").text.startswith("“The sea joins us.”")


def test_place_page_counts_events_at_places_inside_it(book):
    page = _page(book, "places", "harbour-city")
    events = section(page, "Events here").links
    assert ("/events/harbour-summit-2020.md", "Harbour summit") in events  # held on the island within it
    assert ("/events/second-summit-2021.md", "Second summit in Harbour City") in events
    within = _labelled(page)["Places within:"]
    assert within.links == [("/places/lighthouse-island.md", "Lighthouse Island")]


def test_a_page_links_relative_to_itself_when_built(book):
    # Directory URLs (the site) and .html URLs (the offline edition): no docs path is left.
    for page_url in ("events/harbour-summit-2020/", "events/harbour-summit-2020.html"):
        page = _page(book, "events", "harbour-summit-2020", resolve_href=href_from(page_url))
        hrefs = [href for href, _ in page.links]
        assert hrefs and not [href for href in hrefs if ".md" in href or href.startswith("/")]
        base = "https://example.org/book/" + page_url
        directory_urls = page_url.endswith("/")
        resolved = {text: urljoin(base, href) for href, text in page.links}
        assert resolved["Pak Test-hun"] == "https://example.org/book/" + site_url_of("/people/leader-north.md",
                                                                                   directory_urls)
        assert resolved["Events"] == "https://example.org/book/" + site_url_of("/events/index.md", directory_urls)
        footnote = page.find("li", id="fn:gazette-2020").links[0][0]
        assert urljoin(base, footnote) == ("https://example.org/book/" + site_url_of("/sources.md", directory_urls)
                                           + "#gazette-2020")


# --- Index and book-wide pages -----------------------------------------------------------------


def test_every_record_is_on_its_kinds_index(book):
    for kind in render.filters.PAGE_KINDS:
        links = dict(parse(render.render_kind_index(book, kind)).links)
        for record_id, record in book.dataset.kind(kind).items():
            assert links.get(f"/{kind}/{record_id}.md") == render.filters.record_title(record), (kind, record_id)


def test_events_index_lists_meetings_newest_first_then_other_events(book):
    page = parse(render.render_kind_index(book, "events"))
    assert page.find("h1").text == "Events"
    meetings = section(page, "Summits, visits and meetings").find("table")
    assert header(meetings) == ["Date", "Event", "Kind", "Where"]
    assert rows(meetings) == [["2021, date not given", "Second summit in Harbour City", "Summit", "Harbour City"],
                              ["1 May 2020", "★ Harbour summit", "Summit", "Lighthouse Island"]]
    assert rows(section(page, "Other events").find("table")) == [["June 2020, day not given", "A test rocket launch",
                                                                  "Missile launch", "North Korea"]]


def test_timeline_groups_events_by_year_oldest_first(book):
    page = parse(render.render_timeline(book))
    assert headings(page) == ["2020", "2021"]
    # Within a year, the events dated to the day in order; then, apart and labelled, those
    # the sources date only to the month or the year, whose place among them is unknown.
    year_2020 = section(page, "2020")
    assert [li.text for li in year_2020.find("ul").find_all("li")] == ["1 May 2020: ★ Harbour summit (Lighthouse Island)"]
    undated = year_2020.find("ul", class_="book-undated")
    assert [li.text for li in undated.find_all("li")] == ["June 2020, day not given: A test rocket launch"]
    assert "Known only to the month or the year, so not placed among the dated events:" in year_2020.text
    assert [li.text for li in section(page, "2021").find_all("li")] == [
        "2021, date not given: Second summit in Harbour City (Harbour City)"]
    assert section(page, "2020").links[2] == ("/events/test-launch-2020.md", "A test rocket launch")


def test_statistics_page_gives_every_figure_its_anchor_and_columns(book):
    page = parse(render.render_statistics(book))
    assert [h2.attrs["id"] for h2 in page.find_all("h2")] == ["topic-fisheries", "topic-other", "sources-cited"]
    fisheries = section(page, "Fisheries").find("table")
    assert header(fisheries) == ["Figure", "Value", "Period", "Asserted by", "Caveat", "Source"]
    assert rows(fisheries) == [["Fishing boats covered by the declaration Harbour summit", "about 1,200 boats",
                                "2020", "The Test Gazette", "An estimate.", "1"]]
    # Other pages link to /statistics.md#<id>: the anchor sits in the figure's own row.
    assert fisheries.find("tbody").find("tr").find_all("a", id="fishing-boats")
    assert [target for _, target in footnote_refs(fisheries)] == ["#fn:gazette-2020"]
    assert page.find_all("a", id="talks-hours")
    assert rows(section(page, "Other figures").find("table"))[0][:3] == [
        "Length of the harbour talks Harbour summit", "3 hours", "—"]


def test_compare_page_has_a_linked_row_per_leaders_meeting(book):
    table = parse(render.render_compare(book)).find("table")
    assert header(table) == ["Date", "Place", "Who", "Length", "Agreements", "Topics", "Notable details"]
    assert rows(table) == [
        ["1 May 2020", "Lighthouse Island, Harbour City", "Ivan Testov (host), Pak Test-hun (guest)",
         "3 hours: Length of the harbour talks", "Harbour friendship declaration (signed)", "Fisheries",
         "Lunch was {% raw %}fish soup{% endraw %}."],
        ["2021", "Harbour City", "Ivan Testov (host), Pak Test-hun (guest)", "no figure",
         "Harbour treaty (signed)", "Fisheries", "–"]]
    first = table.find("tbody").find("tr")
    assert first.links[:2] == [("/events/harbour-summit-2020.md", "1 May 2020"),
                               ("/people/leader-russia.md", "Ivan Testov")]
    assert ("/statistics.md#talks-hours", "Length of the harbour talks") in first.links


def test_compare_page_links_the_rest_of_a_meetings_details(book):
    event = book.dataset.get("events", "harbour-summit-2020")
    details = [Statement.model_construct(text=f"Detail {number}.", sources=["gazette-2020"], note=None)
               for number in range(1, 5)]
    page = parse(render.render_compare(_with(book, "events", Event.model_construct(**{**dict(event),
                                                                                      "details": details}))))
    cell = page.find("tbody").find("tr").find_all("td")[-1]
    assert cell.text == "Detail 1. · Detail 2. · 2 more on its page"
    assert cell.links == [("/events/harbour-summit-2020.md", "2 more on its page")]


def test_bibliography_lists_every_page_citing_a_source(book):
    page = parse(render.render_bibliography(book))
    assert headings(page) == ["Seed articles (2)"]
    # Each source is a titled entry with its own anchor, not a heading: hundreds of them
    # would crowd the table of contents and, as search sections, skew every name's ranking.
    gazette = page.find("p", id="gazette-2020")
    assert gazette.text == "Leaders meet at the harbour (Test Gazette, 2020)"
    assert page.find("p", id="courier-2021").text == "Second summit report (Test Courier, 2021)"
    courier = section(page, "Seed articles (2)")
    for link in (("/events/harbour-summit-2020.md", "Harbour summit"),
                 ("/treaties/harbour-treaty-2021.md", "Harbour treaty"), ("/people/leader-russia.md", "Ivan Testov")):
        assert link in courier.links
    assert "Cited by 7 pages:" in courier.text  # the topic's description cites it too
    assert "how the date was fixed: The copy carries no date" in courier.text


def test_glossary_terms_are_explained_where_rendered_text_uses_them(book):
    what = _labelled(_page(book, "events", "test-launch-2020").find("div", class_="admonition"))["What:"]
    abbr = what.find("abbr")
    assert (abbr.text, abbr.attrs["title"]) == ("TST", "Test State Television")
    glossary = parse(render.render_glossary(book)).find("table")
    assert rows(glossary)[0][:2] == ["TST", "Test State Television"]
    assert glossary.find_all("a", id="tst")


def test_home_shows_headline_summits_latest_events_and_figures(book):
    page = parse(render.render_home(book))
    assert headings(page)[:4] == ["Headline summits", "Latest developments", "Key figures", "Key people"]
    cards = section(page, "Headline summits").find("div", class_="cards")
    assert {"grid", "book-cards"} <= set(cards.classes)
    assert [card.find("strong").links for card in cards.find("ul").top] == [
        [("/events/harbour-summit-2020.md", "Harbour summit")]]
    assert "Data as of 3 December 2026." in page.find("p", class_="book-as-of").text
    lists = section(page, "Latest developments").find_all("ul")
    # Dated to the day, newest first; then the events of those years or later that the
    # sources date only to a month or a year, never ranked among the dated ones.
    assert [li.links[0][0] for li in lists[0].top] == ["/events/harbour-summit-2020.md"]
    assert [li.text.split(":")[0] for li in lists[1].top] == ["2021, date not given", "June 2020, day not given"]
    assert ("/statistics.md#talks-hours", "Length of the harbour talks") in section(page, "Key figures").links


def test_every_page_has_unique_ids_and_only_links_it_can_resolve(book):
    for name, html in _every_page(book).items():
        page = parse(html)
        ids = [node.attrs["id"] for node in page.iter() if node.attrs.get("id")]
        assert len(ids) == len(set(ids)), name
        for href, _ in page.links:
            # In-page anchors exist; everything else is a docs path for resolve_href to turn into a URL.
            if href.startswith("#"):
                assert href[1:] in ids, (name, href)
            else:
                assert href.startswith("/") and ".md" in href, (name, href)
