"""The leaders' meetings side by side (visuals/compare.py)."""

from __future__ import annotations

import re

from briefing.index import build_index
from visuals.compare import COLUMNS, cell_text, compare_meetings


def _rows(table: str) -> list[list[str]]:
    """The body rows of a Markdown table, split on unescaped pipes."""
    lines = table.strip().splitlines()[2:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]


def test_one_row_per_russia_north_korea_leaders_meeting_in_date_order(dataset):
    table = compare_meetings(dataset)
    assert table.splitlines()[0] == "| " + " | ".join(COLUMNS) + " |"
    rows = _rows(table)
    assert all(len(row) == len(COLUMNS) for row in rows)
    # The same meetings, in the same order, as the event pages' previous/next links.
    expected = build_index(dataset).leaders_meetings
    linked = [re.search(r"\(/events/([a-z0-9-]+)\.md\)", row[0]).group(1) for row in rows]
    assert linked == expected
    assert {"putin-pyongyang-2000", "vostochny-summit-2023", "putin-pyongyang-2024"} <= set(linked)


def test_a_row_gives_date_place_who_length_agreements_topics_and_details(dataset):
    rows = {re.search(r"/events/([a-z0-9-]+)\.md", row[0]).group(1): row for row in _rows(compare_meetings(dataset))}
    date, place, who, length, agreements, topics, details = rows["putin-pyongyang-2000"]
    assert date.startswith("[19–20 Jul 2000]")
    assert place == "Pyongyang"
    assert "[Vladimir Putin](/people/vladimir-putin.md) (guest)" in who
    assert length == "2 days (by its dates)"
    assert "(/treaties/russia-north-korea-declaration-2000.md) (expected)" in agreements
    assert "[Nuclear diplomacy](/topics/nuclear-diplomacy.md)" in topics
    assert "more on its page](/events/putin-pyongyang-2000.md)" in details


def test_the_place_names_what_it_lies_within(dataset):
    rows = {re.search(r"/events/([a-z0-9-]+)\.md", row[0]).group(1): row for row in _rows(compare_meetings(dataset))}
    assert rows["putin-kim-vladivostok-2019"][1] == "Far Eastern Federal University campus, Russky Island, Vladivostok"


def test_length_comes_from_duration_statistics_never_from_other_units(dataset):
    rows = {re.search(r"/events/([a-z0-9-]+)\.md", row[0]).group(1): row for row in _rows(compare_meetings(dataset))}
    assert rows["putin-kim-vladivostok-2019"][3].startswith("nearly 5 hours: [Length of the 2019 Vladivostok meetings]")
    # "More than 18 months" of war is linked to the Vostochny summit but is not its length.
    assert "months" not in rows["vostochny-summit-2023"][3]
    assert rows["vostochny-summit-2023"][3] == "no figure"


def test_data_text_cannot_break_the_table_or_become_markup(dataset, variant):
    event = dataset.get("events", "putin-kim-jong-il-vladivostok-2002").model_dump()
    event["details"] = [{"text": "A | pipe, {{ jinja }} and a [bracket]", "sources": ["afp-2019"]}]
    rows = _rows(compare_meetings(variant(events=[event])))
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert cell_text("a | b {{ c }}") == "a \\| b &#123;&#123; c &#125;&#125;"
    assert "{{" not in compare_meetings(variant(events=[event]))


def test_links_follow_the_page_path_given(dataset):
    table = compare_meetings(dataset, page_path=lambda kind, record_id: f"../{kind}/{record_id}/")
    assert "](../events/putin-pyongyang-2000/)" in table
    assert ".md)" not in table
