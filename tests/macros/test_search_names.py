"""What each page goes by in the search index (macros/search_names.py), on the fixture book."""

from __future__ import annotations

from macros.search_names import SEARCH_BOOST, search_boost, search_names


def test_a_person_goes_by_the_name_its_aliases_and_its_names_in_other_scripts(book):
    names = search_names(book)["people/leader-north.md"]
    assert names == ["Pak Test-hun", "Pak Test Hun", "Chairman Pak", "박테스훈", "Пак Тест Хун"]


def test_the_title_comes_first_for_every_page(book):
    names = search_names(book)
    assert names["places/lighthouse-island.md"][:2] == ["Lighthouse Island", "Mayak Island"]
    assert names["events/harbour-summit-2020.md"][0] == "Harbour summit"


def test_an_event_goes_by_its_venue_and_each_place_around_it_with_its_year(book):
    # Lighthouse Island lies within Harbour City.
    assert search_names(book)["events/harbour-summit-2020.md"][1:] == ["Lighthouse Island 2020", "Harbour City 2020"]


def test_the_glossary_goes_by_each_term_and_what_it_stands_for(book):
    assert search_names(book)["glossary.md"] == ["TST", "Test State Television"]


def test_each_statistics_section_goes_by_the_labels_of_its_figures(book):
    names = search_names(book)
    assert names["statistics.md#topic-fisheries"] == ["Fishing boats covered by the declaration"]
    assert names["statistics.md#topic-other"] == ["Length of the harbour talks"]


def test_every_record_page_has_names(book):
    names = search_names(book)
    for kind in ("events", "people", "places", "topics", "treaties"):
        for record_id in book.dataset.kind(kind):
            assert names[f"{kind}/{record_id}.md"], (kind, record_id)


def test_people_weigh_most_and_a_headline_event_more_than_another(book):
    events = book.dataset.kind("events")
    assert search_boost("people", book.record("people", "leader-north")) == max(SEARCH_BOOST.values())
    assert search_boost("events", events["harbour-summit-2020"]) > search_boost("events", events["test-launch-2020"])
    assert search_boost("sources", None) is None
