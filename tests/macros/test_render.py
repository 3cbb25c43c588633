"""Each page kind rendered from the fixture data: what a reader must find on it."""

from __future__ import annotations

import re
from dataclasses import replace

import markdown

from briefing.model import Event, Statement
from macros import render

SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables"]


def _html(page: str) -> str:
    return markdown.markdown(page, extensions=SITE_EXTENSIONS)


def _text(page: str) -> str:
    """The page as a reader sees it: HTML rendered, tags dropped, entities decoded."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", _html(page)))


def test_event_page_opens_with_the_bottom_line(book):
    page = render.render_entity_page(book, "events", "harbour-summit-2020")
    bluf = page.split("## ")[0]
    assert '!!! abstract "Bottom line up front"' in bluf
    for line in ("**When:** Friday 1 May 2020", "*How the date was fixed:* The report dated 2 May 2020",
                 "**Where:** [Lighthouse Island](/places/lighthouse-island.md), [Harbour City](/places/harbour-city.md)",
                 "**Who:** [Ivan Testov](/people/leader-russia.md) (host), [Pak Test-hun](/people/leader-north.md) (guest)",
                 "**What came of it:** [Harbour friendship declaration](/treaties/friendship-declaration-2020.md) (signed)"):
        assert line in bluf


def test_event_page_has_every_section_sourced(book):
    page = render.render_entity_page(book, "events", "harbour-summit-2020")
    for heading in ("## Participants", "## Agenda", "## Outcomes", "## Agreements", "## Quotes",
                    "## Notable details", "## Figures", "## Before and after", "## Sources cited"):
        assert heading in page
    assert "- Fishing rights.[^gazette-2020]" in page
    assert "> “The sea joins us.”[^gazette-2020]" in page
    assert "[^gazette-2020]: [Leaders meet at the harbour (Test Gazette, 2020)](/sources.md#gazette-2020)" in page
    assert "[^courier-2021]: [Second summit report (Test Courier, 2021)](/sources.md#courier-2021)" in page


def test_event_page_shows_sources_disagreeing(book):
    text = _text(render.render_entity_page(book, "events", "harbour-summit-2020"))
    assert "Sources disagree" in text
    assert "How long the talks lasted" in text and "Three hours." in text and "Five hours." in text


def test_event_page_links_the_leaders_meetings_before_and_after(book):
    first = render.render_entity_page(book, "events", "harbour-summit-2020")
    assert "**Previous leaders' meeting:** none in this book" in first
    assert "**Next leaders' meeting:** [Second summit in Harbour City](/events/second-summit-2021.md)" in first
    # An event that is not a meeting still sits between two of them.
    launch = render.render_entity_page(book, "events", "test-launch-2020")
    assert "**Previous leaders' meeting:** [Harbour summit](/events/harbour-summit-2020.md)" in launch
    assert "**Next leaders' meeting:** [Second summit in Harbour City](/events/second-summit-2021.md)" in launch


def test_template_syntax_in_the_data_is_printed_not_run(book):
    text = _text(render.render_entity_page(book, "people", "leader-north"))
    assert "his motto is {{ 7 * 7 }} and {% if true %}never{% endif %} changes." in text
    event = _text(render.render_entity_page(book, "events", "harbour-summit-2020"))
    assert "officials called it {{ config.site_name }} in jest." in event
    assert "Lunch was {% raw %}fish soup{% endraw %}." in event


def test_html_in_data_that_slipped_past_the_validator_is_escaped(book):
    # model_construct skips validation: the renderer alone must keep this inert.
    hostile = Statement.model_construct(text='<script>alert(1)</script><img src=x onerror="alert(2)">',
                                        sources=["gazette-2020"], note=None)
    event = book.dataset.get("events", "harbour-summit-2020")
    tampered = Event.model_construct(**{**dict(event), "title": "<b>Bold</b> summit", "summary": hostile,
                                        "details": [hostile]})
    records = {**book.dataset.records, "events": {**book.dataset.kind("events"), event.id: tampered}}
    html = _html(render.render_entity_page(replace(book, dataset=replace(book.dataset, records=records)),
                                           "events", event.id))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; summit" in html


def test_person_page_lists_names_roles_events_and_quotes(book):
    page = render.render_entity_page(book, "people", "leader-north")
    for expected in ("# Pak Test-hun", "**Also written:** Pak Test Hun · Chairman Pak", "**Hangul:** <span lang=\"ko\">박테스훈</span>",
                     "**Cyrillic:** <span lang=\"ru\">Пак Тест Хун</span>", "| Leader of the test republic |",
                     "| 1 May 2020 | [Harbour summit](/events/harbour-summit-2020.md) | Guest |",
                     "| 2021 | [Second summit in Harbour City](/events/second-summit-2021.md) | Guest |",
                     "> “The sea joins us.”", "- [Harbour friendship declaration](/treaties/friendship-declaration-2020.md)"):
        assert expected in page


def test_person_page_lists_other_mentions(book):
    page = render.render_entity_page(book, "people", "leader-russia")
    assert "## Also mentioned in" in page
    assert "- **Events:** [A test rocket launch](/events/test-launch-2020.md)" in page


def test_treaty_page_shows_the_whole_supersession_chain(book):
    older = render.render_entity_page(book, "treaties", "friendship-declaration-2020")
    newer = render.render_entity_page(book, "treaties", "harbour-treaty-2021")
    assert "1. **Harbour friendship declaration** (this page)" in older
    assert "2. [Harbour treaty](/treaties/harbour-treaty-2021.md)" in older
    assert "**This one is superseded by:** [Harbour treaty](/treaties/harbour-treaty-2021.md)" in older
    assert "**This one supersedes:** [Harbour friendship declaration](/treaties/friendship-declaration-2020.md)" in newer
    assert "| 1 May 2020 | [Harbour summit](/events/harbour-summit-2020.md) | Signed |" in older
    assert "**Signed by:** [Ivan Testov](/people/leader-russia.md), [Pak Test-hun](/people/leader-north.md)" in older


def test_topic_page_gathers_events_figures_treaties_and_quotes(book):
    page = render.render_entity_page(book, "topics", "fisheries")
    assert "[Harbour summit](/events/harbour-summit-2020.md)" in page
    assert "[Fishing boats covered by the declaration](/statistics.md#fishing-boats)" in page
    assert "- [Harbour friendship declaration](/treaties/friendship-declaration-2020.md), 1 May 2020" in page
    assert "> “The sea joins us.”" in page


def test_place_page_counts_events_at_places_inside_it(book):
    page = render.render_entity_page(book, "places", "harbour-city")
    assert "[Harbour summit](/events/harbour-summit-2020.md)" in page  # held on the island within it
    assert "[Second summit in Harbour City](/events/second-summit-2021.md)" in page
    assert "**Places within:** [Lighthouse Island](/places/lighthouse-island.md)" in page


def test_every_record_is_on_its_kinds_index(book):
    for kind in ("events", "people", "treaties", "topics", "places"):
        page = render.render_kind_index(book, kind)
        for record_id in book.dataset.kind(kind):
            assert f"](/{kind}/{record_id}.md)" in page, (kind, record_id)


def test_timeline_groups_events_by_year_oldest_first(book):
    page = render.render_timeline(book)
    assert page.index("## 2020") < page.index("Harbour summit") < page.index("A test rocket launch") < page.index("## 2021")
    assert "- **June 2020**: [A test rocket launch](/events/test-launch-2020.md)" in page


def test_statistics_page_gives_every_figure_its_anchor_and_columns(book):
    page = render.render_statistics(book)
    assert "| Figure | Value | Period | Asserted by | Caveat | Source |" in page
    assert '<a id="fishing-boats"></a>Fishing boats covered by the declaration' in page
    assert "| about 1,200 boats | 2020 | The Test Gazette | An estimate. | [^gazette-2020] |" in page
    assert '<a id="talks-hours"></a>' in page


def test_bibliography_lists_every_page_citing_a_source(book):
    page = render.render_bibliography(book)
    assert "## Leaders meet at the harbour (Test Gazette, 2020) { #gazette-2020 }" in page
    courier = page.split("{ #courier-2021 }")[1]
    for link in ("[Harbour summit](/events/harbour-summit-2020.md)", "[Harbour treaty](/treaties/harbour-treaty-2021.md)",
                 "[Ivan Testov](/people/leader-russia.md)"):
        assert link in courier
    assert "*how the date was fixed:* The copy carries no date" in courier


def test_glossary_terms_become_abbreviations(book):
    assert render.glossary_abbreviations(book) == "*[TST]: Test State Television"
    html = _html("Shown on TST.\n\n" + render.glossary_abbreviations(book))
    assert '<abbr title="Test State Television">TST</abbr>' in html


def test_home_shows_headline_summits_latest_events_and_figures(book):
    page = render.render_home(book)
    assert '<div class="grid cards book-cards" markdown>' in page
    assert "-   **[Harbour summit](/events/harbour-summit-2020.md)**" in page
    latest = page.split("## Latest developments")[1]
    assert latest.index("Second summit") < latest.index("A test rocket launch") < latest.index("Harbour summit")
    assert "## Key figures" in page and "[Length of the harbour talks](/statistics.md#talks-hours)" in page
